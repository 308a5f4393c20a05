// The concurrent prime sieve (Go's doc/play/sieve.go): a generator goroutine feeds 2, 3,
// 4, ... into a channel; each prime found adds a filter goroutine to the chain.
//
//   gosched run examples/sieve.mjs [N]     prints the first N primes (default 10)
//
// Each filter goroutine holds a thread while it lives (a goroutine is a thread here), so
// N past about 250 needs more M's than the default 256: GOSCHED_MAXM=1000 gosched run ...
import { chan, go } from 'gosched';

/** Sends 2, 3, 4, ... to ch. */
export function generate(ch) {
  for (let i = 2; ; i++) ch.send(i);
}

/** Copies the values from in to out, removing those divisible by prime. */
export function filter(input, out, prime) {
  for (;;) {
    const i = input.recv();
    if (i % prime !== 0) out.send(i);
  }
}

export function main(args = []) {
  const n = Number(args[0] ?? 10);
  let ch = chan();
  go(generate, ch);
  const primes = [];
  for (let i = 0; i < n; i++) {
    const prime = ch.recv();
    console.log(prime);
    primes.push(prime);
    const ch1 = chan();
    go(filter, ch, ch1, prime);
    ch = ch1;
  }
  return primes;
}
