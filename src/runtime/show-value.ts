// How a bad value is named in an error message: "got the string '4'" says what a bare
// "got 4" hides (that a string came where a number was wanted).
import { inspect } from 'node:util';

export function showValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof v} ${String(v)}`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return `function ${v.name || '(anonymous)'}`;
    case 'symbol':
      return String(v);
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const cls = (v as object).constructor?.name;
  return cls !== undefined && cls !== 'Object' ? `an instance of ${cls}` : inspect(v, { depth: 1, breakLength: Infinity });
}
