// The bound on a parsed model's syntax tree: every stage after the parser (flow, codegen,
// listings, V8 compiling the generated code) recurses along the tree, so its depth is
// bounded, checked here without recursion once the model is parsed (the parser bounds
// the source's nesting as it goes: parse-cursor.ts's MAX_NEST).
import { ModelError, type Pos } from '../errors.js';
import type { Program } from './ast.js';

const MAX_TREE_DEPTH = 600;

/** Refuses a syntax tree deeper than MAX_TREE_DEPTH (a 5,000-term sum is 5,000 deep),
 * walking it with an explicit stack. */
export function checkDepth(prog: Program): void {
  const stack: [unknown, number][] = [];
  for (const p of prog.procs) stack.push([p.body, 0], [p.provided ?? null, 0], [[...p.params, ...p.locals].map((d) => d.init), 0]);
  stack.push([prog.globals.map((d) => d.init), 0]);
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) { for (const x of node) stack.push([x, d]); continue; }
    const o = node as Record<string, unknown>;
    const depth = typeof o.k === 'string' ? d + 1 : d;
    if (depth > MAX_TREE_DEPTH) {
      throw new ModelError(`expression or statement nested more than ${MAX_TREE_DEPTH} deep (split it up)`, (o.pos as Pos | undefined) ?? null);
    }
    for (const [key, v] of Object.entries(o)) if (key !== 'pos' && v !== null && typeof v === 'object') stack.push([v, depth]);
  }
}
