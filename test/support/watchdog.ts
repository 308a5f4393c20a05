// A deadline for a test file whose code may block its own thread (Atomics.wait on the
// main thread stops node:test's timers too). A separate thread kills the test process
// when the deadline passes, so a regression fails the file instead of hanging CI.
import { Worker } from 'node:worker_threads';

export function armWatchdog(seconds: number, label: string): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const w = new Worker(
    `const { workerData } = require('node:worker_threads');
     const cell = new Int32Array(workerData.sab);
     if (Atomics.wait(cell, 0, 0, workerData.ms) === 'timed-out') {
       process.stderr.write('watchdog: ' + workerData.label + ' still running after ' + workerData.ms / 1000 + ' s: killed\\n');
       process.kill(process.pid, 'SIGKILL');
     }`,
    { eval: true, workerData: { sab: cell.buffer, ms: seconds * 1000, label } },
  );
  w.unref();
  process.once('beforeExit', () => {
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
  });
}
