// Run as a script: a goroutine panics and nobody waits for it or reads its result. The
// panic must surface as an unhandled rejection does (the process fails, naming it).
import { Runtime } from '../../src/runtime/runtime.js';

if (process.argv[2] === 'run') {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  rt.go(new URL('./bodies.js', import.meta.url).href, 'boom', ['nobody listened']);
  setTimeout(() => void rt.close(), 3000);
}
