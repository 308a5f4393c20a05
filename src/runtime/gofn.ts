// go(fn, ...args): finding the module of fn.
//
// A new goroutine may start on any M, and a worker thread can only reach a function by
// importing its module, so go() must turn fn into (module URL, export name). First the
// cheap way: the exports of every module this thread has loaded as goroutine code (the
// module of each goroutine it started; the common case, go(worker) from main, ends
// here). Else V8 says where fn was defined (fnlocation.ts), and that module's exports
// on this thread say under which name it is exported (exportName below): its own name,
// or another (`export default function worker`, `export { f as g }`, CommonJS's
// `module.exports = f`). The name is checked when that module's exports are known here,
// and otherwise by the thread that starts it. A function that cannot be placed is
// refused at the call, saying how to name it instead: go(import.meta.url, 'name', ...).
//
// Rejected: taking fn to be exported under its own name, as go(fn) did until k19a: the
// commonest shapes of a worker module (a named default export, CommonJS's
// `module.exports = f`, piscina's own convention) were refused, `has no exported
// function 'worker'`, though the owner held the very function the module exports.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
  const gen = generatorProblem(fn);
  if (gen !== undefined) throw new TypeError(`${what}(${fn.name || '(anonymous)'}): ${gen}`);
  const at = byFn.get(fn);
  if (at !== undefined) return at;
  const url = moduleUrlOf(fn);
  // What the messages call it: the function's own name, as the user wrote it.
  const own = fn.name;
  const script = url === null ? undefined : evalScript(url);
  if (script !== undefined) {
    throw new TypeError(`${what}(${own || '(anonymous)'}): this function is defined in ${script} (${url}), which no other thread can import; ` +
      `put goroutine functions in a module file, export them there, and import that module here`);
  }
  const name = (url === null ? undefined : exportName(fn, url)) ?? own;
  const fix = `export it and call ${what}(import.meta.url, '${name || 'name'}', ...) from its module, or ${what}(url, 'name', ...) with its module's absolute URL`;
  if (url === null || !/^[a-z][a-z0-9+.-]*:/i.test(url) || name === '' || name.includes(' ')) {
    throw new TypeError(`${what}(${own || '(anonymous)'}): cannot tell which module exports this function; ${fix}`);
  }
  const mod = modules.get(url);
  if (mod !== undefined && mod[name] !== fn) {
    throw new TypeError(`${what}(${own}): ${url} has no export '${name}' that is this function; ${fix}`);
  }
  return { url, name };
}

const requireHere = createRequire(import.meta.url);
const exportNames = new WeakMap<Function, string | null>();

/**
 * The name under which the module at `url`, where V8 says fn was defined, exports fn;
 * undefined when it cannot be told here. That module has been evaluated on this thread
 * (fn is one of its objects), so require() gives its exports synchronously without
 * running it again: an ES module's namespace (Node 20.19 and later), a CommonJS module's
 * module.exports (`'default'` when that is fn itself, as import() names it). Not asked
 * where require() might name another module instance than the one V8 means, and so run
 * a module's top level again here: a URL with a query or fragment, not a file:, or of a
 * file that Node does not load by itself (a `.ts` under a loader such as tsx, whose
 * require hook would compile and run it anew). A module require() cannot take (top-level await,
 * one still evaluating: the entry module during its own top-level await) or whose
 * exports throw when read leaves the name to fn's own, as before.
 */
function exportName(fn: Function, url: string): string | undefined {
  const hit = exportNames.get(fn);
  if (hit !== undefined) return hit ?? undefined;
  let name: string | null = null;
  try {
    const u = new URL(url);
    if (u.protocol === 'file:' && u.search === '' && u.hash === '' && /\.[mc]?js$/.test(u.pathname)) {
      const mod: unknown = requireHere(fileURLToPath(u));
      if (mod === fn) name = 'default';
      else if ((typeof mod === 'object' || typeof mod === 'function') && mod !== null) {
        const m = mod as Record<string, unknown>;
        if (fn.name !== '' && Object.hasOwn(m, fn.name) && m[fn.name] === fn) name = fn.name;
        else name = Object.keys(m).find((k) => k !== '__esModule' && m[k] === fn) ?? null;
      }
    }
  } catch {
    name = null;
  }
  exportNames.set(fn, name);
  return name ?? undefined;
}

/** In words, the code with no file behind it that Node names `url` (a function's script as
 * V8 gives it, or import.meta.url there): `node -e`/`-p` code is `[eval]`, or
 * `file:///cwd/[eval1]` as an ES module, stdin `[stdin]` (`[eval1]` as a module), the
 * REPL's lines `REPL1`, ... A thread can import none of them; without this, go() of a
 * function defined there said `cannot load file:///cwd/[eval1]: Cannot find module`, or
 * told the user to pass import.meta.url, which names no file either. (Here rather than
 * in url.ts, which uses it too: an M loads this module and not that one.) */
export function evalScript(url: string): string | undefined {
  if (/^REPL\d+$/.test(url)) return 'a line typed at the REPL';
  if (/(^|\/)\[(eval|stdin)\d*\]$/.test(url)) return 'the code node ran from its command line (-e, --eval, -p) or stdin';
  return undefined;
}

/** Why a generator function cannot be a goroutine's, or undefined for any other value.
 * Calling one runs none of its body (it returns a generator), so the goroutine ended at
 * once and its result was refused as "an instance of class (anonymous class)". */
export function generatorProblem(fn: unknown): string | undefined {
  const tag = Object.prototype.toString.call(fn);
  if (tag !== '[object GeneratorFunction]' && tag !== '[object AsyncGeneratorFunction]') return undefined;
  return 'this is a generator function: calling it runs none of its body (it returns a generator), so a goroutine cannot run it; use a plain or async function';
}
