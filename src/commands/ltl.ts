// `gosched ltl 'FORMULA'`: prints the never claim for an LTL formula, as `spin -f` does
// (the claim of the formula itself; to check that a property holds, give its negation).
import { ModelError } from '../check/errors.js';
import { neverClaimFor } from '../check/ltl/claim.js';
import { lex } from '../check/promela/lexer.js';
import { parseLtlFormula } from '../check/promela/parser.js';
import { exprText } from '../check/promela/text.js';
import { parse, UsageError } from './usage.js';

export const help = `usage: gosched ltl 'FORMULA'

Prints a never claim that accepts exactly the runs satisfying FORMULA, in the layout of
'spin -f' (the automaton itself is built here, by the GPVW tableau, so its states may
differ from SPIN's; the runs it accepts are the same). As with spin -f, a claim that
checks a property is the claim of its negation: gosched ltl '!([] (p -> <> q))'.

Operators: [] <> X U W V ! && || -> <->, true, false, parentheses; atoms are names or
Promela expressions (x == 1, P[0]@cs, P[1]:v). In a model, write 'ltl name { formula }'
and 'gosched check' builds the claim of the negation itself.

The claim can grow exponentially with the formula, as spin -f's does: 'p0 U p1 U ... U p9'
prints about 74,000 lines in seconds, and each further U multiplies that (spin -f takes
longer still); Ctrl-C ends it.

options:
  -h, --help   this text

exit status: 0 the claim was printed; 2 bad usage or a formula that does not parse (the
column where it fails is said); 4 an internal error of gosched.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) { process.stdout.write(help); return 0; }
  if (positionals.length !== 1) throw new UsageError(`ltl needs exactly one formula, in quotes (see 'gosched ltl --help')`);
  try {
    const f = parseLtlFormula(lex(positionals[0]!));
    process.stdout.write(neverClaimFor(f, exprText));
    return 0;
  } catch (e) {
    if (e instanceof ModelError) throw new UsageError(`in the formula${e.pos ? ` at column ${e.pos.col}` : ''}: ${e.message}`);
    throw e;
  }
}
