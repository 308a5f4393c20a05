// Run as a script: a goroutine panics and nobody waits for it or reads its result. The
// panic must surface as an unhandled rejection does (the process fails, naming it).
import { Runtime } from '../../src/runtime/runtime.js';

if (process.argv[2] === 'run') {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  rt.go(new URL('./bodies.js', import.meta.url).href, 'boom', ['nobody listened']);
  setTimeout(() => void rt.close(), 3000);
}

// Three goroutines panic at once and the owner waits once: wait() takes one panic, and
// the two nobody waited for must surface as unhandled rejections, not be dropped.
if (process.argv[2] === 'wait-once') {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  rt.go(new URL('./bodies.js', import.meta.url).href, 'spawnBooms', [3]);
  await rt.wait().then(() => console.log('wait resolved'), (e: Error) => console.log(`wait rejected: ${e.message}`));
  setTimeout(() => void rt.close(), 3000);
}
