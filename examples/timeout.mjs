// select with a timeout: a goroutine sleeping then sending on a channel plays Go's
// time.After; whichever of the work and the timer is ready first wins the select.
//
//   gosched run examples/timeout.mjs [WORK_MS] [TIMEOUT_MS]
import { chan, go, select, sleep } from 'gosched';

/** Go's time.After: a channel that receives once, ms from now. */
function after(ms) {
  const ch = chan(1);
  go(tick, ch, ms);
  return ch;
}

export function tick(ch, ms) {
  sleep(ms);
  ch.send(Date.now());
}

export function slowWork(ms, out) {
  sleep(ms);
  out.send(`work done after ${ms} ms`);
}

export function main(args = []) {
  const workMs = Number(args[0] ?? 500);
  const timeoutMs = Number(args[1] ?? 100);
  const out = chan(1);
  go(slowWork, workMs, out);
  const outcome = select([
    { recv: out, do: (v) => v },
    { recv: after(timeoutMs), do: () => `timed out after ${timeoutMs} ms` },
  ]);
  console.log(outcome);
  return outcome;
}
