// Module addresses for go(url, name) and Runtime.go: a worker thread imports the module,
// so the address must mean the same file from every thread.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** An absolute URL (file:, data:, ...) or an absolute path, as a URL string; a relative
 * path is refused, since it would resolve against the gosched package, not the caller. */
export function checkUrl(url: unknown, what: string): string {
  if (typeof url !== 'string' || url === '') {
    throw new TypeError(`${what}: the module must be a URL string (import.meta.url) or an absolute path, got ${typeof url === 'string' ? "''" : typeof url}`);
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(url)) return url;
  if (isAbsolute(url)) return pathToFileURL(url).href;
  throw new TypeError(
    `${what}: '${url}' is a relative path; pass import.meta.url (for the calling module) or an absolute URL or path, ` +
      `e.g. new URL('${url}', import.meta.url).href`,
  );
}
