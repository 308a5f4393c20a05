// `--go`: run Go's own runtime benchmarks of the same names with the Go toolchain on the PATH
// (`go test -run NONE -bench ^(BenchmarkSyscall|...)$ -cpu ... runtime`) and read its output.
// Go is a development tool here, never a dependency: without it, `--go` says so.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchLines, type ParsedLine } from './format.js';

/** The `go` executable on the PATH, or undefined. */
export function findGo(envPath: string = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') continue;
    const p = path.join(dir, process.platform === 'win32' ? 'go.exe' : 'go');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The -bench regexp that selects exactly these benchmark names. */
export function goBenchRegexp(names: string[]): string {
  return `^(${names.join('|')})$`;
}

export type GoRun = { version: string; lines: ParsedLine[]; text: string };

function runCapture(cmd: string, args: string[], onStderr?: (s: string) => void): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; onStderr?.(d); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

/**
 * Runs Go's runtime benchmarks `names` at each of `cpus`, `count` times, for `benchtime`
 * (passed through: Go reads the same syntax). Rejects with the tool's output on failure.
 */
export async function runGoBench(goPath: string, names: string[], cpus: number[], benchtime: string, count: number, progress: (s: string) => void): Promise<GoRun> {
  const v = await runCapture(goPath, ['version']);
  const version = v.out.trim();
  const args = ['test', '-run', 'NONE', '-bench', goBenchRegexp(names), '-cpu', cpus.join(','), '-benchtime', benchtime, '-count', String(count), 'runtime'];
  progress(`running ${version}: go ${args.join(' ')} (compiling the runtime's tests can take a minute)\n`);
  const r = await runCapture(goPath, args);
  if (r.code !== 0) throw new Error(`go test failed (exit ${r.code}):\n${r.out}${r.err}`);
  return { version, lines: parseBenchLines(r.out), text: r.out };
}
