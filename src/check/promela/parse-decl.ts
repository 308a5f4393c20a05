// Declarations: variables (arrays, unsigned widths, initial values and lists, channels
// with their message types), typedefs and mtype lists, with SPIN's rules on the names
// they may take (parse-names.ts) and its array size given by a variable's name.
// Where a local's declaration becomes a step is the statement level's (parse-stmt.ts).
import type { Pos } from '../errors.js';
import type { Token } from './lexer.js';
import type { BaseType, ChanType, Expr, VarDecl } from './ast.js';
import { BASE_TYPES } from './parse-names.js';
import { ExprParser } from './parse-expr.js';

export abstract class DeclParser extends ExprParser {
  /** A typedef's fields declared so far, while its body is parsed (see boundByName). */
  protected typedefFields: VarDecl[] | null = null;

  /** Whether the declaration being parsed is a step of its own (see stmt), and the
   * scalars whose initial value so became a step. */
  protected declIsStep = false;
  protected initIsStep = new WeakSet<VarDecl>();
  /** The token after each variable of the last declaration parsed (see stmt's steps). */
  protected declEnds: Token[] = [];

  /** Declarations: `type name[N] = init, ...`. Channels: `chan c = [N] of { t, ... }`. */
  protected decl(param = false): VarDecl[] {
    this.declEnds = [];
    let hidden = false;
    while (this.is('hidden') || this.is('local') || this.is('show')) hidden = this.next().text === 'hidden' || hidden;
    const tt = this.ident('a type');
    if (!this.isType(tt)) this.err(`unknown type '${tt.text}'`, tt);
    const struct = this.typedefs.has(tt.text) ? tt.text : null;
    const unsigned = tt.text === 'unsigned';
    let type: BaseType | 'struct' = struct ? 'struct' : tt.text as BaseType;
    if (type === 'mtype' && this.is(':')) { this.next(); this.ident('an mtype set name'); }
    const out: VarDecl[] = [];
    for (;;) {
      const id = this.newName('a variable name');
      // main.c enters `_` in the symbol table as its write-only variable before the model
      // is read (a structure's field of that name is another symbol, which SPIN takes).
      if (id.text === '_' && this.typedefFields === null) this.err("redeclaration of '_' (SPIN predefines it, its write-only variable)", id);
      this.plainName(id, this.typedefFields !== null ? 'a field' : 'a variable');
      let len = 0, bits = 0;
      // `unsigned name : width`: 0 .. 2^width - 1, an assignment keeps the low width bits
      // (pan's C bit-field). Kept in the smallest basic type that holds it unsigned.
      if (unsigned) {
        if (!this.is(':')) this.err(`unsigned '${id.text}' needs a width: unsigned ${id.text} : bits`);
        this.next();
        const w = this.t;
        bits = this.constant('a width in bits');
        if (bits < 1 || bits > 31) this.err(`unsigned width must be 1 to 31 bits here, got ${bits}`, w);
        type = bits <= 8 ? 'byte' : bits <= 15 ? 'short' : 'int';
      }
      if (this.is('[')) {
        this.next();
        const n = this.t;
        const named = n.kind === 'id' && this.peek().text === ']' && !this.mtypeValue.has(n.text) && !['true', 'false', 'skip'].includes(n.text);
        len = named ? this.boundByName(this.next(), out) : this.constant('an array size');
        if (len < 1) this.err(`array size must be at least 1, got ${len}`, n);
        this.expect(']');
      }
      let init: Expr | null = null, chan: ChanType | null = null, initList: Expr[] | null = null;
      if (this.is('=') && !param) {
        this.next();
        if (type === 'chan') chan = this.chanType();
        // pan initialises a structure field by field from its typedef (walk_struct) and
        // drops an initialiser written on the variable: `T t = 7` is `T t`.
        else if (struct) this.expr();
        else if (this.is('{')) initList = this.initList(id, len);
        else init = this.expr();
      }
      this.declEnds.push(this.t);
      const d: VarDecl = { name: id.text, type, struct, len, init, chan, pos: id, ...(initList ? { initList } : {}), ...(hidden ? { hidden } : {}), ...(bits ? { bits } : {}) };
      // spin.y's ivar: a scalar's initial value that becomes a step (see stmt) is no
      // longer the symbol's (sym->ini = 0), which boundByName reads.
      if (this.declIsStep && init !== null && len === 0) this.initIsStep.add(d);
      out.push(d);
      if (this.is(',') && !param) { this.next(); continue; }
      // Parameters share a type until the next ';': `proctype node(chan in, out; byte id)`.
      if (param && this.is(',') && this.peek().kind === 'id' && !this.isType(this.peek())) { this.next(); continue; }
      return out;
    }
  }

  /** spin.y's `NAME '[' NAME ']'`, an array whose size is a variable's name (alanprawira
   * monkey.pml's `byte target[TARGET_LEN]` with `byte TARGET_LEN = 13`): SPIN takes the
   * variable's initial value at that point when it is a constant above 0, and else 8
   * (6.5.2's "evaluated as 8 by default (to avoid zero)"; a channel's initialiser counts
   * as its capacity). Where the name has no initial value on record (undeclared, declared
   * further on, outside the typedef being declared, or a local whose initial value became
   * a step), SPIN 6.5.2 crashes (segmentation fault, no pan.c): refused. `out`: the
   * variables declared before it in the same declaration. */
  protected boundByName(t: Token, out: VarDecl[]): number {
    const mine = out.find((d) => d.name === t.text);
    const d = this.typedefFields !== null ? mine ?? this.typedefFields.find((f) => f.name === t.text)
      : mine ?? this.declOf(this.scopes ? this.scopes.resolve(t.text, t) : t.text);
    if (d === undefined || this.initIsStep.has(d)) {
      const why = d === undefined ? (this.typedefFields !== null ? 'no field of this typedef declared before it' : 'no variable declared before it')
        : 'a local whose initial value is a step (declared after the first statement or in a block)';
      this.err(`array size '${t.text}' names ${why}: SPIN 6.5.2 crashes on it (use a constant or a #define)`, t);
    }
    if (d.chan) return d.chan.cap > 0 ? d.chan.cap : 8;
    const v = d.init?.k === 'num' ? d.init.v : 0;
    return v > 0 ? v : 8;
  }

  /** `{ c0, c1, ... }` after an array's `=`: SPIN's c_list, constants only (numbers,
   * macros that expand to one, true, false, mtype names); no sign, no expression. */
  protected initList(id: Token, len: number): Expr[] {
    if (len === 0) this.err(`${id.text} must be an array (a list initialiser needs one)`, id);
    this.expect('{');
    const list: Expr[] = [];
    for (;;) {
      const t = this.t, pos: Pos = t;
      const named = t.kind === 'id' ? (t.text === 'true' ? 1 : t.text === 'false' ? 0 : this.mtypeValue.get(t.text)) : undefined;
      if (t.kind === 'num') list.push({ k: 'num', v: t.value!, pos });
      else if (named !== undefined) list.push({ k: 'num', v: named, pos, text: t.text });
      else this.err(`an array initialiser list holds constants only (numbers, true, false, mtype names), found ${this.show(t)}`);
      this.next();
      if (this.is(',')) { this.next(); continue; }
      this.expect('}', "',' or '}' in the initialiser list");
      return list;
    }
  }

  protected chanType(): ChanType {
    this.expect('[');
    const n = this.t;
    const cap = this.constant('a channel capacity');
    if (cap < 0 || cap > 255) this.err(`channel capacity must be 0 to 255, got ${cap}`, n);
    this.expect(']');
    this.expect('of');
    this.expect('{');
    const fields: BaseType[] = [];
    let structs = 0, first: string | null = null;
    for (;;) {
      const f = this.ident('a field type');
      if (f.text === 'unsigned') this.err('unsigned cannot be used as a message type (SPIN refuses it too)', f);
      if (first === null) first = f.text;
      structs++;
      // A typedef travels as its basic-typed leaves, in layout order (see codegen's
      // structLeaves, which expands a structure sent or received whole the same way).
      if (this.typedefs.has(f.text)) {
        this.messageTypedef(f);
        const leaves = (name: string): BaseType[] => this.typedefs.get(name)!.flatMap((d) =>
          Array.from({ length: Math.max(1, d.len) }, () => (d.struct ? leaves(d.struct) : [d.type as BaseType])).flat());
        fields.push(...leaves(f.text));
        if (this.is(',')) { this.next(); continue; }
        break;
      }
      if (!BASE_TYPES.has(f.text)) this.err(`unknown type '${f.text}'`, f);
      if (f.text === 'mtype' && this.is(':')) { this.next(); this.ident('an mtype set name'); }
      fields.push(f.text as BaseType);
      if (this.is(',')) { this.next(); continue; }
      break;
    }
    this.expect('}', "',' or '}'");
    // A message that is one structure, which `for (m in c)` can take whole.
    const msgStruct = structs === 1 && first !== null && this.typedefs.has(first) ? first : undefined;
    return { cap, fields, ...(msgStruct ? { msgStruct } : {}) };
  }

  /** A typedef named as a message field: SPIN refuses two kinds of leaf in it
   * (models/spin/fuzz.mjs --more found both accepted here). A field that is an array of structures (`M m[2]`,
   * also `M m[1]`): spin's parser counts the message's fields (Cnt_flds) and stops with
   * "array of structures in param list". An `unsigned` field: `spin -a` writes each
   * message field as a C field of a fixed type and has none for unsigned ("bad channel
   * spec"). Both hold at any depth of nesting, on every channel declared (run or not);
   * the first is the parser's, so it is looked for through the whole typedef first. */
  private messageTypedef(at: Token): void {
    const walk = (name: string, check: (d: VarDecl) => boolean): VarDecl | undefined => {
      for (const d of this.typedefs.get(name)!) {
        if (check(d)) return d;
        const inner = d.struct ? walk(d.struct, check) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    const arr = walk(at.text, (d) => d.struct !== null && d.len > 0);
    if (arr) this.err(`a message of type '${at.text}' may not hold an array of structures (field '${arr.name}'): SPIN refuses it too ("array of structures in param list")`, at);
    const uns = walk(at.text, (d) => d.bits !== undefined);
    if (uns) this.err(`a message of type '${at.text}' may not hold an unsigned field ('${uns.name}'): SPIN refuses it too ("bad channel spec")`, at);
  }

  /** `typedef Name { decl; ... }`: a structure, laid out field after field. */
  protected typedefDef(): void {
    this.next();
    const name = this.newName('a typedef name');
    if (this.typedefs.has(name.text) || BASE_TYPES.has(name.text)) this.err(`type '${name.text}' is declared twice`, name);
    this.expect('{');
    const fields: VarDecl[] = [];
    this.typedefFields = fields;
    for (;;) {
      while (this.is(';')) this.next();
      if (this.is('}')) break;
      for (const f of this.decl()) {
        // A chan field holds a channel's number (0 until assigned), as a chan variable
        // does; one with a channel type makes a channel per instance (layout's startupChans).
        if (fields.some((g) => g.name === f.name)) this.err(`field '${f.name}' is declared twice`, f.pos);
        fields.push(f);
      }
    }
    this.next();
    this.typedefFields = null;
    if (fields.length === 0) this.err(`typedef '${name.text}' has no fields`, name);
    this.typedefs.set(name.text, fields);
  }

  protected mtypeDef(): void {
    this.next();
    // `mtype:name = {...}` numbers its names from 1 on its own, as SPIN 6.5 does.
    let subset: string | null = null;
    if (this.is(':')) { this.next(); subset = this.ident('an mtype set name').text; }
    if (this.is('=')) this.next();
    this.expect('{');
    const names: string[] = [];
    // SPIN's nlst: a name, then names and commas in any order ("commas optional"), so a
    // trailing comma or a missing one is accepted; the list cannot start with a comma.
    for (let first = true; first || !this.is('}'); first = false) {
      while (!first && this.is(',')) this.next();
      if (!first && this.is('}')) break;
      const id = this.newName('an mtype name');
      // SPIN: a name twice in one list is its error; one declared by an earlier mtype is
      // already a constant to its lexer, a syntax error in a list of names.
      if (names.includes(id.text)) this.err(`name ${id.text} appears twice in mtype declaration`, id);
      if (this.mtypeValue.has(id.text)) this.err(`syntax error: saw 'a constant' near '${id.text}' (already an mtype name)`, id);
      if (this.mtypes.length + names.length >= 255) this.err('too many mtype names (255 at most)', id);
      names.push(id.text);
    }
    this.expect('}');
    if (subset !== null) {
      const before = this.mtypeSubsets.get(subset) ?? 0;
      names.forEach((n, i) => this.mtypeValue.set(n, before + names.length - i));
      this.mtypeSubsets.set(subset, before + names.length);
      this.mtypes.push(...names);
      return;
    }
    const plain = this.mtypes.length - [...this.mtypeSubsets.values()].reduce((a, b) => a + b, 0);
    names.forEach((n, i) => this.mtypeValue.set(n, plain + names.length - i));
    this.mtypes.push(...names);
  }
}
