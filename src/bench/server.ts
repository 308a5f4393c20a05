// The "less artificial server benchmark" of the commit message ("from 11.5r 12.0u 8.0s to 8.3r
// 9.1u 1.0s"): many goroutines serving requests, each a burst of computation and real blocking
// system calls (stat and read of small files in a temporary directory) inside syscall().
// Reported as real, user and system seconds from the process's own resource usage, which
// covers every thread (the M's included).

import fs from 'node:fs';
import path from 'node:path';
import type { Runtime } from '../runtime/runtime.js';
import { W_BYTES, W_ERRS, W_REQS } from './bodies.js';
import { BODIES_URL } from './micro.js';
import { removeScratch, scratchDir } from '../scratch.js';

export type ServerConfig = { goroutines: number; requests: number; burst: number; files: number; fileBytes: number };

/** The default size: 32 clients x 1500 requests; about a second of real time per run here. */
export const SERVER_DEFAULT: ServerConfig = { goroutines: 32, requests: 1500, burst: 2000, files: 64, fileBytes: 1024 };

export type ServerRun = { real: number; user: number; sys: number; requests: number; errors: number };

/** A temporary directory of `files` small files; returns it and a function that removes it. */
export function makeFiles(cfg: ServerConfig): { dir: string; remove: () => void } {
  const dir = scratchDir('gosched-server-');
  for (let i = 0; i < cfg.files; i++) {
    const buf = Buffer.alloc(cfg.fileBytes + (i % 7) * 13);
    for (let j = 0; j < buf.length; j++) buf[j] = (i * 131 + j * 7) & 0xff;
    fs.writeFileSync(path.join(dir, `f${i}`), buf);
  }
  return { dir, remove: () => removeScratch(dir) };
}

/** One run of the server workload on `rt` at its current GOMAXPROCS. */
export async function runServer(rt: Runtime, cfg: ServerConfig, dir: string): Promise<ServerRun> {
  const w = rt.userWords;
  Atomics.store(w, W_REQS, 0);
  Atomics.store(w, W_ERRS, 0);
  Atomics.store(w, W_BYTES, 0);
  const ru0 = process.resourceUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < cfg.goroutines; i++) rt.go(BODIES_URL, 'serverClient', [dir, cfg.files, cfg.requests, cfg.burst, i * 7919 + 1]);
  await rt.wait();
  const real = Number(process.hrtime.bigint() - t0) / 1e9;
  const ru1 = process.resourceUsage();
  return {
    real,
    user: (ru1.userCPUTime - ru0.userCPUTime) / 1e6,
    sys: (ru1.systemCPUTime - ru0.systemCPUTime) / 1e6,
    requests: Atomics.load(w, W_REQS),
    errors: Atomics.load(w, W_ERRS),
  };
}

/** "11.5r 12.0u 8.0s", as the commit message writes it. */
export function formatRUS(r: { real: number; user: number; sys: number }): string {
  return `${r.real.toFixed(2)}r ${r.user.toFixed(2)}u ${r.sys.toFixed(2)}s`;
}
