// Module addresses for go(url, name) and Runtime.go: a worker thread imports the module,
// so the address must mean the same file from every thread.

import { isAbsolute } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evalScript } from './gofn.js';

/** A module address as the caller may write it: a URL string (import.meta.url), a URL
 * object (`new URL('./work.js', import.meta.url)`, as node:worker_threads' Worker takes), or
 * an absolute path. Where a module can be named, gosched takes this. */
export type ModuleUrl = string | URL;

/** An absolute URL (file:, data:, ...; a string or a URL object) or an absolute path, as a
 * URL string; a relative path is refused, since it would resolve against the gosched
 * package, not the caller. */
export function checkUrl(url: unknown, what: string): string {
  // A URL object of this thread's realm; its href is absolute by construction.
  if (url instanceof URL) url = url.href;
  if (typeof url !== 'string' || url === '') {
    throw new TypeError(`${what}: the module must be a URL (import.meta.url, or a URL object) or an absolute path, got ${typeof url === 'string' ? "''" : url === null ? 'null' : typeof url}`);
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(url)) return exists(url, what);
  if (isAbsolute(url)) return exists(pathToFileURL(url).href, what);
  throw new TypeError(
    `${what}: '${url}' is a relative path; pass import.meta.url (for the calling module) or an absolute URL or path, ` +
      `e.g. new URL('${url}', import.meta.url).href`,
  );
}

/** A file: module that is not there cannot be loaded by any thread: say so at the call
 * rather than in the goroutine. (Whether it exports the function: export-check.ts on the
 * owner; inside a goroutine, the new goroutine reports it.) */
function exists(href: string, what: string): string {
  // Asked once per module: a file seen once stays good for this check (a thread that has
  // loaded it keeps it loaded), and a stat on every go() of a batch is measurable (about
  // 6 microseconds of the owner's 40 per call).
  if (seen.has(href)) return href;
  if (href.startsWith('file:') && !existsSync(fileURLToPath(href))) {
    const script = evalScript(href);
    throw new Error(`${what}: cannot load ${href}: no such file` +
      (script === undefined ? '' : ` (it names ${script}, which no other thread can import: put goroutine functions in a module file)`));
  }
  seen.add(href);
  return href;
}

const seen = new Set<string>();
