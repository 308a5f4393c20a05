// The thread of the `bare` row of `gosched bench pool --idle`: a worker that loads nothing
// but this file, tells its parent it is up, then waits forever as an idle M does (in
// Atomics.wait). With workerData.heap it first reports its V8 heap after a full collection:
// what a worker thread holds before any code of ours is loaded.

import { parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface HeapSpace {
  space: string;
  /** Bytes of live objects after a full collection. */
  usedBytes: number;
  /** Bytes of memory the space has committed (resident). */
  physicalBytes: number;
}

function heapAfterGc(): HeapSpace[] {
  // --expose-gc is a process-wide V8 flag; the function exists in contexts made after it.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return v8.getHeapSpaceStatistics()
    .filter((s) => s.physical_space_size > 0)
    .map((s) => ({ space: s.space_name, usedBytes: s.space_used_size, physicalBytes: s.physical_space_size }));
}

const wd = workerData as { heap?: boolean } | undefined;
parentPort!.postMessage(wd?.heap === true ? heapAfterGc() : null);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
