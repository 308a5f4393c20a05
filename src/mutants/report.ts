// The mutation-testing results as the README's table.

import { MUTANTS } from './catalogue.js';
import { type MutantResult, caughtBy } from './run.js';

export function markdownTable(results: MutantResult[]): string {
  const lines = [
    '| mutant | stands for | protocol | caught by | explorer: schedules until caught (scenario) | stress: runs failed |',
    '|---|---|---|---|---|---|',
  ];
  for (const m of MUTANTS) {
    for (const r of results.filter((x) => x.id === m.id)) {
      const e = r.explore;
      const s = r.stress;
      const ex = e === undefined ? 'not run' : e.caught ? `${e.schedules} (${e.scenario})` : `not caught in ${e.executions}`;
      const st = s === undefined ? 'not run' : `${s.caughtRuns} of ${s.runs}${s.reason ? `: ${s.reason.replace(/\|/g, '/').slice(0, 90)}` : ''}`;
      lines.push(`| \`${m.id}\` | ${m.stands} | ${r.protocol} | ${caughtBy(r)} | ${ex} | ${st} |`);
    }
  }
  return lines.join('\n');
}
