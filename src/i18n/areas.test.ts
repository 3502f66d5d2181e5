import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { memberTypes, type MemberType } from '../api/schemas.ts';
import { typeProblems } from '../flows/signup/steps.ts';
import { afterFirstRenderMessages, areaOf, areaOfPrefix, firstMessages, identityPartMessages, stepMessages, type MessageArea } from './areas.ts';
import { ko } from './ko.ts';

// Each element loads only some message areas before it renders (areas.ts); a template using a key of
// another area would show the Korean fallback (or the key) in English. This reads the code each screen
// loads — an element's static imports, a step's on top of the element's — and checks every message key
// written in it, and every code it renders, belongs to an area loaded by then.

// Longest prefixes first (`signup.details` before `signup`).
const prefixes = Object.keys(areaOfPrefix).sort((a, b) => b.length - a.length);
// A whole key ends at its quote; a prefix goes on with `.` (two-segment entries may be either: `rule.CHOICE_REQUIRED`).
const keyPattern = new RegExp(`[\`'"](${prefixes.map((prefix) => prefix.replaceAll('.', '\\.') + (prefix.split('.').length > 2 ? '(?=[\'"`])' : prefix.includes('.') ? '(?=[\'"`]|\\.[A-Za-z])' : '(?=\\.[A-Za-z])')).join('|')})`, 'g');

/**
 * Files whose field codes (`messageFor(code)`) are all core words, with every code they can show: the
 * wizard's first step renders before the rules area loads (a test below checks the codes are core).
 */
const coreFieldCodes: Record<string, () => string[]> = {
  'src/elements/signup-wizard/steps/type-step.ts': () => {
    // Every offer of one, two or three member types, each unanswered or half answered.
    const offers: MemberType[][] = [[...memberTypes], ...memberTypes.map((left) => memberTypes.filter((type) => type !== left)), ...memberTypes.map((type) => [type])];
    const answers = [{ kind: '', nationality: '' }, { kind: 'individual', nationality: '' }, { kind: '', nationality: 'domestic' }];
    return offers.flatMap((offered) => answers.flatMap((values) => typeProblems(offered, values).map((problem) => problem.code)));
  },
};

const catalogue = ko as Record<string, string>;

/**
 * The areas the codes a file renders need, by what each call is given: `say(…)` renders a flow's words,
 * which may be a failure's API code, and `errorText(…)` an API error: `errors`; `messageFor('CODE')` the
 * area of that code's key (rule.CODE, else error.CODE); `messageFor(…error.code…)` or a flow's
 * `words.code`: `errors`; `messageFor(anything else)` a field's code: `rules` (or the core words of
 * coreFieldCodes). Forwarders (`messageFor: (code) => this.messageFor(code)`, the base class's method)
 * render nothing themselves. Only elements render: flows build words (`say('signup.…')`), not text.
 */
function codeAreas(file: string, code: string): Set<MessageArea> {
  const areas = new Set<MessageArea>();
  if (!file.startsWith('src/elements/')) return areas;
  const calls = code
    .replace(/messageFor:\s*\([^)]*\)\s*=>\s*this\.messageFor\((?:[^()]|\([^()]*\))*\)/g, '')
    .replace(/messageFor\([^)]*:\s*string[^)]*\)[^{]*\{[^}]*\}/g, '');
  if (/\bsay\(|\berrorText\(/.test(calls)) areas.add('errors');
  for (const [, argument] of calls.matchAll(/\bmessageFor\(\s*([^,)]+)/g)) {
    const literal = /^['`]([A-Z_]+(?:\.plain)?)['`]$/.exec(argument!.trim())?.[1];
    if (literal) areas.add(areaOf(`rule.${literal}` in catalogue ? `rule.${literal}` : `error.${literal}`)!);
    else if (/\berror\.code\b|\bwords\.code\b/.test(argument!)) areas.add('errors');
    else if (file in coreFieldCodes) areas.add('core');
    else areas.add('rules');
  }
  return areas;
}

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

type Tag = keyof typeof firstMessages;
/** What an element has loaded once its first render is done (a failure shows only after the request it waits for). */
const firstAreas = (tag: Tag): MessageArea[] => [...firstMessages[tag], ...((afterFirstRenderMessages as Partial<Record<Tag, readonly MessageArea[]>>)[tag] ?? [])];

/** The areas a file's own element class declares (`static override messages`, a list or its `firstMessages`): it renders its keys itself. */
function declared(source: string, first: (tag: Tag) => MessageArea[]): MessageArea[] | undefined {
  const own = /static override messages(?::[^=]+)? = (?:\[([^\]]*)\]|firstMessages\['([\w-]+)'\])/.exec(source);
  if (!own) return undefined;
  return own[1] !== undefined ? [...own[1].matchAll(/'(\w+)'/g)].map((match) => match[1] as MessageArea) : first(own[2] as Tag);
}

/** A helper's element: the one element class declared in its folder (identity-verify's parts), if exactly one. */
function owner(file: string, first: (tag: Tag) => MessageArea[]): MessageArea[] | undefined {
  const folder = dirname(file);
  const owners = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => declared(readFileSync(join(folder, name), 'utf8'), first)).filter((areas) => areas !== undefined);
  return owners.length === 1 ? owners[0] : undefined;
}

/** Each area a file uses (keys, codes) that is not loaded for it: by its own element class, else by the screen. `first`: each element's first areas (tests take one away). */
function missing(files: Iterable<string>, screen: readonly MessageArea[], first: (tag: Tag) => MessageArea[] = firstAreas): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    // A helper of one element (identity-verify's parts) has its element's areas, and those of the screen.
    const allowed = new Set(declared(source, first) ?? [...(owner(file, first) ?? []), ...screen]);
    // Comments name paths like `address.postcode` too: only code counts.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const areas = new Set([...code.matchAll(keyPattern)].map(([, prefix]) => areaOfPrefix[prefix!]!));
    for (const area of areas) if (!allowed.has(area)) problems.push(`${file} uses the "${area}" area, not loaded for it (${[...allowed].join(', ')})`);
    for (const area of codeAreas(file, code)) if (!allowed.has(area)) problems.push(`${file} renders codes of the "${area}" area, not loaded for it (${[...allowed].join(', ')})`);
  }
  return problems;
}

for (const tag of Object.keys(firstMessages) as (keyof typeof firstMessages)[]) {
  test(`<${tag}>: its first screen uses only the message areas it loads first`, async () => {
    assert.deepEqual(missing(await staticFiles(`src/define-${tag}.ts`), firstAreas(tag)), []);
  });
}

/** Each later wizard step's own files, with the areas loaded for it. */
async function wizardSteps(): Promise<{ step: keyof typeof stepMessages; files: string[]; areas: MessageArea[] }[]> {
  const first = await staticFiles('src/define-signup-wizard.ts');
  return Promise.all((Object.keys(stepMessages) as (keyof typeof stepMessages)[]).map(async (step) => ({
    step,
    files: [...(await staticFiles(`src/elements/signup-wizard/steps/${step}-step.ts`))].filter((file) => !first.has(file)),
    areas: [...firstAreas('signup-wizard'), ...stepMessages[step]],
  })));
}

/** identity-verify's on-demand parts' own files, with the areas loaded for each. */
async function identityParts(): Promise<{ part: keyof typeof identityPartMessages; files: string[]; areas: MessageArea[] }[]> {
  const first = await staticFiles('src/define-identity-verify.ts');
  return Promise.all((Object.keys(identityPartMessages) as (keyof typeof identityPartMessages)[]).map(async (part) => ({
    part,
    files: [...(await staticFiles(`src/elements/identity-verify/${part}-part.ts`))].filter((file) => !first.has(file)),
    areas: [...firstAreas('identity-verify'), ...identityPartMessages[part]],
  })));
}

test('each later wizard step uses only the areas loaded with it', async () => {
  for (const { step, files, areas } of await wizardSteps()) assert.deepEqual(missing(files, areas), [], `${step} step`);
});

test("each of identity-verify's parts uses only the areas loaded with it", async () => {
  for (const { part, files, areas } of await identityParts()) assert.deepEqual(missing(files, areas), [], `${part} part`);
});

test('the field codes a first screen shows are core words, in both languages', async () => {
  const { en } = await import('./en.ts');
  for (const [file, codesOf] of Object.entries(coreFieldCodes)) {
    const codes = new Set(codesOf());
    assert.ok(codes.size > 0, `${file}: no code found (the enumeration is broken)`);
    for (const code of codes) {
      assert.equal(areaOf(`rule.${code}`), 'core', `${file}: rule.${code} is not a core word`);
      assert.ok(`rule.${code}` in catalogue && `rule.${code}` in en, `${file}: rule.${code} has no words`);
    }
  }
});

test('the rule has teeth: a screen that renders codes without their area loaded is reported', async () => {
  const without = (areas: readonly MessageArea[], gone: MessageArea) => areas.filter((area) => area !== gone);
  for (const { step, files, areas } of await wizardSteps()) {
    if (step === 'details' || step === 'company') assert.notDeepEqual(missing(files, without(areas, 'rules')), [], `${step} step without rules`);
  }
  const mobile = (await identityParts()).find(({ part }) => part === 'mobile')!;
  assert.notDeepEqual(missing(mobile.files, without(mobile.areas, 'rules')), [], 'the mobile part without rules');
  for (const tag of ['identity-verify', 'signup-wizard'] as const) {
    const first = (other: Tag) => (other === tag ? without(firstAreas(other), 'errors') : firstAreas(other));
    assert.notDeepEqual(missing(await staticFiles(`src/define-${tag}.ts`), first(tag), first), [], `<${tag}> without errors`);
  }
});

test('every key prefix of the catalogues has an area', () => {
  for (const file of ['common', 'errors', 'rules', 'signup', 'signup-steps', 'identity', 'address', 'widgets']) {
    const source = readFileSync(`src/i18n/messages/${file}.ko.ts`, 'utf8');
    for (const [, prefix] of source.matchAll(/^\s+'?(\w+)\./gm)) assert.ok(prefix! in areaOfPrefix, `${file}.ko.ts: no area for "${prefix}."`);
  }
});
