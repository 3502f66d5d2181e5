// The React and Vue typings generated from the manifest compile a typed host example, and reject
// a wrong attribute value (each example carries `@ts-expect-error` lines that fail if unused).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error the analyzer ships no types for its CLI module
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the checkout, so the typings resolve `react` and `vue` from its node_modules as they would in a host's.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const work = mkdtempSync(join(root, 'node_modules/.cache/membership-frameworks-'));
after(() => rmSync(work, { recursive: true, force: true }));

const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
writeFileSync(join(work, 'custom-elements.json'), JSON.stringify(manifest));
const generate = spawnSync(process.execPath, ['scripts/cem/frameworks.mjs', join(work, 'custom-elements.json'), join(work, 'frameworks'), join(root, 'src/index.ts')], { cwd: root, encoding: 'utf8' });

function compile(example: string, jsx: boolean): { status: number | null; output: string } {
  const config = join(work, `tsconfig.${jsx ? 'react' : 'vue'}.json`);
  writeFileSync(config, JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    compilerOptions: {
      noEmit: true,
      ...(jsx ? { jsx: 'react-jsx' } : {}),
      types: [],
      paths: {
        'membership-elements': [join(root, 'src/index.ts')],
        'membership-elements/react': [join(work, 'frameworks/react.d.ts')],
        'membership-elements/vue': [join(work, 'frameworks/vue.d.ts')],
      },
    },
    include: [],
    files: [join(root, example)],
  }));
  const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('the typings are generated from the manifest', () => {
  assert.equal(generate.status, 0, generate.stderr);
});

test('React 19: JSX.IntrinsicElements types attributes, properties and on… event props', () => {
  const result = compile('test/frameworks/react-example.tsx', true);
  assert.equal(result.status, 0, result.output);
});

test('Vue: GlobalComponents types attributes and event handlers', () => {
  const result = compile('test/frameworks/vue-example.ts', false);
  assert.equal(result.status, 0, result.output);
});
