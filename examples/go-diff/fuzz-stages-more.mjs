// Stages of a fuzz program (fuzz-gen.mjs) written only under fuzz.mjs --more: shapes users
// write that neither fuzz-stages.mjs nor fuzz-stages-api.mjs makes. Several goroutines
// racing to close one channel while others wait on it in a receive or a select; senders
// blocked in a plain send, a select with a send case, or a select with a send case and a
// default, when their channel is closed under them (each recovers "send on closed
// channel"); a Mutex held across a blocking system call and a channel send while others
// queue on Lock; goroutines two levels down that close what their parents range over.
// Same rule as the other stage files: the printed result does not depend on the
// schedule, and every goroutine a stage starts has ended before its last line prints.
//
// Kept in a file of their own, drawn only with --more, so that the programs of every
// seed recorded without it stay exactly what they were (adding these to STAGES would
// change which stage a seed's draw picks).
import { Program, delayIn, list } from './fuzz-program.mjs';

// A pause that leaves the cpu slot (sleep, or a system call that blocks or works):
// contention on a Mutex is only interesting when the holder stops running while it holds.
// Drawn into a scratch program so that a pause drawn and put back leaves no import behind
// (Go refuses an unused import).
function blockingDelay(p, r) {
  for (;;) {
    const scratch = new Program();
    const d = delayIn(scratch, r);
    if (d.go === '' || d.go.startsWith('runtime.Gosched') || d.go.startsWith('time.Sleep(-') || d.go.startsWith('time.Sleep(0')) continue;
    p.use([...scratch.jsImports], [...scratch.imports]);
    if (scratch.hasWork && !p.hasWork) {
      p.hasWork = true;
      p.fn(scratch.goFuncs[0], scratch.jsFuncs[0]);
    }
    return d;
  }
}

/** Each stage writes itself into the program p, drawing its sizes from r, its names prefixed s. */
export const MORE_STAGES = {
  // n goroutines each close the same channel (under recover): exactly one succeeds, the
  // others panic "close of closed channel"; w goroutines waiting in a receive or in a
  // select on it all wake with ok false. main prints the sorted outcomes.
  closeRace(p, r, s) {
    const n = r.int(2, 5), w = r.int(0, 3), cap = r.int(0, 2), inSelect = r.chance(0.5);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'select'], []);
    p.fn(`func ${s}Close(c chan int, out chan string) {\n\t${d.go}\n\tdefer func() {\n\t\tif e := recover(); e != nil {\n\t\t\tout <- fmt.Sprint(e)\n\t\t}\n\t}()\n\tclose(c)\n\tout <- "closed"\n}`,
      `export function ${s}Close(c, out) {\n  ${d.js}\n  try {\n    c.close();\n  } catch (e) {\n    out.send(e.message);\n    return;\n  }\n  out.send('closed');\n}`);
    const goWait = inSelect
      ? `select {\n\tcase _, ok := <-c:\n\t\tif ok {\n\t\t\tout <- "value"\n\t\t} else {\n\t\t\tout <- "woke"\n\t\t}\n\tcase <-never:\n\t\tout <- "never"\n\t}`
      : `if _, ok := <-c; ok {\n\t\tout <- "value"\n\t} else {\n\t\tout <- "woke"\n\t}`;
    const jsWait = inSelect
      ? `select([\n    { recv: c, do: (v, ok) => out.send(ok ? 'value' : 'woke') },\n    { recv: never, do: () => out.send('never') },\n  ]);`
      : `const [, ok] = c.recvOk();\n  out.send(ok ? 'value' : 'woke');`;
    p.fn(`func ${s}Wait(c, never chan int, out chan string) {\n\t${goWait}\n}`, `export function ${s}Wait(c, never, out) {\n  ${jsWait}\n}`);
    p.use([], ['sort']);
    p.main([`${s}c, ${s}never, ${s}out := make(chan int, ${cap}), make(chan int), make(chan string)`,
      `for i := 0; i < ${w}; i++ {\n\t\tgo ${s}Wait(${s}c, ${s}never, ${s}out)\n\t}`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Close(${s}c, ${s}out)\n\t}`,
      `${s}got := []string{}`, `for i := 0; i < ${n + w}; i++ {\n\t\t${s}got = append(${s}got, <-${s}out)\n\t}`, `sort.Strings(${s}got)`, `fmt.Println("${s} close race", ${s}got)`],
    [`const ${s}c = chan(${cap}), ${s}never = chan(), ${s}out = chan();`,
      `for (let i = 0; i < ${w}; i++) go(${s}Wait, ${s}c, ${s}never, ${s}out);`, `for (let i = 0; i < ${n}; i++) go(${s}Close, ${s}c, ${s}out);`,
      `const ${s}got = [];`, `for (let i = 0; i < ${n + w}; i++) ${s}got.push(${s}out.recv());`, `${s}got.sort();`, `console.log('${s} close race', ${list(`${s}got`)});`]);
  },

  // k senders on an unbuffered channel nobody receives from, each in a plain send, a
  // select with a send case and a receive case that is never ready, or a select with a
  // send case and a default (retried after a yield); main closes the channel, maybe
  // after a pause. Every sender panics "send on closed channel" (woken from its wait, or
  // at once when it arrives after the close: a select with a default panics too, Go
  // checks a closed send case before taking the default) and recovers it.
  sendersOnClose(p, r, s) {
    const k = r.int(1, 4), how = r.pick(['send', 'select', 'selectDefault']), pause = r.pick(['none', 'gosched', 'sleep']);
    p.use(['chan', 'go', 'select'], []);
    const goSend = {
      send: 'c <- i\n\tout <- "sent"',
      select: 'select {\n\tcase c <- i:\n\t\tout <- "sent"\n\tcase <-never:\n\t\tout <- "never"\n\t}',
      selectDefault: 'for {\n\t\tselect {\n\t\tcase c <- i:\n\t\t\tout <- "sent"\n\t\t\treturn\n\t\tdefault:\n\t\t\truntime.Gosched()\n\t\t}\n\t}',
    }[how];
    const jsSend = {
      send: `c.send(i);\n    out.send('sent');`,
      select: `select([\n      { send: c, value: i, do: () => out.send('sent') },\n      { recv: never, do: () => out.send('never') },\n    ]);`,
      selectDefault: `for (;;) {\n      if (select([{ send: c, value: i, do: () => true }], { default: () => { gosched(); return false; } })) {\n        out.send('sent');\n        return;\n      }\n    }`,
    }[how];
    if (how === 'selectDefault') p.use(['gosched'], ['runtime']);
    p.fn(`func ${s}Send(c, never chan int, i int, out chan string) {\n\tdefer func() {\n\t\tif e := recover(); e != nil {\n\t\t\tout <- fmt.Sprint(e)\n\t\t}\n\t}()\n\t${goSend}\n}`,
      `export function ${s}Send(c, never, i, out) {\n  try {\n    ${jsSend}\n  } catch (e) {\n    out.send(e.message);\n  }\n}`);
    const goPause = { none: [], gosched: ['runtime.Gosched()'], sleep: ['time.Sleep(2 * time.Millisecond)'] }[pause];
    const jsPause = { none: [], gosched: ['gosched();'], sleep: ['sleep(2);'] }[pause];
    if (pause === 'gosched') p.use(['gosched'], ['runtime']);
    if (pause === 'sleep') p.use(['sleep'], ['time']);
    p.main([`${s}c, ${s}never, ${s}out := make(chan int), make(chan int), make(chan string)`, `for i := 0; i < ${k}; i++ {\n\t\tgo ${s}Send(${s}c, ${s}never, i, ${s}out)\n\t}`, ...goPause, `close(${s}c)`,
      `for i := 0; i < ${k}; i++ {\n\t\tfmt.Println("${s} sender:", <-${s}out)\n\t}`],
    [`const ${s}c = chan(), ${s}never = chan(), ${s}out = chan();`, `for (let i = 0; i < ${k}; i++) go(${s}Send, ${s}c, ${s}never, i, ${s}out);`, ...jsPause, `${s}c.close();`,
      `for (let i = 0; i < ${k}; i++) console.log('${s} sender:', ${s}out.recv());`]);
  },

  // A Mutex held across a pause that leaves the cpu slot and across a send on a channel
  // main receives from, while the other goroutines queue on Lock (or spin on TryLock);
  // a read-modify-write of a counter inside shows a Mutex that let two in.
  mutexAcrossBlocking(p, r, s) {
    const n = r.int(2, 4), k = r.int(1, 6), cap = r.int(0, 2), tryLock = r.chance(0.3);
    const d = blockingDelay(p, r);
    p.use(['chan', 'go', 'Mutex'], ['sync']);
    if (tryLock) p.use(['gosched'], ['runtime']);
    const goLock = tryLock ? 'for !mu.TryLock() {\n\t\t\truntime.Gosched()\n\t\t}' : 'mu.Lock()';
    const jsLock = tryLock ? 'while (!mu.tryLock()) gosched();' : 'mu.lock();';
    p.fn(`func ${s}Hold(mu *sync.Mutex, counter *int, c chan int, id int) {\n\tfor j := 0; j < ${k}; j++ {\n\t\t${goLock}\n\t\tv := *counter\n\t\t${d.go}\n\t\tc <- id*100 + j\n\t\t*counter = v + 1\n\t\tmu.Unlock()\n\t}\n}`,
      `export function ${s}Hold(mu, counter, c, id) {\n  for (let j = 0; j < ${k}; j++) {\n    ${jsLock}\n    const v = counter[0];\n    ${d.js}\n    c.send(id * 100 + j);\n    counter[0] = v + 1;\n    mu.unlock();\n  }\n}`);
    p.main([`var ${s}mu sync.Mutex`, `${s}counter := 0`, `${s}c := make(chan int, ${cap})`, `for i := 0; i < ${n}; i++ {\n\t\tgo ${s}Hold(&${s}mu, &${s}counter, ${s}c, i)\n\t}`,
      `${s}sum := 0`, `for i := 0; i < ${n * k}; i++ {\n\t\t${s}sum += <-${s}c\n\t}`, `${s}mu.Lock()`, `fmt.Println("${s} held across blocking", ${s}counter, ${s}sum)`, `${s}mu.Unlock()`],
    [`const ${s}mu = new Mutex();`, `const ${s}counter = new Int32Array(new SharedArrayBuffer(4));`, `const ${s}c = chan(${cap});`, `for (let i = 0; i < ${n}; i++) go(${s}Hold, ${s}mu, ${s}counter, ${s}c, i);`,
      `let ${s}sum = 0;`, `for (let i = 0; i < ${n * k}; i++) ${s}sum += ${s}c.recv();`, `${s}mu.lock();`, `console.log('${s} held across blocking', ${s}counter[0], ${s}sum);`, `${s}mu.unlock();`]);
  },

  // Nested starts that close: each of m parents starts a child that sends its values and
  // closes its own channel, then ranges over it and forwards the total on a shared
  // channel; main ranges over that one, closed by the last parent out (a WaitGroup and a
  // closer), and sorts.
  nestedClosers(p, r, s) {
    const m = r.int(1, 4), vals = r.int(0, 5), cap = r.int(0, 2);
    const d = delayIn(p, r);
    p.use(['chan', 'go', 'WaitGroup'], ['sync', 'sort']);
    p.fn(`func ${s}Child(c chan int, base int) {\n\tfor i := 0; i < ${vals}; i++ {\n\t\t${d.go}\n\t\tc <- base + i\n\t}\n\tclose(c)\n}`,
      `export function ${s}Child(c, base) {\n  for (let i = 0; i < ${vals}; i++) {\n    ${d.js}\n    c.send(base + i);\n  }\n  c.close();\n}`);
    p.fn(`func ${s}Parent(id int, out chan int, wg *sync.WaitGroup) {\n\tc := make(chan int, ${cap})\n\tgo ${s}Child(c, id*10)\n\tsum := 0\n\tfor v := range c {\n\t\tsum += v\n\t}\n\tout <- sum\n\twg.Done()\n}`,
      `export function ${s}Parent(id, out, wg) {\n  const c = chan(${cap});\n  go(${s}Child, c, id * 10);\n  let sum = 0;\n  for (const v of c) sum += v;\n  out.send(sum);\n  wg.done();\n}`);
    p.fn(`func ${s}Closer(wg *sync.WaitGroup, c chan int) {\n\twg.Wait()\n\tclose(c)\n}`,
      `export function ${s}Closer(wg, c) {\n  wg.wait();\n  c.close();\n}`);
    p.main([`${s}out := make(chan int)`, `var ${s}wg sync.WaitGroup`, `${s}wg.Add(${m})`, `for i := 0; i < ${m}; i++ {\n\t\tgo ${s}Parent(i, ${s}out, &${s}wg)\n\t}`, `go ${s}Closer(&${s}wg, ${s}out)`,
      `${s}sums := []int{}`, `for v := range ${s}out {\n\t\t${s}sums = append(${s}sums, v)\n\t}`, `sort.Ints(${s}sums)`, `fmt.Println("${s} nested closers", ${s}sums)`],
    [`const ${s}out = chan();`, `const ${s}wg = new WaitGroup();`, `${s}wg.add(${m});`, `for (let i = 0; i < ${m}; i++) go(${s}Parent, i, ${s}out, ${s}wg);`, `go(${s}Closer, ${s}wg, ${s}out);`,
      `const ${s}sums = [...${s}out];`, `${s}sums.sort((x, y) => x - y);`, `console.log('${s} nested closers', ${list(`${s}sums`)});`]);
  },
};
