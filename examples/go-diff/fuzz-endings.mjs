// The endings of a fuzz program (fuzz-gen.mjs), each one Go defines: main returning,
// a deadlock, a panic or fatal error, os.Exit; and the goroutines an ending leaves
// behind, blocked for ever or busy.
import { delayIn } from './fuzz-program.mjs';
import { STAGES } from './fuzz-stages.mjs';

// Goroutines that block for ever, each on a state Go names in a deadlock report.
const BLOCKERS = {
  send: (p, s) => {
    p.fn(`func ${s}(c chan int) {\n\tc <- 1\n}`, `export function ${s}(c) {\n  c.send(1);\n}`);
    return { go: `go ${s}(make(chan int))`, js: `go(${s}, chan());` };
  },
  recv: (p, s) => {
    p.fn(`func ${s}(c chan int) {\n\t<-c\n}`, `export function ${s}(c) {\n  c.recv();\n}`);
    return { go: `go ${s}(make(chan int))`, js: `go(${s}, chan());` };
  },
  range: (p, s) => {
    p.fn(`func ${s}(c chan int) {\n\tfor range c {\n\t}\n}`, `export function ${s}(c) {\n  for (const _ of c);\n}`);
    return { go: `go ${s}(make(chan int, 1))`, js: `go(${s}, chan(1));` };
  },
  select: (p, s) => {
    p.use(['select'], []);
    p.fn(`func ${s}(a, b chan int) {\n\tselect {\n\tcase <-a:\n\tcase b <- 1:\n\t}\n}`, `export function ${s}(a, b) {\n  select([{ recv: a, do: () => {} }, { send: b, value: 1, do: () => {} }]);\n}`);
    return { go: `go ${s}(make(chan int), make(chan int))`, js: `go(${s}, chan(), chan());` };
  },
  selectNone: (p, s) => {
    p.use(['select'], []);
    p.fn(`func ${s}() {\n\tselect {}\n}`, `export function ${s}() {\n  select([]);\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  waitGroup: (p, s) => {
    p.use(['WaitGroup'], ['sync']);
    p.fn(`func ${s}() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\twg.Wait()\n}`, `export function ${s}() {\n  const wg = new WaitGroup();\n  wg.add(1);\n  wg.wait();\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  // A one-case select on a nil channel is Go's plain receive or send on it.
  nilRecv: (p, s) => {
    p.use(['select'], []);
    p.fn(`func ${s}() {\n\tvar c chan int\n\tselect {\n\tcase <-c:\n\t}\n}`, `export function ${s}() {\n  select([{ recv: null, do: () => {} }]);\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  nilSend: (p, s) => {
    p.use(['select'], []);
    p.fn(`func ${s}() {\n\tvar c chan int\n\tselect {\n\tcase c <- 1:\n\t}\n}`, `export function ${s}() {\n  select([{ send: null, value: 1, do: () => {} }]);\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  nilSelect: (p, s) => {
    p.use(['select'], []);
    p.fn(`func ${s}() {\n\tvar c chan int\n\tselect {\n\tcase c <- 1:\n\tcase <-c:\n\t}\n}`, `export function ${s}() {\n  select([{ send: null, value: 1, do: () => {} }, { recv: undefined, do: () => {} }]);\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  // Two goroutines on one Once whose function blocks for ever: whichever runs it waits
  // in a receive, the other in the Once ([chan receive] and [semacquire], either way).
  onceHeld: (p, s) => {
    p.use(['Once', 'go'], ['sync']);
    p.fn(`func ${s}(once *sync.Once, c chan int) {\n\tonce.Do(func() { <-c })\n}`, `export function ${s}(once, c) {\n  once.do(() => c.recv());\n}`);
    return { go: `${s}once, ${s}c := &sync.Once{}, make(chan int)\n\tgo ${s}(${s}once, ${s}c)\n\tgo ${s}(${s}once, ${s}c)`,
      js: `const ${s}once = new Once(), ${s}c = chan();\n  go(${s}, ${s}once, ${s}c);\n  go(${s}, ${s}once, ${s}c);` };
  },
  // An async goroutine that blocks after a promise system call.
  asyncRecv: (p, s) => {
    p.use(['syscall'], ['time']);
    p.fn(`func ${s}(c chan int) {\n\ttime.Sleep(time.Millisecond)\n\t<-c\n}`,
      `export async function ${s}(c) {\n  await syscall(() => new Promise((resolve) => setTimeout(resolve, 1)));\n  c.recv();\n}`);
    return { go: `go ${s}(make(chan int))`, js: `go(${s}, chan());` };
  },
  mutex: (p, s) => {
    p.use(['Mutex'], ['sync']);
    p.fn(`func ${s}() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tmu.Lock()\n}`, `export function ${s}() {\n  const mu = new Mutex();\n  mu.lock();\n  mu.lock();\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
};

// Goroutines that never end and never block for good (so no deadlock can be declared
// while one lives): for endings where the program ends anyway, which must not wait for them.
const BUSY = {
  sleeper: (p, s) => {
    p.use(['sleep'], ['time']);
    p.fn(`func ${s}() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}`, `export function ${s}() {\n  for (;;) sleep(1);\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  yielder: (p, s) => {
    p.use(['gosched'], ['runtime']);
    p.fn(`func ${s}() {\n\tfor {\n\t\truntime.Gosched()\n\t}\n}`, `export function ${s}() {\n  for (;;) gosched();\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  asyncSleeper: (p, s) => {
    p.use(['syscall'], ['time']);
    p.fn(`func ${s}() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}`,
      `export async function ${s}() {\n  for (;;) await syscall(() => new Promise((resolve) => setTimeout(resolve, 1)));\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  // An async system call that never returns: a promise nothing settles (Go's twin reads
  // a pipe nobody writes to).
  asyncStuck: (p, s) => {
    p.use(['syscall'], ['syscall']);
    p.fn(`func ${s}() {\n\tvar fds [2]int\n\tif err := syscall.Pipe(fds[:]); err != nil {\n\t\tpanic(err)\n\t}\n\tbuf := make([]byte, 1)\n\tsyscall.Read(fds[0], buf)\n}`,
      `export async function ${s}() {\n  await syscall(() => new Promise(() => {}));\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
  // A system call that never returns: Go's read of a pipe nobody writes to.
  stuckSyscall: (p, s) => {
    p.use(['syscall'], ['syscall']);
    p.fn(`func ${s}() {\n\tvar fds [2]int\n\tif err := syscall.Pipe(fds[:]); err != nil {\n\t\tpanic(err)\n\t}\n\tbuf := make([]byte, 1)\n\tsyscall.Read(fds[0], buf)\n}`,
      `export function ${s}() {\n  syscall(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0));\n}`);
    return { go: `go ${s}()`, js: `go(${s});` };
  },
};

/** Goroutines left behind by the ending: blocked for ever, and where `busy`, sometimes
 * ones that keep running. */
function blockers(p, r, s, busy = false) {
  const n = r.int(0, 3);
  p.use(['chan', 'go'], []);
  for (let i = 0; i < n; i++) {
    const kinds = busy && r.chance(0.4) ? BUSY : BLOCKERS;
    const b = kinds[r.pick(Object.keys(kinds))](p, `${s}Block${i}`);
    p.main(b.go, b.js);
  }
}

// main blocking for ever, in one of the ways Go names.
function blockMain(p, r, s) {
  p.use(['chan'], []);
  switch (r.pick(['recv', 'send', 'select', 'selectNone', 'selectNil', 'sendNil', 'waitGroup', 'mutex', 'range', 'heldByEnded', 'onceInOnce'])) {
    case 'recv': return p.main(`<-make(chan int)`, `chan().recv();`);
    case 'send': return p.main(`make(chan int) <- 1`, `chan().send(1);`);
    case 'select':
      p.use(['select'], []);
      return p.main(`select {\n\tcase <-make(chan int):\n\tcase make(chan int) <- 2:\n\t}`, `select([{ recv: chan(), do: () => {} }, { send: chan(), value: 2, do: () => {} }]);`);
    case 'selectNone':
      p.use(['select'], []);
      return p.main(`select {}`, `select([]);`);
    case 'selectNil':
      p.use(['select'], []);
      return p.main([`var ${s}nil chan int`, `select {\n\tcase <-${s}nil:\n\t}`], `select([{ recv: null, do: () => {} }]);`);
    case 'sendNil':
      p.use(['select'], []);
      return p.main([`var ${s}nil chan int`, `select {\n\tcase ${s}nil <- 1:\n\t}`], `select([{ send: null, value: 1, do: () => {} }]);`);
    case 'onceInOnce':
      // Once.Do called from its own function waits for itself ([semacquire]).
      p.use(['Once'], ['sync']);
      return p.main([`var ${s}once sync.Once`, `${s}once.Do(func() { ${s}once.Do(func() {}) })`], [`const ${s}once = new Once();`, `${s}once.do(() => ${s}once.do(() => {}));`]);
    case 'waitGroup':
      p.use(['WaitGroup'], ['sync']);
      return p.main([`var ${s}wg sync.WaitGroup`, `${s}wg.Add(1)`, `${s}wg.Wait()`], [`const ${s}wg = new WaitGroup();`, `${s}wg.add(1);`, `${s}wg.wait();`]);
    case 'mutex':
      p.use(['Mutex'], ['sync']);
      return p.main([`var ${s}mu sync.Mutex`, `${s}mu.Lock()`, `${s}mu.Lock()`], [`const ${s}mu = new Mutex();`, `${s}mu.lock();`, `${s}mu.lock();`]);
    case 'heldByEnded':
      // The Mutex was locked by a goroutine that has ended since.
      p.use(['go', 'Mutex'], ['sync']);
      p.fn(`func ${s}Hold(mu *sync.Mutex, done chan bool) {\n\tmu.Lock()\n\tdone <- true\n}`, `export function ${s}Hold(mu, done) {\n  mu.lock();\n  done.send(true);\n}`);
      return p.main([`var ${s}held sync.Mutex`, `${s}done := make(chan bool)`, `go ${s}Hold(&${s}held, ${s}done)`, `<-${s}done`, `${s}held.Lock()`],
        [`const ${s}held = new Mutex();`, `const ${s}done = chan();`, `go(${s}Hold, ${s}held, ${s}done);`, `${s}done.recv();`, `${s}held.lock();`]);
    default:
      return p.main(`for range make(chan int) {\n\t}`, `for (const _ of chan());`);
  }
}

// A failure, as Go writes it and as JavaScript throws it. A fatal error (unlock of an
// unlocked Mutex) lists every goroutine with its state, which a goroutine still on its
// way to blocking has not reached yet: it comes only in main, once main is alone (see
// failInMain). A panic lists only the goroutine that panicked.
function failure(p, r, s, inMain) {
  const n = r.int(0, 99);
  const kinds = ['string', 'int', 'float', 'bool', 'nil', 'error', 'errorf', 'closeNil', 'closeClosed', 'sendClosed', 'negativeWaitGroup', 'exit'];
  switch (r.pick(inMain ? [...kinds, 'unlockUnlocked'] : kinds)) {
    case 'string': return { go: `panic("${s} boom ${n}")`, js: `throw '${s} boom ${n}';` };
    case 'int': return { go: `panic(${n - 50})`, js: `throw ${n - 50};` };
    case 'float': return { go: `panic(${n}.25)`, js: `throw ${n}.25;` };
    case 'bool': return { go: `panic(${n % 2 === 0})`, js: `throw ${n % 2 === 0};` };
    case 'nil': return { go: 'panic(nil)', js: 'throw null;' };
    case 'error':
      p.use([], ['errors']);
      return { go: `panic(errors.New("${s} failed"))`, js: `throw new Error('${s} failed');` };
    case 'errorf': return { go: `panic(fmt.Errorf("${s} code %d", ${n}))`, js: `throw new Error(\`${s} code \${${n}}\`);` };
    case 'closeNil':
      p.use(['close'], []);
      return { go: `var nilc chan int\n\tclose(nilc)`, js: `close(null);` };
    case 'closeClosed':
      p.use(['chan'], []);
      return { go: `c := make(chan int, 1)\n\tclose(c)\n\tclose(c)`, js: `const c = chan(1);\n  c.close();\n  c.close();` };
    case 'sendClosed':
      p.use(['chan'], []);
      return { go: `c := make(chan int, 1)\n\tclose(c)\n\tc <- 1`, js: `const c = chan(1);\n  c.close();\n  c.send(1);` };
    case 'negativeWaitGroup':
      p.use(['WaitGroup'], ['sync']);
      if (r.chance(0.5)) {
        const k = r.int(0, 2);
        return { go: `var wg sync.WaitGroup\n\twg.Add(${k})\n\tfor i := 0; i <= ${k}; i++ {\n\t\twg.Done()\n\t}`, js: `const wg = new WaitGroup();\n  wg.add(${k});\n  for (let i = 0; i <= ${k}; i++) wg.done();` };
      }
      return { go: `var wg sync.WaitGroup\n\twg.Add(${r.int(0, 2)})\n\twg.Add(-3)`, js: `const wg = new WaitGroup();\n  wg.add(${r.int(0, 2)});\n  wg.add(-3);`, };
    case 'unlockUnlocked':
      p.use(['Mutex'], ['sync']);
      return { go: `var mu sync.Mutex\n\tmu.Lock()\n\tmu.Unlock()\n\tmu.Unlock()`, js: `const mu = new Mutex();\n  mu.lock();\n  mu.unlock();\n  mu.unlock();`, fatal: true };
    default: {
      p.use([], ['os']);
      const code = r.int(0, 5);
      return { go: `os.Exit(${code})`, js: `process.exit(${code});` };
    }
  }
}

/** Each ending writes itself into the program p, drawing from r, its names prefixed s. */
export const ENDING = {
  // Sometimes goroutines that main wakes just before it returns would print after a
  // pause (50 ms: the program has ended by then): nothing of theirs may appear.
  returns(p, r, s) {
    if (r.chance(0.5)) blockers(p, r, s, true);
    const late = r.chance(0.3) ? r.int(1, 3) : 0;
    if (late > 0) {
      p.use(['chan', 'go', 'sleep'], ['time']);
      p.fn(`func ${s}Late(gate chan bool) {\n\t<-gate\n\ttime.Sleep(50 * time.Millisecond)\n\tfor {\n\t\tfmt.Println("${s} printed after main returned")\n\t}\n}`,
        `export function ${s}Late(gate) {\n  gate.recv();\n  sleep(50);\n  for (;;) console.log('${s} printed after main returned');\n}`);
      p.main([`${s}gate := make(chan bool)`, `for i := 0; i < ${late}; i++ {\n\t\tgo ${s}Late(${s}gate)\n\t}`],
        [`const ${s}gate = chan();`, `for (let i = 0; i < ${late}; i++) go(${s}Late, ${s}gate);`]);
    }
    p.main(`fmt.Println("${s} main returns")`, `console.log('${s} main returns');`);
    if (late > 0) p.main(`close(${s}gate)`, `${s}gate.close();`);
  },
  // Every goroutine blocked; sometimes the last one to block is main, sometimes the
  // last to go is a goroutine that ends after a pause (sleep, syscall) with main blocked.
  deadlock(p, r, s) {
    blockers(p, r, s);
    if (r.chance(0.4)) {
      const d = delayIn(p, r);
      p.use(['chan', 'go'], []);
      p.fn(`func ${s}Last(c chan int) {\n\t${d.go}\n\t${d.go}\n\tc <- 1\n}`, `export function ${s}Last(c) {\n  ${d.js}\n  ${d.js}\n  c.send(1);\n}`);
      p.main(`go ${s}Last(make(chan int, 1))`, `go(${s}Last, chan(1));`);
    }
    p.main(`fmt.Println("${s} main blocks")`, `console.log('${s} main blocks');`);
    blockMain(p, r, s);
  },
  failInMain(p, r, s) {
    const f = failure(p, r, s, true);
    if (f.fatal) STAGES.settle(p, r, `${s}s`);
    else blockers(p, r, s, true);
    p.main([`fmt.Println("${s} main fails")`, f.go], [`console.log('${s} main fails');`, f.js]);
  },
  // The failing goroutine waits for main's go-ahead (and sometimes pauses) so that main
  // has printed; main then blocks for ever, and so do any other goroutines.
  // The failing goroutine is sometimes async, failing after it awaited a promise system
  // call (Go's twin sleeps); main sometimes keeps running (sleeping or yielding in a
  // loop, printing nothing) instead of blocking: the panic ends the program all the same.
  failInGoroutine(p, r, s) {
    blockers(p, r, s, true);
    const f = failure(p, r, s, false);
    p.use(['chan', 'go'], []);
    if (r.chance(0.3)) {
      const ms = r.int(0, 3);
      p.use(['syscall'], ['time']);
      p.fn(`func ${s}Fail(ready chan bool) {\n\t<-ready\n\ttime.Sleep(${ms} * time.Millisecond)\n\t${f.go}\n}`,
        `export async function ${s}Fail(ready) {\n  ready.recv();\n  await syscall(() => new Promise((resolve) => setTimeout(resolve, ${ms})));\n  ${f.js}\n}`);
    } else {
      const d = delayIn(p, r);
      p.fn(`func ${s}Fail(ready chan bool) {\n\t<-ready\n\t${d.go}\n\t${f.go}\n}`, `export function ${s}Fail(ready) {\n  ready.recv();\n  ${d.js}\n  ${f.js}\n}`);
    }
    p.main([`${s}ready := make(chan bool)`, `go ${s}Fail(${s}ready)`, `fmt.Println("${s} goroutine fails")`, `${s}ready <- true`],
      [`const ${s}ready = chan();`, `go(${s}Fail, ${s}ready);`, `console.log('${s} goroutine fails');`, `${s}ready.send(true);`]);
    switch (r.pick(['block', 'block', 'block', 'sleepLoop', 'yieldLoop', 'stuckSyscall', 'asyncStuck'])) {
      case 'stuckSyscall':
        // main in a system call that never returns (Go's read of a pipe nobody writes
        // to), called as the busy goroutine's function is, or awaited from an async main.
        BUSY.stuckSyscall(p, `${s}Stuck`);
        return p.main(`${s}Stuck()`, `${s}Stuck();`);
      case 'asyncStuck':
        BUSY.asyncStuck(p, `${s}Stuck`);
        p.asyncMain = true;
        return p.main(`${s}Stuck()`, `await ${s}Stuck();`);
      case 'sleepLoop':
        p.use(['sleep'], ['time']);
        return p.main(`for {\n\t\ttime.Sleep(time.Millisecond)\n\t}`, `for (;;) sleep(1);`);
      case 'yieldLoop':
        p.use(['gosched'], ['runtime']);
        return p.main(`for {\n\t\truntime.Gosched()\n\t}`, `for (;;) gosched();`);
      default:
        return blockMain(p, r, s);
    }
  },
  // A goroutine blocked sending on a channel that main then closes panics (send on closed
  // channel) whether it had blocked yet or not. The send is sometimes a select's case,
  // beside a receive that is never ready.
  sendOnClosedBlocked(p, r, s) {
    const cap = r.int(0, 1);
    p.use(['chan', 'go'], []);
    if (r.chance(0.4)) {
      p.use(['select'], []);
      p.fn(`func ${s}Sender(c chan int, n int) {\n\tnever := make(chan int)\n\tfor i := 0; i < n; i++ {\n\t\tselect {\n\t\tcase c <- i:\n\t\tcase <-never:\n\t\t}\n\t}\n}`,
        `export function ${s}Sender(c, n) {\n  const never = chan();\n  for (let i = 0; i < n; i++) select([{ send: c, value: i, do: () => {} }, { recv: never, do: () => {} }]);\n}`);
    } else {
      p.fn(`func ${s}Sender(c chan int, n int) {\n\tfor i := 0; i < n; i++ {\n\t\tc <- i\n\t}\n}`, `export function ${s}Sender(c, n) {\n  for (let i = 0; i < n; i++) c.send(i);\n}`);
    }
    p.main([`${s}c := make(chan int, ${cap})`, `go ${s}Sender(${s}c, ${cap + 1})`, `fmt.Println("${s} closing under a sender")`, `close(${s}c)`],
      [`const ${s}c = chan(${cap});`, `go(${s}Sender, ${s}c, ${cap + 1});`, `console.log('${s} closing under a sender');`, `${s}c.close();`]);
    blockMain(p, r, s);
  },
};
/** The endings drawn from (returns and deadlock twice as often as the others). */
export const ENDINGS = ['returns', 'returns', 'deadlock', 'deadlock', 'failInMain', 'failInGoroutine', 'failInGoroutine', 'sendOnClosedBlocked'];
