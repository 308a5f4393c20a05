// A bounded worker pool: a fixed number of worker goroutines, a jobs channel, a results
// channel and a WaitGroup; the pool never runs more jobs at once than it has workers.
//
//   GOMAXPROCS=2 gosched run examples/pool.mjs [JOBS] [WORKERS]
import { chan, go, WaitGroup } from 'gosched';

/** A CPU-bound job: the number of primes below n. */
function countPrimes(n) {
  let count = 0;
  for (let i = 2; i < n; i++) {
    let prime = true;
    for (let d = 2; d * d <= i; d++) if (i % d === 0) { prime = false; break; }
    if (prime) count++;
  }
  return count;
}

export function worker(id, jobs, results, wg) {
  for (const j of jobs) results.send({ job: j, worker: id, primes: countPrimes(j * 1000) });
  wg.done();
}

export function main(args = []) {
  const njobs = Number(args[0] ?? 12);
  const nworkers = Number(args[1] ?? 3);
  const jobs = chan(njobs);
  const results = chan(njobs);
  const wg = new WaitGroup();
  for (let w = 1; w <= nworkers; w++) {
    wg.add(1);
    go(worker, w, jobs, results, wg);
  }
  for (let j = 1; j <= njobs; j++) jobs.send(j);
  jobs.close();
  wg.wait(); // every worker is done, so every result is buffered
  results.close();
  const all = [...results].sort((a, b) => a.job - b.job);
  for (const r of all) console.log(`job ${r.job}: ${r.primes} primes below ${r.job * 1000} (worker ${r.worker})`);
  return all;
}
