// once_reentrant.go in gosched.
import { Once } from 'gosched';
export function main() {
  const once = new Once();
  once.do(() => {
    console.log('outer');
    once.do(() => console.log('inner'));
  });
}
