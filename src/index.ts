// gosched's library entry point (the Node thread's side). Goroutine code imports the
// scheduler calls it makes from 'gosched/goroutine'.
export {
  Runtime, GoroutinePanic, SchedulerError, DEFAULT_MAXG, DEFAULT_MAXM,
  type RuntimeOptions, type Protocol, type GoOptions, type ThreadLimits,
} from './runtime/runtime.js';
export { runStress, formatStress, type StressOptions, type StressReport } from './stress/stress.js';
