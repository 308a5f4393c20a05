// os_exit.go in gosched: process.exit in a goroutine is Go's os.Exit (finally blocks do
// not run, as deferred calls do not).
import { chan, go, select } from 'gosched';

export function exiter(ready) {
  ready.recv();
  try {
    console.log('exiting with 3');
    process.exit(3);
  } finally {
    console.log('deferred: not printed');
  }
}

export function main() {
  const ready = chan();
  go(exiter, ready);
  console.log('main runs');
  ready.send(true);
  select([]);
}
