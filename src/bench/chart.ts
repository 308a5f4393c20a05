// The table as a chart: one panel per benchmark, ns/op (median) against GOMAXPROCS, one line per
// protocol (and Go's own runtime when measured). Hand-written SVG, no dependency.

import { median } from './table.js';

export type ChartSeries = { label: string; color: string; dash?: string; points: { procs: number; nsPerOp: number }[] };
export type ChartPanel = { title: string; series: ChartSeries[] };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A "nice" tick step (1, 2 or 5 times a power of ten) giving about `count` ticks up to max. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function fmtTick(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function panelSvg(p: ChartPanel, x0: number, y0: number, w: number, h: number): string {
  const m = { l: 58, r: 14, t: 30, b: 40 };
  const pw = w - m.l - m.r, ph = h - m.t - m.b;
  const all = p.series.flatMap((s) => s.points).filter((q) => Number.isFinite(q.nsPerOp));
  const procs = [...new Set(all.map((q) => q.procs))].sort((a, b) => a - b);
  const maxY = Math.max(1, ...all.map((q) => q.nsPerOp));
  const step = niceStep(maxY);
  const top = Math.ceil(maxY / step) * step;
  const minP = procs[0] ?? 1, maxP = procs[procs.length - 1] ?? 1;
  const sx = (v: number) => x0 + m.l + (maxP === minP ? pw / 2 : ((v - minP) / (maxP - minP)) * pw);
  const sy = (v: number) => y0 + m.t + ph - (v / top) * ph;
  const parts: string[] = [];
  parts.push(`<text x="${x0 + w / 2}" y="${y0 + 20}" text-anchor="middle" font-size="15" font-weight="bold">${esc(p.title)}</text>`);
  for (let v = 0; v <= top + step / 2; v += step) {
    const y = sy(v);
    parts.push(`<line x1="${x0 + m.l}" x2="${x0 + m.l + pw}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${x0 + m.l - 6}" y="${y + 4}" text-anchor="end" font-size="12">${fmtTick(v)}</text>`);
  }
  for (const q of procs) {
    parts.push(`<line x1="${sx(q)}" x2="${sx(q)}" y1="${y0 + m.t}" y2="${y0 + m.t + ph}" stroke="#eee"/>`);
    parts.push(`<text x="${sx(q)}" y="${y0 + m.t + ph + 16}" text-anchor="middle" font-size="12">${q}</text>`);
  }
  parts.push(`<rect x="${x0 + m.l}" y="${y0 + m.t}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  parts.push(`<text x="${x0 + m.l + pw / 2}" y="${y0 + h - 6}" text-anchor="middle" font-size="12">GOMAXPROCS</text>`);
  parts.push(`<text transform="translate(${x0 + 14},${y0 + m.t + ph / 2}) rotate(-90)" text-anchor="middle" font-size="12">ns/op</text>`);
  for (const s of p.series) {
    const pts = s.points.filter((q) => Number.isFinite(q.nsPerOp)).sort((a, b) => a.procs - b.procs);
    if (pts.length === 0) continue;
    const d = pts.map((q, i) => `${i === 0 ? 'M' : 'L'}${sx(q.procs).toFixed(1)},${sy(q.nsPerOp).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const q of pts) {
      parts.push(`<circle cx="${sx(q.procs).toFixed(1)}" cy="${sy(q.nsPerOp).toFixed(1)}" r="4" fill="${s.color}"><title>${esc(s.label)} ${q.procs}: ${q.nsPerOp.toFixed(1)} ns/op</title></circle>`);
    }
  }
  return parts.join('\n');
}

/** The whole chart: panels in a grid of two columns, a legend and a caption at the top. */
export function chartSvg(panels: ChartPanel[], caption: string): string {
  const cols = Math.min(2, Math.max(1, panels.length));
  const pw = 440, ph = 300, head = 64;
  const rows = Math.ceil(panels.length / cols);
  // At least two panels wide, so that the caption and the legend fit above one panel too.
  const W = Math.max(cols, 2) * pw, H = head + rows * ph + 10;
  const left = (W - cols * pw) / 2;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(caption)}</text>`);
  const legend = new Map<string, ChartSeries>();
  for (const p of panels) for (const s of p.series) if (!legend.has(s.label)) legend.set(s.label, s);
  let lx = 20;
  for (const s of legend.values()) {
    parts.push(`<line x1="${lx}" x2="${lx + 28}" y1="46" y2="46" stroke="${s.color}" stroke-width="3"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 34}" y="50" font-size="13">${esc(s.label)}</text>`);
    lx += 40 + s.label.length * 7.5;
  }
  panels.forEach((p, i) => {
    parts.push(panelSvg(p, left + (i % cols) * pw, head + Math.floor(i / cols) * ph, pw, ph));
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Series styles for each source of figures. */
export const STYLES: Record<string, { label: string; color: string; dash?: string }> = {
  lock: { label: 'old: lock (schedlock on every enter/exit)', color: '#d62728' },
  atomic: { label: 'new: atomic (CAS fast paths)', color: '#1f77b4' },
  go: { label: "Go's own runtime", color: '#2ca02c', dash: '6 4' },
};

/** Panels from the table rows: median ns/op per procs for each source. */
export function panelsFromRows(rows: { bench: string; procs: number; lock: number[]; atomic: number[]; go?: number[] }[]): ChartPanel[] {
  const benches = [...new Set(rows.map((r) => r.bench))];
  return benches.map((b) => {
    const rs = rows.filter((r) => r.bench === b);
    const series: ChartSeries[] = [];
    for (const key of ['lock', 'atomic', 'go'] as const) {
      const pts = rs.filter((r) => (r[key]?.length ?? 0) > 0).map((r) => ({ procs: r.procs, nsPerOp: median(r[key]!) }));
      if (pts.length > 0) series.push({ ...STYLES[key]!, points: pts });
    }
    return { title: b, series };
  });
}
