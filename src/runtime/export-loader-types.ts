// What the export check records of a module's export: typeof its value.

/** typeof an export; one still in its temporal dead zone (a cycle of imports) reads as
 * 'uninitialized' rather than throwing. */
export function typeOf(mod: Record<string, unknown>, k: string): string {
  try {
    return typeof mod[k];
  } catch {
    return 'uninitialized';
  }
}
