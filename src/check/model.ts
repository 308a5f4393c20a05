// From a model file to a runnable machine: read, preprocess, parse, compile.
import { readSource } from './source-text.js';
import { dirname, join, isAbsolute, relative } from 'node:path';
import { ModelError, includedPath } from './errors.js';
import { buildMachine, type Machine } from './machine.js';
import { lex, type Token } from './promela/lexer.js';
import { parse } from './promela/parser.js';
import { preprocess, type Includer } from './promela/preprocess.js';
import type { Program } from './promela/ast.js';
import { chooseClaim, type ClaimChoice } from './claims.js';

export interface LoadedModel { file: string; source: string; program: Program; machine: Machine; claim: ClaimChoice }

/** --ltl NAME (SPIN's -N) and --non-progress (pan -l's built-in claim). */
export interface ClaimOptions { ltl?: string | undefined; nonProgress?: boolean | undefined }

/** Reads a model; a missing file is a ModelError without a position. */
export function readModel(file: string): string {
  try {
    return readSource(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    // As replay says of a trail: the reason's code (EACCES), not Node's sentence that
    // repeats the path.
    throw new ModelError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`, null);
  }
}

/** `#include "name"` as cpp reads it for SPIN: relative to the directory of the file that
 * holds the directive (the model's own for its lines). Tokens of an included file carry its
 * path relative to the model's directory (see includedPath), as spin -t -p shows it. */
export function includerFor(modelFile: string): Includer {
  return (name: string, at: Token) => {
    const from = at.file === undefined ? modelFile : includedPath(modelFile, at.file);
    const path = isAbsolute(name) ? name : join(dirname(from), name);
    let text: string;
    try {
      text = readSource(path);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new ModelError(`#include "${name}": ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read'} (${path})`, at);
    }
    return lex(text, 1, 1, isAbsolute(name) ? name : relative(dirname(modelFile), path));
  };
}

export function compileModel(file: string, source: string, opts: ClaimOptions = {}): LoadedModel {
  try {
    const program = parse(preprocess(lex(source), includerFor(file)));
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
