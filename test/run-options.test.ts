// run(main, opts) takes RuntimeOptions (RunOptions extends them): each one it is given must
// reach the Runtime it starts, not only the few it names itself.
import test from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../src/runtime/program.js';
import { Runtime, type RuntimeOptions } from '../src/runtime/runtime.js';

const T = { timeout: 60_000 };
const body = new URL('./support/heap-limit.js', import.meta.url).href;

test('run(): resourceLimits reach the goroutine\'s thread', T, async () => {
  const small = (await run(body, 'heapLimitMb', { resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64 } })) as number;
  const dflt = (await run(body, 'heapLimitMb')) as number;
  // V8's limit is the old generation plus young-generation slack: a few MB over 64.
  assert.ok(small < 128, `heap limit with maxOldGenerationSizeMb 64: ${small} MB`);
  assert.ok(dflt > 1024, `heap limit by default (1536 MB old generation): ${dflt} MB`);
});

test('run(): a resourceLimits key given as undefined is left to Node, as new Worker takes it (it was refused)', T, async () => {
  // A user's config object often has keys whose value is undefined; every other option
  // takes undefined as "not given", and the declarations say `number | undefined`.
  const limits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64, codeRangeSizeMb: undefined, stackSizeMb: undefined };
  const mb = (await run(body, 'heapLimitMb', { resourceLimits: limits })) as number;
  assert.ok(mb < 128, `the keys given still reach the thread: heap limit ${mb} MB`);
  await assert.rejects(run(body, 'heapLimitMb', { resourceLimits: { stackSizeMb: null as unknown as number } }), /resourceLimits\.stackSizeMb must be a positive number of megabytes, got null/);
});

test('run(): every RuntimeOptions field reaches Runtime.start', T, async () => {
  const start = Runtime.start;
  let seen: RuntimeOptions | undefined;
  Runtime.start = (opts?: RuntimeOptions) => { seen = opts; return start.call(Runtime, opts); };
  try {
    const opts: Required<RuntimeOptions> = {
      protocol: 'lock', gomaxprocs: 2, maxg: 64, maxm: 8, minThreads: 1,
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 256 }, heapBytes: 1 << 20,
    };
    await run(body, 'heapLimitMb', opts);
    assert.ok(seen !== undefined);
    for (const k of Object.keys(opts) as (keyof RuntimeOptions)[]) assert.deepEqual(seen[k], opts[k], `option ${k}`);
  } finally {
    Runtime.start = start;
  }
});
