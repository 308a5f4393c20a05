// The stages of a fuzz program (fuzz-gen.mjs): concurrency patterns with random shapes
// whose printed result does not depend on the schedule. Every goroutine a stage starts
// has ended, or will end without printing, before the stage's last line is printed.
import { delayIn, list } from './fuzz-program.mjs';

/** Each stage writes itself into the program p, drawing its sizes from r, its names prefixed s. */
export const STAGES = {
  // N producers (or producers that start one goroutine per value: nested go) send on one
  // channel; main counts the values in, or ranges until a closer goroutine closes the
  // channel after the WaitGroup, or sorts them.
  fanIn(p, r, s) {
    const n = r.int(1, 5), k = r.int(1, 4), cap = r.int(0, 3), base = r.int(0, 50);
    const nested = r.chance(0.35);
    const collect = r.pick(['count', 'range', 'sorted']);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'WaitGroup'], ['sync']);
    if (nested) {
      p.fn(`func ${s}Leaf(c chan int, v int, wg *sync.WaitGroup) {\n\t${d.go}\n\tc <- v\n\twg.Done()\n}`,
        `export function ${s}Leaf(c, v, wg) {\n  ${d.js}\n  c.send(v);\n  wg.done();\n}`);
      p.fn(`func ${s}Prod(c chan int, id int, wg *sync.WaitGroup) {\n\tfor j := 0; j < ${k}; j++ {\n\t\twg.Add(1)\n\t\tgo ${s}Leaf(c, ${base}+id*${k}+j, wg)\n\t}\n\twg.Done()\n}`,
        `export function ${s}Prod(c, id, wg) {\n  for (let j = 0; j < ${k}; j++) {\n    wg.add(1);\n    go(${s}Leaf, c, ${base} + id * ${k} + j, wg);\n  }\n  wg.done();\n}`);
    } else {
      p.fn(`func ${s}Prod(c chan int, id int, wg *sync.WaitGroup) {\n\tfor j := 0; j < ${k}; j++ {\n\t\t${d.go}\n\t\tc <- ${base} + id*${k} + j\n\t}\n\twg.Done()\n}`,
        `export function ${s}Prod(c, id, wg) {\n  for (let j = 0; j < ${k}; j++) {\n    ${d.js}\n    c.send(${base} + id * ${k} + j);\n  }\n  wg.done();\n}`);
    }
    p.main([`${s}c := make(chan int, ${cap})`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(${n})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Prod(${s}c, i, &${s}wg)\n\t}`],
      [`const ${s}c = chan(${cap});`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(${n});`, `for (let i = 0; i < ${n}; i++) go(${s}Prod, ${s}c, i, ${s}wg);`]);
    if (collect === 'range') {
      p.fn(`func ${s}Closer(wg *sync.WaitGroup, c chan int) {\n\twg.Wait()\n\tclose(c)\n}`,
        `export function ${s}Closer(wg, c) {\n  wg.wait();\n  c.close();\n}`);
      p.main([`go ${s}Closer(&${s}wg, ${s}c)`, `${s}sum, ${s}n := 0, 0`, `for v := range ${s}c {\n\t\t${s}sum += v\n\t\t${s}n++\n\t}`, `fmt.Println("${s} range sum", ${s}sum, "count", ${s}n)`],
        [`go(${s}Closer, ${s}wg, ${s}c);`, `let ${s}sum = 0, ${s}n = 0;`, `for (const v of ${s}c) {\n    ${s}sum += v;\n    ${s}n++;\n  }`, `console.log('${s} range sum', ${s}sum, 'count', ${s}n);`]);
    } else if (collect === 'count') {
      p.main([`${s}sum := 0`, `for i := 0; i < ${n * k}; i++ {\n\t\t${s}sum += <-${s}c\n\t}`, `${s}wg.Wait()`, `fmt.Println("${s} counted sum", ${s}sum)`],
        [`let ${s}sum = 0;`, `for (let i = 0; i < ${n * k}; i++) ${s}sum += ${s}c.recv();`, `${s}wg.wait();`, `console.log('${s} counted sum', ${s}sum);`]);
    } else {
      p.use([], ['sort']);
      p.main([`${s}vals := []int{}`, `for i := 0; i < ${n * k}; i++ {\n\t\t${s}vals = append(${s}vals, <-${s}c)\n\t}`, `sort.Ints(${s}vals)`, `fmt.Println("${s} sorted", ${s}vals)`],
        [`const ${s}vals = [];`, `for (let i = 0; i < ${n * k}; i++) ${s}vals.push(${s}c.recv());`, `${s}vals.sort((x, y) => x - y);`, `console.log('${s} sorted', ${list(`${s}vals`)});`]);
    }
  },

  // One producer per channel; main selects over all of them (a nil channel's case too,
  // sometimes a default that yields) until every value is in, or, when the producers
  // close their channels, until each closed channel has been set to nil (Go's idiom).
  selectIn(p, r, s) {
    const m = r.int(2, 4), closing = r.chance(0.5), withNil = r.chance(0.3), withDefault = !closing && r.chance(0.4);
    const ks = Array.from({ length: m }, () => r.int(1, 4));
    const caps = Array.from({ length: m }, () => r.int(0, 2));
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'select'], []);
    p.fn(`func ${s}Prod(c chan int, k, base int, closeIt bool) {\n\tfor j := 0; j < k; j++ {\n\t\t${d.go}\n\t\tc <- base + j\n\t}\n\tif closeIt {\n\t\tclose(c)\n\t}\n}`,
      `export function ${s}Prod(c, k, base, closeIt) {\n  for (let j = 0; j < k; j++) {\n    ${d.js}\n    c.send(base + j);\n  }\n  if (closeIt) c.close();\n}`);
    const goCases = [], jsCases = [];
    for (let i = 0; i < m; i++) {
      p.main([`${s}c${i} := make(chan int, ${caps[i]})`, `${s}s${i} := 0`, `go ${s}Prod(${s}c${i}, ${ks[i]}, ${i * 100}, ${closing})`],
        [`let ${s}c${i} = chan(${caps[i]});`, `let ${s}s${i} = 0;`, `go(${s}Prod, ${s}c${i}, ${ks[i]}, ${i * 100}, ${closing});`]);
      if (closing) {
        goCases.push(`case v, ok := <-${s}c${i}:\n\t\t\tif !ok {\n\t\t\t\t${s}c${i} = nil\n\t\t\t\t${s}live--\n\t\t\t} else {\n\t\t\t\t${s}s${i} += v\n\t\t\t}`);
        jsCases.push(`{ recv: ${s}c${i}, do: (v, ok) => { if (!ok) { ${s}c${i} = null; ${s}live--; } else ${s}s${i} += v; } },`);
      } else {
        goCases.push(`case v := <-${s}c${i}:\n\t\t\t${s}s${i} += v\n\t\t\t${s}got++`);
        jsCases.push(`{ recv: ${s}c${i}, do: (v) => { ${s}s${i} += v; ${s}got++; } },`);
      }
    }
    if (withNil) {
      p.main([`var ${s}nilc chan int`], [`const ${s}nilc = null;`]);
      goCases.push(`case <-${s}nilc:\n\t\t\tpanic("nil channel chosen")`);
      jsCases.push(`{ recv: ${s}nilc, do: () => { throw 'nil channel chosen'; } },`);
    }
    if (withDefault) {
      p.use(['gosched'], ['runtime']);
      goCases.push('default:\n\t\t\truntime.Gosched()');
    }
    const jsDefault = withDefault ? ', { default: () => gosched() }' : '';
    const total = ks.reduce((a, b) => a + b, 0);
    const cond = closing ? `${s}live > 0` : `${s}got < ${total}`;
    p.main([closing ? `${s}live := ${m}` : `${s}got := 0`, `for ${cond} {\n\t\tselect {\n\t\t${goCases.join('\n\t\t')}\n\t\t}\n\t}`],
      [closing ? `let ${s}live = ${m};` : `let ${s}got = 0;`, `while (${cond}) {\n    select([\n      ${jsCases.join('\n      ')}\n    ]${jsDefault});\n  }`]);
    const sums = Array.from({ length: m }, (_, i) => `${s}s${i}`).join(', ');
    p.main(`fmt.Println("${s} select sums", ${sums})`, `console.log('${s} select sums', ${sums});`);
  },

  // main hands values out with a select over several consumers' channels (send cases,
  // sometimes with a default that yields and retries), closes them, and adds up what each
  // consumer reports back as a pair [sum, count] (an array value copied across).
  selectOut(p, r, s) {
    const w = r.int(2, 4), t = r.int(1, 12), base = r.int(0, 20), withDefault = r.chance(0.4);
    const caps = Array.from({ length: w }, () => r.int(0, 2));
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'select'], []);
    p.fn(`func ${s}Cons(c chan int, out chan [2]int) {\n\tsum, n := 0, 0\n\tfor v := range c {\n\t\t${d.go}\n\t\tsum += v\n\t\tn++\n\t}\n\tout <- [2]int{sum, n}\n}`,
      `export function ${s}Cons(c, out) {\n  let sum = 0, n = 0;\n  for (const v of c) {\n    ${d.js}\n    sum += v;\n    n++;\n  }\n  out.send([sum, n]);\n}`);
    p.main([`${s}out := make(chan [2]int)`], [`const ${s}out = chan();`]);
    const goCases = [], jsCases = [];
    for (let i = 0; i < w; i++) {
      p.main([`${s}c${i} := make(chan int, ${caps[i]})`, `go ${s}Cons(${s}c${i}, ${s}out)`], [`const ${s}c${i} = chan(${caps[i]});`, `go(${s}Cons, ${s}c${i}, ${s}out);`]);
      goCases.push(`case ${s}c${i} <- ${base} + i:\n\t\t\t${s}sent = true`);
      jsCases.push(`{ send: ${s}c${i}, value: ${base} + i, do: () => { ${s}sent = true; } },`);
    }
    if (withDefault) {
      p.use(['gosched'], ['runtime']);
      goCases.push('default:\n\t\t\truntime.Gosched()');
    }
    const jsDefault = withDefault ? ', { default: () => gosched() }' : '';
    p.main([`for i := 0; i < ${t}; i++ {\n\t\t${s}sent := false\n\t\tfor !${s}sent {\n\t\t\tselect {\n\t\t\t${goCases.join('\n\t\t\t')}\n\t\t\t}\n\t\t}\n\t}`],
      [`for (let i = 0; i < ${t}; i++) {\n    let ${s}sent = false;\n    while (!${s}sent) {\n      select([\n        ${jsCases.join('\n        ')}\n      ]${jsDefault});\n    }\n  }`]);
    for (let i = 0; i < w; i++) p.main(`close(${s}c${i})`, `${s}c${i}.close();`);
    p.main([`${s}sum, ${s}n := 0, 0`, `for i := 0; i < ${w}; i++ {\n\t\tr := <-${s}out\n\t\t${s}sum += r[0]\n\t\t${s}n += r[1]\n\t}`, `fmt.Println("${s} handed out", ${s}sum, ${s}n)`],
      [`let ${s}sum = 0, ${s}n = 0;`, `for (let i = 0; i < ${w}; i++) {\n    const r = ${s}out.recv();\n    ${s}sum += r[0];\n    ${s}n += r[1];\n  }`, `console.log('${s} handed out', ${s}sum, ${s}n);`]);
  },

  // A counter under a Mutex: Lock or a TryLock loop, and sometimes a read-modify-write
  // with a pause (Gosched, sleep, a system call) inside the critical section, so that a
  // Mutex that let two in would lose increments.
  mutexCounter(p, r, s) {
    const n = r.int(2, 5), k = r.int(3, 40), tryLock = r.chance(0.3);
    const d = delayIn(p, r);
    p.use(['go', 'Mutex', 'WaitGroup'], ['sync']);
    if (tryLock) p.use(['gosched'], ['runtime']);
    const goLock = tryLock ? 'for !mu.TryLock() {\n\t\t\truntime.Gosched()\n\t\t}' : 'mu.Lock()';
    const jsLock = tryLock ? 'while (!mu.tryLock()) gosched();' : 'mu.lock();';
    p.fn(`func ${s}Inc(mu *sync.Mutex, counter *int, wg *sync.WaitGroup) {\n\tfor i := 0; i < ${k}; i++ {\n\t\t${goLock}\n\t\tv := *counter\n\t\t${d.go}\n\t\t*counter = v + 1\n\t\tmu.Unlock()\n\t}\n\twg.Done()\n}`,
      `export function ${s}Inc(mu, counter, wg) {\n  for (let i = 0; i < ${k}; i++) {\n    ${jsLock}\n    const v = counter[0];\n    ${d.js}\n    counter[0] = v + 1;\n    mu.unlock();\n  }\n  wg.done();\n}`);
    p.main([`var ${s}mu sync.Mutex`, `var ${s}wg sync.WaitGroup`, `${s}counter := 0`, `${s}wg.Add(${n})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Inc(&${s}mu, &${s}counter, &${s}wg)\n\t}`, `${s}wg.Wait()`, `fmt.Println("${s} counter", ${s}counter)`],
      [`const ${s}mu = new Mutex();`, `const ${s}wg = new WaitGroup();`, `const ${s}counter = new Int32Array(new SharedArrayBuffer(4));`, `${s}wg.add(${n});`, `for (let i = 0; i < ${n}; i++) go(${s}Inc, ${s}mu, ${s}counter, ${s}wg);`, `${s}wg.wait();`, `console.log('${s} counter', ${s}counter[0]);`]);
  },

  // A worker pool: a feeder goroutine sends jobs and closes; workers range over jobs and
  // send results; a closer closes results after the WaitGroup; main ranges and sorts.
  pool(p, r, s) {
    const jobs = r.int(1, 12), w = r.int(1, 4), jcap = r.int(0, 3), rcap = r.int(0, 3);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'WaitGroup'], ['sync', 'sort']);
    p.fn(`func ${s}Feed(jobs chan int) {\n\tfor i := 0; i < ${jobs}; i++ {\n\t\tjobs <- i\n\t}\n\tclose(jobs)\n}`,
      `export function ${s}Feed(jobs) {\n  for (let i = 0; i < ${jobs}; i++) jobs.send(i);\n  jobs.close();\n}`);
    p.fn(`func ${s}Work(jobs, results chan int, wg *sync.WaitGroup) {\n\tfor j := range jobs {\n\t\t${d.go}\n\t\tresults <- j*j%101\n\t}\n\twg.Done()\n}`,
      `export function ${s}Work(jobs, results, wg) {\n  for (const j of jobs) {\n    ${d.js}\n    results.send(j * j % 101);\n  }\n  wg.done();\n}`);
    p.fn(`func ${s}Closer(wg *sync.WaitGroup, c chan int) {\n\twg.Wait()\n\tclose(c)\n}`,
      `export function ${s}Closer(wg, c) {\n  wg.wait();\n  c.close();\n}`);
    p.main([`${s}jobs := make(chan int, ${jcap})`, `${s}results := make(chan int, ${rcap})`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(${w})`, `go ${s}Feed(${s}jobs)`,
      `for i := 0; i < ${w}; i++ {\n\t\tgo ${s}Work(${s}jobs, ${s}results, &${s}wg)\n\t}`, `go ${s}Closer(&${s}wg, ${s}results)`,
      `${s}vals := []int{}`, `for v := range ${s}results {\n\t\t${s}vals = append(${s}vals, v)\n\t}`, `sort.Ints(${s}vals)`, `fmt.Println("${s} pool", ${s}vals)`],
    [`const ${s}jobs = chan(${jcap});`, `const ${s}results = chan(${rcap});`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(${w});`, `go(${s}Feed, ${s}jobs);`,
      `for (let i = 0; i < ${w}; i++) go(${s}Work, ${s}jobs, ${s}results, ${s}wg);`, `go(${s}Closer, ${s}wg, ${s}results);`,
      `const ${s}vals = [...${s}results];`, `${s}vals.sort((x, y) => x - y);`, `console.log('${s} pool', ${list(`${s}vals`)});`]);
  },

  // A pipeline of goroutines, each ranging over its input and closing its output: order
  // is kept, so main prints the values as they come.
  chain(p, r, s) {
    const len = r.int(1, 4), vals = r.int(0, 6);
    const caps = Array.from({ length: len + 1 }, () => r.int(0, 2));
    const d = delayIn(p, r);
    p.use(['chan', 'go'], []);
    p.fn(`func ${s}Feed(out chan int) {\n\tfor i := 0; i < ${vals}; i++ {\n\t\tout <- i\n\t}\n\tclose(out)\n}`,
      `export function ${s}Feed(out) {\n  for (let i = 0; i < ${vals}; i++) out.send(i);\n  out.close();\n}`);
    p.fn(`func ${s}Step(in, out chan int, k int) {\n\tfor v := range in {\n\t\t${d.go}\n\t\tout <- v*2 + k\n\t}\n\tclose(out)\n}`,
      `export function ${s}Step(inp, out, k) {\n  for (const v of inp) {\n    ${d.js}\n    out.send(v * 2 + k);\n  }\n  out.close();\n}`);
    for (let i = 0; i <= len; i++) p.main(`${s}c${i} := make(chan int, ${caps[i]})`, `const ${s}c${i} = chan(${caps[i]});`);
    p.main(`go ${s}Feed(${s}c0)`, `go(${s}Feed, ${s}c0);`);
    for (let i = 0; i < len; i++) p.main(`go ${s}Step(${s}c${i}, ${s}c${i + 1}, ${i + 1})`, `go(${s}Step, ${s}c${i}, ${s}c${i + 1}, ${i + 1});`);
    p.main([`${s}vals := []int{}`, `for v := range ${s}c${len} {\n\t\t${s}vals = append(${s}vals, v)\n\t}`, `fmt.Println("${s} chain", ${s}vals)`],
      [`const ${s}vals = [];`, `for (const v of ${s}c${len}) ${s}vals.push(v);`, `console.log('${s} chain', ${list(`${s}vals`)});`]);
  },

  // main and one goroutine pass a value back and forth over two unbuffered channels.
  pingPong(p, r, s) {
    const rounds = r.int(1, 20);
    const d = delayIn(p, r);
    p.use(['chan', 'go'], []);
    p.fn(`func ${s}Pong(ping, pong chan int) {\n\tfor v := range ping {\n\t\t${d.go}\n\t\tpong <- v + 3\n\t}\n}`,
      `export function ${s}Pong(ping, pong) {\n  for (const v of ping) {\n    ${d.js}\n    pong.send(v + 3);\n  }\n}`);
    p.main([`${s}ping, ${s}pong := make(chan int), make(chan int)`, `go ${s}Pong(${s}ping, ${s}pong)`, `${s}v := 0`, `for i := 0; i < ${rounds}; i++ {\n\t\t${s}ping <- ${s}v\n\t\t${s}v = <-${s}pong\n\t}`, `close(${s}ping)`, `fmt.Println("${s} ping-pong", ${s}v)`],
      [`const ${s}ping = chan(), ${s}pong = chan();`, `go(${s}Pong, ${s}ping, ${s}pong);`, `let ${s}v = 0;`, `for (let i = 0; i < ${rounds}; i++) {\n    ${s}ping.send(${s}v);\n    ${s}v = ${s}pong.recv();\n  }`, `${s}ping.close();`, `console.log('${s} ping-pong', ${s}v);`]);
  },

  // GOMAXPROCS set from main (it returns the previous setting) and queried.
  gomaxprocs(p, r, s) {
    const to = r.int(1, 4);
    p.use(['GOMAXPROCS'], ['runtime']);
    p.main([`fmt.Println("${s} procs was", runtime.GOMAXPROCS(${to}))`, `fmt.Println("${s} procs now", runtime.GOMAXPROCS(0))`],
      [`console.log('${s} procs was', GOMAXPROCS(${to}));`, `console.log('${s} procs now', GOMAXPROCS(0));`]);
  },

  // Once.Do from several goroutines runs its function once; all wait for it.
  once(p, r, s) {
    const n = r.int(1, 5);
    const d = delayIn(p, r);
    p.use(['go', 'Once', 'WaitGroup'], ['sync']);
    p.fn(`func ${s}Do(once *sync.Once, counter *int, wg *sync.WaitGroup) {\n\t${d.go}\n\tonce.Do(func() { *counter++ })\n\twg.Done()\n}`,
      `export function ${s}Do(once, counter, wg) {\n  ${d.js}\n  once.do(() => { counter[0]++; });\n  wg.done();\n}`);
    p.main([`var ${s}once sync.Once`, `var ${s}wg sync.WaitGroup`, `${s}counter := 0`, `${s}wg.Add(${n})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Do(&${s}once, &${s}counter, &${s}wg)\n\t}`, `${s}wg.Wait()`, `fmt.Println("${s} once ran", ${s}counter)`],
      [`const ${s}once = new Once();`, `const ${s}wg = new WaitGroup();`, `const ${s}counter = new Int32Array(new SharedArrayBuffer(4));`, `${s}wg.add(${n});`, `for (let i = 0; i < ${n}; i++) go(${s}Do, ${s}once, ${s}counter, ${s}wg);`, `${s}wg.wait();`, `console.log('${s} once ran', ${s}counter[0]);`]);
  },

  // A buffered channel filled, closed and drained past its end (value, ok), with len and
  // cap along the way; a goroutine blocked in a receive wakes at the close.
  closeDrain(p, r, s) {
    const cap = r.int(1, 4), m = r.int(0, cap);
    p.use(['chan', 'go'], []);
    p.fn(`func ${s}Waiter(c chan int, out chan bool) {\n\t_, ok := <-c\n\tout <- ok\n}`,
      `export function ${s}Waiter(c, out) {\n  const [, ok] = c.recvOk();\n  out.send(ok);\n}`);
    p.main([`${s}c := make(chan int, ${cap})`, `${s}empty := make(chan int)`, `${s}out := make(chan bool)`, `go ${s}Waiter(${s}empty, ${s}out)`],
      [`const ${s}c = chan(${cap});`, `const ${s}empty = chan();`, `const ${s}out = chan();`, `go(${s}Waiter, ${s}empty, ${s}out);`]);
    for (let i = 0; i < m; i++) p.main(`${s}c <- ${i + 7}`, `${s}c.send(${i + 7});`);
    p.main([`fmt.Println("${s} len", len(${s}c), "cap", cap(${s}c))`, `close(${s}c)`, `close(${s}empty)`, `fmt.Println("${s} waiter woke, ok", <-${s}out)`],
      [`console.log('${s} len', ${s}c.length, 'cap', ${s}c.capacity);`, `${s}c.close();`, `close(${s}empty);`, `console.log('${s} waiter woke, ok', ${s}out.recv());`], ['close']);
    for (let i = 0; i < m + 2; i++) {
      p.main([`if v, ok := <-${s}c; ok {\n\t\tfmt.Println("${s} got", v, len(${s}c))\n\t} else {\n\t\tfmt.Println("${s} closed", ok)\n\t}`],
        [`{\n    const [v, ok] = ${s}c.recvOk();\n    if (ok) console.log('${s} got', v, ${s}c.length);\n    else console.log('${s} closed', ok);\n  }`]);
    }
  },

  // A tree of goroutines: each inner node starts `fan` children (nested go, `depth`
  // levels) and each leaf sends a string naming its path; main sorts them.
  tree(p, r, s) {
    const depth = r.int(1, 3), fan = r.int(1, 3), cap = r.int(0, 2);
    const d = delayIn(p, r);
    p.use(['chan', 'go'], ['sort']);
    p.fn(`func ${s}Node(depth int, name string, out chan string) {\n\tif depth == 0 {\n\t\t${d.go}\n\t\tout <- name\n\t\treturn\n\t}\n\tfor i := 0; i < ${fan}; i++ {\n\t\tgo ${s}Node(depth-1, fmt.Sprint(name, i), out)\n\t}\n}`,
      `export function ${s}Node(depth, name, out) {\n  if (depth === 0) {\n    ${d.js}\n    out.send(name);\n    return;\n  }\n  for (let i = 0; i < ${fan}; i++) go(${s}Node, depth - 1, \`\${name}\${i}\`, out);\n}`);
    const leaves = fan ** depth;
    p.main([`${s}out := make(chan string, ${cap})`, `go ${s}Node(${depth}, "n", ${s}out)`, `${s}names := []string{}`, `for i := 0; i < ${leaves}; i++ {\n\t\t${s}names = append(${s}names, <-${s}out)\n\t}`, `sort.Strings(${s}names)`, `fmt.Println("${s} tree", ${s}names)`],
      [`const ${s}out = chan(${cap});`, `go(${s}Node, ${depth}, 'n', ${s}out);`, `const ${s}names = [];`, `for (let i = 0; i < ${leaves}; i++) ${s}names.push(${s}out.recv());`, `${s}names.sort();`, `console.log('${s} tree', ${list(`${s}names`)});`]);
  },

  // Goroutines set GOMAXPROCS (all to the same value) while others work; main, after
  // the WaitGroup, prints the setting they left.
  procsInGoroutines(p, r, s) {
    const n = r.int(1, 4), to = r.int(1, 4), k = r.int(1, 5);
    const d = delayIn(p, r);
    p.use(['go', 'GOMAXPROCS', 'WaitGroup', 'chan'], ['runtime', 'sync']);
    p.fn(`func ${s}Set(c chan int, wg *sync.WaitGroup) {\n\truntime.GOMAXPROCS(${to})\n\tfor j := 0; j < ${k}; j++ {\n\t\t${d.go}\n\t\tc <- j\n\t}\n\twg.Done()\n}`,
      `export function ${s}Set(c, wg) {\n  GOMAXPROCS(${to});\n  for (let j = 0; j < ${k}; j++) {\n    ${d.js}\n    c.send(j);\n  }\n  wg.done();\n}`);
    p.main([`${s}c := make(chan int, ${n * k})`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(${n})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Set(${s}c, &${s}wg)\n\t}`, `${s}wg.Wait()`, `close(${s}c)`, `${s}sum := 0`, `for v := range ${s}c {\n\t\t${s}sum += v\n\t}`, `fmt.Println("${s} procs set by goroutines", runtime.GOMAXPROCS(0), "sum", ${s}sum)`],
      [`const ${s}c = chan(${n * k});`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(${n});`, `for (let i = 0; i < ${n}; i++) go(${s}Set, ${s}c, ${s}wg);`, `${s}wg.wait();`, `${s}c.close();`, `let ${s}sum = 0;`, `for (const v of ${s}c) ${s}sum += v;`, `console.log('${s} procs set by goroutines', GOMAXPROCS(0), 'sum', ${s}sum);`]);
  },

  // A goroutine recovers from a panic (Go's recover, JavaScript's catch) and reports its
  // message on a channel; the channel or object involved is still usable after it.
  recovered(p, r, s) {
    const kind = r.pick(['closeClosed', 'sendClosed', 'closeNil', 'string', 'error', 'int']);
    const n = r.int(0, 99);
    p.use(['chan', 'go'], []);
    const bodies = {
      closeClosed: [`c := make(chan int, 1)\n\tc <- ${n}\n\tclose(c)\n\tdefer func() { out <- fmt.Sprint(recover(), " ", <-c) }()\n\tclose(c)`,
        `const c = chan(1);\n  c.send(${n});\n  c.close();\n  try {\n    c.close();\n  } catch (e) {\n    out.send(\`\${e.message} \${c.recv()}\`);\n  }`],
      sendClosed: [`c := make(chan int)\n\tclose(c)\n\tdefer func() { _, ok := <-c; out <- fmt.Sprint(recover(), " ", ok) }()\n\tc <- ${n}`,
        `const c = chan();\n  c.close();\n  try {\n    c.send(${n});\n  } catch (e) {\n    out.send(\`\${e.message} \${c.recvOk()[1]}\`);\n  }`],
      closeNil: [`var c chan int\n\tdefer func() { out <- fmt.Sprint(recover()) }()\n\tclose(c)`,
        `try {\n    close(null);\n  } catch (e) {\n    out.send(e.message);\n  }`],
      string: [`defer func() { out <- fmt.Sprint(recover()) }()\n\tpanic("${s} oops ${n}")`, `try {\n    throw '${s} oops ${n}';\n  } catch (e) {\n    out.send(e);\n  }`],
      error: [`defer func() { out <- fmt.Sprint(recover()) }()\n\tpanic(fmt.Errorf("${s} err %d", ${n}))`, `try {\n    throw new Error('${s} err ${n}');\n  } catch (e) {\n    out.send(e.message);\n  }`],
      int: [`defer func() { out <- fmt.Sprint(recover()) }()\n\tpanic(${n})`, `try {\n    throw ${n};\n  } catch (e) {\n    out.send(String(e));\n  }`],
    };
    if (kind === 'closeNil') p.use(['close'], []);
    const [goBody, jsBody] = bodies[kind];
    p.fn(`func ${s}Recover(out chan string) {\n\t${goBody}\n}`, `export function ${s}Recover(out) {\n  ${jsBody}\n}`);
    p.main([`${s}out := make(chan string)`, `go ${s}Recover(${s}out)`, `fmt.Println("${s} recovered:", <-${s}out)`],
      [`const ${s}out = chan();`, `go(${s}Recover, ${s}out);`, `console.log('${s} recovered:', ${s}out.recv());`]);
  },

  // One select with a send case and a receive case: main feeds workers and takes their
  // results in the same loop, turning the send case off (a nil channel) once all is sent.
  mixedSelect(p, r, s) {
    const t = r.int(1, 12), w = r.int(1, 3), jcap = r.int(0, 2), rcap = r.int(0, 2);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'select'], []);
    p.fn(`func ${s}Work(jobs, results chan int) {\n\tfor j := range jobs {\n\t\t${d.go}\n\t\tresults <- j*3 + 1\n\t}\n}`,
      `export function ${s}Work(jobs, results) {\n  for (const j of jobs) {\n    ${d.js}\n    results.send(j * 3 + 1);\n  }\n}`);
    p.main([`${s}jobs, ${s}results := make(chan int, ${jcap}), make(chan int, ${rcap})`, `for i := 0; i < ${w}; i++ {\n\t\tgo ${s}Work(${s}jobs, ${s}results)\n\t}`,
      `${s}sent, ${s}got, ${s}sum := 0, 0, 0`,
      `for ${s}sent < ${t} || ${s}got < ${t} {\n\t\tvar sendTo chan int\n\t\tif ${s}sent < ${t} {\n\t\t\tsendTo = ${s}jobs\n\t\t}\n\t\tselect {\n\t\tcase sendTo <- ${s}sent:\n\t\t\t${s}sent++\n\t\tcase v := <-${s}results:\n\t\t\t${s}sum += v\n\t\t\t${s}got++\n\t\t}\n\t}`,
      `close(${s}jobs)`, `fmt.Println("${s} mixed select", ${s}sent, ${s}got, ${s}sum)`],
    [`const ${s}jobs = chan(${jcap}), ${s}results = chan(${rcap});`, `for (let i = 0; i < ${w}; i++) go(${s}Work, ${s}jobs, ${s}results);`,
      `let ${s}sent = 0, ${s}got = 0, ${s}sum = 0;`,
      `while (${s}sent < ${t} || ${s}got < ${t}) {\n    select([\n      { send: ${s}sent < ${t} ? ${s}jobs : null, value: ${s}sent, do: () => { ${s}sent++; } },\n      { recv: ${s}results, do: (v) => { ${s}sum += v; ${s}got++; } },\n    ]);\n  }`,
      `${s}jobs.close();`, `console.log('${s} mixed select', ${s}sent, ${s}got, ${s}sum);`]);
  },

  // Many goroutines woken by one event: a closed channel, or a WaitGroup reaching zero
  // with several goroutines in Wait.
  broadcast(p, r, s) {
    const n = r.int(1, 5), byClose = r.chance(0.5), pending = r.int(1, 3);
    p.use(['chan', 'go'], []);
    if (!byClose) p.use(['WaitGroup'], ['sync']);
    if (byClose) {
      p.fn(`func ${s}Wait(gate chan bool, out chan int, i int) {\n\t_, ok := <-gate\n\tif !ok {\n\t\tout <- i\n\t}\n}`,
        `export function ${s}Wait(gate, out, i) {\n  const [, ok] = gate.recvOk();\n  if (!ok) out.send(i);\n}`);
      p.main(`${s}gate := make(chan bool)`, `const ${s}gate = chan();`);
    } else {
      p.fn(`func ${s}Wait(gate *sync.WaitGroup, out chan int, i int) {\n\tgate.Wait()\n\tout <- i\n}`,
        `export function ${s}Wait(gate, out, i) {\n  gate.wait();\n  out.send(i);\n}`);
      p.main([`var ${s}gate sync.WaitGroup`, `${s}gate.Add(${pending})`], [`const ${s}gate = new WaitGroup();`, `${s}gate.add(${pending});`]);
    }
    const ref = byClose ? `${s}gate` : `&${s}gate`;
    p.main([`${s}out := make(chan int)`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Wait(${ref}, ${s}out, i)\n\t}`],
      [`const ${s}out = chan();`, `for (let i = 0; i < ${n}; i++) go(${s}Wait, ${s}gate, ${s}out, i);`]);
    if (byClose) p.main(`close(${s}gate)`, `${s}gate.close();`);
    else for (let i = 0; i < pending; i++) p.main(`${s}gate.Done()`, `${s}gate.done();`);
    p.main([`${s}sum := 0`, `for i := 0; i < ${n}; i++ {\n\t\t${s}sum += <-${s}out + 1\n\t}`, `fmt.Println("${s} woken", ${s}sum)`],
      [`let ${s}sum = 0;`, `for (let i = 0; i < ${n}; i++) ${s}sum += ${s}out.recv() + 1;`, `console.log('${s} woken', ${s}sum);`]);
  },

  // A large value through a channel (copied at send, freed by the receiver), back as
  // its length and a checksum.
  bigValue(p, r, s) {
    const len = r.pick([1, 1000, 70000, 300000]), cap = r.int(0, 1), ch = String.fromCharCode(97 + r.int(0, 25));
    p.use(['chan', 'go'], ['strings']);
    p.fn(`func ${s}Measure(in chan string, out chan int) {\n\tv := <-in\n\tsum := 0\n\tfor i := 0; i < len(v); i += 997 {\n\t\tsum += int(v[i]) * i\n\t}\n\tout <- len(v)\n\tout <- sum\n}`,
      `export function ${s}Measure(inp, out) {\n  const v = inp.recv();\n  let sum = 0;\n  for (let i = 0; i < v.length; i += 997) sum += v.charCodeAt(i) * i;\n  out.send(v.length);\n  out.send(sum);\n}`);
    p.main([`${s}in, ${s}out := make(chan string, ${cap}), make(chan int)`, `go ${s}Measure(${s}in, ${s}out)`, `${s}in <- strings.Repeat("${ch}", ${len - 1}) + "!"`, `fmt.Println("${s} big value", <-${s}out, <-${s}out)`],
      [`const ${s}in = chan(${cap}), ${s}out = chan();`, `go(${s}Measure, ${s}in, ${s}out);`, `${s}in.send('${ch}'.repeat(${len - 1}) + '!');`, `console.log('${s} big value', ${s}out.recv(), ${s}out.recv());`]);
  },

  // Async goroutines waiting in a system call for a promise (syscall(() => promise)),
  // then using channels; Go's twin sleeps.
  asyncSyscall(p, r, s) {
    const n = r.int(1, 4), ms = r.int(1, 5);
    p.use(['chan', 'go', 'syscall'], ['time']);
    p.fn(`func ${s}Async(i int, out chan int) {\n\ttime.Sleep(${ms} * time.Millisecond)\n\tout <- i * 2\n}`,
      `export async function ${s}Async(i, out) {\n  const v = await syscall(() => new Promise((resolve) => setTimeout(() => resolve(i), ${ms})));\n  out.send(v * 2);\n}`);
    p.main([`${s}out := make(chan int)`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Async(i, ${s}out)\n\t}`, `${s}sum := 0`, `for i := 0; i < ${n}; i++ {\n\t\t${s}sum += <-${s}out\n\t}`, `fmt.Println("${s} async", ${s}sum)`],
      [`const ${s}out = chan();`, `for (let i = 0; i < ${n}; i++) go(${s}Async, i, ${s}out);`, `let ${s}sum = 0;`, `for (let i = 0; i < ${n}; i++) ${s}sum += ${s}out.recv();`, `console.log('${s} async', ${s}sum);`]);
  },

  // The command line's arguments after the program (fuzz.mjs passes the same to both).
  args(p, r, s) {
    p.use([], ['os']);
    p.main(`fmt.Println("${s} args", len(os.Args)-1, os.Args[1:])`, `console.log('${s} args', args.length, ${list('args')});`);
  },

  // Once every goroutine so far has ended, NumGoroutine is 1 (main).
  settle(p, r, s) {
    p.use(['gosched', 'NumGoroutine'], ['runtime']);
    p.main([`for runtime.NumGoroutine() != 1 {\n\t\truntime.Gosched()\n\t}`, `fmt.Println("${s} goroutines", runtime.NumGoroutine())`],
      [`while (NumGoroutine() !== 1) gosched();`, `console.log('${s} goroutines', NumGoroutine());`]);
  },
};
export const STAGE_KINDS = Object.keys(STAGES);
