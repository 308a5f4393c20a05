// The scheduler protocol of Go commit 025abd5 over shared memory. Knows nothing of
// worker threads or I/O: src/runtime drives it.
export * from './word.js';
export * from './layout.js';
export * from './sched.js';
export { lock, unlock, lockNoStarve, unlockNoStarve, NOSTARVE_WORDS, STARVE_MS, noteclear, notesleep, notewakeup } from './lock.js';
export { schedlock, schedunlock } from './schedlock.js';
export { setmcpumax, canaddmcpu } from './mcpu.js';
export { BYPASS_MAX, gput, gputtail, gget, ggetwired, gunget, haveg, mput, mget, gfput, gfget } from './queue.js';
export { deadlocked, freshwaiting, insyscall, mnextg, matchmg, nextgandunlock, nothreadfor } from './handoff.js';
export { cancelrunnable } from './cancel.js';
export { schedinit, initdone, newproc, readylocked, ready, schedule, gosched, goexit, park, ownerdone, lockOSThread, gstatus } from './schedule.js';
export { entersyscall, exitsyscall, syscallFns, type SyscallFn } from './syscall.js';
export { stoptheworld, starttheworld, gomaxprocsfunc, setcpuprofilerate } from './world.js';
export * from './where.js';
export * from './snapshot.js';
export { PATHS, P, countPath, pathCounts, type PathName } from './paths.js';
