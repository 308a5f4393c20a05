// The three visited-state stores: the exact one grows past one arena chunk and stops at
// its limit; hash compaction and bitstate hashing agree with it when they have room and
// report what pan reports (hash factor, bits per state) plus the expected coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { StateStore, vectorHash } from '../src/check/state-store.js';
import { HashCompactStore } from '../src/check/compact-store.js';
import { BitstateStore } from '../src/check/bitstate-store.js';
import { LivenessStore } from '../src/check/liveness-store.js';
import { MemoryLimitReached } from '../src/check/visited.js';
import { loadModel } from '../src/check/model.js';
import { search } from '../src/check/search.js';
import { repoRoot } from './support/check-cli.js';

function vector(i: number, words: number): Int32Array {
  const W = new Int32Array(words);
  W[0] = i; W[words - 1] = i * 7 + 1;
  return W;
}

test('the exact store holds states across more than one 64 MiB arena chunk', { timeout: 60_000 }, () => {
  const s = new StateStore();
  const words = 4096, n = 5000; // 80 MB of vectors: the first chunk and a second
  for (let i = 0; i < n; i++) assert.equal(s.add(vector(i, words), 0, words), true);
  assert.ok(s.bytes > 64 * 1048576 + n * 8, `${s.bytes} bytes`);
  for (let i = 0; i < n; i++) assert.equal(s.add(vector(i, words), 0, words), false, `state ${i} was lost`);
  assert.equal(s.count, n);
  // Same first word, different last word: hash the whole vector, compare it all.
  const v = vector(1, words); v[words - 1] = 99;
  assert.equal(s.add(v, 0, words), true);
});

test('the liveness store finds each state again, from its cache of recent entries or from its table', () => {
  // Tiny to start with, so that the table and the arena grow many times on the way.
  const s = new LivenessStore(2, 16);
  const n = 40000, entries: number[] = [];
  const len = (i: number) => 1 + (i % 7);
  for (let i = 0; i < n; i++) {
    const W = vector(i, len(i));
    const e = s.findOrAdd(W, 0, len(i), i);
    assert.equal(s.added, true, `state ${i} was taken for another`);
    entries.push(e);
    // At once again: the recent entries hold it.
    assert.equal(s.findOrAdd(W, 0, len(i), -1), e);
    assert.equal(s.added, false, `state ${i} was added twice`);
  }
  // Long after, in the other order: most are gone from the recent entries, not from the table.
  for (let i = n - 1; i >= 0; i--) {
    assert.equal(s.findOrAdd(vector(i, len(i)), 0, len(i), -1), entries[i], `state ${i} not found again`);
    assert.equal(s.added, false);
    assert.equal(s.depth(entries[i]!), i);
  }
  assert.equal(s.count, n);
  // Equal to a stored state but in its last word: a state of its own.
  const v = vector(5, len(5)); v[len(5) - 1] = 12345;
  s.findOrAdd(v, 0, len(5), 0);
  assert.equal(s.added, true);
});

for (const words of [2, 21]) {
  test(`two states of ${words} words with one hash stay two states, in the exact store and the liveness store`, () => {
    // Vectors until two of them share all 32 bits of the stores' hash (about 77,000
    // vectors give even odds); the search is the same for any hash function. 21 words
    // take vectorHash's four lanes, then its tail, and the stores' copy by set().
    const seen = new Map<number, number>();
    const vec = (i: number) => { const v = new Int32Array(words); v[0] = i; v[words - 1] = i ^ 0x5bd1e995; if (words > 2) v[words >> 1] = 7; return v; };
    let a = -1, b = -1;
    for (let i = 0; i < 1 << 20 && a < 0; i++) {
      const h = vectorHash(vec(i), 0, words);
      const j = seen.get(h);
      if (j === undefined) seen.set(h, i); else { a = j; b = i; }
    }
    assert.ok(a >= 0, 'no two vectors with one hash');
    const live = new LivenessStore(4, 64), exact = new StateStore();
    const ea = live.findOrAdd(vec(a), 0, words, 1);
    assert.equal(exact.add(vec(a), 0, words), true);
    // b right after a: a is in the recent entries under b's hash.
    const eb = live.findOrAdd(vec(b), 0, words, 2);
    assert.equal(live.added, true, 'a state taken for another with its hash');
    assert.notEqual(eb, ea);
    assert.equal(exact.add(vec(b), 0, words), true);
    assert.equal(live.findOrAdd(vec(a), 0, words, -1), ea);
    assert.equal(live.findOrAdd(vec(b), 0, words, -1), eb);
    assert.equal(exact.add(vec(a), 0, words), false);
    assert.equal(exact.add(vec(b), 0, words), false);
    assert.equal(live.count, 2);
  });
}

test('vectorHash: every word counts, in its place, and the hashes spread over a slot table', () => {
  const n = 37, base = new Int32Array(n).map((_, i) => i * 1000003);
  const h0 = vectorHash(base, 0, n), seen = new Set<number>([h0]);
  for (let i = 0; i < n; i++) {
    for (const bit of [0, 13, 31]) {
      const v = base.slice(); v[i] = v[i]! ^ (1 << bit);
      seen.add(vectorHash(v, 0, n));
    }
    // The same words in another order (two neighbours swapped, which moves each to
    // another lane) are another state.
    if (i + 1 < n) { const v = base.slice(); v[i] = base[i + 1]!; v[i + 1] = base[i]!; seen.add(vectorHash(v, 0, n)); }
  }
  assert.equal(seen.size, 1 + 3 * n + (n - 1), 'two of these vectors hash alike');
  // An offset into a larger array hashes the same words the same way.
  const wide = new Int32Array(n + 5); wide.set(base, 3);
  assert.equal(vectorHash(wide, 3, n), h0);
  // Vectors differing in one counter word fill 1024 slots (by the low 10 bits) evenly.
  const slots = new Int32Array(1024);
  for (let i = 0; i < 65536; i++) { const v = base.slice(); v[20] = i; slots[vectorHash(v, 0, n) & 1023]!++; }
  const max = Math.max(...slots), min = Math.min(...slots);
  assert.ok(max < 110 && min > 25, `slots filled between ${min} and ${max} (64 on average)`);
});

test('the exact store stops at its limit with MemoryLimitReached', () => {
  const s = new StateStore(8 * 1048576);
  assert.throws(() => { for (let i = 0; i < 1e6; i++) s.add(vector(i, 64), 0, 64); }, MemoryLimitReached);
  assert.ok(s.bytes <= 8 * 1048576);
});

test('hash compaction finds the same states as the exact store on a small space', () => {
  const e = new StateStore(), h = new HashCompactStore();
  for (let i = 0; i < 20000; i++) {
    const v = vector(i % 15000, 8);
    assert.equal(h.add(v, 0, 8), e.add(v, 0, 8));
  }
  assert.equal(h.count, 15000);
  assert.ok(h.expectedMerged() < 0.05, `${h.expectedMerged()}`);
});

test("hash compaction keeps what pan's -DHC4 keeps: 32 bits a state, so two states with one hash are one", () => {
  // Birthday search for two 2-word vectors with the same signature: about 2^16.3 tries.
  const seen = new Map<number, number>();
  let a = -1, b = -1;
  for (let i = 0; i < 1 << 22 && b < 0; i++) {
    const sig = HashCompactStore.signature(vector(i, 2), 0, 2);
    const j = seen.get(sig);
    if (j === undefined) seen.set(sig, i); else { a = j; b = i; }
  }
  assert.ok(b >= 0, 'no two vectors share a 32-bit signature');
  const h = new HashCompactStore(), e = new StateStore();
  assert.equal(h.add(vector(a, 2), 0, 2), true);
  assert.equal(h.add(vector(b, 2), 0, 2), false, 'the second state is taken for the first, as in pan');
  assert.equal(e.add(vector(a, 2), 0, 2) && e.add(vector(b, 2), 0, 2), true, 'the exact store tells them apart');
  assert.equal(h.count, 1);
  // 4 bytes a slot, the table doubling at half full: 4 to 8 bytes a state, plus empty slots of a small table.
  const big = new HashCompactStore();
  for (let i = 0; i < 100000; i++) big.add(vector(i, 4), 0, 4);
  assert.ok(big.bytes <= 8 * big.count + 4 * 65536 && big.bytes >= 4 * big.count, `${big.bytes} bytes for ${big.count} states`);
  assert.match(big.reportLines().join('\n'), /hash conflicts: +\d+ \(resolved\)\n.*state-vector as stored = 4 byte \+ \d+ byte overhead.*\nexpected states lost to equal hashes: 1\.16 /);
});

test('bitstate: with room it stores every state; crowded, it misses some and says so', () => {
  const roomy = new BitstateStore(24, 3), crowded = new BitstateStore(12, 3);
  for (let i = 0; i < 3000; i++) { roomy.add(vector(i, 8), 0, 8); crowded.add(vector(i, 8), 0, 8); }
  assert.equal(roomy.count, 3000);
  assert.ok(roomy.expectedCoverage() > 0.999);
  assert.ok(crowded.count < 3000, `${crowded.count}`);
  assert.ok(crowded.expectedCoverage() < 0.9, `${crowded.expectedCoverage()}`);
  assert.equal(roomy.hashFactor(), 2 ** 24 / 3000);
  assert.match(crowded.reportLines().join('\n'), /hash factor: [\d.]+ \(best if > 100\.\)\nbits set per state: 3 \(-k3\)\nexpected coverage: [\d.]+%/);
});

// pan -DHC4 on filter_lock (spin -o1 -o2 -o3 -a filter_lock.pml && gcc -O2 -DSAFETY
// -DNOREDUCE -DHC4 -o pan pan.c && ./pan): 44431 stored, 81265 matched, no state lost to
// its 32-bit hashes, as none is lost to the checker's.
test('check --hc and --bitstate on filter_lock: the exact counts when the store has room', () => {
  const m = loadModel(join(repoRoot, 'models', 'spin', 'filter_lock.pml'));
  const opts = { maxDepth: 10000, memLimitBytes: 1 << 30 };
  const exact = search(m.machine, opts);
  const hc = search(m.machine, { ...opts, store: { kind: 'hc' } });
  const bits = search(m.machine, { ...opts, store: { kind: 'bitstate', log2Bits: 28, k: 3 } });
  const small = search(m.machine, { ...opts, store: { kind: 'bitstate', log2Bits: 16, k: 3 } });
  assert.equal(exact.statesStored, 44431);
  for (const r of [hc, bits]) assert.deepEqual([r.statesStored, r.statesMatched], [exact.statesStored, exact.statesMatched]);
  assert.deepEqual([hc.statesStored, hc.statesMatched, hc.atomicSteps, hc.depthReached], [44431, 81265, exact.atomicSteps, exact.depthReached]);
  assert.ok(small.statesStored < exact.statesStored);
  assert.match(small.storeReport.join('\n'), /hash factor/);
});

test('a search whose store outgrows --memlim stops cleanly with memoryLimitHit', () => {
  const m = loadModel(join(repoRoot, 'models', 'spin', 'filter_lock.pml'));
  const r = search(m.machine, { maxDepth: 10000, memLimitBytes: 2 * 1048576 });
  assert.equal(r.memoryLimitHit, true);
  assert.ok(r.statesStored < 44431);
});
