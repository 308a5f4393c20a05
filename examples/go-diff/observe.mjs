// What a run of one go-diff program shows a user, in a form that a Go run and a gosched
// run can be compared on: stdout as it is, the exit status, and the report on stderr
// reduced to its first line ("panic: ..." or "fatal error: ...") and the state of each
// goroutine listed ("goroutine [chan receive]:"), sorted. Goroutine ids are dropped:
// Go numbers its own runtime goroutines first, so its user goroutines start higher.
// Stack lines are dropped too: Go's name Go source lines, gosched's JavaScript ones.
//
// Used by compare.mjs (Go against gosched, needs Go) and by test/go-diff.test.ts
// (gosched against what compare.mjs recorded from Go, in go-observed.json).
import { execFile, execFileSync } from 'node:child_process';

/** Every case: its program (NAME.go and NAME.mjs) and the GOMAXPROCS it runs with. */
export const cases = [
  ['chan_unbuffered', 2], ['chan_buffered', 2], ['chan_close', 2], ['select_cases', 2], ['range_chan', 2],
  ['waitgroup', 2], ['mutex', 2], ['gomaxprocs', 2], ['nested_go', 2], ['syscall_block', 1],
  ['panic_send_closed', 2], ['panic_close_closed', 2], ['panic_close_nil', 2], ['panic_waitgroup_negative', 2],
  ['panic_goroutine', 2], ['panic_string', 2], ['fatal_unlock_unlocked', 2], ['fatal_deadlock', 2],
  ['fatal_deadlock_send', 2], ['fatal_deadlock_select', 2], ['os_exit', 2], ['fatal_deadlock_nil', 2],
  ['panic_init', 2], ['panic_nil', 2], ['main_returns', 2], ['sleep_wakes', 1], ['select_default_syscall', 1], ['fatal_deadlock_one_case', 2], ['panic_float', 2],
  ['syscall_promise_stuck', 1], ['deadlock_mixed', 2], ['once_reentrant', 2], ['once_panic', 2],
  ['close_wakes_sender', 2], ['select_send_closed', 2], ['panic_holding_mutex', 2], ['panic_many_at_once', 1], ['fifo_blocked', 2],
].map(([name, gomaxprocs]) => ({ name, gomaxprocs }));

/** The comparable part of stderr (see the header). */
export function report(stderr) {
  const lines = stderr.split('\n');
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const goroutines = lines
    .map((l) => /^goroutine \d+ (\[[^\]]*\]):$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => `goroutine ${m[1]}:`)
    .sort();
  return { first, goroutines };
}

/** Runs a command with a time bound; resolves with what compare and the test look at. */
export function observe(file, args, env, timeoutMs = 30_000) {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const status = err ? (err.killed ? `killed after ${timeoutMs} ms` : err.code ?? -1) : 0;
      resolve({ stdout, status, report: report(stderr), stderr });
    });
  });
}

/** Exits with status 2 unless `go` runs: `script` names the caller in the message, `hint`
 * follows it (compare.mjs and fuzz.mjs need Go; the test checks without it). */
export function requireGo(script, hint = '') {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    console.error(`${script}: needs Go on the PATH (go version failed)${hint}`);
    process.exit(2);
  }
}
