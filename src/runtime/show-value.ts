// How a value is named in a message. showValue, for a bad argument: "got the string '4'"
// says what a bare "got 4" hides (that a string came where a number was wanted).
// formatValue, for a panic's value as Go prints it: a string as it is, anything else in
// a short literal form. Neither uses node:util's inspect: this module is loaded on every
// M, and importing node:util there costs each thread about 0.1 MB of RSS.

export function showValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof v} ${String(v)}`;
    case 'undefined':
    case 'symbol':
    case 'function':
      return formatValue(v);
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const cls = (v as object).constructor?.name;
  return cls !== undefined && cls !== 'Object' ? `an instance of ${cls}` : formatValue(v);
}

export function formatValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'symbol':
      return v.toString();
    case 'function':
      return `function ${v.name || '(anonymous)'}`;
    case 'object':
      if (v !== null) return formatObject(v);
  }
  return String(v);
}

function formatObject(o: object): string {
  const cls = o.constructor?.name;
  const prefix = cls !== undefined && cls !== 'Object' && cls !== 'Array' ? `${cls} ` : '';
  try {
    const json = JSON.stringify(o, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    if (json !== undefined) return prefix + json;
  } catch {
    // A cycle, or a getter that throws: the class (or kind) is what can be said.
  }
  return Object.prototype.toString.call(o);
}
