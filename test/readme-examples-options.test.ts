// README's list of Runtime.start's options ("**Options** of `Runtime.start`"), against the
// code: every option Runtime.start knows is in it, each default it states is the one a
// Runtime gets, and the least heapBytes it states is what the call enforces (a heap too
// small for its own per-goroutine rows used to be accepted, and failed at the first
// channel with "0 of 65536 in use").
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Runtime, DEFAULT_MAXG, DEFAULT_MAXM } from '../src/index.js';
import { RUNTIME_OPTION_KEYS } from '../src/runtime/options.js';
import { DEFAULT_HEAP_BYTES, HEAP_MIN_ROOM, heapReservedBytes } from '../src/runtime/heap.js';
import { defaultResourceLimits } from '../src/runtime/m-pool.js';
import { repoRoot } from './support/check-cli.js';

const T = { timeout: 60_000 };
const bodies = new URL('./support/bad-bodies.js', import.meta.url).href;

const readme = readFileSync(`${repoRoot}/README.md`, 'utf8');
const bullet = /^- \*\*Options\*\* of `Runtime\.start`[\s\S]*?(?=\n- \*\*|\n\n)/m.exec(readme)?.[0].replace(/\s+/g, ' ');

/** The text of the bullet from `key` up to the next option named in it. */
function about(key: string): string {
  assert.ok(bullet !== undefined, 'README.md has the "**Options** of `Runtime.start`" bullet');
  const at = bullet.indexOf(`\`${key}\` (`);
  assert.ok(at >= 0, `README's options list has no \`${key}\` (...)`);
  const next = Math.min(...RUNTIME_OPTION_KEYS.filter((k) => k !== key).map((k) => bullet.indexOf(`\`${k}\` (`, at + 1)).filter((i) => i > at), bullet.length);
  return bullet.slice(at, next);
}

/** The number after "default" in an option's text (commas and 2^N read as numbers). */
function statedDefault(key: string): number {
  const m = /default (\d[\d,]*|2\^\d+)/.exec(about(key));
  assert.ok(m !== null, `README does not state \`${key}\`'s default: ${about(key)}`);
  return m[1]!.startsWith('2^') ? 2 ** Number(m[1]!.slice(2)) : Number(m[1]!.replace(/,/g, ''));
}

test('README\'s options list names every option Runtime.start knows, with the defaults a Runtime gets', T, async () => {
  for (const key of RUNTIME_OPTION_KEYS) about(key);
  assert.equal(statedDefault('maxg'), DEFAULT_MAXG);
  assert.equal(statedDefault('maxm'), DEFAULT_MAXM);
  assert.equal(statedDefault('heapBytes'), DEFAULT_HEAP_BYTES);
  assert.match(about('protocol'), /`'atomic'`[^`]*by default/);
  const limits = /default `(\{[^`]*\})`/.exec(about('resourceLimits'))?.[1];
  assert.ok(limits !== undefined, 'README states resourceLimits\' default');
  assert.deepEqual(JSON.parse(limits.replace(/(\w+):/g, '"$1":')), defaultResourceLimits);

  const rt = await Runtime.start();
  try {
    assert.equal(rt.gomaxprocs(0), statedDefault('gomaxprocs'));
    assert.equal(rt.startedThreads, statedDefault('minThreads'), 'no thread starts before one is needed');
    assert.equal(rt.counters().gomaxprocs, statedDefault('gomaxprocs'));
  } finally {
    await rt.close();
  }
});

test('the least heapBytes README states is the one Runtime.start enforces, at the call, naming maxg', T, async () => {
  const least = heapReservedBytes(DEFAULT_MAXG) + HEAP_MIN_ROOM;
  const stated = /at least[^:]*: (\d+) with the default `maxg`/.exec(about('heapBytes'))?.[1];
  assert.equal(Number(stated), least, `README: ${about('heapBytes')}`);
  for (const [opts, need] of [[{ heapBytes: 1 << 16 }, least], [{ heapBytes: least - 8 }, least], [{ heapBytes: 1 << 16, maxg: 4096 }, heapReservedBytes(4096) + HEAP_MIN_ROOM]] as const) {
    await assert.rejects(Runtime.start(opts), (e: unknown) => {
      assert.ok(e instanceof RangeError, String(e));
      assert.match(e.message, new RegExp(`^Runtime\\.start: heapBytes ${opts.heapBytes} is too small for maxg ${'maxg' in opts ? opts.maxg : DEFAULT_MAXG}: .*at least ${need}, or a smaller maxg$`));
      return true;
    });
  }
  // At the least, the heap has room: a goroutine's arguments and its result travel.
  const rt = await Runtime.start({ heapBytes: least });
  try {
    const text = 'x'.repeat(HEAP_MIN_ROOM / 4);
    assert.equal(await rt.go(bodies, 'echo', [text]).result, text);
  } finally {
    await rt.close();
  }
});

test('minThreads: the threads README says start with the Runtime do, at most maxm of them', T, async () => {
  assert.match(about('minThreads'), /at most `maxm` start/);
  for (const [opts, want] of [[{ minThreads: 2 }, 2], [{ minThreads: 3, maxm: 1 }, 1]] as const) {
    const rt = await Runtime.start(opts);
    try {
      assert.equal(rt.startedThreads, want, JSON.stringify(opts));
    } finally {
      await rt.close();
    }
  }
});
