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

test('trace bodies the checker refuses although SPIN takes them say why, at the statement', () => {
  const cases: [string, RegExp][] = [
    ['trace { c!1; byte y; c!1 }', /^m\.pml:5:14: a declaration after the first statement of a trace body is not supported: SPIN makes it a step, which pan runs as a move/],
    ['trace { do :: c!1; byte y od }', /^m\.pml:5:20: a declaration after the first statement of a trace body/],
    ['trace { chan d = [1] of { byte }; c!1 }', /^m\.pml:5:14: a channel created in a trace body is not supported/],
    ['trace { byte y; c?eval(y) }', /^m\.pml:5:24: the trace's own variable 'y' in a compared field is not supported: pan reads it through the record/],
    ['notrace { for (x : 1 .. 2) { c!1 } }', /^m\.pml:5:11: 'for' in a notrace body is not supported: SPIN makes its counter's steps .* moves of the notrace, which pan takes on any event/],
    ['trace { select (x : 1 .. x + 1); c!1 }', /^m\.pml:5:9: 'select' in a trace body is not supported: SPIN makes its counter's steps/],
    ['trace { accept: c!1 }', /^m\.pml:5:9: an accept label \(accept\) in a trace body is not supported: pan counts the trace's state for acceptance cycles/],
    ['notrace { progress: c!1 }', /^m\.pml:5:11: a progress label \(progress\) in a notrace body is not supported: pan counts the notrace's state for non-progress cycles/],
    ['trace { x!1 }', /^m\.pml:5:9: the channel 'x' of a trace must be a global chan variable or a chan field of a global structure/],
    ['trace { q[x]!1 }', /^m\.pml:5:9: the channel 'q' of a trace needs a constant index in 0\.\.1 \(pan's trace code does not compile with another\)/],
    ['trace { c!1 }\nnotrace { c!1 }', /^m\.pml:6:1: a second trace or notrace/],
  ];
  // SPIN's "undeclared variable": a field that matches anything still names a global.
  assert.match(refusal(model('trace { c!1; c?y }').replace('{ c!1; c!1 }', '{ byte y; c!1; c!1 }')), /^m\.pml:5:16: undeclared variable 'y' \(a trace sees only globals and its own variables\)/);
  for (const [trace, want] of cases) assert.match(refusal(model(trace)), want, trace);
  // A chan field of a global structure: the same constant-index rule on the way.
  const fields = 'typedef T { chan c = [1] of { byte } }\nT t[2];\nbyte i;\nactive proctype P() { t[0].c!1 }\n';
  assert.match(refusal(`${fields}trace { t[i].c!1 }`), /^m\.pml:5:9: the channel 't' of a trace needs a constant index in 0\.\.1/);
  assert.match(refusal(`${fields}trace { i!1 }`), /^m\.pml:5:9: the channel 'i' of a trace must be a global chan variable/);
});

test("SPIN's select that its lexer writes out is an if of assignments in a trace: not an event", () => {
  assert.match(refusal(model('trace { select (x : 1 .. 2); c!1 }')), /^m\.pml:5:9: not an event: select \(x : 1 \.\. 2\) in a trace body/);
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
