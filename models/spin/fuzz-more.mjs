// The models `fuzz.mjs --more` writes: Promela the checker accepts that neither the default
// models nor --wide ones use. Priorities (`active proctype P() priority N`, `init priority
// N`, `run Q() priority N`, set_priority on this process or one below it, get_priority of any
// pid, one with no process too, `_priority` read and assigned) with what they interact with in
// pan's search (atomic, d_step, timeout, else, a provided clause, a process ending or
// being run); unsigned bit-fields (`unsigned u : W`, global and local, with an
// initialiser past their width, wrapped by assignments of sums, products and negative
// values); a buffered channel of a typedef iterated with `for (m in q)` (no message
// removed) beside sends and receives of it.
// Priorities make pan refuse a rendezvous channel, so the channel is always buffered.
// Kept apart from fuzz.mjs so that the default, --classic and --wide models, and so the
// seeds recorded for them, stay exactly what they were (this module draws from the
// generator only when --more is given).

/** One model's text. With loop (models/liveness/fuzz.mjs --more) each active process runs
 * its body in a do loop, left by a break on a condition, so that runs can cycle; without
 * it the draws are those the safety fuzzer's seeds were recorded with. */
export function moreModel(rng, { loop = false } = {}) {
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  const chance = (p) => rng() < p;
  const int = (n) => Math.floor(rng() * n);

  const withChan = chance(0.6);
  const typed = withChan && chance(0.6);
  const uw = 1 + int(5), vw = 1 + int(4);
  const procs = [];
  let nextPid = 0;
  const nProcs = 2 + int(2);
  for (let p = 0; p < nProcs; p++) {
    const n = chance(0.2) ? 2 : 1;
    procs.push({ name: `P${p}`, n, prio: chance(0.6) ? 1 + int(5) : 0 });
    nextPid += n;
  }
  const withInit = chance(0.35);
  const withQ = chance(0.4);
  const maxPid = nextPid + (withInit ? 1 : 0) + (withQ ? 2 : 0);

  const byteVar = () => pick(['a', 'b']);
  const uVar = () => pick(['u', 'v']);
  const small = () => `${int(4)}`;
  const pidExpr = () => pick(['_pid', `${int(maxPid + 1)}`, '_nr_pr - 1', `(_pid + 1) % ${maxPid}`]);
  // set_priority names only pids that exist while the caller runs (itself, and every pid
  // below its own: pan removes a process only when it is the last one): pan's undo of a
  // set_priority on a pid with no process writes a stale priority (models/spin/README.md,
  // "A SPIN artefact to avoid in models").
  const livePid = () => pick(['_pid', '0', '_pid / 2']);
  const expr = () => pick([
    () => byteVar(),
    () => small(),
    () => `(${byteVar()} + ${1 + int(3)}) % 4`,
    () => `${uVar()} % 4`,
    () => `get_priority(${pidExpr()}) % 4`,
    () => `_priority % 4`,
  ])();
  const uExpr = () => pick([
    () => `${uVar()} + ${1 + int(7)}`,
    () => `${uVar()} * ${2 + int(3)}`,
    () => `${byteVar()} - ${1 + int(5)}`,
    () => `${uVar()} - ${uVar()}`,
    () => `${1 + int(40)}`,
    () => `-${1 + int(9)}`,
  ])();
  const cond = () => pick([
    () => `${byteVar()} == ${small()}`,
    () => `${byteVar()} != ${byteVar()}`,
    () => `${uVar()} > ${int(6)}`,
    () => `${uVar()} == ${int(4)}`,
    () => `get_priority(${pidExpr()}) ${pick(['>', '<', '=='])} ${int(5)}`,
    () => `_priority ${pick(['>', '<', '=='])} ${1 + int(4)}`,
    () => `(${byteVar()} == 0 || ${uVar()} == 1)`,
  ])();

  let inLoop = false;
  const simple = () => {
    const opts = [
      () => `${byteVar()} = ${expr()}`,
      () => `${byteVar()} = ${expr()}`,
      () => `${uVar()} = ${uExpr()}`,
      () => `${uVar()} = ${uExpr()}`,
      () => cond(),
      () => `set_priority(${livePid()}, ${1 + int(5)})`,
      () => `_priority = ${1 + int(5)}`,
      () => 'skip',
    ];
    if (withChan) {
      if (typed) {
        opts.push(() => `m.x = ${expr()}; m.y = ${uExpr()}; q!m`, () => `q?m`, () => `nempty(q) -> q?m; ${byteVar()} = m.x`,
          () => `for (m in q) { ${byteVar()} = (${byteVar()} + m.x + m.y) % 4 }`);
      } else {
        opts.push(() => `q!${expr()}`, () => `q?${byteVar()}`, () => `q?[${small()}] -> q?_`, () => `q??${byteVar()}`);
      }
    }
    if (inLoop) opts.push(() => `${cond()} -> break`);
    if (chance(0.1)) opts.push(() => `timeout -> ${byteVar()} = ${expr()}`);
    if (chance(0.15)) opts.push(() => `assert(${cond()})`);
    return pick(opts)();
  };
  const dstep = () => `d_step { ${byteVar()} = ${expr()}; ${uVar()} = ${uExpr()}${chance(0.5) ? `; if :: ${cond()} -> ${byteVar()} = ${small()} :: else -> skip fi` : ''} }`;
  const block = (depth, n) => {
    const stmts = [];
    for (let i = 0; i < n; i++) {
      const r = rng();
      if (depth < 2 && r < 0.15) {
        const opts = Array.from({ length: 2 + int(2) }, () => `:: ${cond()} -> ${block(depth + 1, 1)}`);
        if (chance(0.5)) opts.push(`:: else -> ${block(depth + 1, 1)}`);
        stmts.push(`if\n\t${opts.join('\n\t')}\n\tfi`);
      } else if (depth < 2 && r < 0.27) {
        const saved = inLoop;
        inLoop = true;
        const opts = [`:: ${cond()} -> break`, `:: ${cond()} -> ${block(depth + 1, 1 + int(2))}`, chance(0.5) ? `:: else -> ${block(depth + 1, 1)}` : `:: ${simple()}`];
        inLoop = saved;
        stmts.push(`do\n\t${opts.join('\n\t')}\n\tod`);
      } else if (depth < 2 && r < 0.35) {
        stmts.push(`atomic { ${block(depth + 1, 2)} }`);
      } else if (r < 0.42) {
        stmts.push(dstep());
      } else {
        stmts.push(simple());
      }
    }
    return stmts.join(';\n\t');
  };
  const locals = () => `${typed ? '\tM m;\n' : ''}${chance(0.3) ? `\tunsigned w : ${1 + int(3)} = ${int(9)};\n` : ''}`;

  const lines = ['byte a, b;', `unsigned u : ${uw} = ${int(2 ** uw + 4)};`, `unsigned v : ${vw};`];
  if (typed) lines.push('typedef M { byte x; byte y };', `chan q = [${1 + int(3)}] of { M };`);
  else if (withChan) lines.push(`chan q = [${1 + int(3)}] of { byte };`);
  // A local w (when declared) is used only through this process's own statements.
  const useW = (body, text) => (text.includes('unsigned w') ? `w = w + ${1 + int(3)};\n\t${body}` : body);
  for (const p of procs) {
    // SPIN's grammar: `proctype P() priority N provided (e)`, in that order.
    const provided = chance(0.15) ? ` provided (${pick([`${byteVar()} == ${small()}`, `${uVar()} > ${int(6)}`, `${byteVar()} != ${byteVar()}`])})` : '';
    const loc = locals();
    lines.push(`active${p.n > 1 ? ` [${p.n}]` : ''} proctype ${p.name}()${p.prio ? ` priority ${p.prio}` : ''}${provided} {\n${loc}\t${chance(0.2) ? 'end: ' : ''}${useW(loop ? `do\n\t:: ${block(1, 1 + int(2))}\n\t:: ${cond()} -> break\n\tod` : block(0, 2 + int(3)), loc)}\n}`);
  }
  if (withQ) {
    const loc = locals();
    lines.push(`proctype Q(byte id) {\n${loc}\t${useW(block(0, 2), loc)};\n\ta = (a + id) % 4\n}`);
  }
  if (withInit) {
    const runs = withQ ? [`run Q(1)${chance(0.6) ? ` priority ${1 + int(5)}` : ''}`, `run Q(2)${chance(0.6) ? ` priority ${1 + int(5)}` : ''}`] : [];
    const loc = locals();
    const body = [...runs, block(0, 1 + int(2))].join(';\n\t');
    lines.push(`init${chance(0.6) ? ` priority ${1 + int(5)}` : ''} {\n${loc}\t${chance(0.5) ? `atomic { ${body} }` : body}\n}`);
  }
  return lines.join('\n') + '\n';
}
