// Checking a Promela text in a test: the search's figures in the order the tests compare
// with pan's ([stored, matched, atomic steps, errors, depth reached]), and the message a
// refused model gets, as `gosched check` prints it.
import assert from 'node:assert/strict';
import { compileModel } from '../../src/check/model.js';
import { search, type SearchResult } from '../../src/check/search.js';
import { ModelError, formatModelError } from '../../src/check/errors.js';

export function checkSource(source: string, maxDepth = 10000, file = 'm.pml'): SearchResult {
  return search(compileModel(file, source).machine, { maxDepth, memLimitBytes: 1 << 30 });
}

export function figures(r: SearchResult): number[] {
  return [r.statesStored, r.statesMatched, r.atomicSteps, r.error ? 1 : 0, r.depthReached];
}

/** The refusal of a model the front end must refuse (a test failure if it is accepted). */
export function refusal(source: string): string {
  try {
    compileModel('m.pml', source);
  } catch (e) {
    if (e instanceof ModelError) return formatModelError(e, 'm.pml', source);
    throw e;
  }
  return assert.fail(`accepted:\n${source}`);
}
