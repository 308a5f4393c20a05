// panic_holding_mutex.go in gosched.
import { go, chan, sleep, Mutex } from 'gosched';
export function holder(mu, locked) {
  mu.lock();
  locked.send(true);
  sleep(100); // main prints, then waits for the Mutex
  throw 'died holding the lock';
}
export function main() {
  const mu = new Mutex(), locked = chan();
  go(holder, mu, locked);
  locked.recv();
  console.log('holder has it');
  mu.lock();
  console.log('not reached');
}
