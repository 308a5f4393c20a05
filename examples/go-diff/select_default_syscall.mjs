// select_default_syscall.go in gosched: the producers' blocking call is syscall() around
// Atomics.wait. Found by fuzz.mjs: the yielding main took itself back at every gosched
// while an M was idle, and the producer back from its call never ran (src/sched/queue.ts gget).
import { chan, go, gosched, select, syscall } from 'gosched';

export function producer(c, base) {
  for (let j = 0; j < 2; j++) {
    syscall(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2));
    c.send(base + j);
  }
}

export function main() {
  const a = chan(1), b = chan(1);
  go(producer, a, 0);
  go(producer, b, 100);
  let sa = 0, sb = 0;
  for (let got = 0; got < 4;) {
    select([
      { recv: a, do: (v) => { sa += v; got++; } },
      { recv: b, do: (v) => { sb += v; got++; } },
    ], { default: () => gosched() });
  }
  console.log('sums', sa, sb);
}
