// trace and notrace (src/check/event-trace.ts, src/check/promela/trace-body.ts): what the
// front end refuses in a trace body, each at its statement with file:line:col, and the
// checker's own trail of a trace's error replaying to that error. The search's figures
// are compared with SPIN's in check-diff (models/spin/trace_*.pml, notrace_*.pml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refusal } from './support/check-source.js';
import { describeRun, repoRoot, runCli } from './support/check-cli.js';

const model = (trace: string) => `chan c = [2] of { byte };\nbyte x;\nchan q[2] = [1] of { byte };\nactive proctype P() { c!1; c!1 }\n${trace}\n`;

test('SPIN\'s "not an event": a trace body holds only sends, receives, if, do, goto, break and labels', () => {
  for (const [body, what, col] of [
    ['skip', 'an expression statement', 9], ['c!!1', 'a sorted send', 9], ['c??1', 'a random receive', 9],
    ['c?<1>', 'keeps the message', 9], ['x = 1', 'an assignment', 9], ['atomic { c!1 }', 'atomic', 9],
    ['{ c!1 }', 'a { } block', 9], ['do :: c!1 :: else -> break od', 'else', 22], ['c!1 unless { c!2 }', "'unless'", 13],
  ] as const) {
    const msg = refusal(model(`trace { ${body} }`));
    assert.match(msg, new RegExp(`^m\\.pml:5:${col}: not an event: .*${what.replace(/[{}()?<>!]/g, '\\$&')}`), body);
  }
});

test('trace bodies the checker refuses although SPIN takes them say so, at the statement', () => {
  const cases: [string, RegExp][] = [
    ['trace { byte y; c!1 }', /^m\.pml:5:9: declarations inside a trace body are not supported/],
    ['notrace { for (x : 1 .. 2) { c!1 } }', /^m\.pml:5:11: 'for' in a notrace body is not supported/],
    ['trace { accept: c!1 }', /^m\.pml:5:9: an accept label \(accept\) in a trace body is not supported/],
    ['trace { c!1; end: goto L; L: c!1 }', /^m\.pml:5:14: an end label on a goto .* not supported/],
    ['trace { c!1; L: }', /^m\.pml:5:14: a label with no statement/],
    ['trace { do :: break od }', /^m\.pml:5:15: a trace may move only by a send or a receive/],
    ['trace { x!1 }', /^m\.pml:5:9: the channel 'x' of a trace must be a global chan variable/],
    ['trace { q[x]!1 }', /^m\.pml:5:9: the channel 'q' of a trace needs a constant index in 0\.\.1/],
    ['trace { c!1 }\nnotrace { c!1 }', /^m\.pml:6:1: a second trace or notrace/],
  ];
  // SPIN's "undeclared variable": a field that matches anything still names a global.
  assert.match(refusal(model('trace { c!1; c?y }').replace('{ c!1; c!1 }', '{ byte y; c!1; c!1 }')), /^m\.pml:5:16: undeclared variable 'y' \(a trace sees only globals\)/);
  for (const [trace, want] of cases) assert.match(refusal(model(trace)), want, trace);
});

test("the checker's trail of a trace's error replays to that error", { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-trace-'));
  try {
    const pml = join(repoRoot, 'models', 'spin', 'trace_rendezvous_offer.pml');
    const trail = join(dir, 'offer.trail');
    const check = await runCli(['check', pml, '--trail', trail], 50_000);
    assert.equal(check.code, 1, describeRun(check));
    assert.match(check.stdout, /event_trace error \(no matching event\) \(at depth 4\)/);
    const replay = await runCli(['replay', pml, trail], 50_000);
    assert.equal(replay.code, 1, describeRun(replay));
    // The offer c!2 that no receiver takes is the error, at the trail's last step.
    assert.match(replay.stdout, /\[c!2\]\nspin: \S+:4, Error: event_trace error \(no matching event\)\nspin: trail ends after 4 steps/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
