// A goroutine body for run-options.test.ts: what V8 heap limit its own thread got.
import v8 from 'node:v8';

export function heapLimitMb(): number {
  return v8.getHeapStatistics().heap_size_limit / 1048576;
}
