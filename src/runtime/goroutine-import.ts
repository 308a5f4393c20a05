// A goroutine's module is imported on every thread that runs one of its functions (its
// M), and on the owner's export-check thread (export-check.ts), so its top-level code
// runs there too. In a one-file program, the first thing a new user writes (goroutine
// functions beside the code that starts the Runtime), that top-level code is
// Runtime.start or run(): on an M it started a Runtime of its own, whose threads imported
// the module again, and so on: threads without end and a program that never printed a
// line. So while such an import is under way, a thread is marked, and Runtime.start and
// run() refuse to start there, saying what to do instead; the error ends the import, and
// reaches the user as the load failure of go() or of the goroutine.
//
// The mark is a global under a registered symbol rather than a variable of this module:
// the module being imported may reach another copy of gosched than the thread's own (a
// linked checkout), and the export-check thread loads nothing of gosched's.
// Rejected: refusing a Runtime on every M or loader thread at any time (a goroutine may
// start a Runtime of its own in its body, which ends); detecting the owner's own module
// by URL (a library module that exports goroutine functions and starts a Runtime only
// when called is imported safely, and must stay allowed).

const MARK = Symbol.for('gosched.importingGoroutineModule');

interface Importing {
  url: string;
  /** Which thread imports it, in words. */
  where: string;
}

/** import(url) with this thread marked as importing goroutine code (see the header). */
export async function importAsGoroutineCode(url: string, where: string): Promise<Record<string, unknown>> {
  const g = globalThis as Record<symbol, Importing | undefined>;
  const outer = g[MARK];
  g[MARK] = { url, where };
  try {
    return (await import(url)) as Record<string, unknown>;
  } finally {
    g[MARK] = outer;
  }
}

/** Throws, naming `what`, while this thread imports a module as goroutine code. */
export function refuseWhileImportingGoroutineCode(what: string): void {
  const at = (globalThis as Record<symbol, Importing | undefined>)[MARK];
  if (at === undefined) return;
  throw new Error(
    `${what}: called while ${at.url} is being imported as goroutine code (by ${at.where}). ` +
      `A goroutine's module is imported on every thread that runs one of its functions, so its top-level code runs there too, ` +
      `and a Runtime started there would start threads that import it again, without end. ` +
      `Put the goroutines' functions in a module of their own, and import it from the module that starts the Runtime.`,
  );
}
