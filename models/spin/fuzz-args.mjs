// The fuzzers' command line: Node's parseArgs, with --help and a usage line on a bad option
// (exit 2) instead of parseArgs' stack trace.
import { parseArgs } from 'node:util';

export function parseFuzzArgs(name, options, usage) {
  const text = `usage: node ${name} ${usage}\n(see the comment at the top of ${name} for what each option does)`;
  let values;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    console.error(`${name}: ${err.message}\n${text}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(text);
    process.exit(0);
  }
  return values;
}
