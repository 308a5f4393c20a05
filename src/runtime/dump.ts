// The goroutine list of a fatal error, as Go prints it after "fatal error: ...":
//
//	goroutine 1 [chan receive]:
//	main(...)
//		file:///path/prog.js
//
// A goroutine's JavaScript stack lives on its own thread, blocked in Atomics.wait, and
// cannot be read from here: the report names the function each goroutine runs, not the
// line it waits at (Go prints the full traceback).

import { G_GOID, G_STATUS, G_WAITREASON, Gdead, Gidle, Grunnable, Grunning, Gsyscall, Gwaiting, Gmoribund, S_GTABLE_USED, type Sched } from '../sched/index.js';
import type { Heap } from './heap.js';
import { specName } from './spec.js';
import { WAIT_REASONS } from './waitreason.js';

export interface GoroutineInfo {
  id: number;
  /** What Go prints in the brackets: running, runnable, syscall, or what it waits on. */
  state: string;
  func: string;
  url: string;
}

/** Every live goroutine (read without schedlock: for reports after a fatal error). */
export function goroutines(s: Sched, heap: Heap): GoroutineInfo[] {
  const out: GoroutineInfo[] = [];
  const used = s.mem[S_GTABLE_USED]!;
  for (let g = 0; g < used; g++) {
    const st = s.mem[s.g(g, G_STATUS)]!;
    if (st === Gdead || st === Gidle) continue;
    const reason = WAIT_REASONS[s.mem[s.g(g, G_WAITREASON)]!] || '';
    const state =
      st === Gwaiting ? reason || 'waiting'
      : st === Gsyscall ? reason || 'syscall'
      : st === Grunning ? 'running'
      : st === Grunnable ? 'runnable'
      : st === Gmoribund ? 'moribund' : `status ${st}`;
    const at = specName(heap, g);
    out.push({ id: s.mem[s.g(g, G_GOID)]!, state, func: at?.name ?? '?', url: at?.url ?? '?' });
  }
  return out.sort((a, b) => a.id - b.id);
}

export function formatGoroutines(list: GoroutineInfo[]): string {
  return list.map((g) => `goroutine ${g.id} [${g.state}]:\n${g.func}(...)\n\t${g.url}\n`).join('\n');
}
