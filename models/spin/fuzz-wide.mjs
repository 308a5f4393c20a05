// The models `fuzz.mjs --wide` writes: the Promela the checker accepts that the default
// models never use. Kept apart from fuzz.mjs so that the default and --classic models, and
// so the seeds recorded for them, stay exactly what they were (this module draws from the
// generator only when --wide is given).
//
// Beside the default models' byte globals these have a short (wraps at 16 bits), an int
// (wraps at 32), a bit, an mtype and one of a named set (mtype:sig), a nested typedef
// with an array field, an array of typedefs (also sent whole as a message's field, with
// random receive and a poll on its field), an array indexed
// by a value that may run past its end (pan's index error), expressions with unary minus,
// ~, &, |, <<, >>, division and modulo by negative numbers and of negative numbers, the
// conditional expression, _pid, _nr_pr, _last, enabled(), len/full/nfull/empty/nempty,
// remote references proc[pid]:var and proc[pid]@label; a channel of two fields (byte,
// mtype) received with eval() and polled with ?[..]; an array of channels indexed by
// _pid; a channel of channels whose receiver sends on the channel it got; run with
// arguments into a proctype with a provided clause; an inline with parameters; d_step
// with nondeterminism, else and a bounded loop; for (v : lo .. hi); printf with formats;
// and the default models' if/do/else/break/atomic/unless/timeout/assert around them.
// Divisors are never zero (pan dies of a floating point exception there).

export function wideModel(rng) {
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  const chance = (p) => rng() < p;
  const int = (n) => Math.floor(rng() * n);

  // Processes: P0..P(k-1), active, each with its pids; Q is run with arguments.
  const procs = [];
  let nextPid = 0;
  const nProcs = 2 + int(2);
  for (let p = 0; p < nProcs; p++) {
    const n = chance(0.25) ? 2 : 1;
    procs.push({ name: `P${p}`, pids: Array.from({ length: n }, () => nextPid++) });
  }
  const useQ = chance(0.35);
  const chanKind = pick(['none', 'pair', 'pair', 'array', 'chanchan', 'typed']);
  const cap = pick([0, 1, 2]);
  const small = () => `${int(4)}`;
  const byteVar = () => pick(['a', 'b', 'c']);
  const anyVar = () => pick(['a', 'b', 'c', 's', 'n', 'f', 'bx.p.x', 'bx.p.y[1]', 'bx.z', 'arr[0]', 'arr[2]', 'ps[1].x', 'ps[0].y[1]', 'ps[a % 2].y[b % 2]']);
  // Remote references name a process of a type declared above the one being written
  // (SPIN resolves them in one pass and refuses a label of the same proctype) by its pid;
  // `i` is every P's local and `L` a label every P has.
  let before = 0;
  const remote = () => {
    const q = procs[int(before)];
    return chance(0.5) ? `${q.name}[${pick(q.pids)}]:i` : `${q.name}[${pick(q.pids)}]@L`;
  };
  // SPIN refuses enabled() in a model with a rendezvous channel.
  const rendezvous = cap === 0 && chanKind !== 'none';

  // SPIN refuses remote references inside d_step.
  let inDstep = false;
  const expr = (d = 0) => {
    const leaf = [
      () => anyVar(), () => small(), () => `${int(300) - 150}`,
      () => '_pid', () => '_nr_pr',
    ];
    if (d >= 2) return pick(leaf)();
    const e = () => expr(d + 1);
    return pick([
      ...leaf, ...leaf,
      () => `(${e()} + ${e()})`, () => `(${e()} - ${e()})`, () => `(${e()} * ${pick(['300', '-7', '65537', e()])})`,
      () => `(${e()} / ${pick(['3', '-3', '7', '-1'])})`, () => `(${e()} % ${pick(['3', '-3', '5', '-4'])})`,
      () => `(${e()} / (${byteVar()} + 1))`,
      () => `(-(${e()}))`, () => `(~${e()})`, () => `(${e()} & ${e()})`, () => `(${e()} | ${int(8)})`,
      () => `(${e()} << ${int(20)})`, () => `(${e()} >> ${int(10)})`, () => `(${e()} ^ ${e()})`,
      () => `(${plainCond(d + 1)} -> ${e()} : ${e()})`,
      () => `(m == ${pick(['red', 'green', 'blue'])})`,
      ...(chanKind === 'pair' ? [() => `len(ch)`] : []),
      ...(before > 0 && !inDstep ? [() => remote()] : []),
    ])();
  };
  // No channel in the guards of an if/do with an else (SPIN warns 'dubious use of else
  // combined with i/o'; the checker refused it before k14a): kept so that recorded seeds
  // draw the same models.
  let noChanGuard = false;
  // A condition that SPIN takes inside an expression (no channel tests there).
  function plainCond(d) {
    const saved = noChanGuard;
    noChanGuard = true;
    const c = cond(d);
    noChanGuard = saved;
    return c;
  }
  function cond(d = 0) {
    const opts = [
      () => `${anyVar()} == ${small()}`, () => `${expr(d + 1)} < ${expr(d + 1)}`, () => `${anyVar()} != ${anyVar()}`,
      () => `${expr(d + 1)} >= ${int(5) - 2}`, () => `m != ${pick(['red', 'green', 'blue'])}`,
      () => `(${anyVar()} == 0 || ${anyVar()} > 1)`, () => `(${anyVar()} != 2 && ${anyVar()} < 3)`, () => `g == ${pick(['go', 'stop'])}`,
      () => `!(${anyVar()} == ${small()})`,
    ];
    opts.push(() => `_last == ${int(nextPid)}`);
    if (!rendezvous && !inDstep) opts.push(() => `enabled(${int(nextPid)})`);
    if (before > 0 && !inDstep) opts.push(() => remote());
    if (chanKind === 'pair' && !noChanGuard) opts.push(() => 'nfull(ch)', () => 'nempty(ch)', () => 'len(ch) > 0', () => 'empty(ch)', () => 'full(ch)');
    return pick(opts)();
  }
  const assign = () => pick([
    () => `${anyVar()} = ${expr()}`, () => `${anyVar()} = ${expr()}`,
    () => `m = ${pick(['red', 'green', 'blue', 'm + 1'])}`, () => `g = ${pick(['go', 'stop'])}`,
    () => `arr[${byteVar()}] = ${small()}`,
    () => `${pick(['a', 'i', 's'])}${pick(['++', '--'])}`,
    () => `bump(${byteVar()}, ${1 + int(3)})`,
  ])();

  function simple(inLoop) {
    const opts = [() => assign(), () => assign(), () => cond(), () => 'skip'];
    if (chanKind === 'pair') {
      opts.push(() => `ch!${expr()},${pick(['red', 'green', 'blue', 'm'])}`, () => `ch?${byteVar()},m`,
        () => `ch?eval(${byteVar()}),m`, () => `ch?${small()},_`, () => `ch?[${small()},${pick(['red', 'green'])}] -> ch?_,_`,
        () => `ch?<${byteVar()},m>`);
    } else if (chanKind === 'array') {
      opts.push(() => `cs[_pid % 2]!${expr()}`, () => `cs[${int(2)}]?${byteVar()}`, () => `cs[${byteVar()} % 2]?_`, () => `nempty(cs[${int(2)}]) -> cs[${int(2)}]?c`);
    } else if (chanKind === 'typed') {
      opts.push(() => `tq!ps[${int(2)}],${expr()}`, () => `tq?ps[${int(2)}],${byteVar()}`, () => `tq?[ps[0].x,${small()}] -> tq?ps[1],_`, () => `tq??ps[${int(2)}],${small()}`);
    } else if (chanKind === 'chanchan') {
      opts.push(() => `cc!cs[${int(2)}]`, () => `cc?lc; lc!${small()}`, () => `cs[${int(2)}]?${byteVar()}`);
    }
    if (inLoop) opts.push(() => `${cond()} -> break`);
    if (chance(0.1)) opts.push(() => `timeout -> ${assign()}`);
    if (chance(0.2)) opts.push(() => `assert(${cond()})`);
    if (chance(0.1)) opts.push(() => `printf("v %d %d %e\\n", ${expr()}, _pid, m)`);
    if (chance(0.1)) opts.push(() => `select(i : ${pick(['0 .. 2', '2 .. 4'])})`);
    return pick(opts)();
  }

  // d_step bodies: nondeterminism (pan takes the first executable option), else, a loop
  // bounded by i; no channel operations and no remote references (pan refuses neither,
  // but a d_step must not block).
  function dstep() {
    inDstep = true;
    const parts = [assign()];
    const r = rng();
    if (r < 0.4) parts.push(`if :: ${cond()} -> ${assign()} :: ${assign()} :: else -> skip fi`);
    else if (r < 0.6) parts.push(`if :: ${assign()} :: ${assign()} fi`);
    else if (r < 0.8) parts.push(`i = 0; do :: i < ${1 + int(3)} -> ${assign()}; i++ :: else -> break od`);
    if (chance(0.5)) parts.push(assign());
    inDstep = false;
    return parts.join('; ');
  }

  function block(depth, inLoop, n) {
    const stmts = [];
    for (let k = 0; k < n; k++) {
      const r = rng();
      const sub = (m, loop = inLoop) => block(depth + 1, loop, m);
      if (depth < 2 && r < 0.15) {
        const withElse = chance(0.4);
        const guard = () => { noChanGuard = withElse; const g = cond(); noChanGuard = false; return g; };
        const opts = Array.from({ length: 2 + int(2) }, () => `:: ${guard()} -> ${sub(1)}`);
        if (withElse) opts.push(`:: else -> ${sub(1)}`);
        stmts.push(`if ${opts.join(' ')} fi`);
      } else if (depth < 2 && r < 0.25) {
        const withElse = chance(0.5);
        const guard = () => { noChanGuard = withElse; const g = cond(); noChanGuard = false; return g; };
        const opts = [`:: ${guard()} -> break`, `:: ${guard()} -> ${sub(1 + int(2), true)}`];
        opts.push(withElse ? `:: else -> ${sub(1, true)}` : `:: ${assign()}`);
        stmts.push(`do ${opts.join(' ')} od`);
      } else if (depth < 2 && r < 0.3) {
        stmts.push(`atomic { ${sub(2)} }`);
      } else if (depth < 2 && r < 0.34) {
        stmts.push(`{ ${sub(2)} } unless { ${cond()} -> ${assign()} }`);
      } else if (depth < 2 && r < 0.37) {
        // A plain statement, then a block, in the loop's body.
        stmts.push(`for (i : ${int(2)} .. ${1 + int(3)}) { ${simple(inLoop)}; ${sub(1)} }`);
      } else if (r < 0.45) {
        // After a loop or a block with a break, a skip first: SPIN (and the checker)
        // refuse a break that lands on a d_step ('jump into d_step sequence').
        const afterLoop = /^(do|for) |\bbreak\b/.test(stmts[stmts.length - 1] ?? '');
        stmts.push(`${afterLoop ? 'skip; ' : ''}d_step { ${dstep()} }`);
      } else if (useQ && r < 0.5) {
        stmts.push(`run Q(${expr()}, ${chanKind === 'pair' ? 'ch' : chanKind === 'none' || chanKind === 'typed' ? '0' : `cs[${int(2)}]`})`);
      } else {
        stmts.push(simple(inLoop));
      }
    }
    return stmts.join(';\n\t');
  }

  const lines = [
    'mtype = { red, green, blue };',
    'typedef Pair { byte x; short y[2] };',
    'typedef Box { Pair p; bit z };',
    'byte a, b, c;', 'short s;', 'int n;', 'bit f;', 'mtype m;', 'Box bx;', 'byte arr[3];',
    'mtype:sig = { go, stop };', 'mtype:sig g;', 'Pair ps[2];',
  ];
  if (chanKind === 'pair') lines.push(`chan ch = [${cap}] of { byte, mtype };`);
  if (chanKind === 'array' || chanKind === 'chanchan') lines.push(`chan cs[2] = [${Math.max(cap, 1)}] of { byte };`);
  if (chanKind === 'chanchan') lines.push(`chan cc = [${cap}] of { chan };`);
  if (chanKind === 'typed') lines.push(`chan tq = [${cap}] of { Pair, byte };`);
  // Globals are initialised through expressions on constants only.
  if (chance(0.5)) lines[4] = `short s = ${int(60000) - 30000};`;
  lines.push('inline bump(v, k) {\n\tv = (v + k) % 4;\n\tc = v\n}');
  for (const [k, p] of procs.entries()) {
    before = k;
    lines.push(`active${p.pids.length > 1 ? ` [${p.pids.length}]` : ''} proctype ${p.name}() {`);
    lines.push(`\tbyte i;${chanKind === 'chanchan' ? ' chan lc;' : ''}`);
    const body = block(0, false, 2 + int(4));
    const pre = chance(0.5) ? block(0, false, 1) + ';\n' : '';
    lines.push(`\t${pre}L: skip;\n\t${body}`);
    lines.push('}');
  }
  if (useQ) {
    before = procs.length;
    lines.push(`proctype Q(byte x; chan q) provided (${chance(0.5) ? 'a != 1' : 'b < 2 || _nr_pr > 3'}) {`);
    lines.push(`\tbyte i;${chanKind === 'chanchan' ? ' chan lc;' : ''}`);
    lines.push(`\t${chanKind === 'none' || chanKind === 'typed' ? '' : chanKind === 'pair' ? 'q!x,red;\n\t' : 'q!x;\n\t'}${block(1, false, 2)}`);
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}
