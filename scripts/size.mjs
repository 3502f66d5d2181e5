#!/usr/bin/env node
// `npm run size`: what each package entry costs a consumer, checked against the budgets in
// package.json "sizeBudgets". It measures dist/ and builds nothing itself: run `npm run build` first.
//
// How a budget is measured: every `exports` entry of package.json except ./cdn is bundled the way a
// consumer's bundler would take it — the entry's dist module with its dist/chunks AND its
// dependencies (lit, @lit/context, zod, ky), in memory with esbuild
// `{ bundle: true, minify: true, format: 'esm', platform: 'browser' }`. ./cdn is measured as
// shipped (dist/cdn/membership-elements.min.js). The budget applies to the gzip size (zlib level 9);
// raw and brotli (quality 11) are printed for information. A budget is a number of bytes or a string
// such as "8 KB" (1 KB = 1024 bytes). Every entry needs a budget, and every budget an entry.
//
// `npm run size -- --why` also lists the largest inputs of each bundle.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const why = process.argv.includes('--why');
const KB = 1024;

function parseBudget(key, value) {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|kB|KiB)?\s*$/.exec(String(value));
  if (!match) throw new Error(`sizeBudgets["${key}"]: "${value}" is not a size (bytes or "N KB")`);
  return Math.round(Number(match[1]) * (match[2] && match[2] !== 'B' ? KB : 1));
}

const entries = Object.entries(pkg.exports)
  .filter(([subpath]) => subpath !== './package.json')
  .map(([subpath, target]) => ({
    name: subpath === './cdn' ? 'cdn' : subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
    file: typeof target === 'string' ? target : target.default,
    asShipped: subpath === './cdn',
  }));

const missing = entries.filter(({ file }) => !existsSync(file));
if (missing.length) {
  console.error(`size: ${missing.map(({ file }) => file).join(', ')} missing.`);
  console.error('size: npm run size measures dist/ and does not build it: run `npm run build` first.');
  process.exit(1);
}

const budgetEntries = Object.entries(pkg.sizeBudgets ?? {}).filter(([key]) => !key.startsWith('//'));
const budgets = new Map(budgetEntries.map(([key, value]) => [key, parseBudget(key, value)]));

async function measure({ file, asShipped }) {
  if (asShipped) return { code: readFileSync(file), inputs: [] };
  const result = await build({
    entryPoints: [resolve(file)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outfile: 'size.js',
    metafile: why,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  const inputs = why
    ? Object.entries(Object.values(result.metafile.outputs)[0].inputs)
        .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 8)
    : [];
  return { code: output.contents, inputs };
}

const rows = [];
for (const entry of entries) {
  const { code, inputs } = await measure(entry);
  rows.push({
    ...entry,
    inputs,
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
    }).length,
    budget: budgets.get(entry.name),
  });
}

const bytes = (n) => n.toLocaleString('en-US');
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const table = [
  ['entry', 'raw B', 'gzip B', 'brotli B', 'gzip', 'budget (gzip)', ''],
  ...rows.map((row) => [
    row.name,
    bytes(row.raw),
    bytes(row.gzip),
    bytes(row.brotli),
    kb(row.gzip),
    row.budget === undefined ? '—' : `${bytes(row.budget)} (${kb(row.budget)})`,
    row.budget === undefined ? 'NO BUDGET' : row.gzip > row.budget ? 'OVER' : 'ok',
  ]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
console.log('Minified, bundled with chunks and dependencies (esbuild, browser); cdn as shipped.');
for (const line of table) {
  console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
}
if (why) {
  for (const row of rows.filter(({ inputs }) => inputs.length)) {
    console.log(`\n${row.name} — largest inputs (minified bytes before compression):`);
    for (const { path, bytes: size } of row.inputs) console.log(`  ${bytes(size).padStart(8)}  ${path}`);
  }
}

const failures = [];
for (const row of rows) {
  if (row.budget === undefined) failures.push(`${row.name} has no budget in package.json "sizeBudgets"`);
  else if (row.gzip > row.budget) {
    failures.push(`${row.name} is ${bytes(row.gzip)} B gzip, over its budget of ${bytes(row.budget)} B (${kb(row.budget)}) by ${bytes(row.gzip - row.budget)} B`);
  }
}
for (const key of budgets.keys()) {
  if (!rows.some(({ name }) => name === key)) failures.push(`sizeBudgets["${key}"] names no package entry`);
}
if (failures.length) {
  for (const failure of failures) console.error(`size budget FAILED: ${failure}`);
  process.exit(1);
}
console.log(`All ${rows.length} entries are within their gzip budgets.`);
