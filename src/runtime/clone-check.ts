// Which values may cross to another goroutine. The structured clone that copies them
// keeps an object's own data but drops its class: a class instance arrives as a plain
// object without its methods, getters or private fields (#x), and nothing says so, so a
// program that passes one gets a different object from the one it sent, silently.
// Refused instead, at the send, naming where in the value the instance sits. Allowed:
// plain objects (Object.prototype or null prototype), arrays, and the built-ins the
// structured clone copies whole (Map, Set, Date, RegExp, ArrayBuffer, SharedArrayBuffer,
// typed arrays and DataView, boxed primitives), gosched's own handles (revived on the other
// side, codec.ts), and an Error of a kind the clone keeps (Error, TypeError, RangeError, ...)
// that holds nothing but its name, message, stack and cause: the clone keeps only those, so
// an Error subclass (it would arrive as a plain Error) and an Error with own fields (a Node
// error's code, errno, path: dropped) are refused too, as class instances are.
//
// Rejected alternative: refusing only what the serializer refuses (functions, symbols),
// as postMessage does; that loses the private fields the owner meant to pass.
import { HANDLE_KEY } from './codec.js';

/** The Error kinds V8's serializer keeps (any other arrives as a plain Error). */
const CLONED_ERRORS: object[] = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError].map((c) => c.prototype);
const ERROR_KEPT = new Set(['message', 'stack', 'cause']);

const WHOLE: object[] = [
  Map.prototype, Set.prototype, Date.prototype, RegExp.prototype, ArrayBuffer.prototype, SharedArrayBuffer.prototype,
  Number.prototype, String.prototype, Boolean.prototype, BigInt.prototype,
];

// Built-ins the structured clone refuses outright: calling one "a class instance that
// would arrive as a plain object" would be untrue.
const NEVER: object[] = [WeakMap.prototype, WeakSet.prototype, WeakRef.prototype, Promise.prototype, FinalizationRegistry.prototype];

/** Where in v a class instance sits ("" for v itself, ".a[2]" below it) and its class,
 * or null when v may be cloned as it is. Walks objects only: numbers and strings inside
 * arrays cost a typeof each. */
export function classInstanceIn(v: unknown): Problem | null {
  if (typeof v !== 'object' || v === null) return null;
  try {
    if (flatPlain(v)) return null;
  } catch {
    // A getter threw: the walk below reads the value again and says where.
  }
  const seen = new Set<object>();
  const stack: [object, string][] = [[v, '']];
  while (stack.length > 0) {
    const [o, at] = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    try {
      const bad = visit(o, at, stack);
      if (bad !== null) return bad;
    } catch (err) {
      throw err instanceof Unreadable ? err : new Unreadable(at, err);
    }
  }
  return null;
}

/** A value whose reading threw (a getter, a Proxy's trap), and where in the value. */
class Unreadable extends Error {
  constructor(readonly at: string, readonly thrown: unknown) {
    super('unreadable');
  }
}

function readKey(o: Record<string, unknown>, k: string, at: string): unknown {
  try {
    return o[k];
  } catch (err) {
    throw new Unreadable(at, err);
  }
}

/** One object of the walk: its class problem, or null after pushing what it holds. */
/** Where a value that cannot cross sits, and why: a class instance (`cls`), a built-in the
 * clone refuses (`never`), an Error subclass (`error`), an Error's own fields (`fields`). */
interface Problem {
  at: string;
  cls: string;
  never?: boolean;
  error?: boolean;
  fields?: string[];
}

function visit(o: object, at: string, stack: [object, string][]): Problem | null {
  if (ArrayBuffer.isView(o)) return null;
  if (o instanceof Error) return errorProblem(o, at, stack);
  const proto = Object.getPrototypeOf(o) as object | null;
  if (Array.isArray(o)) {
    if (proto !== Array.prototype) return { at, cls: o.constructor?.name ?? 'an Array subclass' };
    for (let i = 0; i < o.length; i++) {
      const x: unknown = readKey(o as unknown as Record<string, unknown>, String(i), `${at}[${i}]`);
      if (typeof x === 'object' && x !== null) stack.push([x, `${at}[${i}]`]);
    }
    return null;
  }
  if (proto === Map.prototype) {
    for (const [k, x] of o as Map<unknown, unknown>) {
      if (typeof k === 'object' && k !== null) stack.push([k, `${at}.<map key>`]);
      if (typeof x === 'object' && x !== null) stack.push([x, `${at}.get(${typeof k === 'string' ? JSON.stringify(k) : '...'})`]);
    }
    return null;
  }
  if (proto === Set.prototype) {
    for (const x of o as Set<unknown>) if (typeof x === 'object' && x !== null) stack.push([x, `${at}.<set element>`]);
    return null;
  }
  if (WHOLE.includes(proto as object)) return null;
  if (NEVER.includes(proto as object)) return { at, cls: (proto as { constructor: { name: string } }).constructor.name, never: true };
  if (proto !== Object.prototype && proto !== null) {
    if (Object.hasOwn(o, HANDLE_KEY)) return null;
    return { at, cls: (o as { constructor?: { name?: string } }).constructor?.name || '(anonymous class)' };
  }
  for (const k of Object.keys(o)) {
    const x: unknown = readKey(o as Record<string, unknown>, k, `${at}.${k}`);
    if (typeof x === 'object' && x !== null) stack.push([x, `${at}.${k}`]);
  }
  return null;
}

/** An Error crosses only as a kind the clone keeps, holding nothing the clone drops; its
 * cause (which the clone keeps) is walked like any value. */
function errorProblem(o: Error, at: string, stack: [object, string][]): Problem | null {
  const proto = Object.getPrototypeOf(o) as object;
  if (!CLONED_ERRORS.includes(proto)) return { at, cls: (o as { constructor?: { name?: string } }).constructor?.name || '(anonymous class)', error: true };
  const fields = Object.keys(o).filter((k) => !ERROR_KEPT.has(k));
  if (fields.length > 0) return { at, cls: (proto as { constructor: { name: string } }).constructor.name, fields };
  const cause: unknown = readKey(o as unknown as Record<string, unknown>, 'cause', `${at}.cause`);
  if (typeof cause === 'object' && cause !== null) stack.push([cause, `${at}.cause`]);
  return null;
}

/** A plain object whose values are all primitives (the common channel value, { i, name }):
 * decided without the walk's allocations. */
function flatPlain(o: object): boolean {
  if (Object.getPrototypeOf(o) !== Object.prototype) return false;
  for (const k in o) {
    const x: unknown = (o as Record<string, unknown>)[k];
    if (typeof x === 'object' && x !== null) return false;
  }
  return true;
}

/** The sentence for an error message, or null. `what` names the value ("argument 2"). */
export function classInstanceProblem(v: unknown, what: string): string | null {
  let bad: Problem | null;
  try {
    bad = classInstanceIn(v);
  } catch (err) {
    // A getter (or a Proxy's trap) of the value threw while it was read: the structured
    // clone would read it too, and its exception alone would name neither the call nor
    // the value.
    if (!(err instanceof Unreadable)) throw err;
    return `${what}${err.at} cannot be read to copy it: reading it threw ${threwText(err.thrown)}`;
  }
  if (bad === null) return null;
  const where = bad.at === '' ? what : `${what}${bad.at}`;
  if (bad.never === true) return `${where} is a ${bad.cls}, which cannot be copied to another thread; pass plain data`;
  if (bad.error === true) return `${where} is an instance of class ${bad.cls}, an Error subclass, which would arrive as a plain Error without its class, methods or own fields; pass plain data (such as { name, message })`;
  if (bad.fields !== undefined) {
    const f = bad.fields[0]!;
    return `${where} is ${/^[AEIOU]/.test(bad.cls) ? 'an' : 'a'} ${bad.cls} with own fields (${bad.fields.join(', ')}) that the copy would drop (it keeps name, message, stack and cause); pass plain data such as { message: e.message, ${f}: e.${f} }`;
  }
  return `${where} is an instance of class ${bad.cls}, which would arrive as a plain object without its methods, getters or private fields; pass a plain object (or share memory through a SharedArrayBuffer)`;
}

function threwText(err: unknown): string {
  try {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } catch {
    return 'a value that cannot be shown';
  }
}
