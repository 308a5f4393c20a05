// fatal_deadlock_select.go in gosched.
import { select } from 'gosched';

export function main() {
  console.log('main selects');
  select([]);
}
