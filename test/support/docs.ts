// The project's Markdown that a user reads, as code blocks and spans: README.md and every
// README*.md under models/ and examples/ (for test/readme-examples and test/readme-facts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdownCode, type Block, type Span } from './markdown.js';
import { repoRoot } from './check-cli.js';

/** README.md, then every README*.md under models/ and examples/. */
function documents(): string[] {
  const found = ['README.md'];
  const walk = (dir: string): void => {
    for (const e of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/^README.*\.md$/.test(e.name)) found.push(rel);
    }
  };
  walk('models');
  walk('examples');
  return found;
}

const docs = documents().map((f) => readMarkdownCode(join(repoRoot, f), f));
export const blocks: Block[] = docs.flatMap((d) => d.blocks);
export const spans: Span[] = docs.flatMap((d) => d.spans);
/** FILE:LINE of a block or span, for messages. */
export const where = (x: { file: string; line: number }): string => `${x.file}:${x.line}`;
