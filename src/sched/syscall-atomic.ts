// entersyscall/exitsyscall as the commit writes them: a compare-and-swap fast path on
// the atomic word, and a schedlock slow path only when the scheduler needs to know.
//
// JavaScript difference, for speed: each slow path is a function of its own
// (entersyscallSlow, exitsyscallSlow) where the commit writes it inline after the fast
// path's loop. V8 inlines a call only while the callee's bytecode fits a budget (Node 20:
// 460 bytes for one function, 920 for all that one optimised function takes in), and a
// goroutine's loop of entersyscall/exitsyscall is fast only if both fast paths are inlined
// into it. With the slow paths inline, entersyscallAtomic was 451 bytes and exitsyscallAtomic
// 386 (the path counters pushed them up from 363 and 286): both no longer fitted the loop's
// budget, entersyscallAtomic ran as a real call on every pair, and the atomic
// BenchmarkSyscall-1 lost about 6% (--trace-turbo-inlining shows the refused candidate).
// Out of line, the fast paths are a fraction of the budget and are inlined whatever the
// slow paths grow to. Rejected: raising V8's limits (--max-inlined-bytecode-size-cumulative)
// works only for whoever passes the flag; trimming the counters back out of the slow paths
// would leave the fast path one counter away from the cliff again.

import { matchmg } from './handoff.js';
import {
  G_READYONSTOP, G_STATUS, G_STRIDE, M_STRIDE, Grunning, Gsyscall, M_PROFILEHZ, S_ATOMIC, S_PREDAWN, S_PROFILEHZ,
  S_STOPPED,
} from './layout.js';
import { notewakeup } from './lock.js';
import type { Sched } from './sched.js';
import { schedlock, schedunlock } from './schedlock.js';
import { gosched } from './schedule.js';
import { MCPU_ONE, WAITSTOP_BIT, atomicMcpu, atomicMcpumax, atomicWaitstop, waitstopShift } from './word.js';
import { P, countPath } from './paths.js';

/**
 * entersyscall: the goroutine g on m is about to make a blocking call, so m stops
 * counting as executing Go code (mcpu--), and someone else may use its cpu slot.
 */
export function entersyscallAtomic(s: Sched, m: number, g: number): void {
  const mem = s.mem;
  if (mem[S_PREDAWN]) return;

  // The commit saves the stack pointer here for gc and traceback, and checks it is
  // inside the stack; a JS goroutine has no stack the collector scans.
  mem[s.gBase + g * G_STRIDE + G_STATUS] = Gsyscall;

  // Fast path. The slow path inside schedlock/schedunlock gets through without
  // stopping if it does:
  //	mcpu--
  //	gwait not true
  //	waitstop && mcpu <= mcpumax not true
  // If we can do the same with a single atomic read/write, we can skip the locks.
  //
  // JavaScript difference: the commit rereads `v = runtime·sched.atomic` (a plain,
  // volatile read) at the top of each try. A plain read of the Int32Array is the same
  // here; after a failed compare-and-swap we take the value it returns instead, which
  // is the word as it is now, and saves the reread.
  let v = mem[S_ATOMIC]!;
  for (;;) {
    // gwaiting is bit 31: the sign bit of the int32.
    if (v < 0) break;
    if (((v >>> waitstopShift) & 1) !== 0 && atomicMcpu(v) - 1 <= atomicMcpumax(v)) break;
    const seen = Atomics.compareExchange(mem, S_ATOMIC, v, (v - MCPU_ONE) | 0);
    if (seen === v) return;
    countPath(s, P['enter.casretry']);
    v = seen;
  }
  entersyscallSlow(s, m);
}

/** entersyscall's slow path, under schedlock: the fast path declined (g's are waiting, or
 * this may be the decrement stoptheworld waits for). Out of line: see the header. */
function entersyscallSlow(s: Sched, m: number): void {
  const mem = s.mem;
  schedlock(s, m);
  countPath(s, P['enter.slow']);

  // atomic { mcpu--; } (Atomics.sub returns the old value; the commit's xadd the new)
  let v = (Atomics.sub(mem, S_ATOMIC, MCPU_ONE) - MCPU_ONE) | 0;
  if (v < 0) {
    // gwaiting: give the queued g's the cpu slot we just released.
    countPath(s, P['enter.slow.matchmg']);
    matchmg(s, m);
    v = Atomics.load(mem, S_ATOMIC);
  }
  if (atomicWaitstop(v) && atomicMcpu(v) <= atomicMcpumax(v)) {
    countPath(s, P['enter.slow.wakestop']);
    Atomics.sub(mem, S_ATOMIC, WAITSTOP_BIT);
    notewakeup(mem, S_STOPPED);
  }

  schedunlock(s);
}

/**
 * exitsyscall: the goroutine g on m has returned from its blocking call and must count
 * in mcpu again before it runs Go code. If no cpu slot is free, it waits in the
 * scheduler for one.
 */
export function exitsyscallAtomic(s: Sched, m: number, g: number): void {
  const mem = s.mem;
  if (mem[S_PREDAWN]) return;

  // Fast path. If we can do the mcpu++ bookkeeping and find that we still have
  // mcpu <= mcpumax, we can start executing Go code immediately, without
  // schedlock/schedunlock.
  // (Plain reads of the word and of profilehz, as in the commit; see entersyscall.)
  let v = mem[S_ATOMIC]!;
  for (;;) {
    // If the profiler frequency needs updating, take the slow path.
    if (mem[s.mBase + m * M_STRIDE + M_PROFILEHZ] !== mem[S_PROFILEHZ]) break;

    // Difference from the commit, which tests only mcpu < mcpumax: while g's wait
    // (gwaiting, bit 31: the sign of the word already loaded, so one test on v), a free
    // cpu is theirs. It can only be free then inside a slow path that holds schedlock,
    // between its mcpu-- and its matchmg (the monitor's first invariant holds whenever
    // schedlock is free), or while the queue's head is stranded (see gput, which then
    // hands g back); taking it here would leave matchmg none, and two M's that
    // alternate syscalls could keep a queued g waiting forever. The slow path queues g
    // behind them instead (gput). The liveness property `runs` (models/liveness-wired)
    // fails without this test: mutant exitsyscall_fast_ignores_gwaiting.
    if (v < 0) break;
    if (atomicMcpu(v) >= atomicMcpumax(v)) break;

    const seen = Atomics.compareExchange(mem, S_ATOMIC, v, (v + MCPU_ONE) | 0);
    if (seen === v) {
      // There's a cpu for us, so we can run.
      mem[s.gBase + g * G_STRIDE + G_STATUS] = Grunning;
      return;
    }
    countPath(s, P['exit.casretry']);
    v = seen;
  }
  exitsyscallSlow(s, m, g);
}

/** exitsyscall's slow path: no cpu slot is free (or m's profiling rate is stale), so g
 * waits in the scheduler. Out of line: see the header. */
function exitsyscallSlow(s: Sched, m: number, g: number): void {
  const mem = s.mem;
  schedlock(s, m);
  countPath(s, P['exit.slow']);
  if (mem[s.m(m, M_PROFILEHZ)] !== mem[S_PROFILEHZ]) countPath(s, P['exit.slow.profilehz']);

  // atomic { mcpu++; }
  Atomics.add(mem, S_ATOMIC, MCPU_ONE);

  // Tell scheduler to put g back on the run queue: mostly equivalent to
  // g->status = Grunning, but keeps the garbage collector from thinking that g is
  // running right now, which it's not.
  mem[s.g(g, G_READYONSTOP)] = 1;
  schedunlock(s);

  // All the cpus are taken. The scheduler will ready g and put this m to sleep. When
  // the scheduler takes g away from m, it will undo the mcpu++ above.
  gosched(s, m, g);
}
