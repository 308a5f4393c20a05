// The one documented layout of the scheduler's shared memory.
//
// Everything the scheduler shares between threads lives in one SharedArrayBuffer,
// viewed as an Int32Array (`mem`). Three regions follow one another:
//
//   [0, SCHED_WORDS)                       the Sched struct (the commit's `runtime·sched`)
//   [gTableBase, gTableBase + maxg*G_STRIDE) the G table, one row per goroutine slot
//   [mTableBase, mTableBase + maxm*M_STRIDE) the M table, one row per thread slot
//   then the goroutine spec area (bytes: which function a not-yet-started G runs)
//   and a small user scratch area.
//
// Pointers of the C code (G*, M*) are row indices here; NIL (-1) is nil. Tables are
// initialised to NIL where the C struct would start zeroed with nil pointers.
//
// Every field of the Sched struct except the atomic word and the lock cell is read and
// written only while holding schedlock (or, for predawn and the M's profilehz, only by
// one thread), so plain typed-array access is enough for them: the acquire and release
// of schedlock are Atomics operations, which order the plain accesses around them.
// The atomic word, the lock cell and the notes are accessed only through Atomics.

export const NIL = -1;

// --- Sched struct -----------------------------------------------------------------
/** schedlock: a no-starve lock (lock.ts), NOSTARVE_WORDS words from here: the state
 * word (0 when free, bit 0 when held), then its starving waiters' tail and grant. */
export const S_LOCK = 0;
/** Incremented on every acquisition of schedlock; lets a sampler know that no lock
 * hold began between two of its reads (not in the commit: a tool for the monitor). */
export const S_LOCKGEN = 3;
/** The atomic scheduling word (see word.ts). On a cache line of its own, away from the
 * lock cell, so the fast paths' CAS traffic does not bounce the lock's line. */
export const S_ATOMIC = 16;
export const S_GHEAD = 32; // g's waiting to run
export const S_GTAIL = 33;
export const S_GWAIT = 34; // number of g's waiting to run
export const S_GCOUNT = 35; // number of g's that are alive
export const S_GRUNNING = 36; // number of g's running on cpu or in syscall
export const S_MHEAD = 37; // m's waiting for work
export const S_MWAIT = 38; // number of m's waiting for work
export const S_MCOUNT = 39; // number of m's that have been created
export const S_PREDAWN = 40; // running initialization, don't run new g's
export const S_PROFILEHZ = 41; // cpu profiling rate
export const S_STOPPED = 42; // Note: one g can set waitstop and wait here for m's to stop
export const S_GCWAITING = 43; // runtime·gcwaiting
export const S_GOMAXPROCS = 44; // runtime·gomaxprocs
export const S_GFREE = 45; // available g's (status == Gdead)
export const S_GOIDGEN = 46;
export const S_GTABLE_USED = 47; // how many G rows have ever been handed out
export const S_MAXG = 48; // capacity of the G table
export const S_MAXM = 49; // capacity of the M table
export const S_PROTOCOL = 50; // 0 lock, 1 atomic (see protocol.ts)
export const S_FATAL = 51; // set when the scheduler threw; the runtime tears down
export const S_PANICS = 52; // goroutines that threw so far (the runtime counts them before goexit)
/** Threads outside the scheduler that may still start goroutines (a Runtime's owner
 * holds one until it says it will start no more): while any may, no goroutine being
 * runnable is not yet a deadlock. Read and written under schedlock. */
export const S_OWNERS = 53;
/** The last g of the run queue's head segment: goroutines back from a system call that
 * found no cpu slot (queue.ts, gputfront); NIL when the segment is empty. */
export const S_GRETTAIL = 54;
/** Goroutines taken from that segment in a row while others waited behind it (queue.ts
 * bounds it, so nothing behind the segment waits forever). */
export const S_GBYPASS = 55;
/** M's created whose thread has not yet entered the scheduler (M_FRESH set). */
export const S_MFRESH = 56;
export const SCHED_WORDS = 64;

// --- G table (one row per goroutine) -------------------------------------------------
export const G_STATUS = 0;
export const G_LOCKEDM = 1; // the M this G is wired to (every started G is: see runtime)
export const G_SCHEDLINK = 2; // next on the run queue or the free list
export const G_IDLEM = 3; // the M for which this is the idle goroutine
export const G_READYONSTOP = 4; // ready this G when its M stops running it
export const G_M = 5; // the M running this G (gp->m), NIL when not on an M
export const G_GOID = 6;
/** Why a Gwaiting (or sleeping Gsyscall) g waits: the commit's g->waitreason, as a code
 * the runtime names (chan receive, semacquire, ...); 0 when it says nothing. */
export const G_WAITREASON = 7;
// A row fills one 64-byte cache line: each goroutine writes its status on every
// entersyscall and exitsyscall, and two goroutines on two cpus must not share a line.
export const G_STRIDE = 16;

// Goroutine statuses, numbered as in the commit's runtime.h.
export const Gidle = 0;
export const Grunnable = 1;
export const Grunning = 2;
export const Gsyscall = 3;
export const Gwaiting = 4;
export const Gmoribund = 5;
export const Gdead = 6;
export const G_STATUS_NAMES = ['Gidle', 'Grunnable', 'Grunning', 'Gsyscall', 'Gwaiting', 'Gmoribund', 'Gdead'];

// --- M table (one row per thread); a row fills one 64-byte cache line ------------------
export const M_NEXTG = 0; // the G handed to this M by mnextg
export const M_WAITNEXTG = 1; // this M sleeps on havenextg waiting for nextg
export const M_HAVENEXTG = 2; // Note
export const M_LOCKEDG = 3; // the G wired to this M
export const M_IDLEG = 4; // this M's idle goroutine
export const M_SCHEDLINK = 5; // next on the idle M list
export const M_PROFILEHZ = 6; // the profiling rate this M last applied
export const M_CURG = 7; // the G this M runs
export const M_WHERE = 8; // where this M blocks, for the watchdog (see where.ts)
/** 1 from newm until the M's thread first enters the scheduler (handoff.ts, mstealfresh). */
export const M_FRESH = 9;
export const M_STRIDE = 16;

/** Bytes of goroutine spec (which function a new G runs, JSON) per G row. */
export const G_SPEC_BYTES = 1024;
/** Int32 words of scratch space shared with goroutines (benchmarks use it). */
export const USER_WORDS = 64;

/** Int32 words of path counters (paths.ts), after everything the protocol reads. */
export const PATH_REGION_WORDS = 32;

export interface Layout {
  maxg: number;
  maxm: number;
  gTableBase: number; // in Int32 words
  mTableBase: number; // in Int32 words
  specBase: number; // in bytes
  userBase: number; // in Int32 words
  pathBase: number; // in Int32 words: the path counters (paths.ts)
  bytes: number;
}

export function layoutFor(maxg: number, maxm: number): Layout {
  const gTableBase = SCHED_WORDS;
  const mTableBase = gTableBase + maxg * G_STRIDE;
  const specBase = (mTableBase + maxm * M_STRIDE) * 4;
  const userBase = (specBase + maxg * G_SPEC_BYTES) / 4;
  const pathBase = userBase + USER_WORDS;
  return { maxg, maxm, gTableBase, mTableBase, specBase, userBase, pathBase, bytes: (pathBase + PATH_REGION_WORDS) * 4 };
}
