// panic_many_at_once.go in gosched.
import { go, chan, WaitGroup } from 'gosched';
export function p(start) { start.recv(); throw 'one of many'; }
export function main() {
  const wg = new WaitGroup(), start = chan();
  for (let i = 0; i < 8; i++) { wg.add(1); go(p, start); }
  console.log('starting');
  start.close();
  wg.wait();
}
