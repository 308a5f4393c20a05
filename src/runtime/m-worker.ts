// The body of an M: a worker thread that runs goroutines, the commit's mstart.
//
// An M asks the scheduler for a G (schedule), runs it to completion on its own stack,
// and asks again (goexit). A G that blocks, yields or waits for a cpu slot does so
// inside the scheduler, on this thread: since its JavaScript stack cannot move to
// another thread, every started G is wired to its M (lockOSThread), and the scheduler
// hands it back to this M when it may run again.

import { parentPort, workerData } from 'node:worker_threads';
import {
  G_GOID, G_STATUS, Gsyscall, S_PANICS, M_WHERE, NIL, Sched, SchedFatal, W_EXITED, goexit,
  lockOSThread, schedule, syscallFns,
} from '../sched/index.js';
import { setCurrent } from './context.js';
import { claimM, publishM } from './m-claim.js';
import type { MMessage } from './messages.js';
import { readSpec } from './spec.js';

const { buffer, ctl } = workerData as { buffer: SharedArrayBuffer; ctl: Int32Array };
const post = (msg: MMessage) => parentPort!.postMessage(msg);

const s = Sched.attach(buffer, {
  newosproc: (newm) => {
    publishM(ctl, newm);
    post({ type: 'newm', m: newm });
  },
  exit: () => post({ type: 'exit' }),
});
const { entersyscall, exitsyscall } = syscallFns(s.protocol);

// A thread starts without an M row and takes the first one published (m-pool.ts).
post({ type: 'ready' });
const m = claimM(ctl);
post({ type: 'claimed', m });

async function mstart(): Promise<void> {
  let g = schedule(s, m, NIL);
  for (;;) {
    lockOSThread(s, m, g);
    setCurrent(s, m, g, entersyscall, exitsyscall);
    await rungoroutine(g);
    setCurrent(s, m, NIL, entersyscall, exitsyscall);
    g = goexit(s, m, g);
  }
}

/** Runs G row g's function. A throw ends the goroutine like a return does, so the
 * scheduler's counts stay exact; the Runtime reports it as a panic. */
async function rungoroutine(g: number): Promise<void> {
  let func = '(unknown)';
  try {
    const spec = readSpec(s, g);
    func = `${spec.name} (${spec.url})`;
    const mod = (await import(spec.url)) as Record<string, unknown>;
    const fn = mod[spec.name];
    if (typeof fn !== 'function') {
      throw new TypeError(`module ${spec.url} has no exported function '${spec.name}'`);
    }
    await fn(...spec.args);
    if (leaveSyscall(g)) throw new Error('goroutine returned inside a system call (entersyscall without exitsyscall)');
  } catch (err) {
    if (err instanceof SchedFatal) throw err;
    leaveSyscall(g);
    const e = err instanceof Error ? err : new Error(String(err));
    post({ type: 'panic', goid: s.mem[s.g(g, G_GOID)]!, func, message: e.message, stack: e.stack ?? '' });
    // Counted in shared memory before goexit, so the owner never sees the goroutine
    // gone (gcount) without knowing that a panic message is on its way.
    Atomics.add(s.mem, S_PANICS, 1);
  }
}

/** A goroutine that ends between entersyscall and exitsyscall has given up its cpu slot;
 * take one back (exitsyscall) so that goexit's mcpu-- balances. Reports whether it had to. */
function leaveSyscall(g: number): boolean {
  if (s.mem[s.g(g, G_STATUS)] !== Gsyscall) return false;
  exitsyscall(s, m, g);
  return true;
}

mstart().catch((err: unknown) => {
  // A scheduler throw (or a bug) on this M: tell the owner, which tears everything down.
  const e = err instanceof Error ? err : new Error(String(err));
  s.mem[s.m(m, M_WHERE)] = W_EXITED;
  post({ type: 'fatal', m, message: e.message, stack: e.stack ?? '' });
});
