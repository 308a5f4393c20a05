// Loading the instrumented copy of src/sched: the built modules beside this one
// (dist/src/sched), transformed (transform.ts), written to a temporary directory and
// imported from there. The shipped modules are never changed, so the production build
// and the benchmark's hot paths do not pay for the explorer.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as TS from 'typescript';
import { instrument } from './transform.js';
import { removeScratch, scratchDir } from '../../scratch.js';

/** The instrumented scheduler: the same exports as src/sched/index.ts, with every
 * function that touches shared memory a generator. Typed loosely on purpose (its
 * signatures are the shipped ones turned into generators): the scenarios reach it only
 * through the typed GoApi of harness.ts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InstrumentedSched = Record<string, any>;

export class NeedsDevInstall extends Error {
  override name = 'NeedsDevInstall';
}

const cache = new Map<string, Promise<InstrumentedSched>>();

/** The built src/sched directory this explorer belongs to. */
export function schedDir(): string {
  return fileURLToPath(new URL('../../sched/', import.meta.url));
}

export function loadInstrumented(dir = schedDir()): Promise<InstrumentedSched> {
  let p = cache.get(dir);
  if (!p) {
    p = load(dir);
    cache.set(dir, p);
  }
  return p;
}

async function load(dir: string): Promise<InstrumentedSched> {
  let ts: typeof TS;
  try {
    const mod = (await import('typescript')) as unknown as { default: typeof TS };
    ts = mod.default;
  } catch {
    throw new NeedsDevInstall('gosched explore needs the typescript package: it instruments the built scheduler with the TypeScript compiler API, and typescript is only a devDependency of gosched (run npm ci in its checkout, or install typescript in the project that uses gosched)');
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  if (!files.includes('index.js')) throw new Error(`no built scheduler in ${dir} (run npm run build)`);
  const modules = files.map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
  const opsUrl = new URL('./ops.js', import.meta.url).href;
  const out = instrument(ts, modules, opsUrl);
  const tmp = scratchDir('gosched-explore-');
  try {
    writeFileSync(path.join(tmp, 'package.json'), '{"type":"module"}\n');
    for (const [file, text] of out) writeFileSync(path.join(tmp, file), text);
    return (await import(pathToFileURL(path.join(tmp, 'index.js')).href)) as InstrumentedSched;
  } finally {
    // Imported modules stay in memory; the files are not needed any more.
    removeScratch(tmp);
  }
}
