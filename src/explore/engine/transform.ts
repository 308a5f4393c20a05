// The instrumenting transform: the built JavaScript of src/sched, rewritten so that
// every shared-memory access becomes a point where the explorer decides who goes next.
//
// Each function of src/sched that touches the shared Int32Array (a plain `mem[i]` read
// or write, or any `Atomics` call), or calls a function that does, is compiled into a
// generator: the access becomes `(yield* __sh.op(...))`, which yields the operation to
// the explorer and receives its result, and the call becomes `(yield* f(...))`. So every
// M is a coroutine in one thread, and between two of its shared accesses it runs the
// same JavaScript the threads run, unchanged. Pure helpers (word.ts's field extractors,
// Sched's index arithmetic, schedThrow) stay as they are. The path counters (paths.js)
// are left alone: they are bookkeeping, not protocol, and would only add steps.
//
// One deliberate change: the spin counts (`const X_SPIN = n`) become 1. A spin is the
// same load repeated; with one load before sleeping the explorer still takes both
// outcomes (the lock or note freed before the load, or not, so the M sleeps), and n
// repeated loads would only multiply the schedules without adding any behaviour.
//
// Rejected: a Proxy around the array (Atomics.* refuses anything but a real typed array,
// and a Proxy's trap cannot suspend its caller), and one worker thread per simulated M
// passing a baton (real threads again: every step a round trip of about 10 us, and no
// way to snapshot or hash a thread's state). Instrumenting the TypeScript source
// instead of dist/ was rejected too: the explorer must check what actually runs.
//
// The TypeScript compiler API parses and prints the JavaScript. It is a devDependency,
// so the explorer works in a development install (npm ci), not in a bare `npm install
// gosched`; load.ts says so when it is missing.

import type * as TS from 'typescript';

export interface ModuleSource {
  /** The file name within the directory, e.g. "handoff.js". */
  file: string;
  text: string;
}

/** Modules copied as they are (no shared access the explorer should schedule). */
export const UNINSTRUMENTED = new Set(['paths.js']);

interface Analysis {
  /** file -> top-level function names compiled to generators. */
  generators: Map<string, Set<string>>;
}

/** Transforms every module; returns the new texts by file name. `opsUrl` is the URL of
 * the module exporting `__sh` (ops.ts). */
export function instrument(ts: typeof TS, modules: ModuleSource[], opsUrl: string): Map<string, string> {
  const parsed = new Map(modules.map((m) => [m.file, ts.createSourceFile(m.file, m.text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS)]));
  const analysis = analyse(ts, parsed);
  const out = new Map<string, string>();
  const printer = ts.createPrinter();
  for (const [file, sf] of parsed) {
    if (UNINSTRUMENTED.has(file)) {
      out.set(file, sf.text);
      continue;
    }
    const result = ts.transform(sf, [rewriter(ts, file, analysis, importsOf(ts, sf))]);
    const text = printer.printFile(result.transformed[0]!);
    result.dispose();
    out.set(file, `import { __sh } from ${JSON.stringify(opsUrl)};\n${text}`);
  }
  return out;
}

/** Local name -> [module file, exported name] for `import { a as b } from './x.js'`. */
function importsOf(ts: typeof TS, sf: TS.SourceFile): Map<string, [string, string]> {
  const map = new Map<string, [string, string]>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const from = st.moduleSpecifier.text.replace(/^\.\//, '');
    const named = st.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) map.set(el.name.text, [from, (el.propertyName ?? el.name).text]);
    }
  }
  return map;
}

function isSharedArray(ts: typeof TS, e: TS.Expression): boolean {
  return (ts.isIdentifier(e) && e.text === 'mem') || (ts.isPropertyAccessExpression(e) && e.name.text === 'mem');
}

function isSharedElement(ts: typeof TS, e: TS.Node): e is TS.ElementAccessExpression {
  return ts.isElementAccessExpression(e) && isSharedArray(ts, e.expression);
}

function isAtomicsCall(ts: typeof TS, e: TS.Node): e is TS.CallExpression {
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) &&
    ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'Atomics';
}

/** Which top-level functions become generators: those with a shared access, then, to a
 * fixpoint, those calling one. */
function analyse(ts: typeof TS, parsed: Map<string, TS.SourceFile>): Analysis {
  const fns = new Map<string, { file: string; node: TS.FunctionDeclaration; calls: [string, string][]; direct: boolean }>();
  for (const [file, sf] of parsed) {
    if (UNINSTRUMENTED.has(file)) continue;
    const imports = importsOf(ts, sf);
    const locals = new Set(sf.statements.filter(ts.isFunctionDeclaration).map((f) => f.name!.text));
    for (const st of sf.statements) {
      if (!ts.isFunctionDeclaration(st) || !st.name || !st.body) continue;
      const calls: [string, string][] = [];
      let direct = false;
      const walk = (n: TS.Node): void => {
        if (isSharedElement(ts, n) || isAtomicsCall(ts, n)) direct = true;
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
          const name = n.expression.text;
          if (locals.has(name)) calls.push([file, name]);
          else if (imports.has(name)) calls.push(imports.get(name)!);
        }
        ts.forEachChild(n, walk);
      };
      walk(st.body);
      fns.set(`${file}:${st.name.text}`, { file, node: st, calls, direct });
    }
  }
  const gen = new Set([...fns].filter(([, f]) => f.direct).map(([k]) => k));
  for (let changed = true; changed;) {
    changed = false;
    for (const [k, f] of fns) {
      if (!gen.has(k) && f.calls.some(([file, name]) => gen.has(`${file}:${name}`))) {
        gen.add(k);
        changed = true;
      }
    }
  }
  const generators = new Map<string, Set<string>>();
  for (const k of gen) {
    const [file, name] = k.split(':') as [string, string];
    if (!generators.has(file)) generators.set(file, new Set());
    generators.get(file)!.add(name);
  }
  return { generators };
}

function rewriter(ts: typeof TS, file: string, a: Analysis, imports: Map<string, [string, string]>): TS.TransformerFactory<TS.SourceFile> {
  const f = ts.factory;
  const mine = a.generators.get(file) ?? new Set<string>();
  const isGenCall = (name: string): boolean => {
    if (mine.has(name)) return true;
    const imp = imports.get(name);
    return imp !== undefined && (a.generators.get(imp[0])?.has(imp[1]) ?? false);
  };
  const yieldStar = (e: TS.Expression): TS.Expression =>
    f.createParenthesizedExpression(f.createYieldExpression(f.createToken(ts.SyntaxKind.AsteriskToken), e));
  const sh = (op: string, args: TS.Expression[]): TS.Expression =>
    yieldStar(f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier('__sh'), op), undefined, args));

  return (ctx) => {
    const inGenerator = (fnName: string) => (node: TS.Node): TS.Node => {
      const visit = (n: TS.Node): TS.Node => {
        if (ts.isFunctionLike(n)) {
          // A nested function cannot yield: it must not touch shared memory.
          let bad = false;
          const walk = (m: TS.Node): void => { if (isSharedElement(ts, m) || isAtomicsCall(ts, m)) bad = true; ts.forEachChild(m, walk); };
          walk(n);
          if (bad) throw new Error(`${file}: ${fnName} has a nested function that touches shared memory; the explorer cannot schedule it`);
          return n;
        }
        if (ts.isBinaryExpression(n) && isSharedElement(ts, n.left)) {
          const op = n.operatorToken.kind;
          if (op >= ts.SyntaxKind.FirstCompoundAssignment && op <= ts.SyntaxKind.LastCompoundAssignment) {
            throw new Error(`${file}: ${fnName}: compound assignment to shared memory is not instrumented`);
          }
          if (op === ts.SyntaxKind.EqualsToken) {
            const obj = ts.visitNode(n.left.expression, visit) as TS.Expression;
            const idx = ts.visitNode(n.left.argumentExpression, visit) as TS.Expression;
            return sh('wr', [obj, idx, ts.visitNode(n.right, visit) as TS.Expression]);
          }
        }
        if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && isSharedElement(ts, n.operand) &&
          (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
          const obj = ts.visitNode(n.operand.expression, visit) as TS.Expression;
          const idx = ts.visitNode(n.operand.argumentExpression, visit) as TS.Expression;
          const one = f.createNumericLiteral(1);
          const delta = n.operator === ts.SyntaxKind.PlusPlusToken ? one : f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, one);
          const post = ts.isPostfixUnaryExpression(n) ? f.createTrue() : f.createFalse();
          return sh('upd', [obj, idx, delta, post]);
        }
        if (isSharedElement(ts, n)) {
          const obj = ts.visitNode(n.expression, visit) as TS.Expression;
          const idx = ts.visitNode(n.argumentExpression, visit) as TS.Expression;
          return sh('rd', [obj, idx]);
        }
        if (isAtomicsCall(ts, n)) {
          const name = (n.expression as TS.PropertyAccessExpression).name.text;
          return sh(name, n.arguments.map((x) => ts.visitNode(x, visit) as TS.Expression));
        }
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && isGenCall(n.expression.text)) {
          return yieldStar(ts.visitEachChild(n, visit, ctx));
        }
        return ts.visitEachChild(n, visit, ctx);
      };
      return visit(node);
    };
    return (sf) => {
      const statements = sf.statements.map((st) => {
        if (ts.isFunctionDeclaration(st) && st.name && st.body && mine.has(st.name.text)) {
          const body = ts.visitEachChild(st.body, inGenerator(st.name.text), ctx);
          return f.updateFunctionDeclaration(st, st.modifiers, f.createToken(ts.SyntaxKind.AsteriskToken), st.name,
            st.typeParameters, st.parameters, st.type, body);
        }
        if (ts.isVariableStatement(st)) {
          const decls = st.declarationList.declarations.map((d) =>
            ts.isIdentifier(d.name) && /_SPIN$/.test(d.name.text) && d.initializer && ts.isNumericLiteral(d.initializer)
              ? f.updateVariableDeclaration(d, d.name, d.exclamationToken, d.type, f.createNumericLiteral(1))
              : d);
          return f.updateVariableStatement(st, st.modifiers, f.updateVariableDeclarationList(st.declarationList, decls));
        }
        return st;
      });
      return f.updateSourceFile(sf, statements);
    };
  };
}
