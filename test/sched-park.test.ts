// park, ready and ownerdone on one thread, for both protocols: the bookkeeping of a
// goroutine that blocks (src/sched/schedule.ts), played step by step.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  G_READYONSTOP, G_STATUS, G_WAITREASON, Grunning, Gwaiting, NIL, PROTOCOLS, S_GCOUNT, S_GRUNNING, S_OWNERS,
  S_GWAIT, S_MAXM, S_MCOUNT, S_MFRESH, S_MWAIT, SchedFatal, counters, deadlocked, lockOSThread, newproc, nothreadfor,
  ownerdone, park, ready, schedlock, schedule, schedunlock, setmcpumax, type Sched,
} from '../src/sched/index.js';
import { fixture } from './support/sched-fixture.js';
import { armWatchdog } from './support/watchdog.js';

// A wrong hand-off would sleep on a note with nobody to wake it.
armWatchdog(60, 'sched-park tests');

function running(s: Sched, started: number[], n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    newproc(s, NIL, () => {});
    const m = started[started.length - 1]!;
    const g = schedule(s, m, NIL);
    lockOSThread(s, m, g);
    out.push([m, g]);
  }
  return out;
}

for (const protocol of PROTOCOLS) {
  test(`${protocol}: park: a ready that comes before schedule hands the g straight back (readyonstop)`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m1, g1], [m2]] = running(s, started, 2) as [[number, number], [number, number]];
    let seenStatus = -1;
    let seenReason = -1;
    // The waker finds g1 on a wait queue right after the queue's lock drops, while g1's
    // M has not reached schedule yet: g1->m is still set, so ready leaves readyonstop.
    const next = park(s, m1, g1, 7, () => {
      seenStatus = s.mem[s.g(g1, G_STATUS)]!;
      seenReason = s.mem[s.g(g1, G_WAITREASON)]!;
      ready(s, m2, g1);
      assert.equal(s.mem[s.g(g1, G_READYONSTOP)], 1, 'ready saw g1 still on its M');
    });
    assert.equal(seenStatus, Gwaiting, 'the status says waiting before the queue lock drops');
    assert.equal(seenReason, 7);
    assert.equal(next, g1, 'schedule readied g1 and gave it back to its M');
    assert.equal(s.mem[s.g(g1, G_STATUS)], Grunning);
    assert.equal(s.mem[s.g(g1, G_READYONSTOP)], 0);
    const c = counters(s);
    assert.deepEqual([c.mcpu, c.grunning, c.gwait], [2, 2, 0]);
  });

  test(`${protocol}: ownerdone: the deadlock check waits for the owner, then fires at once`, () => {
    const { s, started } = fixture(protocol, 1);
    running(s, started, 1);
    s.mem[S_OWNERS] = 1;
    ownerdone(s);
    assert.equal(s.mem[S_OWNERS], 0, 'a goroutine runs: no deadlock, the owner is released');
    s.mem[S_OWNERS] = 1;
    s.mem[S_GRUNNING] = 0; // every goroutine blocked
    assert.equal(s.mem[S_GCOUNT], 1);
    assert.throws(() => ownerdone(s), (e: unknown) => e instanceof SchedFatal && /all goroutines are asleep - deadlock!/.test(e.message));
    assert.equal(counters(s).lock, 0, 'schedlock released before the throw');
  });

  test(`${protocol}: deadlocked: goroutines queued for an M the full table cannot give need no owner's word; each way out of that state is seen`, () => {
    const { s } = fixture(protocol, 2);
    const m = s.mem;
    /** Every M row in use, each holding a parked goroutine; `queued` goroutines wait for
     * an M; the owner may still start goroutines. */
    const stuck = (queued: number) => {
      m[S_OWNERS] = 1;
      m[S_GRUNNING] = 0;
      m[S_GCOUNT] = m[S_MAXM]! + queued;
      m[S_GWAIT] = queued;
      m[S_MCOUNT] = m[S_MAXM]!;
      m[S_MWAIT] = 0;
      m[S_MFRESH] = 0;
    };
    stuck(1);
    assert.equal(nothreadfor(m), true);
    assert.equal(deadlocked(m), true, 'no goroutine the owner starts could run');
    const outs: [string, () => void][] = [
      ['a goroutine runs (it may ready one)', () => { m[S_GRUNNING] = 1; }],
      ['nothing is queued (the owner may start the one that readies them)', () => { m[S_GWAIT] = 0; }],
      ['a row of the M table is free', () => { m[S_MCOUNT] = m[S_MAXM]! - 1; }],
      ['an M is idle', () => { m[S_MWAIT] = 1; }],
      ['an M\'s thread is starting', () => { m[S_MFRESH] = 1; }],
      ['no cpu slot is free (mcpumax 0): the queue waits for a cpu, not an M', () => {
        schedlock(s, NIL);
        setmcpumax(s, 0);
        schedunlock(s);
      }],
    ];
    for (const [why, out] of outs) {
      stuck(1);
      out();
      assert.equal(deadlocked(m), false, why);
      schedlock(s, NIL);
      setmcpumax(s, 2);
      schedunlock(s);
    }
    stuck(0);
    m[S_OWNERS] = 0;
    assert.equal(deadlocked(m), true, 'sealed: every goroutine parked is a deadlock, as in the commit');
    m[S_GCOUNT] = 0;
    assert.equal(deadlocked(m), false, 'none alive: quiescent');
  });
}
