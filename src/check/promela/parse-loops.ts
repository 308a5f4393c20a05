// select and for: SPIN writes both out as loops of ordinary statements (a select with
// literal bounds as an if of assignments, by its lexer; the others as a counting do),
// with its checks on a for's index and on the array or channel it runs over. A trace
// body refuses both (traceLoop). The loop bodies are blocks, parsed above (parse-stmt.ts).
import type { Pos } from '../errors.js';
import type { Token } from './lexer.js';
import type { Expr, Stmt, VarDecl, VarRef } from './ast.js';
import { forInChannel, forRange } from './for-loops.js';
import { constValue } from './const-value.js';
import { DeclParser } from './parse-decl.js';

export abstract class LoopParser extends DeclParser {
  /** Parsing a trace or notrace body (trace-body.ts). */
  protected inTrace: 'trace' | 'notrace' | null = null;

  /** `{ sequence }` (parse-stmt.ts). */
  protected abstract block(top?: boolean, what?: string | null): Stmt[];

  /** Whether SPIN's lexer writes out the select whose `(` is the current token. */
  protected selectWrittenOut(): boolean {
    const tok = (k: number) => this.peek(k);
    return this.inlineDepth === 0 && tok(0).text === '(' && tok(1).kind === 'id' && /^[A-Za-z0-9]+$/.test(tok(1).text)
      && tok(2).text === ':' && tok(3).kind === 'num' && /^\d+$/.test(tok(3).text) && tok(4).text === '.' && tok(5).text === '.'
      && tok(6).kind === 'num' && /^\d+$/.test(tok(6).text) && tok(7).text === ')';
  }

  /** `for` or `select` in a trace body (t the keyword), refused. A select SPIN's lexer
   * writes out is an if of assignments, "not an event" to SPIN. Any other becomes steps
   * of a counter (assignments, a bound test) that pan runs as moves of the trace, each
   * matching any event (models tried: pan reports non-determinism at the first event). */
  protected traceLoop(t: Token): never {
    const word = this.inTrace!;
    this.next();
    if (t.text === 'select' && this.selectWrittenOut()) {
      this.err(`not an event: select (${this.peek().text} : ${this.peek(3).text} .. ${this.peek(6).text}) in a ${word} body (SPIN's lexer writes it out as an if of assignments; SPIN takes only sends, receives, if, do, goto, break and labels there)`, t);
    }
    this.err(`'${t.text}' in a ${word} body is not supported: SPIN makes its counter's steps (assignments, the bound test) moves of the ${word}, which pan takes on any event`, t);
  }

  /** `select (v : lo .. hi)`, expanded as SPIN 6.5.2 does: a constant range of at most 33
   * values becomes an if with one assignment per value; any other a counting loop. */
  protected select(): Stmt {
    const pos = this.next();
    // SPIN's lexer writes out `select ( name : digits .. digits )` itself, as text: an if
    // of the assignments (32 values at most) or a counting loop. That takes a name of
    // letters and digits only, two decimal numbers, and a select not in an inline body.
    // Any other select (a bound such as (N-1), a name with _) is built by the parser
    // (flow.c's sel_index) as a loop whose break comes first.
    const literal = this.selectWrittenOut();
    this.expect('(');
    const v = this.varref();
    this.expect(':');
    const lo = this.expr();
    this.expect('.'); this.expect('.', "'..'");
    const hi = this.expr();
    this.expect(')');
    const a = literal ? constValue(lo) : null, b = literal ? constValue(hi) : null;
    if (a !== null && b !== null && b < a) this.err('bad range in select statement', pos);
    const assign = (e: Expr): Stmt => ({ k: 'assign', lhs: v, rhs: e, pos });
    if (a !== null && b !== null && b - a <= 32) {
      return { k: 'if', opts: Array.from({ length: b - a + 1 }, (_, i) => [assign({ k: 'num', v: a + i, pos })]), pos };
    }
    const step: Stmt[] = [
      { k: 'expr', e: { k: 'bin', op: '<', a: v, b: hi, pos }, pos },
      assign({ k: 'bin', op: '+', a: v, b: { k: 'num', v: 1, pos }, pos }),
    ];
    const brk: Stmt[] = [{ k: 'break', pos }];
    // SPIN lists the counting option first in the loop its lexer writes, the break first in sel_index's.
    return { k: 'block', body: [assign(lo), { k: 'do', opts: b !== null ? [step, brk] : [brk, step], pos }], pos, flat: true, ...(b === null ? { selectLoop: true } : {}) };
  }

  /** `for (v : lo .. hi) { body }`, `for (v in array) { body }`, `for (m in channel) { body }`
   * (see for-loops.ts), with SPIN's checks on the index and the array or channel. */
  protected forLoop(): Stmt {
    const pos = this.next();
    this.expect('(');
    const v = this.varref(true, true); // SPIN's in_for: the for's own checks name a whole array here
    if (this.is('in')) {
      this.next();
      const target = this.varref(true, true);
      this.expect(')');
      const body = this.block(false, null), end = this.toks[this.p - 1]!;
      const vd = this.declOf(v.name), td = this.declOf(target.name);
      if (!vd) this.err(`undeclared variable '${v.name}'`, v.pos);
      if (!td) this.err(`undeclared variable '${target.name}'`, target.pos);
      if (vd.struct && v.fields.length === 0) {
        if (vd.type !== 'struct' || td.type !== 'chan' || target.fields.length > 0) this.err(`for ( ${v.name} in .channel_name ) { ... }`, target.pos);
        if (!td.chan || td.chan.cap <= 0 || !td.chan.msgStruct) this.err(`bad channel type ${target.name} in for`, target.pos);
        if (td.chan.msgStruct !== vd.struct) this.err(`type of ${v.name} does not match chan`, v.pos);
        return forInChannel(v, target, this.forCounter(pos), body, pos, end);
      }
      this.forIndexCheck(v, vd);
      const len = this.arrayLength(target, td);
      if (len <= 0) this.err(`bad arrayname ${target.fields.length ? target.fields[target.fields.length - 1]!.name : target.name}`, target.pos);
      return forRange(v, { k: 'num', v: 0, pos }, { k: 'num', v: len - 1, pos }, body, pos, end);
    }
    this.expect(':');
    const lo = this.expr();
    this.expect('.'); this.expect('.', "'..'");
    const hi = this.expr();
    this.expect(')');
    const body = this.block(false, null);
    return forRange(v, lo, hi, body, pos, this.toks[this.p - 1]!);
  }

  /** SPIN's valid_name: a for loop's index is a plain variable, not a channel, structure or array. */
  protected forIndexCheck(v: VarRef, d: VarDecl): void {
    if (d.type === 'chan' || d.struct || d.len > 0 || v.index || v.fields.length) this.err(`bad index in for-construct ${v.name}`, v.pos);
  }

  /** The length of the array a for loop runs over (the last field of a structure path), 0 if no array. */
  protected arrayLength(t: VarRef, d: VarDecl): number {
    let cur: VarDecl | undefined = d;
    for (const f of t.fields) {
      cur = cur?.struct ? this.typedefs.get(cur.struct)?.find((x) => x.name === f.name) : undefined;
      if (!cur) this.err(`no field '${f.name}' in '${t.name}'`, f.pos);
    }
    return cur.len;
  }

  /** The byte local SPIN adds as the counter of `for (m in channel)`: `_f0r_t3mp` and the
   * block scope (SPIN's CurScope: the count of each '{' level so far), one per scope. */
  protected forCounter(pos: Pos): VarRef {
    const seq: number[] = [];
    let level = 0;
    for (let i = 0; i < this.p; i++) {
      const x = this.toks[i]!;
      if (x.kind === 'str') continue;
      // As SPIN's lexer: a level's count is not reset when a block closes.
      if (x.text === '{') { seq[level] = (seq[level] ?? 0) + 1; level++; }
      else if (x.text === '}' && level > 0) level--;
    }
    // Called once the loop's body is read: the level is the one around the for.
    const name = `_f0r_t3mp_${seq.slice(0, level).map((n) => `${n}_`).join('')}`;
    if (this.locals && !this.locals.some((d) => d.name === name)) {
      this.locals.push({ name, type: 'byte', struct: null, len: 0, init: null, chan: null, pos });
    }
    return { k: 'var', name, index: null, fields: [], pos };
  }
}
