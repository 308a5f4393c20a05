// The program writer of fuzz.mjs: one random concurrent program, written twice, in Go and
// for gosched, whose stdout, exit status and report do not depend on the schedule.
//
// A program is a few stages run one after the other by main, then an ending. Each stage
// is a concurrency pattern with random sizes (goroutines, values, channel capacities,
// nested go, delays: Gosched, sleep, a blocking system call) whose printed result is made
// schedule-independent the way a Go programmer would: values summed or sorted, counters
// under a Mutex, a select that collects until every value is in. Every goroutine a stage
// starts has ended, or will end without printing, before the next stage prints, so the
// output is a function of the seed alone. The ending is one Go defines: main returning, a
// deadlock (every goroutine blocked, on states Go names), a panic in main or in a goroutine
// (a string, a number, a bool or an error), a runtime panic (close of nil or closed channel,
// send on closed channel, negative WaitGroup counter), the fatal unlock of an unlocked
// Mutex, or os.Exit. A panic in a goroutine happens while every other goroutine is blocked
// for ever or busy without printing, so nothing else can print or fail first.
//
// fuzz-stages.mjs and fuzz-stages-api.mjs hold the stages, fuzz-endings.mjs the endings,
// fuzz-program.mjs the program's two texts and the helpers they share.
//
// Rejected: generating free-form statement trees (as models/spin/fuzz.mjs does for
// Promela). Go's outcome must not depend on the schedule, and a random tree of channel
// operations mostly deadlocks or races; patterns with random shapes keep every program
// valid and still cover the API's combinations (select over closing producers with the
// nil-channel idiom, nested go under a WaitGroup, syscalls inside critical sections, ...).

import { Program } from './fuzz-program.mjs';
import { STAGES as BASIC_STAGES } from './fuzz-stages.mjs';
import { API_STAGES } from './fuzz-stages-api.mjs';
import { MORE_STAGES } from './fuzz-stages-more.mjs';
import { ENDING, ENDINGS } from './fuzz-endings.mjs';

const STAGES = { ...BASIC_STAGES, ...API_STAGES, ...MORE_STAGES };
const STAGE_KINDS = [...Object.keys(BASIC_STAGES), ...Object.keys(API_STAGES)];
const MORE_KINDS = Object.keys(MORE_STAGES);

/** Writes the program of one seed: { go, js, stages, ending, args } (the two texts, what was
 * chosen, and the command-line arguments to run both with). With more (fuzz.mjs --more)
 * each stage is one of fuzz-stages-more.mjs's half the time; without it a seed's draws,
 * and so its program, are those it had before that file existed. */
export function writeProgram(rng, { more = false } = {}) {
  const r = {
    int: (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)),
    chance: (p) => rng() < p,
    pick: (xs) => xs[Math.floor(rng() * xs.length)],
  };
  const p = new Program();
  const stages = [];
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) {
    const kind = more && r.chance(0.5) ? r.pick(MORE_KINDS) : r.pick(STAGE_KINDS);
    stages.push(kind);
    STAGES[kind](p, r, `s${i}`);
  }
  const ending = r.pick(ENDINGS);
  ENDING[ending](p, r, 'e');
  const args = Array.from({ length: r.int(0, 3) }, (_, i) => `a${i}=${r.int(0, 9)}`);
  return { go: p.goText(), js: p.jsText(), stages, ending, args };
}
