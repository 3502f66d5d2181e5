#!/usr/bin/env node
// Last step of `npm run build`: makes the emitted declarations usable by consumers, then checks the
// package's `exports` targets exist.
// tsc rewrites `./x.ts` to `./x.js` in emitted JS (rewriteRelativeImportExtensions) but not in
// .d.ts files (microsoft/TypeScript#61037), so consumers' tools would look for .ts sources we don't
// ship. Rewrite relative `.ts` specifiers to `.js` here, then fail if any relative specifier in
// dist/types does not resolve to a declaration file.
import { existsSync, globSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const typesDir = 'dist/types';
if (!existsSync(typesDir)) {
  console.error(`${typesDir} is missing: run tsc -p tsconfig.build.json first.`);
  process.exit(1);
}

// `from '…'`, `import '…'`, `import('…')`, `declare module '…'` with a relative specifier.
const specifier = /(\bfrom\s*|\bimport\s*\(?\s*|\bmodule\s+)(['"])(\.{1,2}\/[^'"\n]*)\2/g;
const tsToJs = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };
const problems = [];
let rewritten = 0;

for (const file of globSync(`${typesDir}/**/*.d.{ts,mts,cts}`)) {
  const source = readFileSync(file, 'utf8');
  const output = source.replace(specifier, (match, before, quote, path) => {
    if (/\.d\.[mc]?ts$/.test(path)) return match;
    const ext = Object.keys(tsToJs).find((tsExt) => path.endsWith(tsExt));
    if (!ext) return match;
    rewritten += 1;
    return `${before}${quote}${path.slice(0, -ext.length)}${tsToJs[ext]}${quote}`;
  });
  if (output !== source) writeFileSync(file, output);

  for (const [, , , path] of output.matchAll(specifier)) {
    const declaration = join(dirname(file), path).replace(/\.([mc]?)js$/, '.d.$1ts');
    if (!/\.[mc]?js$/.test(path)) problems.push(`${file}: "${path}" does not end in .js`);
    else if (!existsSync(declaration)) problems.push(`${file}: "${path}" → ${declaration} is missing`);
  }
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// Declarations may only name packages a consumer is sure to have. A Lit element's inferred
// `render()` type, e.g., becomes `import("lit-html")`, which strict installs (pnpm) cannot resolve:
// annotate it (`TemplateResult` from 'lit') rather than declare lit's internals as our dependencies.
const bareSpecifier = /(\bfrom\s*|\bimport\s*\(?\s*)(['"])([^./'"\n][^'"\n]*)\2/g;
const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }));
const undeclared = new Map();
for (const file of globSync(`${typesDir}/**/*.d.{ts,mts,cts}`)) {
  for (const [, , , path] of readFileSync(file, 'utf8').matchAll(bareSpecifier)) {
    const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
    if (!declared.has(name) && !name.startsWith('node:')) undeclared.set(`${file}: "${path}"`, name);
  }
}
for (const [where, name] of undeclared) problems.push(`${where} — "${name}" is not a dependency`);
for (const [entry, target] of Object.entries(pkg.exports ?? {})) {
  for (const path of typeof target === 'string' ? [target] : Object.values(target)) {
    if (!existsSync(path)) problems.push(`package.json exports["${entry}"]: ${path} is missing`);
  }
}

if (problems.length) {
  console.error(`Declaration/exports check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`dist/types: ${rewritten} relative .ts specifiers rewritten to .js; all specifiers and exports resolve.`);
