// The thread behind export-check.ts: imports a module when asked and writes what it
// exports (each name and the typeof its value) into shared memory, then wakes the owner,
// which waits for the answer in Atomics.wait. It loads nothing of gosched's.
import { parentPort, workerData } from 'node:worker_threads';
import { typeOf } from './export-loader-types.js';
import { importAsGoroutineCode } from './goroutine-import.js';
import { syntaxErrorPlace } from './syntax-place.js';

const { flag, reply } = workerData as { flag: Int32Array; reply: Uint8Array };

// What an imported module's top level prints belongs to the goroutines' threads, where it
// runs as well; here it is dropped (see export-check.ts for why not in the owner).
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((_chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as typeof stream.write;
}

/** flag[0]: 0 while a request is pending, 1 once the answer is in `reply`; flag[1]: its
 * length in bytes, or -1 when it did not fit. */
function answer(doc: unknown): void {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  if (bytes.length <= reply.length) reply.set(bytes);
  Atomics.store(flag, 1, bytes.length <= reply.length ? bytes.length : -1);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

parentPort!.on('message', (url: string) => {
  importAsGoroutineCode(url, "Runtime.go's export check").then(
    (mod: Record<string, unknown>) => answer({ ok: true, exports: Object.keys(mod).map((k) => [k, typeOf(mod, k)]) }),
    (err: unknown) => answer({ ok: false, message: (err instanceof Error ? err.message : String(err)) + syntaxErrorPlace(err, url) }),
  );
});
