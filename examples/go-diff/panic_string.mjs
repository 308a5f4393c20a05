// panic_string.go in gosched: a thrown string is the panic's message as it is.
export function main() {
  console.log('before');
  throw 'plain string';
}
