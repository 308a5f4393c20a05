// `--cpu-prof`: run the atomic BenchmarkSyscall-1 once in a child Node under V8's sampling
// profiler (`node --cpu-prof`, which also profiles every worker thread: one .cpuprofile per
// thread) and summarise where the busiest thread spends its time.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber?: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] };

export type ProfileEntry = { fn: string; where: string; self: number; total: number; selfPct: number; totalPct: number };
export type ProfileSummary = { file: string; samples: number; ms: number; top: ProfileEntry[] };

function frameName(f: CallFrame): string {
  return f.functionName === '' ? '(anonymous)' : f.functionName;
}

function frameWhere(f: CallFrame): string {
  if (f.url === '') return '';
  let u = f.url;
  try { if (u.startsWith('file:')) u = fileURLToPath(u); } catch { /* keep it */ }
  const rel = path.relative(process.cwd(), u);
  return `${rel.startsWith('..') ? u : rel}:${f.lineNumber + 1}`;
}

/**
 * Self and total (inclusive) samples per function of one profile, the `limit` heaviest by self
 * time. A function's total counts each sample once even when it recurses.
 */
export function summarizeProfile(p: CpuProfile, file = '', limit = 20): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${frameName(n.callFrame)}\u0000${frameWhere(n.callFrame)}`;
  const self = new Map<string, number>(), total = new Map<string, number>();
  let samples = 0;
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0) continue;
    samples += hits;
    const k = key(n);
    self.set(k, (self.get(k) ?? 0) + hits);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const kk = key(byId.get(id)!);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + hits);
    }
  }
  const entries: ProfileEntry[] = [...total.keys()].map((k) => {
    const [fn, where] = k.split('\u0000') as [string, string];
    const s = self.get(k) ?? 0, t = total.get(k) ?? 0;
    return { fn, where, self: s, total: t, selfPct: samples ? (100 * s) / samples : 0, totalPct: samples ? (100 * t) / samples : 0 };
  });
  entries.sort((a, b) => b.self - a.self || b.total - a.total);
  return { file, samples, ms: (p.endTime - p.startTime) / 1000, top: entries.slice(0, limit) };
}

/** The summary as a small text table. */
export function formatProfile(s: ProfileSummary): string {
  const lines = [`profile ${s.file}: ${s.samples} samples over ${s.ms.toFixed(0)} ms`, `${'self%'.padStart(7)} ${'total%'.padStart(7)}  function (where)`];
  for (const e of s.top) lines.push(`${e.selfPct.toFixed(1).padStart(7)} ${e.totalPct.toFixed(1).padStart(7)}  ${e.fn}${e.where ? ` (${e.where})` : ''}`);
  return lines.join('\n') + '\n';
}

/**
 * Profiles `cliArgs` (a `gosched bench` invocation) in a child `node --cpu-prof`, writing every
 * thread's .cpuprofile under `dir`. Returns the profiles' summaries, busiest thread first
 * (the one that ran the goroutine).
 */
export async function profileChild(cliPath: string, cliArgs: string[], dir: string, progress: (s: string) => void): Promise<ProfileSummary[]> {
  fs.mkdirSync(dir, { recursive: true });
  const before = new Set(fs.readdirSync(dir));
  const args = ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', cliPath, ...cliArgs];
  progress(`profiling: node ${args.join(' ')}\n`);
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`the profiled run exited with status ${code}`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  const sums = files.map((f) => summarizeProfile(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile, path.join(dir, f)));
  // The busiest thread: the most samples outside "(idle)" and "(program)".
  const busy = (s: ProfileSummary) => s.top.filter((e) => e.fn !== '(idle)' && e.fn !== '(program)' && e.fn !== '(garbage collector)').reduce((a, e) => a + e.self, 0);
  sums.sort((a, b) => busy(b) - busy(a));
  return sums;
}
