// The task module of piscina and tinypool in `gosched bench pool` (their `filename`).
import { type TaskSpec, runTask } from './work.js';

export default function task(t: TaskSpec): number {
  return runTask(t);
}
