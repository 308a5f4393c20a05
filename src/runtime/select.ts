// select: Go's selectgo over the shared-heap channels of chan.ts.
//
// Lock every channel involved in increasing address order (so two selects over the same
// channels cannot deadlock each other), poll the cases in a random order (so among the
// ready ones each is chosen with equal chance, as Go does), and if none is ready and
// there is no default, put one sudog per case on its channel's queue and park. The first
// waker wins the goroutine's selectDone word (sudog.ts); on waking, the select locks the
// channels again and unlinks its other sudogs.
//
// A case on a null or undefined channel is never ready, as a case on a nil channel in
// Go: the idiom for turning a case off.

import { unlock, lock } from '../sched/index.js';
import { type Encoded, decode, discard, encode, encoded, load, store } from './codec.js';
import { showValue } from './show-value.js';
import { Chan, C_CLOSED, C_LOCK, C_RECVQ, C_SENDQ, BLOCKED, CLOSED, chanPanic, recvLocked, sendLocked } from './chan.js';
import { GX_SELECTDONE, GX_WAKESG, checkHome } from './heap.js';
import { gopark, goready, running } from './park.js';
import { SG_CASE, SG_ELEM, SG_SELECT, SG_SUCCESS, acquireSudog, enqueue, releaseSudog, remove } from './sudog.js';
import { WR_CHAN_RECEIVE, WR_CHAN_RECEIVE_NIL, WR_CHAN_SEND, WR_CHAN_SEND_NIL, WR_SELECT, WR_SELECT_NO_CASES } from './waitreason.js';

export interface RecvCase<T = unknown, R = unknown> {
  recv: Chan<T> | null | undefined;
  /** Runs with the value received, and false when the channel was closed and drained. */
  do?: ((value: T | undefined, ok: boolean) => R) | undefined;
}
export interface SendCase<T = unknown, R = unknown> {
  send: Chan<T> | null | undefined;
  value: T;
  do?: (() => R) | undefined;
}
export type SelectCase<R = unknown> = RecvCase<any, R> | SendCase<any, R>;

const RECV_KEYS = ['recv', 'do'];
const SEND_KEYS = ['send', 'value', 'do'];

export interface SelectOptions<R = unknown> {
  /** Runs when no case is ready; without it, select blocks until one is. */
  default?: (() => R) | undefined;
}

/**
 * Go's select statement: performs one ready case (chosen uniformly at random among the
 * ready ones) and returns what its handler returns; runs `default` if none is ready;
 * else blocks until one is. A send case's value is copied even if another case is chosen.
 */
export function select<R = unknown>(cases: readonly SelectCase<R>[], opts: SelectOptions<R> = {}): R | undefined {
  if (!Array.isArray(cases)) throw new TypeError(`select: cases must be an array of { recv: ch } or { send: ch, value }, got ${showValue(cases)}`);
  if (opts === null || typeof opts !== 'object') throw new TypeError(`select: the second argument must be an object like { default() {} }, got ${showValue(opts)}`);
  // A misspelt key would be dropped silently, and a select whose `default` was misspelt
  // blocks instead of falling through: for ever, if nothing else is coming.
  for (const key of Object.keys(opts)) {
    if (key !== 'default') throw new TypeError(`select: unknown option '${key}' (the one option is default)`);
  }
  if (opts.default !== undefined && typeof opts.default !== 'function') {
    throw new TypeError(`select: default must be a function, got ${showValue(opts.default)}`);
  }
  const c = running('select');
  const heap = c.heap;
  const mem = heap.mem;
  const n = cases.length;
  const refs: number[] = new Array(n);
  const sends: (Encoded | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const k = cases[i] as Partial<RecvCase & SendCase>;
    if (k === null || typeof k !== 'object' || (!('recv' in k) && !('send' in k))) {
      throw new TypeError(`select: case ${i} must be { recv: ch } or { send: ch, value }`);
    }
    if ('recv' in k && 'send' in k) throw new TypeError(`select: case ${i} has both recv and send; a case is one or the other`);
    // As with the options: a misspelt `do` would lose the handler, a misspelt `value`
    // would send undefined.
    const known = 'send' in k ? SEND_KEYS : RECV_KEYS;
    for (const key of Object.keys(k)) {
      if (!known.includes(key)) throw new TypeError(`select: case ${i}: unknown key '${key}' (a ${'send' in k ? 'send case has send, value and do' : 'receive case has recv and do'})`);
    }
    const ch = 'send' in k ? k.send : k.recv;
    if (ch != null && !(ch instanceof Chan)) {
      throw new TypeError(`select: case ${i}: ${'send' in k ? 'send' : 'recv'} must be a channel (from chan()) or null, got ${showValue(ch)}`);
    }
    if (k.do !== undefined && typeof k.do !== 'function') throw new TypeError(`select: case ${i}: do must be a function, got ${showValue(k.do)}`);
    if (ch != null) checkHome(heap, ch, `select case ${i}`);
    refs[i] = ch == null ? 0 : ch.ref;
  }
  const freeSends = (s: (Encoded | null)[], keep: number) => {
    for (let i = 0; i < n; i++) if (i !== keep && s[i] !== null) discard(heap, s[i]!);
  };
  // Send values are copied before any lock is taken (serializing may be slow).
  try {
    for (let i = 0; i < n; i++) {
      const k = cases[i] as SendCase;
      if ('send' in k && refs[i] !== 0) sends[i] = encode(heap, c.sabs, k.value, encoded(), `select case ${i}`);
    }
  } catch (err) {
    freeSends(sends, -1);
    throw err;
  }

  // Poll order: a random permutation of the live cases. Lock order: distinct channels by address.
  const poll: number[] = [];
  for (let i = 0; i < n; i++) {
    if (refs[i] === 0) continue;
    const j = Math.floor(Math.random() * (poll.length + 1));
    poll.push(poll[j]!);
    poll[j] = i;
  }
  const locks = [...new Set(poll.map((i) => refs[i]!))].sort((a, b) => a - b);
  const lockAll = () => { for (const ch of locks) lock(mem, ch + C_LOCK); };
  const unlockAll = () => { for (let i = locks.length - 1; i >= 0; i--) unlock(mem, locks[i]! + C_LOCK); };

  lockAll();
  const e = encoded();
  for (const i of poll) {
    const ch = refs[i]!;
    if (sends[i] !== null) {
      if (mem[ch + C_CLOSED] !== 0) {
        unlockAll();
        freeSends(sends, -1);
        throw chanPanic('send on closed channel');
      }
      const r = sendLocked(heap, ch, sends[i]!);
      if (r === BLOCKED) continue;
      unlockAll();
      freeSends(sends, i);
      if (r >= 0) goready(c, r);
      return (cases[i] as SendCase<unknown, R>).do?.();
    }
    const r = recvLocked(heap, ch, e);
    if (r === BLOCKED) continue;
    unlockAll();
    freeSends(sends, -1);
    if (r >= 0) goready(c, r);
    const closed = r === CLOSED;
    return (cases[i] as RecvCase<unknown, R>).do?.(closed ? undefined : decode(heap, c.sabs, e), !closed);
  }

  if (opts.default !== undefined) {
    unlockAll();
    freeSends(sends, -1);
    return opts.default();
  }
  // Go compiles a select of one case and no default to that case's channel operation,
  // so a deadlock report names it as one ("chan receive", "chan send (nil chan)"): so
  // does this one.
  const single = n === 1 ? 'send' in (cases[0] as object) : undefined;
  if (poll.length === 0) {
    // Go's select {} (or all cases nil): blocks forever. Go reports the first as
    // "select (no cases)" and the second, which parks in selectgo, as "select".
    gopark(c, n === 0 ? WR_SELECT_NO_CASES : single === undefined ? WR_SELECT : single ? WR_CHAN_SEND_NIL : WR_CHAN_RECEIVE_NIL, unlockAll);
    throw new Error('select with no cases was woken');
  }

  // Wait on every case.
  mem[heap.gx(c.g, GX_SELECTDONE)] = 0;
  mem[heap.gx(c.g, GX_WAKESG)] = 0;
  const sgs: number[] = new Array(n).fill(0);
  for (const i of poll) {
    const sg = acquireSudog(heap, c.g);
    mem[sg + SG_SELECT] = 1;
    mem[sg + SG_CASE] = i;
    if (sends[i] !== null) {
      store(mem, sg + SG_ELEM, sends[i]!);
      enqueue(mem, refs[i]! + C_SENDQ, sg);
    } else {
      enqueue(mem, refs[i]! + C_RECVQ, sg);
    }
    sgs[i] = sg;
  }
  gopark(c, single === undefined ? WR_SELECT : single ? WR_CHAN_SEND : WR_CHAN_RECEIVE, unlockAll);

  const won = mem[heap.gx(c.g, GX_WAKESG)]!;
  const i = mem[won + SG_CASE]!;
  lockAll();
  for (const j of poll) if (sgs[j] !== won) remove(mem, refs[j]! + (sends[j] !== null ? C_SENDQ : C_RECVQ), sgs[j]!);
  unlockAll();
  const ok = mem[won + SG_SUCCESS] !== 0;
  // Send values that were not taken are still in their sudogs.
  for (const j of poll) {
    if (sends[j] !== null && (j !== i || !ok)) discard(heap, load(mem, sgs[j]! + SG_ELEM, e));
  }
  if (sends[i] === null && ok) load(mem, won + SG_ELEM, e);
  for (const j of poll) releaseSudog(heap, sgs[j]!);
  if (sends[i] !== null) {
    if (!ok) throw chanPanic('send on closed channel');
    return (cases[i] as SendCase<unknown, R>).do?.();
  }
  return (cases[i] as RecvCase<unknown, R>).do?.(ok ? decode(heap, c.sabs, e) : undefined, ok);
}
