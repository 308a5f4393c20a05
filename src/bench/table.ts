// The comparison table of the commit message:
//   benchmark                            old ns/op    new ns/op    delta
//   runtime_test.BenchmarkSyscall               73           31  -56.63%
// built from the median of each (benchmark, procs, protocol) cell's runs, with an optional
// third column for Go's own runtime benchmarks of the same name.

import { benchName } from './format.js';

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** benchcmp's delta: (new - old) / old as a signed percentage with two decimals ("-56.63%"). */
export function delta(oldV: number, newV: number): string {
  if (!(oldV > 0) || !Number.isFinite(newV)) return '~';
  const d = (100 * (newV - oldV)) / oldV;
  return `${d >= 0 ? '+' : ''}${d.toFixed(2)}%`;
}

/** new/old (or new/go) as a ratio with two decimals. */
export function ratio(num: number, den: number): string {
  if (!(den > 0) || !Number.isFinite(num)) return '~';
  return (num / den).toFixed(2);
}

/** An ns/op figure as the table prints it: whole numbers from 100 up, else one decimal. */
export function nsCell(x: number): string {
  if (!Number.isFinite(x)) return '-';
  return x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/** One row of the table: every measured ns/op of one benchmark at one GOMAXPROCS. */
export type TableRow = { bench: string; procs: number; lock: number[]; atomic: number[]; go?: number[] };

export type TableLine = {
  name: string; procs: number;
  old: number; new: number; go: number;
  delta: string; newOverOld: string; newOverGo: string;
};

/** The medians, delta and ratios of each row. */
export function tableLines(rows: TableRow[]): TableLine[] {
  return rows.map((r) => {
    const o = median(r.lock), n = median(r.atomic), g = r.go ? median(r.go) : NaN;
    return {
      name: benchName(r.bench, r.procs), procs: r.procs, old: o, new: n, go: g,
      delta: delta(o, n), newOverOld: ratio(n, o), newOverGo: ratio(n, g),
    };
  });
}

/** The table as text, benchcmp-style; a Go column appears when any row has Go figures. */
export function formatTable(rows: TableRow[], opts: { prefix?: string } = {}): string {
  const lines = tableLines(rows);
  const withGo = rows.some((r) => r.go !== undefined && r.go.length > 0);
  const prefix = opts.prefix ?? '';
  const names = lines.map((l) => prefix + l.name);
  const w = Math.max('benchmark'.length, ...names.map((n) => n.length)) + 4;
  const head = ['old ns/op', 'new ns/op', 'delta'];
  if (withGo) head.push('go ns/op', 'new/go');
  const rows2 = lines.map((l) => {
    const cells = [nsCell(l.old), nsCell(l.new), l.delta];
    if (withGo) cells.push(nsCell(l.go), l.newOverGo);
    return cells;
  });
  // Each column as wide as its widest cell, at least 13 (benchcmp's look), two spaces apart:
  // a figure never runs into its neighbour.
  const cw = head.map((h, c) => Math.max(13, 2 + h.length, ...rows2.map((r) => 2 + r[c]!.length)));
  const out = ['benchmark'.padEnd(w) + head.map((h, c) => h.padStart(cw[c]!)).join('')];
  rows2.forEach((cells, i) => out.push(names[i]!.padEnd(w) + cells.map((c, j) => c.padStart(cw[j]!)).join('')));
  return out.join('\n') + '\n';
}
