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
  if (thrown instanceof Error) return { message: thrown.message, stack: thrown.stack ?? `${thrown.name}: ${thrown.message}` };
  const message = thrown === null ? 'nil' : typeof thrown === 'number' && !isGoInt(thrown) ? goFloat(thrown) : formatValue(thrown);
  const what = thrown === null || thrown === undefined ? String(thrown) : Array.isArray(thrown) ? 'an array' : typeof thrown === 'object' ? 'an object' : `${article(typeof thrown)} ${typeof thrown}`;
  return { message, stack: `${func}\n\t(${what} was thrown, not an Error: no stack trace; throw an Error to get one)` };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
