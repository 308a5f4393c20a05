// A number as Go's runtime prints a float64 panic value (`panic(1.5)` prints
// `panic: +1.500000e+000`): sign, seven significant digits in d.dddddd form, and a signed
// three-digit exponent; NaN and +Inf/-Inf by name. JavaScript has one number type, so
// a thrown number that is an integer Go's int could hold prints as that int (`throw 7`,
// `panic(7)`: `panic: 7`) and only the others take this form (`throw 1.5`).

/** Whether Go would print n as an int: an integer within int64. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/** n in Go's runtime float64 form. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  const negative = n < 0 || Object.is(n, -0);
  // toExponential rounds to the 7 significant digits Go prints; its mantissa and
  // exponent are then laid out as Go lays them out.
  const [mantissa, exp] = Math.abs(n).toExponential(6).split('e') as [string, string];
  const e = Number(exp);
  return `${negative ? '-' : '+'}${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(3, '0')}`;
}
