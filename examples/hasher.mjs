// A parallel file hasher: worker goroutines take paths from a channel, read each file
// with a blocking read inside syscall (so the cpu slot goes to a goroutine that can
// hash meanwhile), hash it, and send the result back over a channel.
//
//   GOMAXPROCS=2 gosched run examples/hasher.mjs FILE_OR_DIR...
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { chan, go, syscall, WaitGroup } from 'gosched';

export function hasher(paths, results, wg) {
  for (const p of paths) {
    const data = syscall(() => fs.readFileSync(p)); // blocking I/O: no cpu slot held
    const sum = createHash('sha256').update(data).digest('hex');
    results.send({ path: p, sum, bytes: data.length });
  }
  wg.done();
}

export function closeWhenDone(wg, results) {
  wg.wait();
  results.close();
}

function listFiles(args) {
  const out = [];
  for (const a of args) {
    const st = fs.statSync(a);
    if (st.isDirectory()) out.push(...listFiles(fs.readdirSync(a).sort().map((f) => path.join(a, f))));
    else if (st.isFile()) out.push(a);
  }
  return out;
}

export function main(args = []) {
  const files = listFiles(args.length > 0 ? args : ['.']);
  const paths = chan(files.length);
  const results = chan(16);
  const wg = new WaitGroup();
  const workers = Math.min(8, files.length);
  for (let i = 0; i < workers; i++) {
    wg.add(1);
    go(hasher, paths, results, wg);
  }
  for (const f of files) paths.send(f);
  paths.close();
  go(closeWhenDone, wg, results);
  const all = [...results].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const r of all) console.log(`${r.sum}  ${r.path}`);
  return all;
}
