// From a model file to a runnable machine: read, preprocess, parse, compile.
import { readFileSync } from 'node:fs';
import { ModelError } from './errors.js';
import { buildMachine, type Machine } from './machine.js';
import { lex } from './promela/lexer.js';
import { parse } from './promela/parser.js';
import { preprocess } from './promela/preprocess.js';
import type { Program } from './promela/ast.js';
import { chooseClaim, type ClaimChoice } from './claims.js';

export interface LoadedModel { file: string; source: string; program: Program; machine: Machine; claim: ClaimChoice }

/** --ltl NAME (SPIN's -N) and --non-progress (pan -l's built-in claim). */
export interface ClaimOptions { ltl?: string | undefined; nonProgress?: boolean | undefined }

/** Reads a model; a missing file is a ModelError without a position. */
export function readModel(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ModelError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read: ${String(e)}`, null);
  }
}

export function compileModel(file: string, source: string, opts: ClaimOptions = {}): LoadedModel {
  try {
    const program = parse(preprocess(lex(source)));
    const claim = chooseClaim(program, opts);
    return { file, source, program, machine: buildMachine(program), claim };
  } catch (e) {
    // The parser bounds nesting and tree depth; this is the net under anything those
    // bounds miss (V8 compiling deeply nested generated code, say).
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      throw new ModelError('the model nests too deeply for the checker (stack exhausted while compiling it)', null);
    }
    throw e;
  }
}

export function loadModel(file: string, opts: ClaimOptions = {}): LoadedModel {
  return compileModel(file, readModel(file), opts);
}
