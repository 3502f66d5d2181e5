import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { areaOfPrefix, firstMessages, stepMessages, type MessageArea } from './areas.ts';

// Each element loads only some message areas before it renders (areas.ts); a template using a key of
// another area would show the Korean fallback (or the key) in English. This reads the code each screen
// loads — an element's static imports, a step's on top of the element's — and checks every message key
// written in it belongs to an area loaded by then.

// Longest prefixes first (`signup.details` before `signup`).
const prefixes = Object.keys(areaOfPrefix).sort((a, b) => b.length - a.length);
// A whole key ends at its quote; a prefix goes on with `.`.
const keyPattern = new RegExp(`[\`'"](${prefixes.map((prefix) => prefix.replaceAll('.', '\\.') + (prefix.split('.').length > 2 ? '(?=[\'"`])' : '(?=\\.[A-Za-z])')).join('|')})`, 'g');

async function staticFiles(entry: string): Promise<Set<string>> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'esm', splitting: true, outdir: '/tmp/areas-test', logLevel: 'silent', platform: 'browser' });
  const inputs = result.metafile.inputs;
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const { path, kind } of inputs[queue.shift()!]?.imports ?? []) {
      if (kind !== 'import-statement' || seen.has(path)) continue;
      seen.add(path);
      queue.push(path);
    }
  }
  return new Set([...seen].filter((file) => file.startsWith('src/') && !file.startsWith('src/i18n/')));
}

/** The areas a file's own element class declares (`static override messages`): it renders its keys itself. */
function declared(source: string): MessageArea[] | undefined {
  const own = /static override messages(?::[^=]+)? = (?:\[([^\]]*)\]|firstMessages\['([\w-]+)'\])/.exec(source);
  if (!own) return undefined;
  return own[1] !== undefined ? [...own[1].matchAll(/'(\w+)'/g)].map((match) => match[1] as MessageArea) : [...firstMessages[own[2] as keyof typeof firstMessages]];
}

/** A helper's element: the one element class declared in its folder (identity-verify's parts), if exactly one. */
function owner(file: string): MessageArea[] | undefined {
  const folder = dirname(file);
  const owners = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => declared(readFileSync(join(folder, name), 'utf8'))).filter((areas) => areas !== undefined);
  return owners.length === 1 ? owners[0] : undefined;
}

/** Each message key area a file uses that is not loaded for it: by its own element class, else by the screen. */
function missing(files: Iterable<string>, screen: readonly MessageArea[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const allowed = new Set(declared(source) ?? owner(file) ?? screen);
    // Comments name paths like `address.postcode` too: only code counts.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const areas = new Set([...code.matchAll(keyPattern)].map(([, prefix]) => areaOfPrefix[prefix!]!));
    for (const area of areas) if (!allowed.has(area)) problems.push(`${file} uses the "${area}" area, not loaded for it (${[...allowed].join(', ')})`);
  }
  return problems;
}

for (const tag of Object.keys(firstMessages) as (keyof typeof firstMessages)[]) {
  test(`<${tag}>: its first screen uses only the message areas it loads first`, async () => {
    assert.deepEqual(missing(await staticFiles(`src/define-${tag}.ts`), firstMessages[tag]), []);
  });
}

test('each later wizard step uses only the areas loaded with it', async () => {
  const first = await staticFiles('src/define-signup-wizard.ts');
  for (const step of Object.keys(stepMessages) as (keyof typeof stepMessages)[]) {
    const files = [...(await staticFiles(`src/elements/signup-wizard/steps/${step}-step.ts`))].filter((file) => !first.has(file));
    assert.deepEqual(missing(files, [...firstMessages['signup-wizard'], ...stepMessages[step]]), [], `${step} step`);
  }
});

test('every key prefix of the catalogues has an area', () => {
  for (const file of ['common', 'errors', 'rules', 'signup', 'signup-steps', 'identity', 'address', 'widgets']) {
    const source = readFileSync(`src/i18n/messages/${file}.ko.ts`, 'utf8');
    for (const [, prefix] of source.matchAll(/^\s+'?(\w+)\./gm)) assert.ok(prefix! in areaOfPrefix, `${file}.ko.ts: no area for "${prefix}."`);
  }
});
