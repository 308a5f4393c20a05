// A random trace or notrace for fuzz.mjs --trace (src/check/event-trace.ts): over the
// model's channels (`ch`, and `bq` beside it), events `ch!V`, `ch?V` with V a value 0..3
// or `_`; sequences of one to three events, a do or an if whose options start with an
// event (an option may end in a break, the do may carry an end label). Channels named in
// sends and in receives decide what is observed, so one side of a channel is often left
// out. Nondeterministic traces (two options matching one event) come up too, as pan's
// "non-determinism in event-trace"; a loop over every value of some sides keeps most
// runs going.
//
// `skips` (fuzz.mjs --trace-skips; without it the models of a seed are those before it)
// adds the forms pan runs as its generic move, which matches any event: a label with no
// statement between two events, an end label on a loop's break, a goto back to the
// trace's start or a break as an option's first statement; and a variable declared at
// the trace's top, named as a wildcard field.
export function traceBlock(rng, channels, skips = false) {
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  const chance = (p) => rng() < p;
  const sides = channels.flatMap((c) => [`${c}!`, `${c}?`]).filter(() => chance(0.7));
  if (sides.length === 0) sides.push(`${channels[0]}!`);
  const decl = skips && chance(0.3);
  let labels = 0;
  const wildcard = () => (decl && chance(0.5) ? 'tv' : '_');
  const event = () => `${pick(sides)}${chance(0.3) ? wildcard() : Math.floor(rng() * 4)}`;
  const between = () => (skips && chance(0.15) ? `; L${labels++}: ;` : ';');
  const seq = (n) => Array.from({ length: n }, event).reduce((a, e) => `${a}${between()} ${e}`);
  const loop = (inDo) => {
    const opts = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
      if (skips && chance(0.1)) return inDo && chance(0.5) ? '\t:: break' : '\t:: goto T';
      // In this order (tail, head, break) the default models of a seed are those before.
      const tail = chance(0.5) ? `; ${seq(1 + Math.floor(rng() * 2))}` : '';
      const head = event();
      const brk = inDo && chance(0.25) ? ` -> ${skips && chance(0.4) ? `end${labels++}: ` : ''}break` : '';
      return `\t:: ${head}${tail}${brk}`;
    });
    return opts.join('\n');
  };
  // A loop that takes every value on the sides it names (one option per value, so it is
  // deterministic): it lets the search go deep with the trace's state in every state.
  const total = () => {
    const opts = sides.filter(() => chance(0.7)).flatMap((sd) => [0, 1, 2, 3].map((v) => `\t:: ${sd}${v}`));
    return opts.length ? `${chance(0.7) ? 'end: ' : ''}do\n${opts.join('\n')}\n\tod` : seq(1);
  };
  const part = () => pick([
    () => seq(1 + Math.floor(rng() * 3)),
    total, total,
    () => `${chance(0.3) ? 'end: ' : ''}do\n${loop(true)}\n\tod`,
    () => `if\n${loop(false)}\n\tfi`,
  ])();
  const parts = Array.from({ length: 1 + Math.floor(rng() * 2) }, part);
  const top = skips ? `${decl ? 'byte tv;\n\t' : ''}T: ` : '';
  return `${chance(0.3) ? 'notrace' : 'trace'} {\n\t${top}${parts.join(';\n\t')}\n}\n`;
}
