// The same task as a goroutine, for gosched in `gosched bench pool`: the block is a
// system call (its cpu slot goes to another goroutine meanwhile), the computation is not.
import { syscall } from '../../runtime/goroutine.js';
import { block, spin } from './work.js';

export function task(blockMs: number, iters: number): void {
  if (blockMs > 0) syscall(() => block(blockMs));
  spin(iters);
}
