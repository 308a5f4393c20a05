// run(main) as the README shows it: main imported from another module.
import { run } from '../../src/runtime/program.js';
import { main } from './run-main.js';

export function start(gomaxprocs: number): Promise<unknown> {
  return run(main, { protocol: 'atomic', gomaxprocs, args: ['x', 3] });
}

export function startAnonymous(): Promise<unknown> {
  return run(() => 1);
}
