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

test('a page with a MembershipClient loads no contract shapes, zod or ky up front: each operation group comes on its first call', async () => {
  const result = await build({
    stdin: { contents: "import { MembershipClient } from './src/api/client.ts'; console.log(new MembershipClient({ apiBase: '/api/', siteId: 's' }));", resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outdir: `${root}tree-shaking-out`,
    metafile: true,
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === 'app.ts');
  const upFront = new Set<string>();
  const visit = (path: string) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const { path: next, kind } of outputs[path]!.imports) if (kind === 'import-statement') visit(next);
  };
  visit(entry!);
  const inputs = [...upFront].flatMap((path) => Object.keys(outputs[path]!.inputs));
  assert.ok(inputs.some((input) => input.endsWith('src/api/client.ts')), 'keeps the client');
  for (const input of inputs) {
    assert.ok(!/node_modules\/(zod|ky)\//.test(input), `no ${input} up front`);
    assert.ok(!/src\/api\/(contract|schemas|error-schema|operations\/)/.test(input), `no ${input} up front`);
  }
  const lazy = Object.values(outputs).flatMap((output) => Object.keys(output.inputs));
  assert.ok(lazy.some((input) => input.endsWith('src/api/operations/company.ts')), 'the company group is a lazy chunk');
});
