// The models `fuzz.mjs --wide` writes: liveness forms the default models never use. Kept
// apart from fuzz.mjs so that its default models, and the seeds recorded for them, stay
// what they were (this module draws from the generator only when --wide is given).
//
// Beside the default models' looping processes these have up to three proctypes, some
// `active [2]`, a provided clause, a proctype run with an argument from a loop (processes
// that start and die under weak fairness), accept labels in the processes (pan -a without
// a claim), progress labels inside atomic sequences and unless blocks, d_step, enabled(),
// _nr_pr, a bit variable, a channel of two fields, hand-written never claims (with
// remote references proc[pid]@label and proc[pid]:var, enabled(), _nr_pr, accept labels,
// a claim that can end) and ltl formulas over remote references, run in the modes s
// (pan with the claim, no -a), a, af, l, lf.
//
// wideModel(rng) returns { text, mode } with mode one of s a af l lf.

export function wideModel(rng) {
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  const chance = (p) => rng() < p;
  const int = (n) => Math.floor(rng() * n);

  const mode = pick(['s', 'a', 'a', 'af', 'af', 'l', 'lf']);
  const np = mode === 'l' || mode === 'lf';
  // Claim: an ltl formula, a never claim written out, or (pan -a only) none: the
  // processes' accept labels then.
  const claimKind = np ? 'none' : mode === 's' ? pick(['ltl', 'never']) : pick(['ltl', 'never', 'none']);
  const acceptLabels = claimKind === 'none' && !np;
  const chanCap = chance(0.4) ? int(2) : -1;
  const rendezvous = chanCap === 0;

  const procs = [];
  let pid = 0;
  const nProcs = 1 + int(3);
  for (let p = 0; p < nProcs; p++) {
    const n = chance(0.25) ? 2 : 1;
    procs.push({ name: `P${p}`, pids: Array.from({ length: n }, () => pid++) });
  }
  const spawn = chance(0.3);
  let labelN = 0;
  const G = ['a', 'b'];
  const cond = (self) => {
    const opts = [() => `${pick(G)} == ${int(3)}`, () => `${pick(G)} != ${int(3)}`, () => `${pick(G)} < ${1 + int(2)}`, () => `f == ${int(2)}`];
    if (chance(0.1)) opts.push(() => `_nr_pr ${pick(['<', '>', '=='])} ${1 + int(4)}`);
    // enabled() of another process only: pan refuses a process asking about itself and
    // any enabled() in a model with a rendezvous channel.
    const others = [...Array(pid).keys()].filter((q) => !self.includes(q));
    if (!rendezvous && others.length > 0 && chance(0.1)) opts.push(() => `enabled(${pick(others)})`);
    return pick(opts)();
  };
  const assign = () => pick([
    () => `${pick(G)} = (${pick(G)} + 1) % 3`, () => `${pick(G)} = ${int(3)}`, () => `f = !f`, () => `f = ${pick(G)} > 0`,
  ])();
  const label = () => np && chance(0.25) ? `progress_${labelN++}: ` : acceptLabels && chance(0.25) ? `accept_${labelN++}: ` : '';

  function option(self) {
    const body = [];
    if (chance(0.5)) body.push(cond(self));
    const r = rng();
    const ch = chanCap >= 0;
    if (ch && r < 0.15) body.push(`c!${int(3)},${pick(G)}`);
    else if (ch && r < 0.3) body.push(`c?${pick(G)},_`);
    else if (ch && r < 0.35) body.push(`c?${int(3)},b`);
    else if (r < 0.45) body.push(`atomic { ${assign()}; ${label()}${assign()} }`);
    else if (r < 0.52) body.push(`d_step { ${assign()}; if :: ${cond([])} -> ${assign()} :: else -> skip fi }`);
    else if (r < 0.58) body.push(`{ ${assign()}; ${label()}${assign()} } unless { ${cond(self)} -> ${assign()} }`);
    else if (spawn && self.includes(0) && r < 0.66) body.push(`atomic { _nr_pr < ${pid + 2} -> run Q(${pick(G)}) }`);
    else body.push(assign());
    return `\t:: ${label()}${body.join(' -> ')}`;
  }

  const lines = [];
  if (chanCap >= 0) lines.push(`chan c = [${chanCap}] of { byte, byte };`);
  lines.push('byte a, b;', 'bit f;');
  for (const p of procs) {
    const opts = Array.from({ length: 1 + int(3) }, () => option(p.pids));
    // Also beside accept labels without a claim (pan -a; before the generator of k13a's
    // branch it left timeout out there, so seeds recorded before draw other models).
    if (chance(0.2)) opts.push('\t:: timeout -> a = 0');
    // No else beside i/o options (SPIN's 'dubious use of else' warning; the checker refused
    // them before k14a): left out so that recorded seeds keep drawing the same models.
    if (chanCap < 0 && chance(0.2)) opts.push(`\t:: else -> ${assign()}`);
    const provided = chance(0.2) ? ` provided (${pick(G)} != ${int(3)})` : '';
    const head = `active${p.pids.length > 1 ? ` [${p.pids.length}]` : ''} proctype ${p.name}()${provided} {`;
    lines.push(`${head}\n\tbyte x;\nL:\tdo\n${opts.join('\n')}\n\tod\n}`);
  }
  if (spawn) lines.push(`proctype Q(byte v) {\n\t${label()}${pick(G)} = v;\n\t${chance(0.5) ? `${cond([])} -> ` : ''}${assign()}\n}`);
  // Remote references into the active processes; x is every P's local (always 0 unless a
  // claim test reads it), L the label at each P's loop.
  const remote = () => {
    const p = pick(procs);
    return chance(0.6) ? `${p.name}[${pick(p.pids)}]@L` : `${p.name}[${pick(p.pids)}]:x == 0`;
  };
  const atom = () => chance(0.3) ? remote() : cond([]);
  if (claimKind === 'ltl') {
    const A = () => `(${atom()})`;
    const f = pick([
      () => `[] <> ${A()}`, () => `<> [] ${A()}`, () => `[] (${A()} -> <> ${A()})`, () => `${A()} U ${A()}`,
      () => `[] ${A()}`, () => `<> ${A()}`, () => `(${A()} W ${A()})`, () => `[] <> ${A()} -> [] <> ${A()}`,
    ])();
    lines.push(`ltl f { ${f} }`);
  } else if (claimKind === 'never') {
    const g = () => pick([() => atom(), () => `!(${atom()})`, () => '_nr_pr > 1', () => `(${atom()} && ${atom()})`])();
    lines.push(pick([
      // <>[] g: the classic accepting self-loop.
      () => `never {\nT0:\tdo\n\t:: true\n\t:: ${g()} -> goto accept_S1\n\tod;\naccept_S1:\n\tdo\n\t:: ${g()}\n\tod\n}`,
      // A claim that can end: an error for pan (claim-end) when reached.
      () => `never {\n\tdo\n\t:: ${g()} -> break\n\t:: true\n\tod;\n\t${g()}\n}`,
      // [] <> g through an accept label inside a do.
      () => `never {\nT0:\tdo\n\t:: ${g()} -> goto accept_all\n\t:: true\n\tod;\naccept_all:\n\tskip;\n\tgoto T0\n}`,
    ])());
  }
  return { text: lines.join('\n') + '\n', mode };
}
