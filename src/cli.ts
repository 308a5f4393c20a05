#!/usr/bin/env node
// The `gosched` command: one subcommand per job, each in src/commands/<name>.ts.
// Each command module exports `run(argv): Promise<number>` and its own `help` text;
// this file only dispatches and prints the top-level help.
import { readFileSync } from 'node:fs';
import { fail, UsageError } from './commands/usage.js';
import { endChildrenOnSignal } from './commands/children.js';

/** `children`: the command starts child processes (or keeps temporary folders while it
 * waits on them), and a signal must end those first (children.ts). The others take a
 * signal's default action, at once: check and explore search synchronously on the main
 * thread, where a signal handler would wait for the search to end (minutes, or hours). */
type Command = { summary: string; children?: true; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  run: { summary: 'run a program: FILE\'s exported main as the main goroutine (exits as Go does)', load: () => import('./commands/run.js') },
  stress: { summary: 'run the scheduler under load on real threads and audit its counters', load: () => import('./commands/stress.js') },
  explore: { summary: 'run the real src/sched interleaving by interleaving (preemption-bounded)', load: () => import('./commands/explore.js') },
  mutants: { summary: 'mutation testing of src/sched: does the explorer or the stress catch each slip?', children: true, load: () => import('./commands/mutants.js') },
  bench: { summary: 'the commit\'s benchmarks, old (lock) vs new (atomic) protocol; also bench runtime, bench pool', children: true, load: () => import('./commands/bench.js') },
  check: { summary: 'verify a Promela model like SPIN\'s pan (states, errors, counterexample)', load: () => import('./commands/check.js') },
  ltl: { summary: 'print the never claim for an LTL formula, as spin -f does', load: () => import('./commands/ltl.js') },
  replay: { summary: 'replay a trail written by check (or by SPIN\'s pan), step by step', load: () => import('./commands/replay.js') },
  'bench-check': { summary: 'time the model checker against SPIN (on proc.p unless given a model)', children: true, load: () => import('./commands/bench-check.js') },
};

/** The command of that name; an own property only, so that 'constructor' or 'toString'
 * (an Object's inherited members) is an unknown command, not a crash. */
function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(commands, name) ? commands[name] : undefined;
}

const HELP = `gosched: Go's 2011 goroutine scheduler (commit 025abd5) on real threads

usage: gosched <command> [options]

commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`).join('\n')}

Run 'gosched <command> --help' (or 'gosched help <command>') for a command's options;
'gosched --version' prints the package's version.
`;

async function main(argv: string[]): Promise<number> {
  // `gosched help check` is `gosched check --help` (as `go help build` is).
  if (argv[0] === 'help' && argv.length > 1) argv = [...argv.slice(1), '--help'];
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(HELP);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (name === '--version' && rest.length > 0) throw new UsageError(`--version takes nothing after it, got '${rest[0]}'`);
  if (name === '--version') {
    // dist/src/cli.js -> the package root, in a checkout and in an install alike.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    process.stdout.write(`${pkg.name} ${pkg.version}\n`);
    return 0;
  }
  const command = commandNamed(name);
  if (command === undefined) throw new UsageError(`unknown command '${name}'\n\n${HELP}`);
  const module = await command.load();
  try {
    return await module.run(rest);
  } catch (err) {
    // parseArgs' own refusals (an unknown option, a value where none goes) name the option
    // but not the command: say which, and where its options are listed.
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw err;
    const full = name === 'bench' && (rest[0] === 'pool' || rest[0] === 'runtime') ? `bench ${rest[0]}` : name;
    throw new UsageError(`${full}: ${(err as Error).message} (see 'gosched ${full} --help')`);
  }
}

// A reader that stops early (`gosched mutants --list | head -3`) closes the pipe: what is
// left to print has nowhere to go, and Node would raise the write's EPIPE as an unhandled
// 'error' event, with a stack trace. It is dropped instead; the command ends as it would
// have, with its own exit status (a verdict does not depend on who reads it).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

// Only for the commands that start children: `gosched run` leaves a Go program's children
// as they are, and a handler on check's or explore's blocked main thread would hold the
// signal until the search ended (Ctrl-C did nothing for the whole of a long check).
if (commandNamed(process.argv[2] ?? '')?.children === true) endChildrenOnSignal();

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  // --json asks for the error as JSON too; after `run FILE` it is the program's argument,
  // and after `--` a positional (a file of that name).
  (err: unknown) => {
    const args = process.argv.slice(2);
    const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    process.exitCode = fail(err, args[0] !== 'run' && options.includes('--json'));
  },
);
