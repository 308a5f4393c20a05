// `--benchtime`, read the way Go's testing package reads `-benchtime`: either a duration in
// time.ParseDuration's syntax ("1s", "500ms", "1.5s", "1m30s") or a count "Nx" that means
// exactly N iterations. Like Go, zero and negative values are refused.

/** Either a target duration (ns) or an exact iteration count. */
export type Benchtime = { kind: 'duration'; ns: number } | { kind: 'count'; n: number };

export class BenchtimeError extends Error {
  override name = 'BenchtimeError';
}

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a duration the way Go's time.ParseDuration does: an optional sign, then one or more
 * decimal numbers each followed by a unit (ns, us, µs, ms, s, m, h). "0" alone is allowed.
 * Returns nanoseconds (rounded to an integer, as a Go Duration is).
 */
export function parseDuration(s: string): number {
  const orig = s;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new BenchtimeError(`invalid duration "${orig}"`);
  let total = 0;
  const re = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (s !== '') {
    const m = re.exec(s);
    if (m === null) {
      if (/^(\d+\.?\d*|\.\d+)$/.test(s)) throw new BenchtimeError(`missing unit in duration "${orig}"`);
      if (/^(\d+\.?\d*|\.\d+)/.test(s)) throw new BenchtimeError(`unknown unit in duration "${orig}"`);
      throw new BenchtimeError(`invalid duration "${orig}"`);
    }
    total += Number(m[1]) * UNIT_NS[m[2]!]!;
    s = s.slice(m[0].length);
  }
  return sign * Math.round(total);
}

/** The largest count: the b.N a duration benchtime grows to at most (harness.ts's MAX_N,
 * Go's 1e9). Past 2^31 thousand the micro benchmarks' countdown (an Int32 of batches of
 * 1000) wraps, and a run would report a mismatch of pairs that is the counter's, not the
 * scheduler's. */
export const MAX_COUNT = 1e9;
/** The longest duration, far below where it would break: a run may last 5 benchtimes
 * (harness.ts, DEADLINE_FACTOR) and that deadline is a Node timer, which fires at once when
 * set past 2^31 - 1 ms (24.8 days), so a benchtime past 4.9 days cut every run at its start. */
export const MAX_DURATION_NS = 24 * 3600e9;

/** Parses `--benchtime` as Go's `-benchtime` flag does: "Nx" or a positive duration, within
 * MAX_COUNT and MAX_DURATION_NS. */
export function parseBenchtime(s: string): Benchtime {
  if (s.endsWith('x')) {
    const digits = s.slice(0, -1);
    if (!/^\d+$/.test(digits) || !Number.isSafeInteger(Number(digits)) || Number(digits) <= 0) {
      throw new BenchtimeError(`invalid count "${s}" (want a positive integer followed by x, like 100x)`);
    }
    if (Number(digits) > MAX_COUNT) throw new BenchtimeError(`count "${s}" is more than ${MAX_COUNT}x, the largest b.N`);
    return { kind: 'count', n: Number(digits) };
  }
  let ns: number;
  try {
    ns = parseDuration(s);
  } catch (e) {
    throw new BenchtimeError(`${(e as Error).message} (want a duration like 1s or 500ms, or a count like 100x)`);
  }
  if (ns <= 0) throw new BenchtimeError(`invalid duration "${s}" (must be positive)`);
  if (ns > MAX_DURATION_NS) throw new BenchtimeError(`duration "${s}" is longer than 24h, the longest benchtime`);
  return { kind: 'duration', ns };
}

/** The flag's value as Go would print it back ("1s", "500ms", "100x"). */
export function formatBenchtime(b: Benchtime): string {
  if (b.kind === 'count') return `${b.n}x`;
  const ns = b.ns;
  if (ns % 1e9 === 0) return `${ns / 1e9}s`;
  if (ns % 1e6 === 0) return `${ns / 1e6}ms`;
  if (ns % 1e3 === 0) return `${ns / 1e3}µs`;
  return `${ns}ns`;
}
