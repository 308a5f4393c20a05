// The text of one fuzz program in its two languages, and the pieces every stage and
// ending uses: a pause inside a goroutine, and a slice printed as Go prints it (see
// fuzz-gen.mjs for what the programs are).

/** The two texts being written, and what each imports. */
export class Program {
  constructor() {
    this.imports = new Set(['fmt']);
    this.goFuncs = [];
    this.jsFuncs = [];
    this.goMain = [];
    this.jsMain = [];
    this.jsImports = new Set();
    this.asyncMain = false;
  }
  /** A top-level function, in both languages (the JS one exported: go() needs that). */
  fn(goText, jsText, jsUses = [], goUses = []) {
    this.goFuncs.push(goText);
    this.jsFuncs.push(jsText);
    this.use(jsUses, goUses);
  }
  /** Lines of main. */
  main(goLines, jsLines, jsUses = [], goUses = []) {
    this.goMain.push(...[goLines].flat());
    this.jsMain.push(...[jsLines].flat());
    this.use(jsUses, goUses);
  }
  use(jsUses, goUses) {
    for (const u of jsUses) this.jsImports.add(u);
    for (const u of goUses) this.imports.add(u);
  }
  goText() {
    const imports = [...this.imports].sort().map((i) => `\t"${i}"`).join('\n');
    return `package main\n\nimport (\n${imports}\n)\n\n${this.goFuncs.join('\n\n')}\n\nfunc main() {\n\t${this.goMain.join('\n\t')}\n}\n`;
  }
  jsText() {
    const uses = [...this.jsImports].sort().join(', ');
    const head = uses === '' ? '' : `import { ${uses} } from 'gosched';\n\n`;
    // A stage that awaits in main (asyncMain) makes main async; Go's main has no such mark.
    return `${head}${this.jsFuncs.join('\n\n')}\n\nexport ${this.asyncMain ? 'async ' : ''}function main(args) {\n  ${this.jsMain.join('\n  ')}\n}\n`;
  }
}

// A pause inside a goroutine, as each language says it. A blocking system call has no
// one-line Go twin that blocks the same way; time.Sleep stands in (both leave the cpu slot).
function delay(p, r) {
  const ms = r.int(1, 3);
  const d = r.pick(['none', 'none', 'gosched', 'sleep', 'sleep-none', 'syscall-wait', 'syscall-work']);
  switch (d) {
    case 'none': return { go: '', js: '' };
    case 'sleep-none': {
      // time.Sleep of zero or less returns at once.
      p.use(['sleep'], ['time']);
      const ms = r.int(-2, 0);
      return { go: `time.Sleep(${ms})`, js: `sleep(${ms});` };
    }
    case 'gosched':
      p.use(['gosched'], ['runtime']);
      return { go: 'runtime.Gosched()', js: 'gosched();' };
    case 'sleep':
      p.use(['sleep'], ['time']);
      return { go: `time.Sleep(${ms} * time.Millisecond)`, js: `sleep(${ms});` };
    case 'syscall-wait':
      p.use(['syscall'], ['time']);
      return { go: `time.Sleep(${ms} * time.Millisecond)`, js: `syscall(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms}));` };
    default: {
      // The system call's result is used, so a syscall() that lost its value would show.
      p.use(['syscall'], []);
      const n = r.int(100, 3000);
      return { go: `if work(${n}) != ${(n * (n - 1)) / 2} { panic("work") }`, js: `if (syscall(() => work(${n})) !== ${(n * (n - 1)) / 2}) throw 'work';`, work: true };
    }
  }
}

/** A pause (see delay), defining the helper it calls the first time one needs it. */
export function delayIn(p, r) {
  const d = delay(p, r);
  if (d.work && !p.hasWork) {
    p.hasWork = true;
    p.fn('func work(n int) int {\n\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += i\n\t}\n\treturn s\n}',
      'function work(n) {\n  let s = 0;\n  for (let i = 0; i < n; i++) s += i;\n  return s;\n}');
  }
  return d;
}

/** A JavaScript expression printing the array `name` as Go prints a slice: [a b c]. */
export const list = (name) => `\`[\${${name}.join(' ')}]\``;
