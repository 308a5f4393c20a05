// Every command's --help against the options it really takes, both ways: each option the
// command's parse() accepts is named in its help, each option its help names is accepted,
// and an option it does not take is refused with exit 2, by name.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './support/check-cli.js';

type Command = { help: string; run(argv: string[]): Promise<number> };

/** Each command line, with its module (src/commands/FILE.ts) and the argv prefix that reaches it. */
const COMMANDS: { name: string; file: string; prefix: string[] }[] = [
  { name: 'run', file: 'run', prefix: ['run'] },
  { name: 'stress', file: 'stress', prefix: ['stress'] },
  { name: 'explore', file: 'explore', prefix: ['explore'] },
  { name: 'mutants', file: 'mutants', prefix: ['mutants'] },
  { name: 'bench', file: 'bench', prefix: ['bench'] },
  { name: 'bench runtime', file: 'bench-runtime', prefix: ['bench', 'runtime'] },
  { name: 'bench pool', file: 'bench-pool', prefix: ['bench', 'pool'] },
  { name: 'check', file: 'check', prefix: ['check'] },
  { name: 'ltl', file: 'ltl', prefix: ['ltl'] },
  { name: 'replay', file: 'replay', prefix: ['replay'] },
  { name: 'bench-check', file: 'bench-check', prefix: ['bench-check'] },
];

const load = async (file: string) => (await import(`../src/commands/${file}.js`)) as Command;
const source = (file: string) => readFileSync(new URL(`../../src/commands/${file}.ts`, import.meta.url), 'utf8');

/** The options a command's source gives parseArgs: `name: { type: ..., short: 'x' }` entries. */
function acceptedOptions(file: string): { long: string; short: string | null }[] {
  const out: { long: string; short: string | null }[] = [];
  for (const m of source(file).matchAll(/[\s{,']([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'(?:, short: '(\w)')? \}/g)) {
    out.push({ long: m[1]!, short: m[2] ?? null });
  }
  return out;
}

test('every option a command accepts is in its --help', async () => {
  for (const c of COMMANDS) {
    const { help } = await load(c.file);
    for (const o of acceptedOptions(c.file)) {
      const named = o.long.length === 1 ? `-${o.long}` : `--${o.long}`;
      assert.match(help, new RegExp(`(^|[\\s\\[])${named}\\b`, 'm'), `gosched ${c.name} takes ${named} but its --help does not say so`);
      if (o.short !== null && o.short !== o.long) assert.match(help, new RegExp(`-${o.short}, --${o.long}`), `gosched ${c.name}: -${o.short} is not in its --help`);
    }
  }
  // The source scan itself finds what it should (else the loop above checks nothing).
  assert.deepEqual(acceptedOptions('ltl'), [{ long: 'help', short: 'h' }]);
  assert.ok(acceptedOptions('check').some((o) => o.long === 'non-progress'));
});

test('every option a command\'s --help lists is accepted', { timeout: 60_000 }, async () => {
  const files = COMMANDS.filter((c) => c.name !== 'run').map((c) => c.file);
  const probe = await new Promise<string>((resolve, reject) => execFile(process.execPath,
    [fileURLToPath(new URL('./support/cli-options-probe.js', import.meta.url)), ...files], { timeout: 50_000 },
    (err, stdout) => (err ? reject(err) : resolve(stdout))));
  const results = JSON.parse(probe) as { file: string; option: string; outcome: string | number }[];
  for (const file of files) {
    assert.ok(results.some((r) => r.file === file && r.option === '--help'), `gosched ${file}: --help lists --help`);
  }
  for (const r of results) {
    assert.notEqual(r.outcome, 'ERR_PARSE_ARGS_UNKNOWN_OPTION', `src/commands/${r.file}.ts: its --help lists ${r.option}, which it does not take`);
  }
  assert.ok(results.filter((r) => r.file === 'check').length >= 13, 'the probe read check\'s options');
});

test('an unknown option is refused with exit 2, naming it, by every command', { timeout: 120_000 }, async () => {
  const runs = await Promise.all(COMMANDS.map((c) => runCli([...c.prefix, '--no-such-option'], 60_000)));
  COMMANDS.forEach((c, i) => {
    const r = runs[i]!;
    assert.equal(r.code, 2, `gosched ${c.name} --no-such-option: exit ${r.code}, stderr ${r.stderr}`);
    assert.match(r.stderr, /'--no-such-option'/, `gosched ${c.name}: the message names the option`);
    if (c.name !== 'run') assert.ok(r.stderr.startsWith(`gosched: ${c.name}: `) && r.stderr.includes(`'gosched ${c.name} --help'`), `gosched ${c.name}: the message names the command and its help: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /^\s+at /m, `gosched ${c.name}: no stack trace`);
  });
});

test('gosched with no command prints its usage on stderr and exits 2; --help on stdout, 0', { timeout: 60_000 }, async () => {
  const [none, help] = await Promise.all([runCli([], 30_000), runCli(['--help'], 30_000)]);
  assert.equal(none.code, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^usage: gosched <command>/m);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: gosched <command>/m);
});

test('stress --pairs 0 (its default) is accepted', { timeout: 60_000 }, async () => {
  // --seed 0 is refused after --pairs is read: the error names --seed, not --pairs.
  const r = await runCli(['stress', '--pairs', '0', '--seed', '0'], 30_000);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--seed must be a positive integer/);
});

test('gosched help COMMAND prints that command\'s --help; help of an unknown command is refused, exit 2', { timeout: 60_000 }, async () => {
  const [viaHelp, direct, pool, poolDirect, nope] = await Promise.all([
    runCli(['help', 'check'], 30_000), runCli(['check', '--help'], 30_000),
    runCli(['help', 'bench', 'pool'], 30_000), runCli(['bench', 'pool', '--help'], 30_000),
    runCli(['help', 'nope'], 30_000),
  ]);
  assert.equal(viaHelp.code, 0, viaHelp.stderr);
  assert.equal(viaHelp.stdout, direct.stdout);
  assert.match(viaHelp.stdout, /^usage: gosched check/);
  assert.equal(pool.code, 0, pool.stderr);
  assert.equal(pool.stdout, poolDirect.stdout);
  assert.equal(nope.code, 2);
  assert.match(nope.stderr, /^gosched: unknown command 'nope'/);
});

test('gosched --version prints the package\'s name and version, exit 0', { timeout: 60_000 }, async () => {
  const r = await runCli(['--version'], 30_000);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${pkg.name} ${pkg.version}\n`);
  const help = await runCli(['--help'], 30_000);
  assert.match(help.stdout, /--version/, 'the top-level help says so');
});
