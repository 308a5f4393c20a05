// The benchmark of gosched's Promela model checker against SPIN 6.5.2 on the commit's model.
//
// Ours: `node dist/src/cli.js check MODEL --json --max-depth D`, in a child process per run:
// model-to-verdict wall time, the search time the checker reports (elapsedSeconds), its peak
// resident memory (GNU time's %M, when /usr/bin/time exists) and its counts.
// SPIN's (when spin and gcc are on PATH): in a temporary directory,
//   spin -o1 -o2 -o3 -a MODEL && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -mD
// timed together (model-to-verdict), pan's own "pan: elapsed time", pan's peak resident memory,
// and its counts. The counts of both must be equal: these settings make SPIN's counts depend
// on the model's semantics only.
import { execFile } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { removeScratch, scratchDir } from '../scratch.js';

/** A run that failed (the checker printed no JSON, spin or gcc failed): no bug of bench-check. */
export class BenchCheckError extends Error {
  override name = 'BenchCheckError';
}

/** What pan's text report says. Figures pan did not print are null. */
export interface PanReport {
  spinVersion: string | null;
  errors: number | null;
  errorKind: null | 'assertion' | 'index' | 'enabled-self' | 'channel' | 'invalid-end-state' | 'too-many-processes' | 'rv-attempt-in-d_step' | 'block-in-d_step' | 'trace' | 'notrace' | 'trace-nondeterminism' | 'other';
  statesStored: number | null;
  statesMatched: number | null;
  transitions: number | null;
  atomicSteps: number | null;
  depthReached: number | null;
  depthLimitHit: boolean;
  stateVectorBytes: number | null;
  /** "total actual memory usage", in MB: what pan allocated (its hash table included). */
  memoryMB: number | null;
  /** "pan: elapsed time" in seconds: pan's search time. */
  elapsedSeconds: number | null;
}

/** Parses pan's output (models/spin/regen.mjs and its siblings use this too). */
export function parsePanOutput(text: string): PanReport {
  const num = (re: RegExp): number | null => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  const errors = num(/errors:\s*(\d+)/);
  let errorKind: PanReport['errorKind'] = null;
  // pan reports an index out of bounds as an assertion of its own ("assertion violated -
  // invalid array index"); the checker names it apart, as kind 'index'.
  if (/^pan:\d+: assertion violated - invalid array index/m.test(text)) errorKind = 'index';
  else if (/^pan:\d+: assertion violated/m.test(text)) errorKind = 'assertion';
  else if (/^pan:\d+: used: enabled\(pid=thisproc\)/m.test(text)) errorKind = 'enabled-self';
  else if (/^pan:\d+: (error to poll rendezvous channel|polling rv chan|too (few|many) parameters in send stmnt|missing pars in receive|ref to uninitialized chan)/m.test(text)) errorKind = 'channel';
  else if (/^pan:\d+: invalid end state/m.test(text)) errorKind = 'invalid-end-state';
  else if (/^pan:\d+: too many processes/m.test(text)) errorKind = 'too-many-processes';
  else if (/^pan:\d+: rv-attempt in d_step/m.test(text)) errorKind = 'rv-attempt-in-d_step';
  else if (/^pan:\d+: block in d_step seq/m.test(text)) errorKind = 'block-in-d_step';
  // A trace assertion (src/check/event-trace.ts); its "event_trace not completed" is an invalid end state.
  else if (/^pan:\d+: event_trace error \(no matching event\)/m.test(text)) errorKind = 'trace';
  else if (/^pan:\d+: event_trace error \(all events matched\)/m.test(text)) errorKind = 'notrace';
  else if (/^pan:\d+: non-determinism in event-trace/m.test(text)) errorKind = 'trace-nondeterminism';
  else if (errors !== null && errors > 0) errorKind = 'other';
  return {
    spinVersion: /Spin Version (\S+)/.exec(text)?.[1] ?? null,
    errors,
    errorKind,
    // Past 1e8 pan prints counts as "1.5660188e+08".
    statesStored: num(/([\d.]+(?:e[+-]?\d+)?) states, stored/),
    statesMatched: num(/([\d.]+(?:e[+-]?\d+)?) states, matched/),
    // With a never claim and -a or -f, pan says visited (states stored again with other
    // search bits or fairness counters) where safety says stored.
    transitions: num(/([\d.]+(?:e[+-]?\d+)?) transitions \(= (?:stored|visited)\+matched\)/),
    atomicSteps: num(/([\d.]+(?:e[+-]?\d+)?) atomic steps/),
    depthReached: num(/depth reached (\d+)/),
    depthLimitHit: /error: max search depth too small/.test(text),
    stateVectorBytes: num(/State-vector (\d+) byte/),
    memoryMB: num(/([\d.]+)\s+total actual memory usage/),
    elapsedSeconds: num(/pan: elapsed time ([\d.eE+-]+) seconds/),
  };
}

/** The full path of an executable on PATH, or null. */
export function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch { /* not here */ }
  }
  return null;
}

const GNU_TIME = '/usr/bin/time';

interface Exec { code: number | null; stdout: string; stderr: string; wallSeconds: number; peakRssMB: number | null }

/** Runs a program, timing it; with /usr/bin/time present, also its peak resident memory. */
function exec(file: string, args: string[], cwd: string, measureRss: boolean): Promise<Exec> {
  const rssFile = join(cwd, `.rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const useTime = measureRss && existsSync(GNU_TIME);
  const [f, a] = useTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, file, ...args]] : [file, args];
  const start = performance.now();
  return new Promise((done, reject) => {
    execFile(f, a, { cwd, maxBuffer: 256 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      const wallSeconds = (performance.now() - start) / 1000;
      const e = err as (Error & { code?: number | string }) | null;
      if (e !== null && typeof e.code !== 'number') { reject(e); return; }
      let peakRssMB: number | null = null;
      if (useTime) {
        try {
          const kb = Number(/(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1]);
          if (Number.isFinite(kb)) peakRssMB = kb / 1024;
        } catch { /* no figure */ }
        rmSync(rssFile, { force: true });
      }
      done({ code: e === null ? 0 : (e.code as number), stdout, stderr, wallSeconds, peakRssMB });
    });
  });
}

export interface Counts {
  errors: number | null; statesStored: number | null; statesMatched: number | null; transitions: number | null;
  atomicSteps: number | null; depthReached: number | null;
}

export interface OursRun extends Counts { wallSeconds: number; searchSeconds: number | null; peakRssMB: number | null; exitCode: number | null }
export interface SpinRun extends Counts { wallSeconds: number; searchSeconds: number | null; peakRssMB: number | null; panMemoryMB: number | null }

export interface Side<R> { runs: R[]; wallSeconds: number; searchSeconds: number | null; peakRssMB: number | null; counts: Counts }

export interface BenchCheckResult {
  model: string;
  maxDepth: number;
  runs: number;
  /** What was searched: 'safety', or the liveness run's pan flags (e.g. '-a -f -N stw'). */
  search?: string;
  ours: Side<OursRun>;
  spin: (Side<SpinRun> & { commands: string; version: string | null; panMemoryMB: number | null }) | null;
  /** Why SPIN was not run, or null. */
  spinSkipped: string | null;
  /** ours / SPIN; null without SPIN or a figure. */
  searchRatio: number | null;
  verdictRatio: number | null;
  countsMatch: boolean | null;
  /** The counts that differ, as "field: ours vs SPIN". */
  mismatches: string[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function medianOrNull(xs: (number | null)[]): number | null {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length === xs.length && ok.length > 0 ? median(ok) : null;
}

function maxOrNull(xs: (number | null)[]): number | null {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length > 0 ? Math.max(...ok) : null;
}

const countKeys = ['errors', 'statesStored', 'statesMatched', 'transitions', 'atomicSteps', 'depthReached'] as const;

function side<R extends Counts & { wallSeconds: number; searchSeconds: number | null; peakRssMB: number | null }>(runs: R[]): Side<R> {
  const first = runs[0]!;
  return {
    runs,
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    searchSeconds: medianOrNull(runs.map((r) => r.searchSeconds)),
    peakRssMB: maxOrNull(runs.map((r) => r.peakRssMB)),
    counts: {
      errors: first.errors, statesStored: first.statesStored, statesMatched: first.statesMatched, transitions: first.transitions,
      atomicSteps: first.atomicSteps, depthReached: first.depthReached,
    },
  };
}

/** The repository root, from this file's place in dist/src/bench/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

/** The commit's model, kept beside the repository in ../shared/seed/proc.p. */
export function defaultModel(): string {
  return join(repoRoot(), '..', 'shared', 'seed', 'proc.p');
}

/** An acceptance-cycle search instead of safety: `check --accept [--fair] [--ltl NAME]`
 * against pan built without -DSAFETY and run with `-a [-f] [-N NAME]`. */
export interface LivenessBench { ltl: string | null; fair: boolean }

export interface BenchOptions {
  model: string; runs: number; maxDepth: number; liveness?: LivenessBench; log?: (line: string) => void;
  /** pan's -DVECTORSZ (its largest state vector in bytes; 1024 unless given): a bound of
   * pan's build, not of the model, so no count depends on it. */
  vectorSize?: number;
}

/** Runs ours N times, then SPIN N times when spin and gcc are on PATH. */
export async function benchCheck(opts: BenchOptions): Promise<BenchCheckResult> {
  const log = opts.log ?? (() => {});
  // Both checkers run in a scratch directory: a model path relative to ours would not resolve there.
  opts = { ...opts, model: resolve(opts.model) };
  const cli = join(repoRoot(), 'dist', 'src', 'cli.js');
  const live = opts.liveness;
  const ourFlags = live ? ['--accept', ...(live.fair ? ['--fair'] : []), ...(live.ltl ? ['--ltl', live.ltl] : [])] : [];
  const panFlags = live ? ['-a', ...(live.fair ? ['-f'] : []), ...(live.ltl ? ['-N', live.ltl] : [])] : [];
  const gccFlags = [...(live ? ['-O2', '-DNOREDUCE'] : ['-O2', '-DSAFETY', '-DNOREDUCE']), ...(opts.vectorSize !== undefined ? [`-DVECTORSZ=${opts.vectorSize}`] : [])];
  const scratch = scratchDir('bench-check-');
  try {
    const ours: OursRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const trail = join(scratch, `ours-${i}.trail`);
      const r = await exec(process.execPath, [cli, 'check', opts.model, '--json', '--max-depth', String(opts.maxDepth), '--trail', trail, ...ourFlags], scratch, true);
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(r.stdout) as Record<string, unknown>;
      } catch {
        throw new BenchCheckError(`the checker printed no JSON (exit ${r.code}): ${r.stderr.trim().slice(0, 2000)}`);
      }
      if (r.code === 2 || r.code === 4) throw new BenchCheckError(`the checker refused the model (exit ${r.code}): ${r.stdout.trim().slice(0, 2000)}`);
      const n = (k: string): number | null => (typeof parsed[k] === 'number' ? (parsed[k] as number) : null);
      ours.push({
        exitCode: r.code, wallSeconds: r.wallSeconds, searchSeconds: n('elapsedSeconds'), peakRssMB: r.peakRssMB,
        errors: n('errors'), statesStored: n('statesStored'), statesMatched: n('statesMatched'), transitions: n('transitions'),
        atomicSteps: n('atomicSteps'), depthReached: n('depthReached'),
      });
      log(`ours run ${i + 1}/${opts.runs}: ${r.wallSeconds.toFixed(2)} s`);
    }

    let spin: BenchCheckResult['spin'] = null;
    let spinSkipped: string | null = null;
    const spinBin = which('spin');
    const gccBin = which('gcc');
    if (spinBin === null || gccBin === null) {
      spinSkipped = `${[spinBin === null ? 'spin' : '', gccBin === null ? 'gcc' : ''].filter(Boolean).join(' and ')} not on PATH`;
    } else {
      const name = basename(opts.model).replace(/[^A-Za-z0-9_.-]/g, '_');
      const commands = `spin -o1 -o2 -o3 -a ${name} && gcc ${gccFlags.join(' ')} -o pan pan.c && ./pan ${[...panFlags, `-m${opts.maxDepth}`].join(' ')}`;
      const runs: SpinRun[] = [];
      let version: string | null = null;
      let panMemoryMB: number | null = null;
      for (let i = 0; i < opts.runs; i++) {
        const dir = mkdtempSync(join(scratch, 'spin-'));
        copyFileSync(opts.model, join(dir, name));
        const s = await exec(spinBin, ['-o1', '-o2', '-o3', '-a', name], dir, false);
        if (s.code !== 0) throw new BenchCheckError(`spin -a failed: ${s.stdout}${s.stderr}`);
        const g = await exec(gccBin, [...gccFlags, '-o', 'pan', 'pan.c'], dir, false);
        if (g.code !== 0) throw new BenchCheckError(`gcc failed: ${g.stderr}`);
        const p = await exec(join(dir, 'pan'), [...panFlags, `-m${opts.maxDepth}`], dir, true);
        // pan stops at once on a vector larger than its build allows: no verdict to compare.
        const tooLong = /VECTORSZ too small, recompile pan\.c with -DVECTORSZ=N with N>(\d+)/.exec(p.stdout);
        if (tooLong) throw new BenchCheckError(`pan's state vector is larger than its build allows (${tooLong[1]} bytes): run again with --vectorsz N, N above pan's vector size`);
        const rep = parsePanOutput(p.stdout);
        if (rep.statesStored === null) throw new BenchCheckError(`cannot read pan's report: ${p.stdout.slice(0, 2000)}`);
        version = rep.spinVersion;
        panMemoryMB = rep.memoryMB;
        runs.push({
          wallSeconds: s.wallSeconds + g.wallSeconds + p.wallSeconds, searchSeconds: rep.elapsedSeconds, peakRssMB: p.peakRssMB,
          panMemoryMB: rep.memoryMB, errors: rep.errors, statesStored: rep.statesStored, statesMatched: rep.statesMatched, transitions: rep.transitions,
          atomicSteps: rep.atomicSteps, depthReached: rep.depthReached,
        });
        log(`SPIN run ${i + 1}/${opts.runs}: ${runs[i]!.wallSeconds.toFixed(2)} s`);
      }
      spin = { ...side(runs), commands, version, panMemoryMB };
    }

    const o = side(ours);
    const mismatches: string[] = [];
    // Every run of ours must agree with the others, and with SPIN.
    for (const r of ours) for (const k of countKeys) if (r[k] !== o.counts[k]) mismatches.push(`${k}: ours ${r[k]} in one run vs ${o.counts[k]} in another`);
    if (spin !== null) for (const k of countKeys) if (!samePanCount(o.counts[k], spin.counts[k])) mismatches.push(`${k}: ours ${o.counts[k]} vs SPIN ${spin.counts[k]}`);
    const div = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
    return {
      model: opts.model, maxDepth: opts.maxDepth, runs: opts.runs, search: live ? panFlags.join(' ') : 'safety', ours: o, spin, spinSkipped,
      searchRatio: spin ? div(o.searchSeconds, spin.searchSeconds) : null,
      verdictRatio: spin ? div(o.wallSeconds, spin.wallSeconds) : null,
      countsMatch: spin ? mismatches.length === 0 : null,
      mismatches,
    };
  } finally {
    removeScratch(scratch);
  }
}

/** The human-readable report. */
export function formatBenchCheck(r: BenchCheckResult): string {
  const sec = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)} s`);
  const mb = (x: number | null) => (x === null ? '-' : `${x.toFixed(1)} MB`);
  const cnt = (x: number | null) => (x === null ? '-' : String(x));
  const rat = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}x`);
  const rows: string[][] = [['', 'ours', 'SPIN', 'ours/SPIN']];
  const s = r.spin;
  rows.push(['search time (median)', sec(r.ours.searchSeconds), s ? sec(s.searchSeconds) : '-', rat(r.searchRatio)]);
  rows.push(['model to verdict (median)', sec(r.ours.wallSeconds), s ? sec(s.wallSeconds) : '-', rat(r.verdictRatio)]);
  rows.push(['peak resident memory', mb(r.ours.peakRssMB), s ? mb(s.peakRssMB) : '-',
    s && r.ours.peakRssMB !== null && s.peakRssMB !== null && s.peakRssMB > 0 ? rat(r.ours.peakRssMB / s.peakRssMB) : '-']);
  for (const k of countKeys) rows.push([k, cnt(r.ours.counts[k]), s ? cnt(s.counts[k]) : '-', s ? (samePanCount(r.ours.counts[k], s.counts[k]) ? 'equal' : 'MISMATCH') : '-']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  const out = [`model ${r.model}, ${(r.search ?? 'safety') === 'safety' ? 'safety' : `liveness (pan ${r.search})`}, max depth ${r.maxDepth}, ${r.runs} run(s) each`, ...lines];
  if (s) {
    out.push(`SPIN ${s.version ?? '?'}: ${s.commands}; pan's own memory figure ${mb(s.panMemoryMB)} (its hash table included)`);
  } else {
    out.push(`SPIN not run (${r.spinSkipped}): ours only`);
  }
  if (r.ours.peakRssMB === null) out.push(`peak memory not measured (${GNU_TIME} not found)`);
  if (r.mismatches.length > 0) {
    out.push('', '*** MISMATCH: the state counts differ ***', ...r.mismatches.map((m) => `  ${m}`));
  }
  return out.join('\n') + '\n';
}

/** Equal counts; past 1e8 pan prints eight significant digits ("1.5660188e+08"), so
 * there ours is compared rounded the same way. */
export function samePanCount(ours: number | null, pan: number | null): boolean {
  if (ours === null || pan === null || ours < 1e8) return ours === pan;
  return Number(ours.toPrecision(8)) === pan;
}
