// The protocol is chosen per scheduler instance: this picks its entersyscall and
// exitsyscall. Everything else is shared by both protocols (see mcpu.ts for why the
// commit's CAS loops reduce to the old plain code under the lock protocol).

import type { Protocol, Sched } from './sched.js';
import { entersyscallAtomic, exitsyscallAtomic } from './syscall-atomic.js';
import { entersyscallLock, exitsyscallLock } from './syscall-lock.js';

export type SyscallFn = (s: Sched, m: number, g: number) => void;

export function syscallFns(protocol: Protocol): { entersyscall: SyscallFn; exitsyscall: SyscallFn } {
  return protocol === 'atomic'
    ? { entersyscall: entersyscallAtomic, exitsyscall: exitsyscallAtomic }
    : { entersyscall: entersyscallLock, exitsyscall: exitsyscallLock };
}

export function entersyscall(s: Sched, m: number, g: number): void {
  if (s.protocol === 'atomic') entersyscallAtomic(s, m, g);
  else entersyscallLock(s, m, g);
}

export function exitsyscall(s: Sched, m: number, g: number): void {
  if (s.protocol === 'atomic') exitsyscallAtomic(s, m, g);
  else exitsyscallLock(s, m, g);
}
