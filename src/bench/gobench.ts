// `--go`: run Go's own runtime benchmarks of the same names with the Go toolchain on the PATH
// (`go test -run NONE -bench ^(BenchmarkSyscall|...)$ -cpu ... runtime`) and read its output.
// `--go-test FILE`: the same benchmarks from a runtime test binary built beforehand
// (`go test -c -o FILE runtime`), for a machine that has no Go toolchain (a many-core
// machine borrowed for the multi-core table). Go is a development tool here, never a
// dependency: without it, `--go` says so.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchLines, type ParsedLine } from './format.js';
import { ToolError } from '../tool-error.js';

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

/** Runs a tool to its end in `cwd` (default: the system's temporary folder), with what it
 * printed on each stream. */
export function runCapture(cmd: string, args: string[], cwd = os.tmpdir(), onStderr?: (s: string) => void): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; onStderr?.(d); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

/** The Go release a binary was built by, from its build information (Go 1.18 and later:
 * the 32-byte header "\xff Go buildinf:", pointer size, flags, and with flag 2 the version
 * as a varint-length string right after it), or undefined when it is not a Go binary. */
export function goBinaryVersion(bytes: Uint8Array): string | undefined {
  const magic = Buffer.from('\xff Go buildinf:', 'latin1');
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(magic);
  if (at < 0 || at + 33 > bytes.length) return undefined;
  if ((bytes[at + 15]! & 2) === 0) return undefined;   // before Go 1.18: the version sits behind pointers
  let len = 0, shift = 0, i = at + 32;
  for (; i < bytes.length && shift < 28; i++, shift += 7) {
    len |= (bytes[i]! & 0x7f) << shift;
    if ((bytes[i]! & 0x80) === 0) { i++; break; }
  }
  if (len === 0 || len > 64 || i + len > bytes.length) return undefined;
  const v = Buffer.from(bytes.buffer, bytes.byteOffset + i, len).toString('latin1');
  return /^go\d/.test(v) ? v : undefined;
}

/** How the runtime package's test binary is built, for messages. */
export const RUNTIME_TEST_BUILD = 'go test -c -o FILE runtime';

/**
 * Checks that `file` is a Go test binary this machine can run and returns the Go release it
 * was built by; a mistake is thrown as an Error whose message names the file and what is
 * wrong, and `build` says how to build the right one.
 */
export function checkGoTestBinary(file: string, build = RUNTIME_TEST_BUILD): string {
  let st: fs.Stats;
  try { st = fs.statSync(file); } catch { throw new Error(`${file} is not there`); }
  if (!st.isFile()) throw new Error(`${file} is not a file`);
  try { fs.accessSync(file, fs.constants.X_OK); } catch { throw new Error(`${file} is not executable (chmod +x it)`); }
  const version = goBinaryVersion(fs.readFileSync(file));
  if (version === undefined) throw new Error(`${file} is not a Go binary built by Go 1.18 or later (build it with: ${build})`);
  return version;
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
  if (r.code !== 0) throw new ToolError(`go test failed (exit ${r.code}):\n${r.out}${r.err}`);
  return { version, lines: parseBenchLines(r.out), text: r.out };
}

/** As runGoBench, from a test binary (`go test -c`) built by `version` that holds the
 * benchmarks `names` (the runtime package's, or `gosched bench runtime`'s). */
export async function runGoTestBinary(file: string, version: string, names: string[], cpus: number[], benchtime: string, count: number, progress: (s: string) => void): Promise<GoRun> {
  const args = ['-test.run', 'NONE', '-test.bench', goBenchRegexp(names), '-test.cpu', cpus.join(','), '-test.benchtime', benchtime, '-test.count', String(count)];
  progress(`running ${file} (${version}) ${args.join(' ')}\n`);
  const r = await runCapture(path.resolve(file), args);
  if (r.code !== 0) throw new ToolError(`${file} failed (exit ${r.code}):\n${r.out}${r.err}`);
  const lines = parseBenchLines(r.out);
  if (lines.length === 0) throw new ToolError(`${file} ran no benchmark named ${goBenchRegexp(names)} (was it built from the package that has them?):\n${r.out}`);
  return { version, lines, text: r.out };
}
