// Where a function was defined: the URL of its module, read from V8 through the
// inspector protocol (the function's [[FunctionLocation]] and the script it names).
// JavaScript gives a function no other link to its module. A session on this thread
// answers synchronously; it is opened only when the cheaper lookups have failed (gofn.ts)
// or for run(main), and closed at once, since an enabled debugger slows the thread.

import inspector from 'node:inspector';

const cache = new WeakMap<Function, string | null>();

/** The URL of the module (or script) that defines fn, or null when V8 does not say
 * (a native or bound function). */
export function moduleUrlOf(fn: Function): string | null {
  const hit = cache.get(fn);
  if (hit !== undefined) return hit;
  const s = new inspector.Session();
  s.connect();
  const scripts = new Map<string, string>();
  s.on('Debugger.scriptParsed', (m) => scripts.set(m.params.scriptId, m.params.url));
  const key = `__goschedLocate${Math.random().toString(36).slice(2)}`;
  const g = globalThis as Record<string, unknown>;
  g[key] = fn;
  let url: string | null = null;
  try {
    s.post('Debugger.enable');
    s.post('Runtime.evaluate', { expression: `globalThis.${key}` }, (err, r) => {
      if (err || r.result.objectId === undefined) return;
      s.post('Runtime.getProperties', { objectId: r.result.objectId, ownProperties: true }, (err2, p) => {
        const loc = err2 ? undefined : p.internalProperties?.find((x) => x.name === '[[FunctionLocation]]');
        const id = (loc?.value?.value as { scriptId?: string } | undefined)?.scriptId;
        url = (id !== undefined && scripts.get(id)) || null;
      });
    });
  } finally {
    delete g[key];
    s.post('Debugger.disable');
    s.disconnect();
  }
  cache.set(fn, url);
  return url;
}
