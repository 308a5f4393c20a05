// gosched's library entry point. The owning thread's side: Runtime and run(main).
// A goroutine's side: go, chan, select, WaitGroup, Mutex, Once, syscall, sleep, gosched,
// GOMAXPROCS, NumGoroutine (also from 'gosched/goroutine').
export {
  Runtime, GoroutinePanic, SchedulerError, ProgramExit, DEFAULT_MAXG, DEFAULT_MAXM,
  type RuntimeOptions, type Protocol, type GoOptions, type ThreadLimits,
} from './runtime/runtime.js';
export { Goroutine } from './runtime/handle.js';
export { run, type RunOptions } from './runtime/program.js';
export type { ModuleUrl } from './runtime/url.js';
// The types of what rt.goroutines(), SchedulerError.goroutines and rt.counters() return:
// a user annotating a helper that takes them had no name to import.
export type { GoroutineInfo } from './runtime/dump.js';
export type { SchedCounters } from './sched/snapshot.js';
export { runStress, formatStress, type StressOptions, type StressReport } from './stress/stress.js';
export * from './runtime/goroutine.js';
