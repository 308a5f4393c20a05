// More stages of a fuzz program (fuzz-gen.mjs), for the parts of the documented goroutine
// API the first ones (fuzz-stages.mjs) left out: select's return value, the same channel
// in several cases of one select, select's random choice among ready cases, go() by
// module URL and export name, a Mutex unlocked by another goroutine than its locker,
// Once after a panic and go() inside Once.do, NumGoroutine with goroutines blocked,
// WaitGroup reuse, range left by break and resumed, requests carrying their reply
// channel, and an async main awaiting a promise system call. Same rule as there: the
// printed result does not depend on the schedule, and every goroutine a stage starts has
// ended, or will end without printing, before the stage's last line is printed.
import { delayIn } from './fuzz-program.mjs';

// main yields until it is the only goroutine: a stage that counts goroutines starts
// from a known number, whatever earlier stages left ending.
function settle(p) {
  p.use(['gosched', 'NumGoroutine'], ['runtime']);
  p.main(`for runtime.NumGoroutine() != 1 {\n\t\truntime.Gosched()\n\t}`, `while (NumGoroutine() !== 1) gosched();`);
}

/** Each stage writes itself into the program p, drawing its sizes from r, its names prefixed s. */
export const API_STAGES = {
  // 2k goroutines each run one select with a send and a receive case on the same
  // unbuffered channel: they pair off, k senders and k receivers, and no goroutine ever
  // meets itself. The JavaScript side uses select's return value.
  selectPair(p, r, s) {
    const k = r.int(1, 4), cap = r.int(0, 2 * k);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'select'], []);
    p.fn(`func ${s}Pair(c chan int, id int, out chan int) {\n\t${d.go}\n\tselect {\n\tcase c <- id:\n\t\tout <- -1\n\tcase v := <-c:\n\t\tif v == id {\n\t\t\tpanic("met itself")\n\t\t}\n\t\tout <- v\n\t}\n}`,
      `export function ${s}Pair(c, id, out) {\n  ${d.js}\n  const got = select([\n    { send: c, value: id, do: () => -1 },\n    { recv: c, do: (v) => { if (v === id) throw 'met itself'; return v; } },\n  ]);\n  out.send(got);\n}`);
    p.main([`${s}c, ${s}out := make(chan int), make(chan int, ${cap})`, `for i := 1; i <= ${2 * k}; i++ {\n\t\tgo ${s}Pair(${s}c, i, ${s}out)\n\t}`,
      `${s}senders, ${s}sum := 0, 0`, `for i := 0; i < ${2 * k}; i++ {\n\t\tif v := <-${s}out; v < 0 {\n\t\t\t${s}senders++\n\t\t} else {\n\t\t\t${s}sum += v\n\t\t}\n\t}`,
      `fmt.Println("${s} paired", ${s}senders, ${s}sum > 0)`],
    [`const ${s}c = chan(), ${s}out = chan(${cap});`, `for (let i = 1; i <= ${2 * k}; i++) go(${s}Pair, ${s}c, i, ${s}out);`,
      `let ${s}senders = 0, ${s}sum = 0;`, `for (let i = 0; i < ${2 * k}; i++) {\n    const v = ${s}out.recv();\n    if (v < 0) ${s}senders++;\n    else ${s}sum += v;\n  }`,
      `console.log('${s} paired', ${s}senders, ${s}sum > 0);`]);
  },

  // main alone on a channel of capacity 1 with a send and a receive case on it (only
  // one is ever ready), then a select whose two cases receive from one channel a
  // goroutine feeds; len along the way.
  selectSameChannel(p, r, s) {
    const n = r.int(1, 6), m = r.int(1, 5), cap = r.int(0, 2);
    p.use(['chan', 'go', 'select'], []);
    p.fn(`func ${s}Feed(c chan int, m int) {\n\tfor i := 1; i <= m; i++ {\n\t\tc <- i * 10\n\t}\n}`,
      `export function ${s}Feed(c, m) {\n  for (let i = 1; i <= m; i++) c.send(i * 10);\n}`);
    p.main([`${s}c := make(chan int, 1)`, `for i := 0; i < ${n}; i++ {\n\t\tselect {\n\t\tcase ${s}c <- i:\n\t\t\tfmt.Println("${s} put", i, len(${s}c))\n\t\tcase v := <-${s}c:\n\t\t\tfmt.Println("${s} took", v, len(${s}c))\n\t\t}\n\t}`,
      `${s}d := make(chan int, ${cap})`, `go ${s}Feed(${s}d, ${m})`, `${s}sum := 0`, `for i := 0; i < ${m}; i++ {\n\t\tselect {\n\t\tcase v := <-${s}d:\n\t\t\t${s}sum += v\n\t\tcase v := <-${s}d:\n\t\t\t${s}sum += v\n\t\t}\n\t}`,
      `fmt.Println("${s} same channel twice", ${s}sum)`],
    [`const ${s}c = chan(1);`, `for (let i = 0; i < ${n}; i++) {\n    select([\n      { send: ${s}c, value: i, do: () => console.log('${s} put', i, ${s}c.length) },\n      { recv: ${s}c, do: (v) => console.log('${s} took', v, ${s}c.length) },\n    ]);\n  }`,
      `const ${s}d = chan(${cap});`, `go(${s}Feed, ${s}d, ${m});`, `let ${s}sum = 0;`, `for (let i = 0; i < ${m}; i++) {\n    ${s}sum += select([{ recv: ${s}d, do: (v) => v }, { recv: ${s}d, do: (v) => v }]);\n  }`,
      `console.log('${s} same channel twice', ${s}sum);`]);
  },

  // Go picks among ready cases at random: over many rounds of a select on a closed
  // channel and a full buffered one, each is chosen (the chance that one is never chosen
  // in 200 rounds is 2^-199), and a default present is never taken while a case is ready.
  selectFair(p, r, s) {
    const rounds = 200, withDefault = r.chance(0.5);
    p.use(['chan', 'select'], []);
    const goDefault = withDefault ? `\n\t\tdefault:\n\t\t\tpanic("default taken with cases ready")` : '';
    const jsDefault = withDefault ? `, { default: () => { throw 'default taken with cases ready'; } }` : '';
    p.main([`${s}a, ${s}b := make(chan int), make(chan int, 1)`, `close(${s}a)`, `${s}b <- 1`, `${s}na, ${s}nb := 0, 0`,
      `for i := 0; i < ${rounds}; i++ {\n\t\tselect {\n\t\tcase <-${s}a:\n\t\t\t${s}na++\n\t\tcase <-${s}b:\n\t\t\t${s}nb++\n\t\t\t${s}b <- 1${goDefault}\n\t\t}\n\t}`,
      `fmt.Println("${s} fair", ${s}na > 0, ${s}nb > 0, ${s}na+${s}nb)`],
    [`const ${s}a = chan(), ${s}b = chan(1);`, `${s}a.close();`, `${s}b.send(1);`, `let ${s}na = 0, ${s}nb = 0;`,
      `for (let i = 0; i < ${rounds}; i++) {\n    select([\n      { recv: ${s}a, do: () => { ${s}na++; } },\n      { recv: ${s}b, do: () => { ${s}nb++; ${s}b.send(1); } },\n    ]${jsDefault});\n  }`,
      `console.log('${s} fair', ${s}na > 0, ${s}nb > 0, ${s}na + ${s}nb);`]);
  },

  // go(import.meta.url, 'name', ...args): a chain of goroutines each started by name
  // from the one before, all under one WaitGroup.
  goByName(p, r, s) {
    const depth = r.int(0, 4);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'WaitGroup'], ['sync']);
    p.fn(`func ${s}Named(depth int, wg *sync.WaitGroup, out chan int) {\n\t${d.go}\n\tif depth > 0 {\n\t\twg.Add(1)\n\t\tgo ${s}Named(depth-1, wg, out)\n\t}\n\tout <- depth * depth\n\twg.Done()\n}`,
      `export function ${s}Named(depth, wg, out) {\n  ${d.js}\n  if (depth > 0) {\n    wg.add(1);\n    go(import.meta.url, '${s}Named', depth - 1, wg, out);\n  }\n  out.send(depth * depth);\n  wg.done();\n}`);
    p.main([`${s}out := make(chan int, ${depth + 1})`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(1)`, `go ${s}Named(${depth}, &${s}wg, ${s}out)`, `${s}wg.Wait()`, `close(${s}out)`,
      `${s}sum := 0`, `for v := range ${s}out {\n\t\t${s}sum += v\n\t}`, `fmt.Println("${s} by name", ${s}sum)`],
    [`const ${s}out = chan(${depth + 1});`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(1);`, `go(import.meta.url, '${s}Named', ${depth}, ${s}wg, ${s}out);`, `${s}wg.wait();`, `${s}out.close();`,
      `let ${s}sum = 0;`, `for (const v of ${s}out) ${s}sum += v;`, `console.log('${s} by name', ${s}sum);`]);
  },

  // A Mutex passed like a baton: main holds it, a goroutine unlocks it (Go allows an
  // unlock by another goroutine), main takes it again; TryLock fails while a goroutine
  // holds it and succeeds once it has let go.
  mutexBaton(p, r, s) {
    const n = r.int(1, 4);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'Mutex'], ['sync']);
    p.fn(`func ${s}Release(mu *sync.Mutex, c chan int, i int) {\n\tc <- i\n\t${d.go}\n\tmu.Unlock()\n}`,
      `export function ${s}Release(mu, c, i) {\n  c.send(i);\n  ${d.js}\n  mu.unlock();\n}`);
    p.fn(`func ${s}Hold(mu *sync.Mutex, held, goOn chan bool) {\n\tmu.Lock()\n\theld <- true\n\t<-goOn\n\tmu.Unlock()\n\theld <- false\n}`,
      `export function ${s}Hold(mu, held, goOn) {\n  mu.lock();\n  held.send(true);\n  goOn.recv();\n  mu.unlock();\n  held.send(false);\n}`);
    p.main([`var ${s}mu sync.Mutex`, `${s}c := make(chan int)`, `${s}mu.Lock()`,
      `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Release(&${s}mu, ${s}c, i)\n\t\tv := <-${s}c\n\t\t${s}mu.Lock()\n\t\tfmt.Println("${s} baton back from", v, ${s}mu.TryLock())\n\t}`,
      `${s}mu.Unlock()`, `${s}held, ${s}goOn := make(chan bool), make(chan bool)`, `go ${s}Hold(&${s}mu, ${s}held, ${s}goOn)`, `<-${s}held`, `fmt.Println("${s} trylock while held", ${s}mu.TryLock())`,
      `${s}goOn <- true`, `<-${s}held`, `fmt.Println("${s} trylock after", ${s}mu.TryLock())`, `${s}mu.Unlock()`],
    [`const ${s}mu = new Mutex();`, `const ${s}c = chan();`, `${s}mu.lock();`,
      `for (let i = 0; i < ${n}; i++) {\n    go(${s}Release, ${s}mu, ${s}c, i);\n    const v = ${s}c.recv();\n    ${s}mu.lock();\n    console.log('${s} baton back from', v, ${s}mu.tryLock());\n  }`,
      `${s}mu.unlock();`, `const ${s}held = chan(), ${s}goOn = chan();`, `go(${s}Hold, ${s}mu, ${s}held, ${s}goOn);`, `${s}held.recv();`, `console.log('${s} trylock while held', ${s}mu.tryLock());`,
      `${s}goOn.send(true);`, `${s}held.recv();`, `console.log('${s} trylock after', ${s}mu.tryLock());`, `${s}mu.unlock();`]);
  },

  // Once after a panic: a Once whose function panicked counts as done (Go's rule), so
  // later Do calls, from main or from goroutines, run nothing; a Once whose function
  // starts goroutines (go inside Once.do) runs it once.
  onceAfterPanic(p, r, s) {
    const n = r.int(1, 4);
    p.use(['chan', 'go', 'Once', 'WaitGroup'], ['sync']);
    p.fn(`func ${s}Again(once *sync.Once, ran chan int, wg *sync.WaitGroup) {\n\tonce.Do(func() { ran <- 1 })\n\twg.Done()\n}`,
      `export function ${s}Again(once, ran, wg) {\n  once.do(() => ran.send(1));\n  wg.done();\n}`);
    p.fn(`func ${s}Start(once *sync.Once, ran chan int, wg *sync.WaitGroup) {\n\tonce.Do(func() {\n\t\tran <- 1\n\t\tfor i := 0; i < ${n}; i++ {\n\t\t\tgo ${s}Again(once, ran, wg)\n\t\t}\n\t})\n}`,
      `export function ${s}Start(once, ran, wg) {\n  once.do(() => {\n    ran.send(1);\n    for (let i = 0; i < ${n}; i++) go(${s}Again, once, ran, wg);\n  });\n}`);
    p.main([`var ${s}once sync.Once`, `func() {\n\t\tdefer func() { fmt.Println("${s} once panicked:", recover()) }()\n\t\t${s}once.Do(func() { panic("${s} in once") })\n\t}()`,
      `${s}ran := make(chan int, ${n + 1})`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(${n})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Again(&${s}once, ${s}ran, &${s}wg)\n\t}`, `${s}wg.Wait()`,
      `fmt.Println("${s} ran after panic", len(${s}ran))`, `var ${s}starter sync.Once`, `${s}wg.Add(${n})`, `${s}Start(&${s}starter, ${s}ran, &${s}wg)`, `${s}Start(&${s}starter, ${s}ran, &${s}wg)`, `${s}wg.Wait()`,
      `fmt.Println("${s} ran after go in once", len(${s}ran))`],
    [`const ${s}once = new Once();`, `try {\n    ${s}once.do(() => { throw '${s} in once'; });\n  } catch (e) {\n    console.log('${s} once panicked:', e);\n  }`,
      `const ${s}ran = chan(${n + 1});`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(${n});`, `for (let i = 0; i < ${n}; i++) go(${s}Again, ${s}once, ${s}ran, ${s}wg);`, `${s}wg.wait();`,
      `console.log('${s} ran after panic', ${s}ran.length);`, `const ${s}starter = new Once();`, `${s}wg.add(${n});`, `${s}Start(${s}starter, ${s}ran, ${s}wg);`, `${s}Start(${s}starter, ${s}ran, ${s}wg);`, `${s}wg.wait();`,
      `console.log('${s} ran after go in once', ${s}ran.length);`]);
  },

  // NumGoroutine counts goroutines as soon as `go` returns (Go counts a goroutine from its
  // creation), and ones their parents started once the parents say they have (before
  // that, those are not known to exist yet); then 1 again after the gate.
  liveCount(p, r, s) {
    const n = r.int(1, 4), nested = r.chance(0.5), live = nested ? 2 * n + 1 : n + 1;
    p.use(['chan', 'go', 'WaitGroup', 'close'], ['sync']);
    settle(p);
    p.fn(`func ${s}Blocked(gate chan int, child bool, wg *sync.WaitGroup) {\n\tif child {\n\t\twg.Add(1)\n\t\tgo ${s}Blocked(gate, false, wg)\n\t}\n\twg.Done()\n\t<-gate\n}`,
      `export function ${s}Blocked(gate, child, wg) {\n  if (child) {\n    wg.add(1);\n    go(${s}Blocked, gate, false, wg);\n  }\n  wg.done();\n  gate.recv();\n}`);
    p.main([`${s}gate := make(chan int)`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(${n})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Blocked(${s}gate, ${nested}, &${s}wg)\n\t}`,
      `fmt.Println("${s} live after go", runtime.NumGoroutine() >= ${n + 1}, runtime.NumGoroutine() <= ${live})`, `${s}wg.Wait()`, `fmt.Println("${s} live when started", runtime.NumGoroutine())`, `close(${s}gate)`],
    [`const ${s}gate = chan();`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(${n});`, `for (let i = 0; i < ${n}; i++) go(${s}Blocked, ${s}gate, ${nested}, ${s}wg);`,
      `console.log('${s} live after go', NumGoroutine() >= ${n + 1}, NumGoroutine() <= ${live});`, `${s}wg.wait();`, `console.log('${s} live when started', NumGoroutine());`, `close(${s}gate);`]);
    settle(p);
    p.main(`fmt.Println("${s} live after the gate", runtime.NumGoroutine())`, `console.log('${s} live after the gate', NumGoroutine());`);
  },

  // One WaitGroup over several rounds (Wait at zero returns at once, Add after a Wait
  // starts the next round).
  waitGroupReuse(p, r, s) {
    const rounds = r.int(1, 4), n = r.int(1, 3);
    const d = delayIn(p, r);
    p.use(['go', 'WaitGroup', 'chan'], ['sync']);
    p.fn(`func ${s}Job(wg *sync.WaitGroup, c chan int, v int) {\n\t${d.go}\n\tc <- v\n\twg.Done()\n}`,
      `export function ${s}Job(wg, c, v) {\n  ${d.js}\n  c.send(v);\n  wg.done();\n}`);
    p.main([`var ${s}wg sync.WaitGroup`, `${s}wg.Wait()`, `${s}c := make(chan int, ${n})`,
      `for round := 0; round < ${rounds}; round++ {\n\t\t${s}wg.Add(${n})\n\t\tfor i := 0; i < ${n}; i++ {\n\t\t\tgo ${s}Job(&${s}wg, ${s}c, round*10+i)\n\t\t}\n\t\t${s}wg.Wait()\n\t\tsum := 0\n\t\tfor i := 0; i < ${n}; i++ {\n\t\t\tsum += <-${s}c\n\t\t}\n\t\tfmt.Println("${s} round", round, sum, len(${s}c))\n\t}`],
    [`const ${s}wg = new WaitGroup();`, `${s}wg.wait();`, `const ${s}c = chan(${n});`,
      `for (let round = 0; round < ${rounds}; round++) {\n    ${s}wg.add(${n});\n    for (let i = 0; i < ${n}; i++) go(${s}Job, ${s}wg, ${s}c, round * 10 + i);\n    ${s}wg.wait();\n    let sum = 0;\n    for (let i = 0; i < ${n}; i++) sum += ${s}c.recv();\n    console.log('${s} round', round, sum, ${s}c.length);\n  }`]);
  },

  // A range left by break part-way, then resumed by a second range that drains the
  // rest after the producer closes (breaking must not lose or close anything).
  rangeBreak(p, r, s) {
    const total = r.int(2, 10), at = r.int(0, total - 1), cap = r.int(0, 3);
    const d = delayIn(p, r);
    p.use(['chan', 'go'], []);
    p.fn(`func ${s}Count(c chan int, n int) {\n\tfor i := 0; i < n; i++ {\n\t\t${d.go}\n\t\tc <- i\n\t}\n\tclose(c)\n}`,
      `export function ${s}Count(c, n) {\n  for (let i = 0; i < n; i++) {\n    ${d.js}\n    c.send(i);\n  }\n  c.close();\n}`);
    p.main([`${s}c := make(chan int, ${cap})`, `go ${s}Count(${s}c, ${total})`, `for v := range ${s}c {\n\t\tif v == ${at} {\n\t\t\tbreak\n\t\t}\n\t\tfmt.Println("${s} first range", v)\n\t}`,
      `${s}rest := 0`, `for v := range ${s}c {\n\t\t${s}rest += v\n\t}`, `_, ${s}ok := <-${s}c`, `fmt.Println("${s} rest", ${s}rest, ${s}ok)`],
    [`const ${s}c = chan(${cap});`, `go(${s}Count, ${s}c, ${total});`, `for (const v of ${s}c) {\n    if (v === ${at}) break;\n    console.log('${s} first range', v);\n  }`,
      `let ${s}rest = 0;`, `for (const v of ${s}c) ${s}rest += v;`, `const [, ${s}ok] = ${s}c.recvOk();`, `console.log('${s} rest', ${s}rest, ${s}ok);`]);
  },

  // Requests carrying their own reply channel (a channel inside a value sent on a
  // channel, Go's struct with a chan field) served by a few servers.
  requestReply(p, r, s) {
    const servers = r.int(1, 3), clients = r.int(1, 5), cap = r.int(0, 2), replyCap = r.int(0, 1);
    const d = delayIn(p, r);
    p.use(['chan', 'go'], []);
    p.fn(`type ${s}Req struct {\n\tx     int\n\treply chan int\n}`, `// ${s}Req: { x, reply }`);
    p.fn(`func ${s}Serve(reqs chan ${s}Req) {\n\tfor req := range reqs {\n\t\t${d.go}\n\t\treq.reply <- req.x * 2\n\t}\n}`,
      `export function ${s}Serve(reqs) {\n  for (const req of reqs) {\n    ${d.js}\n    req.reply.send(req.x * 2);\n  }\n}`);
    p.fn(`func ${s}Ask(reqs chan ${s}Req, i int, out chan int) {\n\treply := make(chan int, ${replyCap})\n\treqs <- ${s}Req{i + 1, reply}\n\tout <- <-reply\n}`,
      `export function ${s}Ask(reqs, i, out) {\n  const reply = chan(${replyCap});\n  reqs.send({ x: i + 1, reply });\n  out.send(reply.recv());\n}`);
    p.main([`${s}reqs, ${s}out := make(chan ${s}Req, ${cap}), make(chan int)`, `for i := 0; i < ${servers}; i++ {\n\t\tgo ${s}Serve(${s}reqs)\n\t}`, `for i := 0; i < ${clients}; i++ {\n\t\tgo ${s}Ask(${s}reqs, i, ${s}out)\n\t}`,
      `${s}sum := 0`, `for i := 0; i < ${clients}; i++ {\n\t\t${s}sum += <-${s}out\n\t}`, `close(${s}reqs)`, `fmt.Println("${s} replies", ${s}sum)`],
    [`const ${s}reqs = chan(${cap}), ${s}out = chan();`, `for (let i = 0; i < ${servers}; i++) go(${s}Serve, ${s}reqs);`, `for (let i = 0; i < ${clients}; i++) go(${s}Ask, ${s}reqs, i, ${s}out);`,
      `let ${s}sum = 0;`, `for (let i = 0; i < ${clients}; i++) ${s}sum += ${s}out.recv();`, `${s}reqs.close();`, `console.log('${s} replies', ${s}sum);`]);
  },

  // main is async and awaits system calls that return promises (one resolving with a
  // value, one rejecting, caught); Go's twin sleeps. Goroutines meanwhile keep sending.
  awaitInMain(p, r, s) {
    const ms = r.int(0, 4), v = r.int(0, 99), k = r.int(0, 3);
    p.asyncMain = true;
    p.use(['chan', 'go', 'syscall'], ['time']);
    p.fn(`func ${s}Send(c chan int, k int) {\n\tfor i := 0; i < k; i++ {\n\t\tc <- i\n\t}\n\tclose(c)\n}`,
      `export function ${s}Send(c, k) {\n  for (let i = 0; i < k; i++) c.send(i);\n  c.close();\n}`);
    p.main([`${s}c := make(chan int, ${k})`, `go ${s}Send(${s}c, ${k})`, `time.Sleep(${ms} * time.Millisecond)`, `fmt.Println("${s} awaited", ${v})`,
      `fmt.Println("${s} rejected:", "${s} refused")`, `${s}n := 0`, `for range ${s}c {\n\t\t${s}n++\n\t}`, `fmt.Println("${s} after await", ${s}n)`],
    [`const ${s}c = chan(${k});`, `go(${s}Send, ${s}c, ${k});`, `console.log('${s} awaited', await syscall(() => new Promise((resolve) => setTimeout(() => resolve(${v}), ${ms}))));`,
      `try {\n    await syscall(() => Promise.reject(new Error('${s} refused')));\n  } catch (e) {\n    console.log('${s} rejected:', e.message);\n  }`, `let ${s}n = 0;`, `for (const _ of ${s}c) ${s}n++;`, `console.log('${s} after await', ${s}n);`]);
  },
};
