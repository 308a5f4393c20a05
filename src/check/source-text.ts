// A model file's text as SPIN reads it: through cpp, which drops a UTF-8 byte order mark
// at the start of every file it reads (the model and each #include), so that
// `spin -a` takes a model saved with one by an editor (Windows' Notepad writes one).
// Only at the start: one anywhere else is a character SPIN refuses, as here.
import { readFileSync } from 'node:fs';

export function readSource(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}
