// The public element list (element-list.ts) is what the build and `npm run size` go by: every place that
// names the elements one by one must agree with it — the CDN entry's loaders (literal imports, for
// bundlers), package.json `exports`, the first words (i18n/areas.ts), and the files themselves.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { publicElements } from './element-list.ts';
import { firstMessages } from './i18n/areas.ts';

const tags = publicElements.map(({ tag }) => tag);

test('the CDN entry loads each public element, and no other tag', () => {
  const source = readFileSync('src/cdn.ts', 'utf8');
  const loaders = [...source.matchAll(/'([\w-]+)': \(\) => import\('\.\/(define-[\w-]+)\.ts'\)/g)].map(([, tag, file]) => [tag, `src/${file}.ts`]);
  assert.deepEqual(loaders, publicElements.map(({ tag, define }) => [tag, define]));
});

test('package.json exports each element class and its define module', () => {
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
  for (const tag of tags) {
    assert.ok(exports[`./${tag}`], `exports ./${tag}`);
    assert.ok(exports[`./${tag}/define`], `exports ./${tag}/define`);
  }
});

test('each element has its first words, and its modules exist', () => {
  assert.deepEqual(Object.keys(firstMessages).sort(), [...tags].sort());
  for (const { tag, define, element, beside } of publicElements) {
    for (const file of [define, element, `src/${tag}.ts`, ...(beside ? [beside] : [])]) assert.ok(existsSync(file), `${file} exists`);
  }
});

test('an element that does not wait for the site config says so in its class too (its first render then starts the request)', () => {
  for (const { tag, element, waitsForSiteConfig } of publicElements) {
    const declares = /static override waitsForSiteConfig = false/.test(readFileSync(element, 'utf8'));
    assert.equal(declares, !waitsForSiteConfig, `${tag}: element-list.ts and ${element} agree`);
  }
});
