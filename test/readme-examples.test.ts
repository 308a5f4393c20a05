// The project's Markdown as a new user reads it: every command line it shows names a real
// command and only options that command's --help lists, every npm script and file it names
// exists, its JavaScript examples compile under strict tsc against the package's shipped
// declarations and, run, print what the text around them says; the cheap commands it shows
// are run. (What it states about the tree: test/readme-facts.test.ts.)
//
// What is read: README.md, every README*.md under models/ and examples/. Fenced blocks by
// their info string (sh: command lines; js/ts: programs; none: the command-line summary,
// or the layout, whose paths must exist), and inline code spans that are command lines.
// Not checked: commands of other tools (spin, gcc, pan, chrt's own options, go), which the
// documents quote for comparison; placeholders in capitals (MODEL, FILE, N) are not run.
// Checked but not run, and why: `npm test` (this suite: it would run itself), `npm ci`
// (reinstalls node_modules under the running tests), `npm start` and `npm run bench`
// (minutes; their parts, stress, the benchmark table and check of proc.p, have tests of
// their own), `npm install /path/to/gosched` (test/package.test.ts installs the tarball),
// the long commands whose figures the README quotes (bench, bench pool, bench-check,
// mutants, explore: the figures are labelled measurements, not test expectations).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellWords, simpleCommands, type Block } from './support/markdown.js';
import { blocks, spans, where } from './support/docs.js';
import { listedOptions } from './support/cli-options-probe.js';
import { repoRoot } from './support/check-cli.js';

const cli = join(repoRoot, 'dist', 'src', 'cli.js');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const T = { timeout: 60_000 };

interface Ran { code: number | null; stdout: string; stderr: string }

function node(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: opts.cwd ?? repoRoot, env: { ...process.env, ...opts.env }, timeout: opts.timeout ?? 30_000, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
}

// --- gosched's commands and their --help, as the user sees them -------------------------

const helps = new Map<string, Promise<string>>();
/** `gosched NAME --help` (NAME may be two words: bench pool). */
function help(name: string): Promise<string> {
  let h = helps.get(name);
  if (h === undefined) {
    h = node([cli, ...(name === '' ? [] : name.split(' ')), '--help']).then((r) => {
      assert.equal(r.code, 0, `gosched ${name} --help exits ${r.code}: ${r.stderr}`);
      return r.stdout;
    });
    helps.set(name, h);
  }
  return h;
}

/** The commands `gosched --help` lists, and bench's two sub-benchmarks. */
const commandNames = help('').then((top) => {
  const names = [...top.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((m) => m[1]!);
  assert.ok(names.includes('check') && names.includes('run'), `gosched --help lists its commands:\n${top}`);
  return [...names, 'bench pool', 'bench runtime'];
});

/** The command a gosched argument list reaches, or null. */
async function commandOf(args: string[]): Promise<string | null> {
  const names = await commandNames;
  const two = args.slice(0, 2).join(' ');
  if (names.includes(two)) return two;
  return args[0] !== undefined && names.includes(args[0]) ? args[0] : null;
}

/** Whether `gosched NAME --help` lists OPTION (`-h` counts as listed beside `-h, --help`). */
async function helpLists(name: string, option: string): Promise<boolean> {
  const text = await help(name);
  return listedOptions(text).includes(option) || new RegExp(`^ {2}${option}, --`, 'm').test(text);
}

/** The options named in an argument list: words starting with '-', bracketed or `=VALUE` or not. */
function optionsIn(args: string[]): string[] {
  return args.map((a) => a.replace(/^\[+/, '').replace(/[\]=].*$/, '')).filter((a) => /^--?[a-zA-Z]/.test(a));
}

/** Problems with one `gosched ARGS` line: an unknown command, or options its --help does not list. */
async function goschedProblems(args: string[]): Promise<string[]> {
  const name = await commandOf(args);
  if (name === null) return [`'gosched ${args.join(' ')}' names no command of gosched --help`];
  let rest = args.slice(name.split(' ').length);
  // Everything after `run FILE` is the program's own arguments.
  if (name === 'run') rest = rest.slice(0, Math.max(0, rest.findIndex((a) => !a.startsWith('-'))));
  const problems: string[] = [];
  for (const o of optionsIn(rest)) if (!(await helpLists(name, o))) problems.push(`gosched ${name} --help does not list ${o}`);
  return problems;
}

/** The gosched argument list of one simple command, or null when it runs something else. */
function goschedArgs(command: string): string[] | null {
  let words = shellWords(command).filter((w, i, all) => !all.slice(0, i + 1).every((x) => /^[A-Z_][A-Z0-9_]*=/.test(x)));
  // `chrt -f 10 CMD` runs CMD under a real-time policy; chrt's own options are chrt's.
  if (words[0] === 'chrt') words = words.slice(1 + words.slice(1).findIndex((w) => !/^-|^\d+$/.test(w)));
  if (words[0] === 'npx') words = words.slice(1);
  // `...` stands for any arguments.
  const args = words[0] === 'gosched' ? words.slice(1) : words[0] === 'node' && words[1] === 'dist/src/cli.js' ? words.slice(2) : null;
  return args === null || args.every((a) => a === '...') ? null : args;
}

// --- the checks ----------------------------------------------------------------------

test('README\'s command-line summary names every command of gosched --help, each with only the options its --help lists', T, async () => {
  const summary = blocks.filter((b) => b.lang === '' && /^gosched /.test(b.text));
  assert.equal(summary.length, 1, 'README.md has one command-line summary (a plain block of gosched lines)');
  const block = summary[0]!;
  const entries: string[] = [];
  for (const line of block.text.split('\n')) {
    if (/^gosched /.test(line)) entries.push(line);
    else if (/^\s+\S/.test(line) && entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`;
  }
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const text = entry.replace(/\s#.*$/, '');
    const args = shellWords(text.replace(/\([^)]*\)?/g, ' ')).slice(1);
    const name = await commandOf(args);
    if (name === null) { problems.push(`'${entry}' names no command`); continue; }
    seen.add(name);
    const named = [...text.matchAll(/(?:^|[\s[|])(--?[a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
    for (const o of named) if (!(await helpLists(name, o))) problems.push(`${where(block)}: gosched ${name}: ${o} is not in its --help`);
    // The other way: what --help offers is in the summary (its --help itself aside).
    for (const o of listedOptions(await help(name))) {
      if (o !== '--help' && !named.includes(o)) problems.push(`${where(block)}: gosched ${name} --help lists ${o}, the summary does not`);
    }
  }
  for (const name of await commandNames) if (!seen.has(name)) problems.push(`${where(block)}: gosched ${name} is missing from the summary`);
  assert.deepEqual(problems, []);
});

test('every gosched command line the Markdown shows names a command and options its --help lists', T, async () => {
  const lines: { at: string; command: string }[] = [];
  for (const s of spans) for (const c of simpleCommands(s.text)) lines.push({ at: where(s), command: c });
  for (const b of blocks) {
    if (b.lang === 'sh') for (const l of b.text.split('\n')) for (const c of simpleCommands(l)) lines.push({ at: where(b), command: c });
    // A plain block other than the summary (the layout) may hold commands in backticks.
    if (b.lang === '' && !/^gosched /.test(b.text)) for (const m of b.text.matchAll(/`([^`]+)`/g)) lines.push({ at: where(b), command: m[1]! });
  }
  const problems: string[] = [];
  let checked = 0;
  for (const { at, command } of lines) {
    const args = goschedArgs(command);
    if (args === null || args.length === 0) continue;
    checked++;
    for (const p of await goschedProblems(args)) problems.push(`${at}: \`${command}\`: ${p}`);
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 20, `only ${checked} gosched command lines found: the extraction is broken`);
});

test('every npm script, node script and option of one, and layout path the Markdown names exists', T, async () => {
  const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const problems: string[] = [];
  const commands: { at: string; command: string }[] = [
    ...spans.flatMap((s) => simpleCommands(s.text).map((c) => ({ at: where(s), command: c }))),
    ...blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.text.split('\n').flatMap((l) => simpleCommands(l).map((c) => ({ at: where(b), command: c })))),
  ];
  let scriptsSeen = 0;
  for (const { at, command } of commands) {
    const w = shellWords(command);
    if (w[0] === 'npm') {
      // npm's own commands (ci, install, pack, link) are npm's; start, test and run NAME are ours.
      const script = w[1] === 'run' ? w[2] : w[1] === 'start' || w[1] === 'test' ? w[1] : undefined;
      if (script !== undefined && scripts[script] === undefined) problems.push(`${at}: \`${command}\`: package.json has no script ${script}`);
    } else if (w[0] === 'node' && w[1] !== undefined && /\.m?js$/.test(w[1]) && !w[1].startsWith('dist/')) {
      scriptsSeen++;
      const file = join(repoRoot, w[1]);
      if (!existsSync(file)) { problems.push(`${at}: \`${command}\`: there is no ${w[1]}`); continue; }
      const source = readFileSync(file, 'utf8');
      // These scripts list their options in a usage comment and message; the option must be there.
      for (const o of optionsIn(w.slice(2))) if (!new RegExp(`${o}(?![\\w-])`).test(source)) problems.push(`${at}: \`${command}\`: ${w[1]}'s usage has no ${o}`);
    }
  }
  assert.ok(scriptsSeen >= 3, 'the node scripts of models/ and examples/ are found');
  const layout = blocks.find((b) => b.lang === '' && /^src\//.test(b.text));
  assert.ok(layout !== undefined, 'README.md has its layout block');
  for (const m of layout.text.matchAll(/^(\S+\/)(?:\s|$)|(?:\s)((?:src|models|examples|test)\/[\w./-]+)/gm)) {
    const path = (m[1] ?? m[2]!).replace(/[:;,]$/, '');
    if (!existsSync(join(repoRoot, path))) problems.push(`${where(layout)}: the layout names ${path}, which does not exist`);
  }
  assert.deepEqual(problems, []);
});

// --- the JavaScript examples ------------------------------------------------------------

/**
 * The README's js blocks, as files of one user project: a block whose first line is a
 * comment `// NAME.mjs: ...` is that file (another block imports it by that name); the
 * others are numbered. The project has gosched as its dependency: node_modules/gosched is
 * this repository, whose package.json exports the built dist/ and its declarations.
 */
function writeExamples(dir: string): { name: string; block: Block }[] {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(repoRoot, join(dir, 'node_modules', 'gosched'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-user', private: true, type: 'module' }));
  const files: { name: string; block: Block }[] = [];
  for (const block of blocks.filter((b) => b.lang === 'js' || b.lang === 'ts')) {
    const named = /^\/\/ ([\w-]+\.m?[jt]s):/.exec(block.text);
    const name = named?.[1] ?? `example-${files.length + 1}.${block.lang === 'ts' ? 'mts' : 'mjs'}`;
    writeFileSync(join(dir, name), `${block.text}\n`);
    files.push({ name, block });
  }
  return files;
}

const scratch = mkdtempSync(join(tmpdir(), 'gosched-readme-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const examples = writeExamples(scratch);

test('the README\'s JavaScript and TypeScript examples compile under strict tsc against the package\'s declarations', T, async () => {
  assert.ok(examples.length >= 2, `the README's js blocks were found: ${examples.map((e) => e.name).join(', ')}`);
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      // Emitted into out/, where the TypeScript examples run from (the test below).
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out',
      // A JavaScript file cannot annotate a parameter but with JSDoc, so implicit any is
      // allowed; the rest of strict stays on: a misspelt export or option, a wrong argument
      // or a method the declarations do not have fails.
      noImplicitAny: false, allowJs: true, checkJs: true, skipLibCheck: false, types: ['node'], typeRoots: [join(repoRoot, 'node_modules', '@types')],
    },
    files: examples.map((e) => e.name),
  }));
  const r = await node([tsc, '-p', 'tsconfig.json'], { cwd: scratch, timeout: 50_000 });
  assert.equal(r.code, 0, `tsc on the README's examples:\n${r.stdout}${r.stderr}\n(blocks at ${examples.map((e) => `${e.name} ${where(e.block)}`).join(', ')})`);
});

test('the README\'s TypeScript example, compiled, prints what its comment says', T, async () => {
  const owner = examples.find((e) => e.block.lang === 'ts' && /Runtime\.start/.test(e.block.text));
  assert.ok(owner !== undefined, 'README.md has a TypeScript example that starts a Runtime');
  const said = /console\.log\(.*\/\/ (\S+)$/m.exec(owner.block.text)?.[1];
  assert.ok(said !== undefined, `${where(owner.block)}: its console.log line says what it prints`);
  const run = /`node (\S+\.mjs)`/.exec(owner.block.text)?.[1];
  assert.equal(run, owner.name.replace(/\.mts$/, '.mjs'), 'its comment says how to run it');
  const r = await node([run!], { cwd: join(scratch, 'out') });
  assert.equal(r.code, 0, `${where(owner.block)}: node ${run}: ${r.stderr}`);
  assert.equal(r.stdout, `${said}\n`);
});

test('pool.mjs runs as its comment says, under gosched run and from ordinary Node code', T, async () => {
  const pool = examples.find((e) => e.name === 'pool.mjs');
  assert.ok(pool !== undefined, 'README.md has the pool.mjs example');
  const caller = examples.find((e) => e !== pool && e.block.text.includes("from './pool.mjs'"));
  assert.ok(caller !== undefined, 'README.md has the example that runs pool.mjs from Node code');
  // The first comment's command, typed in the project folder. With no files main's select
  // runs at once after starting the 10 ms ticker, so its default case prints; the text
  // allows either line, as the ticker may win on a machine that stalls the owner.
  const shown = /`([^`]*gosched run pool\.mjs[^`]*)`/.exec(pool.block.text)?.[1];
  assert.ok(shown !== undefined, 'the comment shows the command');
  const words = shellWords(shown);
  const env = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=') as [string, string]));
  const viaCli = await node([cli, ...goschedArgs(shown)!], { cwd: scratch, env });
  assert.equal(viaCli.code, 0, `\`${shown}\`: ${viaCli.stderr}`);
  assert.match(viaCli.stdout, /^(not yet|timer fired)\n$/);

  // The caller as printed does not show its results; the test prints them, and gives it
  // the two files it names.
  writeFileSync(join(scratch, 'a.txt'), 'one\ntwo\n');
  writeFileSync(join(scratch, 'b.txt'), 'x');
  writeFileSync(join(scratch, 'caller-shown.mjs'), `${caller.block.text}\nconsole.log(JSON.stringify(results));\n`);
  const viaRun = await node(['caller-shown.mjs'], { cwd: scratch });
  assert.equal(viaRun.code, 0, `${where(caller.block)}: ${viaRun.stderr}`);
  const [said, json] = viaRun.stdout.trimEnd().split('\n');
  assert.match(said!, /^(not yet|timer fired)$/);
  const results = (JSON.parse(json!) as { id: number; path: string; lines: number }[]).sort((x, y) => x.path.localeCompare(y.path));
  assert.deepEqual(results.map((x) => [x.path, x.lines]), [['a.txt', 3], ['b.txt', 1]]);
  assert.ok(results.every((x) => [0, 1, 2].includes(x.id)), 'each result names one of the 3 workers');

  // The comment's other way, `await run(...)`, pasted into a module beside pool.mjs: it
  // runs, and main gets the files it names (`await run(main)` alone gave main no args).
  const runs = [...pool.block.text.split('\n')[0]!.matchAll(/`(await run\(main\b[^`]*)`/g)].map((m) => m[1]!);
  assert.ok(runs.length >= 1, `${where(pool.block)}: the comment shows how to run it with run()`);
  for (const [i, call] of runs.entries()) {
    const file = `comment-run-${i}.mjs`;
    writeFileSync(join(scratch, file), `import { run } from 'gosched';\nimport { main } from './pool.mjs';\nconsole.log(JSON.stringify(${call}));\n`);
    const r = await node([file], { cwd: scratch });
    assert.equal(r.code, 0, `${where(pool.block)}: \`${call}\` fails: ${r.stderr}`);
    const named = [...call.matchAll(/'([\w.]+\.txt)'/g)].map((m) => m[1]!).sort();
    const out = JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!) as { path: string }[];
    assert.deepEqual(out.map((x) => x.path).sort(), named, `\`${call}\` returns one result per file it names`);
  }
});

test('the cheap commands shown run: gosched run examples/sieve.mjs 20, gosched check --help', T, async () => {
  const shown = (command: string) => spans.some((s) => s.text === command) || blocks.some((b) => b.text.includes(`\`${command}\``));
  assert.ok(shown('gosched run examples/sieve.mjs 20'));
  const sieve = await node([cli, 'run', 'examples/sieve.mjs', '20']);
  assert.equal(sieve.code, 0, sieve.stderr);
  const primes = sieve.stdout.trim().split('\n').map(Number);
  assert.equal(primes.length, 20);
  assert.deepEqual(primes.slice(0, 5), [2, 3, 5, 7, 11]);
  assert.equal(primes[19], 71);
  assert.ok(shown('gosched check --help'));
  assert.match(await help('check'), /^usage: gosched check/m);
});
