// deadlock_mixed.go in gosched.
import { go, chan, select, Mutex, WaitGroup } from 'gosched';
export function sender(ch, wg) { ch.send(1); wg.done(); }
export function locker(mu, wg) { mu.lock(); wg.done(); }
export function selector(ch, other, wg) { select([{ recv: ch }, { recv: other }]); wg.done(); }
// A nil channel is null, which has no recv method: a select with its one case is Go's <-nilch.
export function nilRecv() { select([{ recv: null }]); }
export function main() {
  const wg = new WaitGroup(), mu = new Mutex(), ch = chan();
  mu.lock();
  wg.add(3);
  go(sender, ch, wg);
  go(locker, mu, wg);
  go(selector, ch, chan(), wg);
  go(nilRecv);
  console.log('waiting');
  wg.wait();
  ch.send(2);
}
