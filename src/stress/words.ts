// The stress run's shared scratch words (the Runtime's userWords), shared by its
// goroutines, its invariant sampler and the thread that reports.
import { USER_WORDS } from '../sched/layout.js';

export const U_STW = 0; // stop-the-worlds done
export const U_PROCS_CHANGES = 1; // GOMAXPROCS changes done (goroutine and outside callers)
export const U_FINISHED = 2; // worker goroutines finished
export const U_STOP_SAMPLING = 3; // set to end the sampler
export const U_STOPPED_WORLD_BAD = 4; // goroutines found Grunning while the world was stopped
export const U_CONTROLLERS_UP = 5; // controllers running; workers wait for all of them
export const U_TIME_UP = 6; // set by the owner when the run's time is over: workers finish
export const U_PROGRESS = 7; // operations done by the workers (the watchdog's pulse)
export const U_SYSCALLS = 8; // entersyscall/exitsyscall pairs done by all goroutines
export const U_PARKS = 9; // parks done (each readied by another goroutine)
export const U_READIES = 10; // readies done
export const U_SPAWNED = 11; // short-lived goroutines started
export const U_ALIVE = 12; // short-lived goroutines alive now
export const U_BLOCKING = 13; // system calls that really blocked (Atomics.wait with a timeout)
export const U_PROFILE_CHANGES = 14; // profiling-rate changes
export const U_ABORT = 15; // set by the owner when a goroutine panicked: everyone ends, so the panic surfaces
export const U_SLOTS = 16; // slot k (a worker or a controller): words U_SLOTS + k * SLOT_WORDS + ...

/** Words of one slot. */
export const SLOT_WORDS = 4;
/** Stint sequence: odd while the goroutine executes Go code between scheduler calls
 * (see purpose.ts); written with Atomics.store after EPOCH. */
export const SLOT_SEQ = 0;
/** The mcpumax-lowered generation read before the scheduler call that began the stint. */
export const SLOT_EPOCH = 1;
/** 1 while the worker has announced that it parks and nobody has taken the ready yet. */
export const SLOT_PARK = 2;
/** The worker's G row (for ready). */
export const SLOT_G = 3;

export const CONTROLLERS = 2; // slots 0 and 1: stop-the-world, GOMAXPROCS
export const MAX_SLOTS = Math.floor((USER_WORDS - U_SLOTS) / SLOT_WORDS);
export const MAX_STRESS_THREADS = MAX_SLOTS - CONTROLLERS;

export function slot(k: number, field: number): number {
  return U_SLOTS + k * SLOT_WORDS + field;
}
