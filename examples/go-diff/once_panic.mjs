// once_panic.go in gosched.
import { Once } from 'gosched';

export function main() {
  const once = new Once();
  try {
    once.do(() => {
      throw 'first';
    });
  } catch (e) {
    console.log('recovered:', e); // the value thrown, as recover() gives the value panicked with
  }
  let ran = false;
  once.do(() => {
    ran = true;
  });
  console.log('second ran:', ran);
}
