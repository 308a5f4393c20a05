// syscall_promise_stuck.go in gosched: the stuck system call is a promise that never
// settles. With nothing else on its thread's event loop, Node would end that thread
// while the goroutine was still in its call (a fatal error, "thread of m1 exited with
// code 0", before main could return); main's sleep gives it the time to.
import { chan, go, sleep, syscall } from 'gosched';

export async function stuck(started) {
  started.send(true);
  await syscall(() => new Promise(() => {}));
  console.log('never printed');
}

export function main() {
  const started = chan();
  go(stuck, started);
  started.recv();
  sleep(50);
  console.log('main returns while a goroutine is stuck in a system call');
}
