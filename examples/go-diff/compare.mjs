// Runs every go-diff program under Go and under `gosched run` (both protocols) and
// compares what a user sees: stdout, exit status, and the panic or fatal-error report
// (observe.mjs says what is compared). Needs Go (1.19 was used) and `npm run build`.
//
//   node examples/go-diff/compare.mjs [--record] [NAME...]
//
// --record writes Go's observations to go-observed.json, which test/go-diff.test.ts
// holds gosched to without needing Go. Exit 0 when everything agrees, 1 otherwise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases, observe, requireGo } from './observe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '../../dist/src/cli.js');
const record = process.argv.includes('--record');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = cases.filter((c) => only.length === 0 || only.includes(c.name));
const observedFile = path.join(here, 'go-observed.json');
const recorded = fs.existsSync(observedFile) ? JSON.parse(fs.readFileSync(observedFile, 'utf8')) : {};
if (!fs.existsSync(cli)) {
  console.error(`compare.mjs: ${cli} is missing: run npm run build first`);
  process.exit(2);
}
requireGo('compare.mjs', '; test/go-diff.test.ts checks gosched without it');
const unknown = only.filter((n) => !cases.some((c) => c.name === n));
if (unknown.length > 0) {
  console.error(`compare.mjs: no such case: ${unknown.join(', ')} (the cases: ${cases.map((c) => c.name).join(', ')})`);
  process.exit(2);
}
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'go-diff-'));
let failures = 0;

const strip = ({ stdout, status, report }) => ({ stdout, status, report });
for (const c of chosen) {
  const exe = path.join(bin, c.name);
  execFileSync('go', ['build', '-o', exe, path.join(here, `${c.name}.go`)], { stdio: 'inherit' });
  const env = { GOMAXPROCS: String(c.gomaxprocs) };
  const go = strip(await observe(exe, [], env));
  if (record) recorded[c.name] = go;
  else if (JSON.stringify(recorded[c.name]) !== JSON.stringify(go)) {
    failures++;
    console.log(`${c.name}: go-observed.json is out of date (run with --record)`);
  }
  for (const protocol of ['atomic', 'lock']) {
    const gs = await observe(process.execPath, [cli, 'run', path.join(here, `${c.name}.mjs`)], { ...env, GOSCHED_PROTOCOL: protocol });
    const same = JSON.stringify(strip(gs)) === JSON.stringify(go);
    if (!same) {
      failures++;
      console.log(`${c.name} (${protocol}): DIFFERS\n  go:      ${JSON.stringify(go)}\n  gosched: ${JSON.stringify(strip(gs))}\n  gosched stderr: ${gs.stderr.split('\n').slice(0, 6).join('\n    ')}`);
    } else {
      console.log(`${c.name} (${protocol}): same`);
    }
  }
}
fs.rmSync(bin, { recursive: true, force: true });
if (record) fs.writeFileSync(observedFile, JSON.stringify(recorded, null, 2) + '\n');
console.log(failures === 0 ? 'all agree' : `${failures} differences`);
process.exit(failures === 0 ? 0 : 1);
