// Go's benchmark output format (golang.org/design/14313-benchmark-format), so that `benchstat`
// reads what we print: "key: value" configuration lines, then one line per result:
//   BenchmarkSyscall-2   \t  200000\t        74.0 ns/op

import os from 'node:os';

/** Go's name for a benchmark run at GOMAXPROCS=procs: the "-P" suffix is left out when P == 1. */
export function benchName(name: string, procs: number): string {
  return procs === 1 ? name : `${name}-${procs}`;
}

/** Go's GOARCH for this Node's process.arch. */
export function goarch(arch: string = process.arch): string {
  const map: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', mips: 'mips', mipsel: 'mipsle' };
  return map[arch] ?? arch;
}

/** Go's GOOS for this Node's process.platform. */
export function goos(platform: string = process.platform): string {
  return platform === 'win32' ? 'windows' : platform === 'sunos' ? 'solaris' : platform;
}

/** The header lines `go test -bench` prints before its results. */
export function headerLines(pkg: string, cpu: string = os.cpus()[0]?.model.trim() ?? 'unknown'): string[] {
  return [`goos: ${goos()}`, `goarch: ${goarch()}`, `pkg: ${pkg}`, `cpu: ${cpu}`];
}

function fixed(x: number, width: number, digits: number): string {
  return x.toFixed(digits).padStart(width);
}

/**
 * Go's testing.prettyPrint: ten places before the decimal point, and small numbers with four
 * significant figures, aligned on the decimal point.
 */
export function prettyPrint(x: number, unit: string): string {
  const y = Math.abs(x);
  let s: string;
  if (y === 0 || y >= 999.95) s = fixed(x, 10, 0);
  else if (y >= 99.995) s = fixed(x, 12, 1);
  else if (y >= 9.9995) s = fixed(x, 13, 2);
  else if (y >= 0.99995) s = fixed(x, 14, 3);
  else if (y >= 0.099995) s = fixed(x, 15, 4);
  else if (y >= 0.0099995) s = fixed(x, 16, 5);
  else if (y >= 0.00099995) s = fixed(x, 17, 6);
  else s = fixed(x, 18, 7);
  return `${s} ${unit}`;
}

/** One result line: the name padded to `width`, a tab, N in 8 columns, a tab, ns/op. */
export function resultLine(name: string, n: number, nsPerOp: number, width = 0): string {
  return `${name.padEnd(width)}\t${String(n).padStart(8)}\t${prettyPrint(nsPerOp, 'ns/op')}`;
}

/** The width Go pads names to: the longest name plus 8 columns of slack. */
export function nameWidth(names: string[]): number {
  return Math.max(0, ...names.map((n) => n.length)) + 8;
}

/** A Go benchmark result line, parsed (see parseBenchLines). */
export type ParsedLine = { name: string; base: string; procs: number; n: number; nsPerOp: number };

/**
 * Reads Go benchmark-format text: every "BenchmarkX[-P] <N> <v> ns/op ..." line, tolerant of
 * extra metrics (B/op, allocs/op, MB/s), "key: value" lines, PASS/ok/FAIL lines and noise.
 * A line without "-P" ran at GOMAXPROCS=`defaultProcs` (Go prints no suffix when P == 1).
 */
export function parseBenchLines(text: string, defaultProcs = 1): ParsedLine[] {
  const out: ParsedLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const fields = raw.trim().split(/\s+/);
    if (fields.length < 4 || !/^Benchmark/.test(fields[0]!)) continue;
    const name = fields[0]!;
    if (!/^\d+$/.test(fields[1]!)) continue;
    let nsPerOp: number | undefined;
    for (let i = 2; i + 1 < fields.length; i += 2) {
      if (fields[i + 1] === 'ns/op') nsPerOp = Number(fields[i]);
    }
    if (nsPerOp === undefined || !Number.isFinite(nsPerOp)) continue;
    const m = /^(.*?)-(\d+)$/.exec(name);
    const base = m ? m[1]! : name;
    const procs = m ? Number(m[2]) : defaultProcs;
    out.push({ name, base, procs, n: Number(fields[1]), nsPerOp });
  }
  return out;
}
