// For cli-options.test.ts, in a process of its own (the helps it makes the commands print
// must not mix with the test runner's output): runs each command in-process with each
// option its --help lists, as `OPTION=1 --help`, and prints what parseArgs said of it as
// one JSON array of { file, option, outcome }.
type Command = { help: string; run(argv: string[]): Promise<number> };

/** The options a help text lists in its options section: `  --name` or `  -x` at a line's start. */
export function listedOptions(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?(--?[a-z][a-z-]*)/gm)].map((m) => m[1]!);
}

async function main(files: string[]): Promise<void> {
  const results: { file: string; option: string; outcome: string | number }[] = [];
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    for (const file of files) {
      const command = (await import(`../../src/commands/${file}.js`)) as Command;
      for (const option of listedOptions(command.help)) {
        // --help after it: nothing runs. A string option takes the value; a boolean one
        // refuses it, but as a value (ERR_PARSE_ARGS_INVALID_OPTION_VALUE), not as unknown.
        const outcome = await command.run([`${option}=1`, '--help']).catch((e: { code?: string }) => e.code ?? 'threw');
        results.push({ file, option, outcome });
      }
    }
  } finally {
    process.stdout.write = write;
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

// Run by the test with the command files to probe; `node --test dist/test/` also loads every
// file under test/, and then there is nothing to probe.
if (process.argv[1] === new URL(import.meta.url).pathname && process.argv.length > 2) await main(process.argv.slice(2));
