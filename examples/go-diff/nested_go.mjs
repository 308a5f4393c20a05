// nested_go.go in gosched.
import { chan, go, gosched, NumGoroutine } from 'gosched';

export function node(depth, id, out) {
  if (depth === 0) {
    out.send(id);
    return;
  }
  for (let i = 0; i < 3; i++) go(node, depth - 1, id * 10 + i, out);
}

export function block(ch) {
  ch.recv();
}

export function main() {
  const out = chan();
  go(node, 3, 1, out);
  const leaves = [];
  for (let i = 0; i < 27; i++) leaves.push(out.recv());
  leaves.sort((x, y) => x - y);
  console.log(leaves.length, 'leaves, first', leaves[0], 'last', leaves[26]);
  const release = chan();
  for (let i = 0; i < 5; i++) go(block, release);
  while (NumGoroutine() !== 6) gosched();
  console.log('NumGoroutine with 5 blocked', NumGoroutine());
  release.close();
  while (NumGoroutine() !== 1) gosched();
  console.log('NumGoroutine after release', NumGoroutine());
}
