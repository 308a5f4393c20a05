// What a goroutine's panic says when it threw something other than an Error. Go prints a
// panic's value as it is (`panic("boom")` prints `panic: boom`), so a thrown string is
// the message unchanged and any other value is shown in a literal form ({"code":42},
// undefined, 7), never "[object Object]". Such a value has no stack, and an Error
// made for it here would carry the M's own frames, which say nothing about where the
// program went wrong: the report names the goroutine's function instead, and says why
// there is no trace.
import { formatValue } from './show-value.js';

export function panicText(thrown: unknown, func: string): { message: string; stack: string } {
  if (thrown instanceof Error) return { message: thrown.message, stack: thrown.stack ?? `${thrown.name}: ${thrown.message}` };
  const message = formatValue(thrown);
  const what = thrown === null || thrown === undefined ? String(thrown) : Array.isArray(thrown) ? 'an array' : typeof thrown === 'object' ? 'an object' : `${article(typeof thrown)} ${typeof thrown}`;
  return { message, stack: `${func}\n\t(${what} was thrown, not an Error: no stack trace; throw an Error to get one)` };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
