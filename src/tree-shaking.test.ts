// An app importing one element's class (or the provider) must not carry another element's code:
// class modules are pure, so a bundler drops what the app does not use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    minify: false,
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

// Names that only each element's own modules define.
const markers = {
  wizard: ['SignupWizard = class', 'signup-step-change'],
  identity: ['IdentityVerify = class', 'identity-verified'],
  provider: ['MembershipProvider = class'],
};

test('an app importing only IdentityVerify has no wizard code', async () => {
  const code = await bundle("import { IdentityVerify } from './src/identity-verify.ts'; customElements.define('x-id', IdentityVerify);");
  for (const marker of markers.identity) assert.ok(code.includes(marker), `keeps ${marker}`);
  for (const marker of [...markers.wizard, ...markers.provider]) assert.ok(!code.includes(marker), `drops ${marker}`);
});

test('an app importing only MembershipProvider has neither element', async () => {
  const code = await bundle("import { MembershipProvider } from './src/membership-provider.ts'; customElements.define('x-p', MembershipProvider);");
  for (const marker of markers.provider) assert.ok(code.includes(marker), `keeps ${marker}`);
  for (const marker of [...markers.wizard, ...markers.identity]) assert.ok(!code.includes(marker), `drops ${marker}`);
});

test('an app importing one class from the main entry drops the others', async () => {
  const code = await bundle("import { IdentityVerify } from './src/index.ts'; customElements.define('x-id', IdentityVerify);");
  for (const marker of markers.wizard) assert.ok(!code.includes(marker), `drops ${marker}`);
});

test('the testing fakes are not in the main entry', async () => {
  const code = await bundle("import * as all from './src/index.ts'; console.log(all);");
  assert.ok(!code.includes('fakeAddressAdapter'), 'no fake address adapter');
  assert.ok(!code.includes('createMockServer'), 'no in-memory server');
});
