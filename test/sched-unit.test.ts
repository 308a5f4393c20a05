// Each scheduler function's bookkeeping, on one thread, for both protocols.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  G_LOCKEDM, G_READYONSTOP, G_STATUS, Gdead, Grunnable, Grunning, Gsyscall, M_HAVENEXTG, M_NEXTG,
  M_PROFILEHZ, M_WAITNEXTG, NIL, PROTOCOLS, S_GHEAD, SchedFatal, canaddmcpu, counters, entersyscall,
  exitsyscall, gget, goexit, gomaxprocsfunc, gosched, gput, haveg, lockOSThread, matchmg, maxgomaxprocs,
  mget, mput, newproc, nextgandunlock, schedlock, schedule, schedunlock, setcpuprofilerate,
  setmcpumax, starttheworld, stoptheworld, type Sched, S_PREDAWN, S_ATOMIC, S_STOPPED, S_GRUNNING,
  M_LOCKEDG, WAITSTOP_BIT, GWAITING_BIT, S_MAXM, S_MCOUNT, S_GBYPASS, S_GRETTAIL, S_GTAIL, BYPASS_MAX, ggetwired, gputtail,
} from '../src/sched/index.js';
import { fixture, lockgen } from './support/sched-fixture.js';
import { armWatchdog } from './support/watchdog.js';

// These tests play every thread on one; a bug that sleeps on a note would block forever.
armWatchdog(60, 'sched-unit tests');

const noop = () => {};

/** Starts goroutine rows on fresh M's, as a Runtime would: returns [m, g] pairs. */
function running(s: Sched, started: number[], n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    newproc(s, NIL, noop);
    const m = started[started.length - 1]!;
    const g = schedule(s, m, NIL); // mstart
    lockOSThread(s, m, g);
    out.push([m, g]);
  }
  return out;
}

for (const protocol of PROTOCOLS) {
  test(`${protocol}: setmcpumax and canaddmcpu keep the other fields`, () => {
    const { s } = fixture(protocol, 3);
    Atomics.or(s.mem, S_ATOMIC, GWAITING_BIT);
    schedlock(s, NIL);
    setmcpumax(s, 2);
    assert.equal(canaddmcpu(s), true);
    assert.equal(canaddmcpu(s), true);
    assert.equal(canaddmcpu(s), false, 'mcpu == mcpumax');
    schedunlock(s);
    assert.deepEqual({ ...counters(s) }.mcpu, 2);
    assert.equal(counters(s).mcpumax, 2);
    assert.equal(counters(s).gwaiting, 1);
  });

  test(`${protocol}: gput/gget keep FIFO order and toggle gwaiting on 0<->1 only`, () => {
    const { s } = fixture(protocol, 1);
    schedlock(s, NIL);
    setmcpumax(s, 0); // no cpu: newproc must queue
    schedunlock(s);
    const gs = [newproc(s, NIL, noop), newproc(s, NIL, noop), newproc(s, NIL, noop)];
    let c = counters(s);
    assert.equal(c.gwait, 3);
    assert.equal(c.gwaiting, 1);
    assert.equal(c.gcount, 3);
    schedlock(s, NIL);
    assert.equal(haveg(s, NIL), true);
    assert.equal(gget(s, NIL), gs[0]);
    assert.equal(gget(s, NIL), gs[1]);
    assert.equal(counters(s).gwaiting, 1, 'still one waiting');
    assert.equal(gget(s, NIL), gs[2]);
    assert.equal(counters(s).gwaiting, 0, '1 -> 0 clears gwaiting');
    assert.equal(gget(s, NIL), NIL);
    assert.equal(s.mem[S_GHEAD], NIL);
    gput(s, gs[1]!);
    c = counters(s);
    assert.deepEqual([c.gwait, c.gwaiting], [1, 1]);
    schedunlock(s);
  });

  test(`${protocol}: newproc readies the goroutine and matchmg starts an M for it`, () => {
    const { s, started } = fixture(protocol, 2);
    const g = newproc(s, NIL, noop);
    assert.deepEqual(started, [0], 'newosproc for m0');
    assert.equal(s.mem[s.m(0, M_NEXTG)], g, 'mnextg handed g to m0');
    const c = counters(s);
    assert.deepEqual([c.mcpu, c.grunning, c.gwait, c.mcount, c.gcount], [1, 1, 0, 1, 1]);
    assert.equal(schedule(s, 0, NIL), g, 'the new M finds g as its nextg');
    assert.equal(s.mem[s.g(g, G_STATUS)], Grunning);
  });

  test(`${protocol}: an idle M is reused before a new one is created; mput/mget are LIFO`, () => {
    const { s, started } = fixture(protocol, 1);
    schedlock(s, NIL);
    mput(s, 3);
    mput(s, 5);
    assert.equal(counters(s).mwait, 2);
    assert.equal(mget(s, NIL), 5);
    mput(s, 5);
    schedunlock(s);
    const g = newproc(s, NIL, noop);
    assert.deepEqual(started, [], 'no thread created');
    assert.equal(s.mem[s.m(5, M_NEXTG)], g);
    assert.equal(counters(s).mwait, 1);
  });

  test(`${protocol}: a wired g goes straight to its M, waking it`, () => {
    const { s, started } = fixture(protocol, 1);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    assert.equal(s.mem[s.g(g, G_LOCKEDM)], m);
    schedlock(s, m);
    assert.equal(mget(s, g), m, 'mget of a wired g is its M');
    // Pretend m is asleep in nextgandunlock, waiting for its g.
    s.mem[s.m(m, M_WAITNEXTG)] = 1;
    s.mem[s.m(m, M_HAVENEXTG)] = 0;
    Atomics.sub(s.mem, S_ATOMIC, 1); // g left the cpu
    gput(s, g);
    schedunlock(s);
    assert.equal(s.mem[s.m(m, M_NEXTG)], g);
    assert.equal(s.mem[s.m(m, M_WAITNEXTG)], 0);
    assert.equal(s.mem[s.m(m, M_HAVENEXTG)], 1, 'havenextg woken');
    assert.equal(counters(s).mcpu, 1, 'canaddmcpu counted it');
    assert.equal(counters(s).gwait, 0);
  });

  test(`${protocol}: a wired g readied while g's wait queues behind them, even with a cpu free`, () => {
    // GOMAXPROCS 1: g1 left the cpu and waits in the run queue; then g0 leaves the cpu
    // (as schedule does before readyonstop's gput). The commit's gput would hand g0
    // straight back to m0, ahead of g1 (liveness mutant readyonstop_jumps_queue).
    const { s, started } = fixture(protocol, 2);
    const [[m0, g0], [m1, g1]] = running(s, started, 2) as [[number, number], [number, number]];
    schedlock(s, NIL);
    setmcpumax(s, 1);
    Atomics.sub(s.mem, S_ATOMIC, 1); // g1 off the cpu: mcpu 1, no cpu free
    s.mem[s.g(g1, G_STATUS)] = Grunnable;
    gput(s, g1);
    assert.equal(counters(s).gwait, 1, 'no cpu free: g1 queued');
    Atomics.sub(s.mem, S_ATOMIC, 1); // g0 off the cpu: mcpu 0, one cpu free
    s.mem[s.g(g0, G_STATUS)] = Grunnable;
    gput(s, g0);
    assert.equal(s.mem[s.m(m0, M_NEXTG)], NIL, 'g0 not handed back ahead of g1');
    assert.deepEqual([counters(s).gwait, counters(s).mcpu, s.mem[S_GHEAD]], [2, 0, g1]);
    matchmg(s, m0); // the caller's matchmg: the free cpu goes to the head
    schedunlock(s);
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g1);
    assert.deepEqual([counters(s).gwait, counters(s).mcpu, s.mem[S_GHEAD]], [1, 1, g0]);
  });

  test(`${protocol}: a wired g is handed back past a queue head that can get no M (M table full)`, () => {
    // Otherwise its M would sleep behind a g that cannot run until an M's goroutine ends.
    const { s, started } = fixture(protocol, 1);
    const [[m0, g0]] = running(s, started, 1) as [[number, number]];
    schedlock(s, NIL);
    s.mem[S_MAXM] = s.mem[S_MCOUNT]!; // the M table is full
    schedunlock(s);
    const u = newproc(s, NIL, noop); // unwired, no cpu free: queued
    schedlock(s, m0);
    assert.equal(s.mem[S_GHEAD], u);
    Atomics.sub(s.mem, S_ATOMIC, 1); // g0 off the cpu
    s.mem[s.g(g0, G_STATUS)] = Grunnable;
    gput(s, g0);
    schedunlock(s);
    assert.equal(s.mem[s.m(m0, M_NEXTG)], g0, 'handed back: the head could not use the cpu');
    assert.deepEqual([counters(s).gwait, counters(s).mcpu], [1, 1]);
  });

  test(`${protocol}: past a full M table, matchmg gives the free cpus to the wired g's behind a g that can get no M`, () => {
    // Queue, head first: g1 (back from a syscall: the head segment), u (never started,
    // unwired), g0 (yielded). gget takes u by the bypass bound; no M can be made for it.
    const { s, started } = fixture(protocol, 2);
    const [[m0, g0], [m1, g1]] = running(s, started, 2) as [[number, number], [number, number]];
    const u = newproc(s, NIL, noop); // both cpus taken: queued
    schedlock(s, m0);
    Atomics.sub(s.mem, S_ATOMIC, 2); // g0 and g1 off their cpus
    s.mem[s.g(g0, G_STATUS)] = Grunnable;
    gputtail(s, g0); // a yield queues at the tail (schedule)
    s.mem[s.g(g1, G_STATUS)] = Grunnable;
    gput(s, g1, true); // back from a syscall: the head segment
    assert.deepEqual([s.mem[S_GHEAD], s.mem[S_GRETTAIL], s.mem[S_GTAIL], counters(s).gwait], [g1, g1, g0, 3]);
    s.mem[S_MAXM] = s.mem[S_MCOUNT]!; // the M table is full now
    s.mem[S_GBYPASS] = BYPASS_MAX;
    matchmg(s, m0);
    schedunlock(s);
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g1, 'the segment\'s g to its M');
    assert.equal(s.mem[s.m(m0, M_NEXTG)], g0, 'the yielded g, behind u, to its M');
    assert.deepEqual([s.mem[S_GHEAD], s.mem[S_GRETTAIL], s.mem[S_GTAIL]], [u, NIL, u], 'u alone in the queue, no segment');
    const c = counters(s);
    assert.deepEqual([c.gwait, c.gwaiting, c.mcpu], [1, 1, 2]);
    schedlock(s, NIL);
    assert.equal(ggetwired(s), NIL, 'no wired g left');
    assert.equal(gget(s, NIL), u);
    schedunlock(s);
    assert.deepEqual([counters(s).gwait, counters(s).gwaiting], [0, 0]);
  });

  test(`${protocol}: gosched of a wired g gives the same g back and balances the counts`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    const before = counters(s);
    assert.equal(gosched(s, m, g), g);
    assert.deepEqual(counters(s), before);
  });

  test(`${protocol}: a g that cannot get a cpu is queued, and its M's next scheduling hands it over`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m0, g0], [m1, g1]] = running(s, started, 2) as [[number, number], [number, number]];
    // GOMAXPROCS(1) from g0: mcpu 2 > 1, so g0 yields; with one cpu taken by g1, it waits.
    s.mem[s.m(m0, M_WAITNEXTG)] = 0;
    schedlock(s, m0);
    setmcpumax(s, 1);
    schedunlock(s);
    // Simulate g0 entering the scheduler without sleeping: do schedule's first half by hand.
    schedlock(s, m0);
    Atomics.sub(s.mem, S_ATOMIC, 1);
    s.mem[s.g(g0, G_STATUS)] = Grunnable;
    gput(s, g0);
    schedunlock(s);
    assert.equal(counters(s).gwait, 1, 'no cpu: queued');
    assert.equal(counters(s).gwaiting, 1);
    // g1 enters a syscall: gwaiting forces the slow path, which hands g0 to m0.
    const gen = lockgen(s);
    entersyscall(s, m1, g1);
    assert.ok(lockgen(s) > gen, 'slow path took schedlock');
    assert.equal(s.mem[s.m(m0, M_NEXTG)], g0);
    const c = counters(s);
    assert.deepEqual([c.gwait, c.gwaiting, c.mcpu], [0, 0, 1]);
  });

  test(`${protocol}: entersyscall/exitsyscall balance mcpu; the atomic fast path takes no lock`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    const gen = lockgen(s);
    entersyscall(s, m, g);
    assert.equal(s.mem[s.g(g, G_STATUS)], Gsyscall);
    assert.equal(counters(s).mcpu, 0);
    exitsyscall(s, m, g);
    assert.equal(s.mem[s.g(g, G_STATUS)], Grunning);
    assert.equal(counters(s).mcpu, 1);
    if (protocol === 'atomic') assert.equal(lockgen(s), gen, 'fast paths never took schedlock');
    else assert.equal(lockgen(s), gen + 2, 'old protocol takes schedlock in both');
  });

  test(`${protocol}: entersyscall wakes a waiting stoptheworld once mcpu <= mcpumax`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m0, g0]] = running(s, started, 2) as [[number, number]];
    // Stoptheworld (by the other g) has lowered mcpumax to 1 and set waitstop.
    schedlock(s, NIL);
    setmcpumax(s, 1);
    Atomics.add(s.mem, S_ATOMIC, WAITSTOP_BIT);
    schedunlock(s);
    entersyscall(s, m0, g0);
    const c = counters(s);
    assert.deepEqual([c.mcpu, c.waitstop], [1, 0]);
    assert.equal(s.mem[S_STOPPED], 1, 'sched.stopped woken');
  });

  // The lock protocol needs no such test: it decides under schedlock, where g's wait only
  // while every cpu is taken (the monitor's first invariant).
  if (protocol === 'atomic') test(`${protocol}: exitsyscall's fast path leaves a free cpu to the g's that wait`, () => {
    // The window of an entersyscall slow path between its mcpu-- and its matchmg: g1
    // waits and a cpu is free. (Here schedlock is released in that state so that one
    // thread can play exitsyscall's slow path; its fast path never looks at the lock.)
    const { s, started } = fixture(protocol, 2);
    const [[m0, g0], [m1, g1]] = running(s, started, 2) as [[number, number], [number, number]];
    entersyscall(s, m0, g0);
    schedlock(s, m1);
    Atomics.sub(s.mem, S_ATOMIC, 1); // g1 off the cpu: mcpu 0
    s.mem[s.g(g1, G_STATUS)] = Grunnable;
    Atomics.sub(s.mem, S_ATOMIC, 1); // as if a cpu were taken while g1 is queued...
    gput(s, g1);
    Atomics.add(s.mem, S_ATOMIC, 1); // ...then freed, matchmg not run yet
    schedunlock(s);
    assert.deepEqual([counters(s).gwait, counters(s).gwaiting, counters(s).mcpu], [1, 1, 0]);
    const gen = lockgen(s);
    exitsyscall(s, m0, g0);
    // The commit's atomic fast path would take a cpu by CAS and leave g1 waiting
    // (liveness mutant exitsyscall_fast_ignores_gwaiting); the slow path queues g0
    // behind g1, and g1, the head, gets its cpu first.
    assert.ok(lockgen(s) > gen, 'took the slow path');
    assert.equal(s.mem[s.m(m1, M_NEXTG)], g1, 'the waiting g got a cpu');
    assert.equal(s.mem[s.g(g0, G_STATUS)], Grunning);
    assert.deepEqual([counters(s).gwait, counters(s).mcpu], [0, 2]);
  });

  test(`${protocol}: exitsyscall leaves its fast path when the profiling rate changed`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    entersyscall(s, m, g);
    setcpuprofilerate(s, NIL, 100);
    const gen = lockgen(s);
    exitsyscall(s, m, g); // slow path: readyonstop, gosched, g handed back to m
    assert.ok(lockgen(s) > gen);
    assert.equal(s.mem[s.m(m, M_PROFILEHZ)], 100, 'schedule applied the new rate');
    assert.equal(s.mem[s.g(g, G_STATUS)], Grunning);
    assert.equal(s.mem[s.g(g, G_READYONSTOP)], 0);
    const c = counters(s);
    assert.deepEqual([c.mcpu, c.grunning, c.gwait], [1, 1, 0]);
  });

  test(`${protocol}: predawn makes entersyscall and exitsyscall return at once`, () => {
    const { s, started } = fixture(protocol, 2);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    s.mem[S_PREDAWN] = 1;
    const word = Atomics.load(s.mem, S_ATOMIC);
    const gen = lockgen(s);
    entersyscall(s, m, g);
    exitsyscall(s, m, g);
    assert.equal(Atomics.load(s.mem, S_ATOMIC), word);
    assert.equal(lockgen(s), gen);
  });

  test(`${protocol}: goexit of the last goroutine frees it and calls exit`, () => {
    const f = fixture(protocol, 2);
    const { s, started } = f;
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    // goexit then sleeps in nextgandunlock as an idle M; give it a g first so it returns.
    const g2 = newproc(s, NIL, noop); // goes to... a new M (mcpu 1 < 2)
    assert.equal(started.length, 2);
    schedlock(s, NIL);
    // Move g2 from the new M to m: the test plays the scheduler's part.
    s.mem[s.m(started[1]!, M_NEXTG)] = NIL;
    s.mem[s.m(m, M_NEXTG)] = g2;
    schedunlock(s);
    assert.equal(goexit(s, m, g), g2);
    assert.equal(s.mem[s.g(g, G_STATUS)], Gdead);
    assert.equal(s.mem[s.g(g, G_LOCKEDM)], NIL);
    assert.equal(counters(s).gcount, 1);
    assert.equal(f.exits, 0);
    lockOSThread(s, m, g2);
    schedlock(s, NIL);
    s.mem[s.m(m, M_NEXTG)] = g2; // so that nextgandunlock returns at once
    Atomics.add(s.mem, S_ATOMIC, 1);
    s.mem[S_GRUNNING]!++; // grunning, as mnextg would
    schedunlock(s);
    goexit(s, m, g2);
    assert.equal(f.exits, 1, 'exit when gcount reaches 0');
    assert.equal(counters(s).gcount, 0);
  });

  test(`${protocol}: nextgandunlock throws "all goroutines are asleep" when nothing can run`, () => {
    const { s, started } = fixture(protocol, 1);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    schedlock(s, m);
    s.mem[S_GRUNNING] = 0; // grunning: the only goroutine blocked
    s.mem[s.m(m, M_LOCKEDG)] = NIL; // not wired, so it would wait on the global queue
    assert.throws(() => nextgandunlock(s, m), (e: unknown) => e instanceof SchedFatal && /all goroutines are asleep - deadlock!/.test(e.message));
    void g;
  });

  test(`${protocol}: GOMAXPROCS: <= 0 queries, above the cap clamps, non-integers are rejected`, () => {
    const { s } = fixture(protocol, 3);
    assert.equal(gomaxprocsfunc(s, NIL, NIL, 0), 3);
    assert.equal(gomaxprocsfunc(s, NIL, NIL, -5), 3);
    assert.equal(counters(s).mcpumax, 3);
    assert.equal(gomaxprocsfunc(s, NIL, NIL, 1e9), 3);
    assert.equal(counters(s).mcpumax, maxgomaxprocs);
    assert.equal(gomaxprocsfunc(s, NIL, NIL, 2), maxgomaxprocs);
    const word = Atomics.load(s.mem, S_ATOMIC);
    for (const bad of [1.5, NaN, Infinity, '2' as unknown as number]) {
      assert.throws(() => gomaxprocsfunc(s, NIL, NIL, bad), RangeError);
    }
    assert.equal(Atomics.load(s.mem, S_ATOMIC), word, 'word untouched by bad input');
    assert.equal(counters(s).lock, 0, 'lock not left held');
  });

  test(`${protocol}: stoptheworld with only the caller running; GOMAXPROCS during gc waits for starttheworld`, () => {
    const { s, started } = fixture(protocol, 3);
    const [[m, g]] = running(s, started, 1) as [[number, number]];
    stoptheworld(s, m);
    let c = counters(s);
    assert.deepEqual([c.mcpumax, c.gcwaiting, c.waitstop, c.lock], [1, 1, 0, 0]);
    assert.equal(gomaxprocsfunc(s, m, g, 2), 3);
    assert.equal(counters(s).mcpumax, 1, 'still stopped');
    starttheworld(s, m);
    c = counters(s);
    assert.deepEqual([c.mcpumax, c.gcwaiting, c.gomaxprocs], [2, 0, 2]);
  });

  test(`${protocol}: matchmg hands every queued g a cpu up to mcpumax`, () => {
    const { s, started } = fixture(protocol, 1);
    schedlock(s, NIL);
    setmcpumax(s, 0);
    schedunlock(s);
    for (let i = 0; i < 3; i++) newproc(s, NIL, noop);
    assert.deepEqual(started, []);
    schedlock(s, NIL);
    setmcpumax(s, 2);
    matchmg(s, NIL);
    schedunlock(s);
    const c = counters(s);
    assert.deepEqual(started, [0, 1]);
    assert.deepEqual([c.mcpu, c.grunning, c.gwait, c.gwaiting], [2, 2, 1, 1]);
  });
}
