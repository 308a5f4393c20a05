// panic_init.go in gosched: the module's top-level code is its init.
console.log('initialising');
throw 'init failed';

export function main() {
  console.log('main: not reached');
}
