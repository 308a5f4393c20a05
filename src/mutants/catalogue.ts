// The mutants of src/sched: one-line slips a runtime engineer could plausibly make,
// each applied to the BUILT JavaScript (dist/src/sched), the code that actually runs.
// `find` must occur exactly once in `file` (a test checks this against the current
// build); `replace` is what the slip leaves there. `protocol` says under which protocol
// the changed line runs ('both' when it is shared code).
//
// Dropped as equivalent: schedule forgetting to clear readyonstop before it readies gp
// (schedule clears it again for the g that nextgandunlock returns, which for a wired g
// is gp itself, and no other M reads it in between), and the same clear dropped after
// nextgandunlock (the first clear already ran for every g that asked to be readied).
// Also schedlock's unlock forgetting to wake a sleeper when it frees the lock (the
// futex mutex's lost wake-up, a mutant until schedlock became lock.ts's no-starve lock):
// a sleeper's wait is timed there (STARVE_MS), so the slip costs it a millisecond, not
// its wake-up. The hand-off's wake-up (handoff-no-notify) is untimed and stays listed.
//
// Not listed: dropping either fairness test (gput's `gwait === 0`, exitsyscall's fast
// path `v < 0`) breaks liveness only (a queued g may wait forever), which no run of the
// mutants' checks can observe; test/sched-unit.test.ts catches each, and the model's
// mutants readyonstop_jumps_queue and exitsyscall_fast_ignores_gwaiting
// (models/liveness-wired) show the cycles.

export interface Mutant {
  id: string;
  file: string;
  find: string;
  replace: string;
  protocol: 'lock' | 'atomic' | 'both';
  /** The real mistake it stands for. */
  stands: string;
}

export const MUTANTS: Mutant[] = [
  {
    id: 'enter-fast-gwaiting-dropped', file: 'syscall-atomic.js', protocol: 'atomic',
    find: 'if (v < 0)\n            break;\n        if (((v >>> waitstopShift)', replace: 'if (((v >>> waitstopShift)',
    stands: 'entersyscall\'s fast path forgets the gwaiting bit test, so a cpu freed while g\'s wait is never handed to them',
  },
  {
    id: 'enter-fast-waitstop-dropped', file: 'syscall-atomic.js', protocol: 'atomic',
    find: 'if (((v >>> waitstopShift) & 1) !== 0 && atomicMcpu(v) - 1 <= atomicMcpumax(v))\n            break;\n',
    replace: '',
    stands: 'entersyscall\'s fast path forgets stoptheworld: the last M to leave the cpu does not wake the collector',
  },
  {
    id: 'enter-fast-waitstop-lt', file: 'syscall-atomic.js', protocol: 'atomic',
    find: 'atomicMcpu(v) - 1 <= atomicMcpumax(v)', replace: 'atomicMcpu(v) - 1 < atomicMcpumax(v)',
    stands: 'an off-by-one in the fast path\'s waitstop test (<= written <), so the decrement that completes the stop goes unnoticed',
  },
  {
    id: 'exit-fast-ge-to-gt', file: 'syscall-atomic.js', protocol: 'atomic',
    find: 'if (atomicMcpu(v) >= atomicMcpumax(v))\n            break;\n        const seen = Atomics.compareExchange(mem, S_ATOMIC, v, (v + MCPU_ONE) | 0);',
    replace: 'if (atomicMcpu(v) > atomicMcpumax(v))\n            break;\n        const seen = Atomics.compareExchange(mem, S_ATOMIC, v, (v + MCPU_ONE) | 0);',
    stands: '>= written > in exitsyscall\'s fast path: mcpu may reach mcpumax + 1, one goroutine more than GOMAXPROCS runs',
  },
  {
    id: 'exit-fast-no-status', file: 'syscall-atomic.js', protocol: 'atomic',
    find: '            // There\'s a cpu for us, so we can run.\n            mem[s.gBase + g * G_STRIDE + G_STATUS] = Grunning;\n',
    replace: '',
    stands: 'the fast exit forgets to mark g running again, so the scheduler later treats a running g as one in a syscall',
  },
  {
    id: 'enter-slow-no-matchmg', file: 'syscall-atomic.js', protocol: 'atomic',
    find: "countPath(s, P['enter.slow.matchmg']);\n        matchmg(s, m);", replace: "countPath(s, P['enter.slow.matchmg']);",
    stands: 'entersyscall\'s slow path sees gwaiting but forgets the matchmg that gives the freed cpu to a waiting g',
  },
  {
    id: 'enter-slow-wakestop-lt', file: 'syscall-atomic.js', protocol: 'atomic',
    find: 'if (atomicWaitstop(v) && atomicMcpu(v) <= atomicMcpumax(v)) {', replace: 'if (atomicWaitstop(v) && atomicMcpu(v) < atomicMcpumax(v)) {',
    stands: '<= written < in the slow path\'s stop test: the M that completes the stop does not wake stoptheworld',
  },
  {
    id: 'exit-slow-no-readyonstop', file: 'syscall-atomic.js', protocol: 'atomic',
    find: 'mem[s.g(g, G_READYONSTOP)] = 1;', replace: '',
    stands: 'exitsyscall\'s slow path gives up its cpu without asking to be readied: the goroutine is lost',
  },
  {
    id: 'lock-enter-no-matchmg', file: 'syscall-lock.js', protocol: 'lock',
    find: "countPath(s, P['enter.slow.matchmg']);\n        matchmg(s, m);", replace: "countPath(s, P['enter.slow.matchmg']);",
    stands: 'the old entersyscall decrements mcpu with g\'s waiting but forgets matchmg',
  },
  {
    id: 'lock-enter-no-wakestop', file: 'syscall-lock.js', protocol: 'lock',
    find: 'notewakeup(mem, S_STOPPED);', replace: '',
    stands: 'the old entersyscall clears waitstop but forgets the wake-up: stoptheworld sleeps forever',
  },
  {
    id: 'lock-exit-room-plus-one', file: 'syscall-lock.js', protocol: 'lock',
    find: 'atomicMcpu(v) <= atomicMcpumax(v)) {\n        // There', replace: 'atomicMcpu(v) <= atomicMcpumax(v) + 1) {\n        // There',
    stands: 'the old exitsyscall\'s room test off by one: one goroutine more than GOMAXPROCS runs',
  },
  {
    id: 'lock-exit-no-readyonstop', file: 'syscall-lock.js', protocol: 'lock',
    find: 'mem[s.g(g, G_READYONSTOP)] = 1;', replace: '',
    stands: 'the old exitsyscall\'s slow path forgets readyonstop: the goroutine is never run again',
  },
  {
    id: 'mnextg-no-wakeup', file: 'handoff.js', protocol: 'both',
    find: 'notewakeup(mem, s.m(m, M_HAVENEXTG));', replace: '',
    stands: 'mnextg hands g to a sleeping M but forgets to wake it (a lost wake-up)',
  },
  {
    id: 'mnextg-no-grunning', file: 'handoff.js', protocol: 'both',
    find: 'mem[S_GRUNNING]++;\n    mem[s.m(m, M_NEXTG)] = g;', replace: 'mem[s.m(m, M_NEXTG)] = g;',
    stands: 'mnextg forgets to count the handed g as running, so the deadlock detector and the counts drift',
  },
  {
    id: 'nextg-as-commit', file: 'handoff.js', protocol: 'both',
    // In deadlocked(), which nextgandunlock asks (and ownerdone and newproc).
    find: 'if (mem[S_GRUNNING] !== 0 || mem[S_GCOUNT] === 0)',
    replace: 'if (mem[S_GRUNNING] !== 0)',
    stands: 'nextgandunlock exactly as the commit wrote it: a Runtime whose goroutines all ended reports a deadlock',
  },
  {
    id: 'nextg-no-mput', file: 'handoff.js', protocol: 'both',
    find: 'mput(s, m);', replace: '',
    stands: 'an idle M forgets to put itself on the idle list: it is never handed work again',
  },
  {
    id: 'nextg-lockedg-no-matchmg', file: 'handoff.js', protocol: 'both',
    find: "countPath(s, P['next.lockedg.matchmg']);\n            matchmg(s, m);", replace: "countPath(s, P['next.lockedg.matchmg']);",
    stands: 'a wired M that waits for its own g releases its cpu without starting the g\'s that wait for one',
  },
  {
    id: 'nextg-wakestop-lt', file: 'handoff.js', protocol: 'both',
    find: 'if (atomicWaitstop(v) && atomicMcpu(v) <= atomicMcpumax(v)) {', replace: 'if (atomicWaitstop(v) && atomicMcpu(v) < atomicMcpumax(v)) {',
    stands: '<= written < in nextgandunlock\'s stop test: the last M to go idle does not wake stoptheworld',
  },
  {
    id: 'canaddmcpu-gt', file: 'mcpu.js', protocol: 'both',
    find: 'if (atomicMcpu(v) >= atomicMcpumax(v))', replace: 'if (atomicMcpu(v) > atomicMcpumax(v))',
    stands: '>= written > in canaddmcpu: the scheduler itself lets mcpumax + 1 goroutines run',
  },
  {
    id: 'gput-no-gwaiting', file: 'queue.js', protocol: 'both',
    find: "countPath(s, P['gput.gwaiting']);\n        Atomics.add(mem, S_ATOMIC, GWAITING_BIT);", replace: "countPath(s, P['gput.gwaiting']);",
    stands: 'gput queues a g without setting the gwaiting bit, so the syscall fast paths do not see it',
  },
  {
    id: 'gput-wired-no-canaddmcpu', file: 'queue.js', protocol: 'both',
    find: 'if (lockedm !== NIL && (mem[S_GWAIT] === 0 || headstranded(s)) && canaddmcpu(s)) {',
    replace: 'if (lockedm !== NIL && (mem[S_GWAIT] === 0 || headstranded(s))) {',
    stands: 'a wired g is handed to its M without taking a cpu slot (mcpu not incremented)',
  },
  {
    id: 'gget-gwaiting-kept', file: 'queue.js', protocol: 'both',
    find: 'if (--mem[S_GWAIT] === 0)\n        Atomics.add(mem, S_ATOMIC, GWAITING_BIT);', replace: 'if (--mem[S_GWAIT] === 0)\n        ;',
    stands: 'gget empties the run queue but leaves the gwaiting bit set, so every entersyscall takes the slow path for nothing',
  },
  {
    id: 'ready-onstop-lost', file: 'schedule.js', protocol: 'both',
    find: "countPath(s, P['ready.onstop']);\n        mem[s.g(g, G_READYONSTOP)] = 1;", replace: "countPath(s, P['ready.onstop']);",
    stands: 'ready finds g still on its M and returns without asking for it to be readied when it stops (a lost ready)',
  },
  {
    // Atomic only: under the lock protocol nothing changes the word between
    // stoptheworld's load and its CAS (both under schedlock), so the mutant is equivalent.
    id: 'stw-plain-add', file: 'world.js', protocol: 'atomic',
    find: 'if (Atomics.compareExchange(mem, S_ATOMIC, v, (v + WAITSTOP_BIT) | 0) !== v) {',
    replace: 'if (Atomics.add(mem, S_ATOMIC, WAITSTOP_BIT) !== v) {',
    stands: 'stoptheworld\'s predicated CAS replaced by a plain add: waitstop is set even when mcpu fell meanwhile',
  },
  {
    id: 'stw-stops-at-two', file: 'world.js', protocol: 'both',
    find: 'if (atomicMcpu(v) <= 1)', replace: 'if (atomicMcpu(v) <= 2)',
    stands: 'stoptheworld\'s loop test off by one: it returns with one other M still running',
  },
  {
    id: 'stw-mcpumax-kept', file: 'world.js', protocol: 'both',
    find: 'setmcpumax(s, 1);', replace: '',
    stands: 'stoptheworld forgets to lower mcpumax, so other M\'s keep taking cpus while it waits',
  },
  {
    id: 'starttheworld-no-matchmg', file: 'world.js', protocol: 'both',
    find: "setmcpumax(s, s.mem[S_GOMAXPROCS]);\n    matchmg(s, m);", replace: 'setmcpumax(s, s.mem[S_GOMAXPROCS]);',
    stands: 'starttheworld restores mcpumax but starts none of the g\'s that queued while the world was stopped',
  },
  {
    id: 'gomaxprocs-no-gosched', file: 'world.js', protocol: 'both',
    find: 'if (g !== NIL)\n            gosched(s, m, g);', replace: '',
    stands: 'the issue-2337 gosched dropped: GOMAXPROCS lowered below mcpu returns without the caller giving up its cpu',
  },
  {
    id: 'gomaxprocs-caller-not-counted', file: 'world.js', protocol: 'both',
    find: 'if (atomicMcpu(v) > n) {', replace: 'if (atomicMcpu(v) > n + 1) {',
    stands: 'GOMAXPROCS lowered without the caller counting itself: with one M too many it keeps its cpu',
  },
  {
    id: 'gomaxprocs-no-matchmg', file: 'world.js', protocol: 'both',
    find: "countPath(s, P['gomaxprocs.matchmg']);\n    matchmg(s, m);", replace: "countPath(s, P['gomaxprocs.matchmg']);",
    stands: 'GOMAXPROCS raised without matchmg: waiting g\'s do not get the new cpus',
  },
  {
    id: 'handoff-no-notify', file: 'lock.js', protocol: 'both',
    find: 'Atomics.add(mem, at + 2, 1);\n            Atomics.notify(mem, at + 2);', replace: 'Atomics.add(mem, at + 2, 1);',
    stands: 'schedlock\'s unlock hands the lock to a starving waiter but forgets to wake it (the FIFO\'s lost wake-up)',
  },
  {
    id: 'notewakeup-no-notify', file: 'lock.js', protocol: 'both',
    find: 'throw new Error(`notewakeup - double wakeup (cell ${i} was ${old})`);\n    Atomics.notify(mem, i);',
    replace: 'throw new Error(`notewakeup - double wakeup (cell ${i} was ${old})`);',
    stands: 'notewakeup sets the note but forgets the futex wake: a sleeper that already slept stays asleep',
  },
];
