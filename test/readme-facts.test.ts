// What README.md states about the tree, against the tree: the counts of models, programs,
// mutants and an M's modules, every export of the two entry points, and every file a
// code span of the Markdown names. (Its commands and examples: test/readme-examples.test.ts.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readMarkdownCode } from './support/markdown.js';
import { spans, where } from './support/docs.js';
import { repoRoot } from './support/check-cli.js';
import { MUTANTS } from '../src/mutants/catalogue.js';

// Line breaks fall anywhere in a sentence: the text is searched with every run of white space as one.
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const stated = (re: RegExp, what: string): number => {
  const m = re.exec(readme);
  assert.ok(m !== null, `README.md no longer states ${what} as ${re}`);
  return Number(m[1]!.replace(/,/g, ''));
};
const count = (dir: string, ext: string) => readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(ext)).length;

test('the counts of models, programs and mutants README.md states match the tree', () => {
  assert.equal(stated(/(\d+) small models of one concept each/, 'the models/spin count'), count('models/spin', '.pml'), 'models/spin/*.pml');
  assert.equal(stated(/Liveness: (\d+) models with SPIN's figures/, 'the models/liveness count'), count('models/liveness', '.pml'), 'models/liveness/*.pml');
  const liveness = JSON.parse(readFileSync(join(repoRoot, 'models', 'liveness-wired', 'properties.json'), 'utf8')) as { properties: unknown };
  const properties = Array.isArray(liveness.properties) ? liveness.properties.length : Object.keys(liveness.properties as object).length;
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  assert.equal(readme.includes(`and ${words[properties]} liveness properties of \`gosched-wired.pml\``), true, `README.md states ${properties} liveness properties of gosched-wired.pml`);
  const goPrograms = count('examples/go-diff', '.go');
  assert.equal(stated(/`examples\/go-diff\/` holds (\d+) small programs/, 'the go-diff program count'), goPrograms, 'examples/go-diff/*.go');
  assert.equal(stated(/All (\d+) agree with Go/, 'how many go-diff programs agree'), goPrograms);
  const observed = JSON.parse(readFileSync(join(repoRoot, 'examples', 'go-diff', 'go-observed.json'), 'utf8')) as object;
  const recorded = Array.isArray(observed) ? observed.length : Object.keys((observed as { programs?: object }).programs ?? observed).length;
  assert.equal(recorded, goPrograms, 'go-observed.json records every program');
  const pairs = MUTANTS.reduce((n, m) => n + (m.protocol === 'both' ? 2 : 1), 0);
  assert.equal(stated(/All (\d+) mutants \(\d+ mutant-protocol pairs\)/, 'the mutant count'), MUTANTS.length, 'src/mutants/catalogue.ts');
  assert.equal(stated(/All \d+ mutants \((\d+) mutant-protocol pairs\)/, 'the pair count'), pairs);
  const tableRows = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n').filter((l) => /^\| `[a-z-]+` \| .* \| (lock|atomic) \| (both|explorer|stress|neither) \|/.test(l));
  assert.equal(tableRows.length, pairs, 'the mutants table has a row per mutant and protocol');
});

test('every name the two entry points export is named in README.md', async () => {
  const spansOf = readMarkdownCode(join(repoRoot, 'README.md')).spans.map((s) => s.text).join('\n');
  const names = new Set<string>();
  for (const entry of ['index', 'runtime/goroutine']) {
    for (const k of Object.keys(await import(`../src/${entry}.js`) as object)) names.add(k);
    // Types leave no trace at run time: the declarations list them.
    const dts = readFileSync(join(repoRoot, 'dist', 'src', `${entry}.d.ts`), 'utf8');
    for (const m of dts.matchAll(/\btype (\w+)/g)) names.add(m[1]!);
  }
  assert.ok(names.has('run') && names.has('RuntimeOptions') && names.has('SelectCase'), 'values and types are both read');
  const missing = [...names].filter((n) => !new RegExp(`(^|[^\\w.])${n}\\b`, 'm').test(spansOf));
  assert.deepEqual(missing, [], 'exported but not in any code span of README.md');
});

test('the count of the modules an M loads that README.md states is the M\'s static import graph', () => {
  // Every module m-worker.js imports, directly or not, by a static import or re-export.
  const seen = new Set<string>();
  const todo = [join(repoRoot, 'dist', 'src', 'runtime', 'm-worker.js')];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) todo.push(join(dirname(file), m[1] ?? m[2]!));
  }
  assert.ok(seen.size > 10, 'the import graph was read');
  assert.equal(stated(/the M's modules, (\d+) today/, 'the count of the M\'s modules'), seen.size);
});

test('every file the Markdown names in a code span exists in the tree', () => {
  // Found by its path from the root or from the document's folder, or, for a bare name
  // (`lock.ts` in the src/sched table), as a file of that name under the project's folders.
  const all: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${dir}/${e.name}`);
      else all.push(`${dir}/${e.name}`);
    }
  };
  for (const d of ['src', 'test', 'models', 'examples']) walk(d);
  // What a command writes (bench's results.json, old.txt, ...) and placeholders (NAME.pml) are not files of the tree.
  const written = new Set(['results.json', 'old.txt', 'new.txt', 'bench.txt', 'go.txt']);
  const problems: string[] = [];
  let named = 0;
  for (const s of spans) {
    if (!/^[\w./-]+\.(ts|mjs|js|pml|json|md|txt)$/.test(s.text) || /[A-Z]{3,}/.test(s.text) || s.text.startsWith('.') || written.has(s.text)) continue;
    named++;
    const found = existsSync(join(repoRoot, s.text)) || existsSync(join(repoRoot, dirname(s.file), s.text)) || all.some((f) => f.endsWith(`/${s.text}`));
    if (!found) problems.push(`${where(s)}: ${s.text}`);
  }
  assert.ok(named > 30, `only ${named} file names found: the extraction is broken`);
  assert.deepEqual(problems, [], 'named in the Markdown but not in the tree');
});

test('README.md\'s command-line block lists every command, and for each exactly the options its --help lists', async () => {
  const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = text.slice(text.indexOf('## The command line'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block !== undefined, 'README.md has a code block under "## The command line"');
  // A line that starts with `gosched ` opens a command; indented lines continue it. Its name
  // is the words before the first placeholder, option or bracket.
  const listed = new Map<string, string>();
  let current: string | null = null;
  for (const line of block.split('\n')) {
    if (line.startsWith('gosched ')) {
      const words = line.slice(8).trim().split(/\s+/);
      const name = words.slice(0, words.findIndex((w) => !/^[a-z][a-z-]*$/.test(w))).join(' ');
      current = name;
      listed.set(name, line.replace(/#.*/, ''));
    } else if (current !== null && /^\s/.test(line)) {
      listed.set(current, `${listed.get(current)!} ${line}`);
    }
  }
  const options = (s: string) => new Set([...s.matchAll(/(?<![\w-])(--?[a-z][a-z-]*)\b/g)].map((m) => m[1]!).filter((o) => o !== '--help' && o !== '-h'));
  const { spawnSync } = await import('node:child_process');
  const help = (argv: string[]) => spawnSync(process.execPath, [join(repoRoot, 'dist', 'src', 'cli.js'), ...argv, '--help'], { encoding: 'utf8', timeout: 30_000 }).stdout;
  // The commands the top-level help lists, and bench's two subcommands.
  const top = [...help([]).matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]!);
  assert.ok(top.length >= 9, `the top-level help lists ${top.length} commands`);
  const commands = [...top, 'bench pool', 'bench runtime'];
  assert.deepEqual([...listed.keys()].sort(), [...commands].sort(), 'the commands of README.md\'s block against gosched --help');
  for (const name of commands) {
    const h = help(name.split(' '));
    // Its options section: `  --name ...` or `  -x, --name` or `  -w N` at the line's start.
    const inHelp = new Set([...h.matchAll(/^ {2}(?:-\w, )?(--?[a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((o) => o !== '--help' && o !== '-h'));
    assert.deepEqual([...options(listed.get(name)!)].sort(), [...inHelp].sort(), `gosched ${name}: README.md's options against its --help`);
  }
});
