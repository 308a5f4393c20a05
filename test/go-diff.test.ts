// gosched against Go: each program of examples/go-diff run by `gosched run`, under both
// protocols, must show what its Go twin showed under Go 1.19 (stdout, exit status, and
// the first line and goroutine states of a panic or fatal-error report), as recorded in
// examples/go-diff/go-observed.json by `node examples/go-diff/compare.mjs --record`.
// Go is not needed here; compare.mjs checks the recording against Go itself.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROTOCOLS } from '../src/sched/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = path.join(root, 'examples/go-diff');
const cli = path.join(root, 'dist/src/cli.js');

interface Observed {
  stdout: string;
  status: number | string;
  report: { first: string; goroutines: string[] };
}
interface Observe {
  cases: { name: string; gomaxprocs: number }[];
  observe(file: string, args: string[], env: Record<string, string>, timeoutMs?: number): Promise<Observed & { stderr: string }>;
}

const { cases, observe } = (await import(pathToFileURL(path.join(dir, 'observe.mjs')).href)) as Observe;
const fromGo = JSON.parse(fs.readFileSync(path.join(dir, 'go-observed.json'), 'utf8')) as Record<string, Observed>;

test('every go-diff case has Go\'s observation recorded, and every program its two versions', () => {
  assert.deepEqual(cases.map((c) => c.name).filter((n) => fromGo[n] === undefined), []);
  for (const { name } of cases) {
    assert.ok(fs.existsSync(path.join(dir, `${name}.go`)) && fs.existsSync(path.join(dir, `${name}.mjs`)), name);
  }
});

// Two programs at a time: each is mostly a process and a few threads starting.
test('gosched run shows what Go shows', { concurrency: 2, timeout: 180_000 }, async (t) => {
  await Promise.all(cases.map((c) =>
    t.test(c.name, async () => {
      const want = fromGo[c.name]!;
      const runs = await Promise.all(PROTOCOLS.map((protocol) =>
        observe(process.execPath, [cli, 'run', path.join(dir, `${c.name}.mjs`)], { GOMAXPROCS: String(c.gomaxprocs), GOSCHED_PROTOCOL: protocol })));
      runs.forEach((got, i) => {
        const { stdout, status, report } = got;
        assert.deepEqual({ stdout, status, report }, want, `${PROTOCOLS[i]}: stderr was\n${got.stderr}`);
      });
    })));
});
