// The explorer's scenarios: small programs of two goroutines on two or three M's, each
// aimed at one of the commit's hard interleavings. Each runs under both protocols.

import type { Scenario } from '../harness.js';

export const SCENARIOS: Scenario[] = [
  {
    name: 'syscall-vs-stw',
    summary: 'entersyscall/exitsyscall against stoptheworld/starttheworld (GOMAXPROCS 2)',
    covers: 'every placement of the fast paths\' CAS against stoptheworld\'s predicated CAS and its waitstop hand-off',
    gomaxprocs: 2,
    goroutines: [
      function* (go) {
        yield* go.entersyscall();
        yield* go.exitsyscall();
        yield* go.work();
      },
      function* (go) {
        yield* go.stoptheworld();
        yield* go.work();
        yield* go.starttheworld();
      },
    ],
  },
  {
    name: 'gomaxprocs-lowered',
    summary: 'GOMAXPROCS lowered from 2 to 1 while another goroutine exits a system call',
    covers: 'the caller giving up its cpu (gosched) and the exit\'s fast path racing the new mcpumax',
    gomaxprocs: 2,
    goroutines: [
      function* (go) {
        yield* go.gomaxprocs(1);
        yield* go.work();
      },
      function* (go) {
        yield* go.work();
        yield* go.entersyscall();
        yield* go.exitsyscall();
        yield* go.work();
      },
    ],
  },
  {
    name: 'gomaxprocs-raised',
    summary: 'GOMAXPROCS raised from 1 to 2 while the other goroutine waits for a cpu',
    covers: 'the raise handing the new cpu to the waiting g (matchmg), against a syscall\'s fast paths',
    gomaxprocs: 1,
    goroutines: [
      function* (go) {
        yield* go.gomaxprocs(2);
        yield* go.work();
      },
      function* (go) {
        yield* go.entersyscall();
        yield* go.exitsyscall();
        yield* go.gosched();
        yield* go.work();
      },
    ],
  },
  {
    name: 'wired-handback',
    summary: 'a wired goroutine parks, its M sleeps, another readies it and leaves the cpu (GOMAXPROCS 1)',
    covers: 'the wired g queued, found by matchmg or nextgandunlock and handed back to the M that waits for it',
    gomaxprocs: 1,
    goroutines: [
      function* (go) {
        yield* go.setFlag(0, 1);
        yield* go.park();
      },
      function* (go) {
        yield* go.untilFlag(0, 1);
        yield* go.ready(0);
        yield* go.entersyscall();
        yield* go.exitsyscall();
      },
    ],
  },
  {
    name: 'ready-before-park',
    summary: 'a goroutine readied while it is still on its M, about to park (GOMAXPROCS 2)',
    covers: 'ready\'s readyonstop path: the ready may land before, during or after the park',
    gomaxprocs: 2,
    goroutines: [
      function* (go) {
        yield* go.setFlag(0, 1);
        yield* go.park();
      },
      function* (go) {
        yield* go.untilFlag(0, 1);
        yield* go.ready(0);
      },
    ],
  },
];
