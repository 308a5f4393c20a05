// Goroutine bodies used by the runtime tests. Each runs on a worker thread (an M).
import { entersyscall, exitsyscall, gosched, go, GOMAXPROCS, userWords, stopTheWorld, startTheWorld, syscall } from '../../src/runtime/goroutine.js';

/** `batches` rounds of gosched then `per` syscall pairs; counts pairs in userWords[slot]. */
export function pairs(batches: number, per: number, slot: number): void {
  const u = userWords();
  for (let b = 0; b < batches; b++) {
    gosched();
    for (let i = 0; i < per; i++) {
      entersyscall();
      exitsyscall();
    }
    Atomics.add(u, slot, per);
  }
}

export function boom(message: string): void {
  throw new Error(message);
}

export function boomInSyscall(message: string): void {
  entersyscall();
  throw new Error(message);
}

export function returnsInSyscall(): void {
  entersyscall();
}

export function spawner(n: number, slot: number): void {
  for (let i = 0; i < n; i++) go(import.meta.url, 'bump', slot);
}

/** Starts n goroutines that each panic with 'boom i' (nobody holds their handles). */
export function spawnBooms(n: number): void {
  for (let i = 0; i < n; i++) go(import.meta.url, 'boom', `boom ${i}`);
}

/** go() by a name this module does not export, from inside a goroutine: only the thread
 * that starts the new goroutine finds out (the owner's Runtime.go checks at the call). */
export function spawnMissing(): void {
  go(import.meta.url, 'noSuchExport');
}

export function bump(slot: number): void {
  Atomics.add(userWords(), slot, 1);
}

export function setProcs(n: number, slot: number): void {
  Atomics.store(userWords(), slot, GOMAXPROCS(n));
}

/** Go issue 2337: GOMAXPROCS(2); GC (stop and start the world); GOMAXPROCS(1). */
export function issue2337(slot: number): void {
  GOMAXPROCS(2);
  stopTheWorld();
  startTheWorld();
  GOMAXPROCS(1);
  Atomics.store(userWords(), slot, 1);
}

export function sleeper(ms: number): void {
  syscall(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms));
}

/** Go issue 2337 with a second goroutine holding a cpu slot, so that GOMAXPROCS(1)
 * finds mcpu (2) above the new limit and the caller must gosched. */
export function issue2337WithPeer(slot: number): void {
  const u = userWords();
  GOMAXPROCS(2);
  go(import.meta.url, 'busyPeer', slot + 1, 200);
  while (Atomics.load(u, slot + 2) === 0) gosched(); // until the peer runs
  stopTheWorld();
  startTheWorld();
  GOMAXPROCS(1);
  Atomics.store(u, slot, 1);
}

export function busyPeer(slot: number, rounds: number): void {
  const u = userWords();
  Atomics.store(u, slot + 1, 1);
  pairs(rounds, 1000, slot + 3);
  Atomics.store(u, slot, 1);
}

/** Go issue 2337, strictly: a peer holds the other cpu slot in Go code (spinning, no
 * system calls) for up to `ms`. GOMAXPROCS(1) then finds mcpu (2) above the new limit,
 * so the caller must give up its cpu (gosched), and it cannot run again before the peer
 * leaves its own. userWords[slot + 3] is set to 1 if the caller ran on while the peer
 * still spun: GOMAXPROCS returned without giving up the cpu. */
export function issue2337Strict(slot: number, ms: number): void {
  const u = userWords();
  GOMAXPROCS(2);
  stopTheWorld();
  startTheWorld();
  go(import.meta.url, 'spinningPeer', slot, ms);
  while (Atomics.load(u, slot + 1) === 0) gosched(); // until the peer spins
  GOMAXPROCS(1);
  Atomics.store(u, slot + 3, Atomics.load(u, slot + 2) === 0 ? 1 : 0);
  Atomics.store(u, slot, 1);
}

export function spinningPeer(slot: number, ms: number): void {
  const u = userWords();
  Atomics.store(u, slot + 1, 1);
  const end = Date.now() + ms;
  while (Date.now() < end && Atomics.load(u, slot) === 0) { /* Go code: holds its cpu */ }
  Atomics.store(u, slot + 2, 1);
  syscall(() => 0); // leaves the cpu: entersyscall hands it to the waiting caller
}
