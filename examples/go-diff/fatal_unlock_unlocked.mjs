// fatal_unlock_unlocked.go in gosched: not catchable, as Go's fatal error is not
// recoverable.
import { Mutex } from 'gosched';

export function main() {
  const mu = new Mutex();
  mu.lock();
  mu.unlock();
  console.log('before');
  try {
    mu.unlock();
  } catch (err) {
    console.log('recovered', err.message);
  }
}
