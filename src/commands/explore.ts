// gosched explore: see src/explore/.
import { NeedsDevInstall } from '../explore/engine/load.js';
import { parseSchedule } from '../explore/engine/search.js';
import { explore, findScenario, formatRun, replaySchedule } from '../explore/run.js';
import { SCENARIOS } from '../explore/scenarios/index.js';
import { parseProtocols } from './stress.js';
import { DependencyError, UsageError, parse, nonNegativeInt, positiveInt, refuseUnused } from './usage.js';

export const help = `usage: gosched explore [--scenario NAMES] [--protocol lock|atomic|lock,atomic]
                       [--preemptions K] [--max-executions N] [--no-hashing] [--json]
       gosched explore --scenario NAME --protocol P --replay SCHEDULE

Runs the real scheduler, interleaving by interleaving. The built JavaScript of src/sched
(dist/src/sched) is instrumented at load time, so that every shared-memory access (plain
reads and writes of the shared Int32Array and every Atomics call) is a point where a
deterministic scheduler picks which M goes next; Atomics.wait and notify block and wake.
Two or three M's run in one process as coroutines. Every schedule with at most K
preemptions is explored (CHESS's bound), states already met are not explored again, and
after every step the commit's two invariants, the protocol's purpose (no more goroutines
executing Go code than mcpumax allows) and the stopped world are checked; at the end
every goroutine must have finished and the scheduler be at rest. A failure (a check, a
scheduler throw, a deadlock, a lost goroutine) prints its schedule and the replayed steps.
Each search's line is printed as it ends; a search still going after 10 s says how far it
has come on stderr, every 10 s.

Needs the typescript package: the instrumenting uses the TypeScript compiler API, a
devDependency of gosched (there after npm ci in its checkout; from an npm install, when the
project that installed gosched has typescript). A search cut by --max-executions passes if
it met no failure (its line says it was cut). Exits 0 when every search passes (or the
replayed schedule ends without a failure), 1 on a failure, 2 on bad usage (a --replay
schedule that the scenario cannot take included), 4 without typescript. Under --json an
error is one JSON object on stdout too: {"error": {"kind": "usage"|"dependency"|"internal",
"message"}, "exitCode": 2|4}.

scenarios:
${SCENARIOS.map((s) => `  ${s.name.padEnd(20)} ${s.summary}`).join('\n')}

options:
  --scenario NAMES      comma-separated (default: all)
  --protocol P          lock, atomic or both (default: lock,atomic)
  --preemptions K       the preemption bound (default: 2)
  --max-executions N    stop a search after N executions (default: 1000000)
  --no-hashing          explore without state hashing (slower; for comparison)
  --replay SCHEDULE     run one schedule (as printed: THREADxSTEPS ...) and print every step
  --json                print one JSON document
  -h, --help            show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    scenario: { type: 'string' },
    protocol: { type: 'string' },
    preemptions: { type: 'string' },
    'max-executions': { type: 'string' },
    'no-hashing': { type: 'boolean' },
    replay: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  // A name given twice is one search (as --protocol lock,lock is one protocol).
  const names = [...new Set((values.scenario ?? SCENARIOS.map((s) => s.name).join(',')).split(',').map((name) => name.trim()))];
  const scenarios = names.map((name) => {
    try {
      return findScenario(name);
    } catch (err) {
      throw new UsageError(`--scenario: ${(err as Error).message}`);
    }
  });
  const protocols = parseProtocols(values.protocol ?? 'lock,atomic');
  const preemptionBound = nonNegativeInt('preemptions', values.preemptions, 2);
  const maxExecutions = positiveInt('max-executions', values['max-executions'], 1_000_000);
  try {
    if (values.replay !== undefined) {
      if (scenarios.length !== 1 || protocols.length !== 1) throw new UsageError('--replay needs exactly one --scenario and one --protocol');
      // A replay runs the one schedule given: the search's options would be dropped.
      refuseUnused(values, ['preemptions', 'max-executions', 'no-hashing'], '--replay runs one schedule, no search');
      let schedule: number[];
      try {
        schedule = parseSchedule(values.replay);
      } catch (err) {
        throw new UsageError(`--replay: ${(err as Error).message}`);
      }
      const r = await replaySchedule(scenarios[0]!, protocols[0]!, schedule);
      // A schedule this scenario cannot take is a mistake in what was typed, not a finding.
      if (!r.fits) {
        if (!values.json && r.trace.length > 0) process.stdout.write(`${r.trace.join('\n')}\n`);
        throw new UsageError(`--replay: ${r.failure} of ${scenarios[0]!.name} (${protocols[0]!})`);
      }
      if (values.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else process.stdout.write(`${r.trace.join('\n')}\n${r.failure === null ? 'no failure' : `FAILURE: ${r.failure}`}\n`);
      return r.failure === null ? 0 : 1;
    }
    // Each search's line as it ends (a full run takes a while), and a progress line on
    // stderr every 10 s of a long search.
    const runs = await explore(scenarios, protocols, { preemptionBound, maxExecutions, hashing: !values['no-hashing'] }, undefined, {
      progress: (line) => process.stderr.write(`${line}\n`),
      done: values.json ? undefined : (r) => process.stdout.write(`${formatRun(r)}\n`),
    });
    const ok = runs.every((r) => r.result.failure === null);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok, preemptionBound, runs }, null, 2)}\n`);
    else process.stdout.write(`${ok ? 'PASS' : 'FAIL'}\n`);
    return ok ? 0 : 1;
  } catch (err) {
    if (err instanceof NeedsDevInstall) throw new DependencyError(err.message);
    throw err;
  }
}
