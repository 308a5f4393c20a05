// The scheduler's JavaScript differences for wired goroutines and slow thread starts
// (src/sched/queue.ts gputfront, src/sched/handoff.ts mstealfresh, revokefresh), on one
// thread, for both protocols: the order a goroutine back from a system call gets on the
// run queue, and who gets the cpu slot of an M whose thread has not started.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  BYPASS_MAX, G_LOCKEDM, G_STATUS, Grunnable, M_FRESH, M_NEXTG, NIL, PROTOCOLS, counters, entersyscall, exitsyscall, gget, goexit,
  gput, lockOSThread, mget, mput, newproc, schedlock, schedule, schedunlock, setmcpumax, type Sched,
} from '../src/sched/index.js';
import { fixture } from './support/sched-fixture.js';
import { armWatchdog } from './support/watchdog.js';

// A broken hand-off leaves an M asleep on its note, which blocks this (the only) thread.
armWatchdog(30, 'sched-syscall-return tests');

const noop = () => {};

/** n goroutines queued with no cpu to run them (mcpumax 0), never started. */
function queuedNew(s: Sched, n: number): number[] {
  schedlock(s, NIL);
  setmcpumax(s, 0);
  schedunlock(s);
  return Array.from({ length: n }, () => newproc(s, NIL, noop));
}

/** A goroutine row that stands for one started on M row m and back from a system call
 * with no cpu free: what exitsyscall's slow path hands to gput. */
function backFromSyscall(s: Sched, g: number, m: number): void {
  s.mem[s.g(g, G_LOCKEDM)] = m;
  schedlock(s, NIL);
  gput(s, g, true);
  schedunlock(s);
}

function drain(s: Sched): number[] {
  const out: number[] = [];
  schedlock(s, NIL);
  for (let g = gget(s, NIL); g !== NIL; g = gget(s, NIL)) out.push(g);
  schedunlock(s);
  return out;
}

for (const protocol of PROTOCOLS) {
  test(`${protocol}: goroutines back from a system call queue ahead of new ones, first back first served`, () => {
    const { s } = fixture(protocol, 1);
    const [n0, n1, w0, w1, n2] = queuedNew(s, 5) as [number, number, number, number, number];
    // w0 and w1 stand for started goroutines: take them off the queue first.
    const all = drain(s);
    assert.deepEqual(all, [n0, n1, w0, w1, n2]);
    for (const g of [n0, n1]) {
      schedlock(s, NIL);
      gput(s, g);
      schedunlock(s);
    }
    backFromSyscall(s, w0, 3);
    backFromSyscall(s, w1, 4);
    schedlock(s, NIL);
    gput(s, n2); // a new goroutine after them still goes to the tail
    schedunlock(s);
    assert.equal(counters(s).gwait, 5);
    assert.deepEqual(drain(s), [w0, w1, n0, n1, n2]);
    assert.deepEqual([counters(s).gwait, counters(s).gwaiting], [0, 0]);
  });

  test(`${protocol}: while an M is free (idle, or asking for work itself), the goroutines behind the returned ones go first`, () => {
    const { s } = fixture(protocol, 1);
    const [n0, w0, n1] = queuedNew(s, 3) as [number, number, number];
    drain(s);
    schedlock(s, NIL);
    gput(s, n0);
    gput(s, n1);
    schedunlock(s);
    backFromSyscall(s, w0, 3);
    schedlock(s, NIL);
    assert.equal(gget(s, NIL, true), n0, 'an M with nothing to run starts a new goroutine');
    mput(s, 5);
    assert.equal(gget(s, NIL), n1, 'an idle M can run it');
    mget(s, NIL);
    gput(s, n1);
    assert.equal(gget(s, NIL), w0, 'no M free: the returned goroutine, whose M is there');
    assert.equal(gget(s, NIL), n1);
    schedunlock(s);
  });

  // examples/go-diff/select_default_syscall: main, at GOMAXPROCS 1, yields in a loop with an
  // M idle; had the yielder passed the returned goroutine for that idle M, it would take
  // itself back at every yield and the returned one would never run.
  test(`${protocol}: a started (wired) goroutine behind the returned ones does not pass them for a free M`, () => {
    const { s } = fixture(protocol, 1);
    const [y, w0] = queuedNew(s, 2) as [number, number];
    drain(s);
    s.mem[s.g(y, G_LOCKEDM)] = 4;
    schedlock(s, NIL);
    gput(s, y); // y yielded (its M counts no cpu while the queue waits)
    schedunlock(s);
    backFromSyscall(s, w0, 3);
    schedlock(s, NIL);
    mput(s, 5);
    assert.equal(gget(s, NIL), w0, 'an idle M cannot run y, which needs its own M: the returned goroutine first');
    assert.equal(gget(s, NIL), y);
    mget(s, NIL);
    schedunlock(s);
  });

  test(`${protocol}: a new goroutine behind the returned ones is served after BYPASS_MAX of them`, () => {
    const { s } = fixture(protocol, 1);
    const gs = queuedNew(s, 3);
    const [n0, w0, w1] = drain(s) as [number, number, number];
    schedlock(s, NIL);
    gput(s, n0);
    schedunlock(s);
    // Returned goroutines keep coming: each one taken is replaced by another.
    backFromSyscall(s, w0, 3);
    let next = w1;
    const taken: number[] = [];
    for (let i = 0; i <= BYPASS_MAX; i++) {
      schedlock(s, NIL);
      const g = gget(s, NIL);
      schedunlock(s);
      taken.push(g);
      if (g === n0) break;
      backFromSyscall(s, next, 3);
      next = g;
    }
    assert.equal(taken.length, BYPASS_MAX + 1, `n0 waited behind ${taken.length - 1} returned goroutines`);
    assert.equal(taken.at(-1), n0);
    assert.deepEqual(drain(s).length, 1, 'the returned goroutine still queued is kept');
    assert.equal(gs.length, 3);
  });

  test(`${protocol}: an M about to idle takes the goroutine handed to an M whose thread has not started`, () => {
    const { s, started } = fixture(protocol, 2);
    newproc(s, NIL, noop);
    const m0 = started[0]!;
    assert.equal(s.mem[s.m(m0, M_FRESH)], 1, 'a new M is fresh until its thread enters the scheduler');
    const g1 = schedule(s, m0, NIL);
    lockOSThread(s, m0, g1);
    assert.equal(s.mem[s.m(m0, M_FRESH)], 0);
    const g2 = newproc(s, NIL, noop); // no idle M: a second M, whose thread is slow to come
    const m1 = started[1]!;
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g2);
    // g1 ends; m0 would idle, so it runs g2 itself, with the cpu slot that came with it.
    assert.equal(goexit(s, m0, g1), g2);
    assert.equal(s.mem[s.m(m1, M_NEXTG)], NIL);
    const c = counters(s);
    assert.deepEqual([c.mcpu, c.grunning, c.gwait, c.mcount], [1, 1, 0, 2]);
  });

  /** GOMAXPROCS 1: g1, wired to m0, blocks in a system call, and its free slot goes with
   * g2, the next goroutine, to a new M m1 whose thread is still starting. */
  function blockedWithFreshM() {
    const { s, started } = fixture(protocol, 1);
    newproc(s, NIL, noop);
    const m0 = started[0]!;
    const g1 = schedule(s, m0, NIL);
    lockOSThread(s, m0, g1);
    entersyscall(s, m0, g1);
    const g2 = newproc(s, NIL, noop);
    const m1 = started[1]!;
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g2);
    return { s, m0, m1, g1, g2 };
  }

  test(`${protocol}: a goroutine back from a system call takes the cpu slot held for a thread still starting`, () => {
    const { s, m0, m1, g1, g2 } = blockedWithFreshM();
    // g1 returns: no slot is free; it takes m1's, and g2 goes back to the head of the queue.
    exitsyscall(s, m0, g1);
    let c = counters(s);
    assert.deepEqual([c.mcpu, c.grunning, c.gwait, c.mcount], [1, 1, 1, 2]);
    assert.equal(s.mem[s.m(m1, M_NEXTG)], NIL);
    assert.equal(s.mem[s.g(g2, G_STATUS)], Grunnable);
    // g1 blocks again: g2 goes to m1, whose thread is still coming, not to a third M.
    entersyscall(s, m0, g1);
    c = counters(s);
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g2);
    assert.deepEqual([c.mcpu, c.gwait, c.mcount], [1, 0, 2]);
  });

  test(`${protocol}: once mcpumax is lowered below the slots taken, a goroutine back from a system call does not take a fresh M's slot`, () => {
    const { s, m0, m1, g1, g2 } = blockedWithFreshM();
    // mcpumax falls to 0 (as stoptheworld lowers it): m1's slot was granted before, and
    // g2 may still use it, but it must not be granted anew to g1, which queues.
    schedlock(s, NIL);
    setmcpumax(s, 0);
    gput(s, g1, true);
    schedunlock(s);
    const c = counters(s);
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g2, 'the fresh M keeps its g');
    assert.equal(s.mem[s.m(m0, M_NEXTG)], NIL, 'g1 is not handed to its M');
    assert.deepEqual([c.mcpu, c.mcpumax, c.gwait], [1, 0, 1]);
  });
}
