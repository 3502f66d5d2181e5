// The Custom Elements Manifest documents every public tag: each attribute, property and event has a
// description and a type, events their detail type, every `data-part` and `--mb-*` token is listed.
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error the analyzer ships no types for its CLI module
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
// @ts-expect-error the analyzer's types cover its config, not create() and ts
import { create, ts } from '@custom-elements-manifest/analyzer/index.js';
// @ts-expect-error no types for the plugin module
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { withThemeReference } from '../../scripts/cem/readme.mjs';
import { membershipSurfacePlugin, readTokenDefaults } from '../../scripts/cem/surface-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const publicTags = ['membership-provider', 'identity-verify', 'signup-wizard'];

interface Described { name: string; description?: string; summary?: string; type?: { text: string }; kind?: string; default?: string }
interface Declaration extends Described {
  tagName?: string;
  attributes?: Described[];
  members?: Described[];
  events?: (Described & { detailType?: { text: string } })[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest { modules: { path: string; declarations?: Declaration[] }[] }

const manifest: Manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
const elements = new Map(manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, { ...d, path: module.path }] as const)));

test('every public tag is in the manifest, and every tag the source registers', () => {
  for (const tag of publicTags) assert.ok(elements.has(tag), `${tag} missing from the manifest`);
  const sources = globSync('src/**/*.ts', { cwd: root }).filter((file) => !file.endsWith('.test.ts'));
  const registered = new Set(sources.flatMap((file) => [...readFileSync(`${root}/${file}`, 'utf8').matchAll(/\bdefine(?:Element)?\(\s*'([a-z][\w]*-[\w-]+)'/g)].map((m) => m[1]!)));
  assert.ok(registered.size >= publicTags.length, 'the registrations were not found');
  for (const tag of registered) if (!tag.startsWith('mb-')) assert.ok(elements.has(tag), `${tag} is registered but not in the manifest`);
});

for (const tag of publicTags) {
  test(`${tag}: summary, and a description and a type for each attribute, property and event`, () => {
    const element = elements.get(tag)!;
    assert.ok(element.summary?.trim(), 'no @summary');
    assert.ok(element.description?.trim(), 'no description');
    for (const attribute of element.attributes ?? []) {
      assert.ok(attribute.description?.trim(), `attribute ${attribute.name}: no description`);
      assert.ok(attribute.type?.text, `attribute ${attribute.name}: no type`);
    }
    const attributes = new Set((element.attributes ?? []).map((attribute) => attribute.name));
    for (const shared of ['api-base', 'site', 'lang']) assert.ok(attributes.has(shared), `the shared attribute ${shared} is missing`);
    const fields = (element.members ?? []).filter((member) => member.kind === 'field');
    assert.ok(fields.length > 0, 'no properties');
    for (const field of fields) {
      assert.ok(field.description?.trim(), `property ${field.name}: no description`);
      assert.ok(field.type?.text, `property ${field.name}: no type`);
    }
    for (const method of (element.members ?? []).filter((member) => member.kind === 'method')) {
      assert.ok(method.description?.trim(), `method ${method.name}: no description`);
    }
    for (const event of element.events ?? []) {
      assert.ok(event.description?.trim(), `event ${event.name}: no description`);
      assert.match(event.type?.text ?? '', /Event$/, `event ${event.name}: no event class`);
      assert.ok(event.detailType?.text, `event ${event.name}: no detail type`);
    }
    for (const part of element.cssParts ?? []) assert.ok(part.description?.trim(), `part ${part.name}: no description`);
  });

  test(`${tag}: every --mb-* token, with its default`, () => {
    const tokens = readTokenDefaults(`${root}/src/elements/shared/tokens.ts`);
    const listed = new Map((elements.get(tag)!.cssProperties ?? []).map((p) => [p.name, p]));
    assert.deepEqual([...listed.keys()].sort(), [...tokens.keys()].sort());
    for (const [name, value] of tokens) {
      assert.equal(listed.get(name)!.default, value, `${name}: default`);
      assert.ok(listed.get(name)!.description?.trim(), `${name}: no description`);
    }
  });
}

for (const tag of ['signup-wizard', 'identity-verify']) {
  test(`${tag}: every data-part its templates render is listed`, () => {
    const listed = new Set((elements.get(tag)!.cssParts ?? []).map((part) => part.name));
    const files = globSync(`src/elements/${tag}/**/*.ts`, { cwd: root }).filter((file) => !file.endsWith('.test.ts'));
    const rendered = new Set(files.flatMap((file) => [...readFileSync(`${root}/${file}`, 'utf8').matchAll(/data-part="([^"$]+)"/g)].flatMap((m) => m[1]!.split(/\s+/))));
    assert.ok(rendered.size > 0);
    assert.deepEqual([...rendered].filter((part) => !listed.has(part)), []);
  });
}

test('README lists every --mb-* token and data-part as the manifest does', () => {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  assert.equal(readme, withThemeReference(readme, manifest), 'README.md is stale: run node scripts/cem/readme.mjs');
  for (const token of readTokenDefaults(`${root}/src/elements/shared/tokens.ts`).keys()) assert.ok(readme.includes(`| \`${token}\` |`), token);
  assert.doesNotMatch(readme, /shared\/tokens\.ts/, 'the theme section points at a file the package does not ship');
});

test('package.json names the shipped manifest', () => {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  assert.ok(pkg.files.includes('dist'));
  assert.match(pkg.scripts.build, /custom-elements-manifest analyze|cem analyze/);
});

test('module paths name files the package ships (dist/ export targets), and each public tag its define module', () => {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { exports: Record<string, string | Record<string, string>> };
  const targets = new Set(Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))).map((target) => target.replace(/^\.\//, '')));
  const references = JSON.stringify(manifest).match(/"(?:path|module)":"[^"]*"/g) ?? [];
  assert.ok(references.length > 0);
  for (const reference of new Set(references)) assert.ok(targets.has(JSON.parse(`{${reference}}`).path ?? JSON.parse(`{${reference}}`).module), `${reference} is not a file the package exports`);
  const definitions = manifest.modules.flatMap((module) => ((module as { exports?: { kind: string; name: string }[] }).exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => `${module.path} ${e.name}`));
  for (const tag of publicTags) assert.ok(definitions.includes(`dist/define-${tag}.js ${tag}`), `${tag}: no custom-element-definition in dist/define-${tag}.js`);
});

test('the surface plugin reads `static properties` + `declare` fields, drops internal state and non-element declarations', () => {
  const source = `
    import { LitElement } from 'lit';
    /**
     * A test element.
     * @tag x-probe
     * @summary Probe.
     * @method open - Opens it.
     */
    export class XProbe extends LitElement {
      static properties = { label: { type: String, attribute: 'label-text' }, busy: { state: true }, data: { attribute: false } };
      /** The label. */
      declare label: string;
      declare busy: boolean;
      /** Data for it. */
      declare data: { id: string } | undefined;
      /** Internal helper reached by other modules. */
      helper = 1;
      open(): void {}
      close(): void {}
    }
    export function helper(): void {}`;
  const module = ts.createSourceFile('src/x-probe.ts', source, ts.ScriptTarget.ES2015, true);
  const result = create({ modules: [module], plugins: [...litPlugin(), membershipSurfacePlugin({ tokenFile: `${root}/src/elements/shared/tokens.ts` })] }) as Manifest;
  const probe = result.modules[0]!.declarations!.find((d) => d.tagName === 'x-probe')!;
  assert.deepEqual(probe.attributes?.map((a) => a.name), ['label-text']);
  assert.deepEqual(probe.members?.map((m) => m.name).sort(), ['data', 'label', 'open']);
  assert.deepEqual(result.modules[0]!.declarations!.map((d) => d.name), ['XProbe'], 'only public elements and their events stay');
});

test('the surface plugin keeps the reactive properties a public element gets from a mixin', () => {
  const source = `
    import { LitElement } from 'lit';
    export const WithSettings = <T extends new (...a: any[]) => LitElement>(Base: T) => class extends Base {
      static properties = { site: {}, pending: { state: true } };
      /** Site id. */
      declare site: string | undefined;
      declare pending: boolean;
      helper = 1;
    };
    /**
     * B.
     * @tag y-probe
     */
    export class YProbe extends WithSettings(LitElement) {
      static properties = { own: {} };
      /** Own. */
      declare own: string;
    }`;
  const module = ts.createSourceFile('src/y-probe.ts', source, ts.ScriptTarget.ES2015, true);
  const result = create({ modules: [module], plugins: [...litPlugin(), membershipSurfacePlugin({ tokenFile: `${root}/src/elements/shared/tokens.ts` })] }) as Manifest;
  const probe = result.modules[0]!.declarations!.find((d) => d.tagName === 'y-probe')!;
  assert.deepEqual(probe.members?.map((m) => m.name).sort(), ['own', 'site']);
  assert.deepEqual(probe.attributes?.map((a) => a.name).sort(), ['own', 'site']);
});
