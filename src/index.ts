// gosched's library entry point (the Node thread's side). Goroutine code imports the
// scheduler calls it makes from 'gosched/goroutine'.
export { Runtime, GoroutinePanic, SchedulerError, type RuntimeOptions, type Protocol } from './runtime/runtime.js';
export { runStress, formatStress, type StressOptions, type StressReport } from './stress/stress.js';
