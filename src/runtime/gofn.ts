// go(fn, ...args): finding the module of fn.
//
// A new goroutine may start on any M, and a worker thread can only reach a function by
// importing its module, so go() must turn fn into (module URL, export name). First the
// cheap way: the exports of every module this thread has loaded as goroutine code (the
// module of each goroutine it started; the common case, go(worker) from main, ends
// here). Else V8 says where fn was defined (fnlocation.ts) and fn is taken to be
// exported under its own name, which is checked when that module's exports are known
// here, and otherwise by the thread that starts it. A function that cannot be placed is
// refused at the call, saying how to name it instead: go(import.meta.url, 'name', ...).

import { moduleUrlOf } from './fnlocation.js';

const byFn = new WeakMap<Function, { url: string; name: string }>();
const modules = new Map<string, Record<string, unknown>>();

/** Records the exported functions of a module this thread imported as goroutine code. */
export function registerModule(url: string, mod: Record<string, unknown>): void {
  if (modules.has(url)) return;
  modules.set(url, mod);
  for (const [name, v] of Object.entries(mod)) {
    if (typeof v === 'function' && !byFn.has(v)) byFn.set(v, { url, name });
  }
}

/** The exports of a module this thread has already imported as goroutine code. */
export function loadedModule(url: string): Record<string, unknown> | undefined {
  return modules.get(url);
}

/** The module URL and export name of fn, or an error saying how to fix the call. */
export function locate(fn: Function, what = 'go'): { url: string; name: string } {
  const at = byFn.get(fn);
  if (at !== undefined) return at;
  const name = fn.name;
  const url = moduleUrlOf(fn);
  const fix = `export it and call ${what}(import.meta.url, '${name || 'name'}', ...) from its module, or ${what}(url, 'name', ...) with its module's absolute URL`;
  if (url === null || !/^[a-z][a-z0-9+.-]*:/i.test(url) || name === '' || name.includes(' ')) {
    throw new TypeError(`${what}(${name || '(anonymous)'}): cannot tell which module exports this function; ${fix}`);
  }
  const mod = modules.get(url);
  if (mod !== undefined && mod[name] !== fn) {
    throw new TypeError(`${what}(${name}): ${url} has no export '${name}' that is this function; ${fix}`);
  }
  return { url, name };
}
