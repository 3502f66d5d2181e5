// No import circles in src/: a circle means two modules cannot be understood (or loaded on demand)
// one without the other. Specifiers are read from the source text (static imports and re-exports,
// type-only ones included, and dynamic `import('…')`), relative ones resolved to files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Circles that exist today outside the wizard and flows, owned by other work (each must be gone
 * soon; the test fails when one disappears so that this list only shrinks).
 */
const knownCircles: string[] = [];

const specifier = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*${},\s]+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const targets = new Set<string>();
    for (const match of text.matchAll(specifier)) {
      const target = match[1] ?? match[2]!;
      if (!target.startsWith('.')) continue;
      const resolved = normalize(join(dirname(file), target));
      if (known.has(resolved)) targets.add(resolved);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Every elementary circle, once, starting at its smallest file name. */
export function circles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const visit = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const key = [...path].sort().join('|');
        if (!found.has(key)) found.set(key, path);
      } else if (!path.includes(next) && next > start) visit(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) visit(start, start, [start]);
  return [...found.values()];
}

test('the circle finder finds a circle and its members', () => {
  const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'];
  const sources: Record<string, string> = {
    'a.ts': "import { b } from './b.ts';",
    'b.ts': "import type { C } from './c.ts';\nexport { x } from './d.ts';",
    'c.ts': "const later = () => import('./a.ts');",
    'd.ts': "// import './a.ts' is a comment\nexport const x = 1;",
  };
  assert.deepEqual(circles(importGraph(files, (file) => sources[file]!)), [['a.ts', 'b.ts', 'c.ts']]);
});

test('no import circles in src/', () => {
  const files = globSync('src/**/*.ts', { cwd: root }).filter((file) => !file.endsWith('.test.ts'));
  const found = circles(importGraph(files, (file) => readFileSync(join(root, file), 'utf8'))).map((circle) => circle.map((file) => relative('.', file)).join(' → '));
  const unexpected = found.filter((circle) => !knownCircles.includes(circle));
  assert.deepEqual(unexpected, [], `import circles:\n${unexpected.join('\n')}`);
  const gone = knownCircles.filter((circle) => !found.includes(circle));
  assert.deepEqual(gone, [], 'a listed circle is gone: remove it from knownCircles');
});
