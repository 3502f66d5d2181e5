// Every documented --mb-* token is drawn by some style, and every style draws only defined tokens
// (a token nobody uses is a theming promise the elements do not keep).
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tokenNames } from './tokens.ts';

const src = join(import.meta.dirname, '../..');
const sources = globSync('**/*.ts', { cwd: src }).filter((file) => !file.endsWith('.test.ts') && !file.endsWith('tokens.ts'));
const used = new Set(sources.flatMap((file) => [...readFileSync(join(src, file), 'utf8').matchAll(/var\((--mb-[\w-]+)/g)].map((match) => match[1]!)));
// The tokens' own values may refer to other tokens (the focus halo is mixed from the focus colour).
const tokensSource = readFileSync(join(src, 'elements/shared/tokens.ts'), 'utf8');

test('every token is used by a style outside tokens.ts', () => {
  assert.ok(used.size > 10, `styles found (${used.size} tokens used)`);
  assert.deepEqual([...new Set(tokenNames)].filter((name) => !used.has(name)), []);
});

test('every var(--mb-*) refers to a defined token', () => {
  const referred = new Set([...used, ...[...tokensSource.matchAll(/var\((--mb-[\w-]+)/g)].map((match) => match[1]!)]);
  assert.deepEqual([...referred].filter((name) => !tokenNames.includes(name)), []);
});
