// go(fn, ...args): finding the module of fn.
//
// A new goroutine may start on any M, and a worker thread can only reach a function by
// importing its module, so go() must turn fn into (module URL, export name). A function
// carries no module of its own in JavaScript, so the runtime looks it up among the
// exports of every module this thread has loaded as goroutine code (the module of each
// goroutine it started: the common case, go(worker) from main, needs nothing more).
// A function found nowhere is refused at the call, saying how to name it instead:
// go(import.meta.url, 'name', ...args). Rejected: reading the caller's file from a stack
// trace and importing it, because import() is asynchronous and go() is not.

const byFn = new WeakMap<Function, { url: string; name: string }>();

/** Records the exported functions of a module this thread imported as goroutine code. */
export function registerModule(url: string, mod: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(mod)) {
    if (typeof v === 'function' && !byFn.has(v)) byFn.set(v, { url, name });
  }
}

/** The module URL and export name of fn, or an error saying how to fix the call. */
export function locate(fn: Function): { url: string; name: string } {
  const at = byFn.get(fn);
  if (at !== undefined) return at;
  const name = fn.name || '(anonymous)';
  throw new TypeError(
    `go(${name}): ${name} is not an exported function of a module this thread loaded as goroutine code; ` +
      `export it and call go(import.meta.url, '${fn.name || 'name'}', ...args) from its module ` +
      `(or go(url, 'name', ...args) with the module's absolute URL)`,
  );
}
