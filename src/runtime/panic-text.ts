// What a goroutine's panic says when it threw something other than an Error. Go prints a
// panic's value as it is (`panic("boom")` prints `panic: boom`), so a thrown string is
// the message unchanged, a number as Go prints an int or a float64 (go-float.ts), and any
// other value is shown in a literal form ({"code":42}, undefined), never "[object
// Object]". A thrown null is Go's panic(nil), which Go 1.19 prints as `panic: nil`
// (null is gosched's nil, as a nil channel is null). Such a value has no stack, and an
// Error made for it here would carry the M's own frames, which say nothing about where
// the program went wrong: the report names the goroutine's function instead, and says
// why there is no trace.
import { formatValue } from './show-value.js';
import { goFloat, isGoInt } from './go-float.js';

export function panicText(thrown: unknown, func: string): { message: string; stack: string } {
  try {
    return describeThrown(thrown, func);
  } catch (err) {
    // The thrown value's own code threw while it was being described (a getter of an
    // Error's message or stack, a Proxy's trap). The goroutine still panics: what ends a
    // goroutine must never end its M, which would take the whole Runtime down.
    const why = safeString(() => (err instanceof Error ? err.message : err));
    return { message: `a value that could not be described (reading it threw${why === '' ? '' : `: ${why}`})`, stack: `${func}\n\t(the thrown value could not be read: no stack trace)` };
  }
}

function describeThrown(thrown: unknown, func: string): { message: string; stack: string } {
  if (thrown instanceof Error) {
    // An Error's message or stack may be anything a program assigned (a symbol, an
    // object): the panic text is a string whatever they are.
    const message = safeString(() => thrown.message, '(its message could not be read)');
    const stack = safeString(() => thrown.stack ?? `${asText(thrown.name)}: ${message}`, `${func}\n\t(its stack could not be read)`);
    return { message, stack };
  }
  const message = thrown === null ? 'nil' : typeof thrown === 'number' && !isGoInt(thrown) ? goFloat(thrown) : formatValue(thrown);
  const what = thrown === null || thrown === undefined ? String(thrown) : Array.isArray(thrown) ? 'an array' : typeof thrown === 'object' ? 'an object' : `${article(typeof thrown)} ${typeof thrown}`;
  return { message, stack: `${func}\n\t(${what} was thrown, not an Error: no stack trace; throw an Error to get one)` };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : formatValue(v);
}

function safeString(f: () => unknown, fallback = ''): string {
  try {
    return asText(f());
  } catch {
    return fallback;
  }
}
