#!/usr/bin/env node
// `npm run size`: what each package entry costs a consumer, checked against the budgets in
// package.json "sizeBudgets". It measures dist/ and builds nothing itself: run `npm run build` first.
//
// How a budget is measured: every `exports` entry of package.json except the ./cdn ones is bundled
// the way a consumer's bundler would take it — the entry's dist module with its dist/chunks AND its
// dependencies (lit, @lit/context, zod, ky), in memory with esbuild
// `{ bundle: true, minify: true, splitting: true, format: 'esm', platform: 'browser' }`, counting what
// loads up front: the entry's output and its static imports (not the chunks of dynamic imports). ./cdn/all is measured as
// shipped. The CDN folder (./cdn) is measured the way a browser loads it, file by file, from
// dist/cdn/manifest.json: `cdn entry` = the entry file alone; `cdn <tag> first control (ko)` = every
// file the browser fetches before the element can render — the entry, the tag's chunk with its static
// imports, the Korean catalogue with its imports, and the client code of the site-config request the
// first render waits for (ky, the error schema, the getSiteConfig operation group; not for the wizard,
// whose first step shows before the settings arrive: for it, `cdn <tag> beside first control` is that
// client code, fetched in parallel and loaded by the time of any later step, and `… beside first
// control: words` the message areas it adds right after its first render); `cdn <tag> later:
// <chunk>` = each chunk that element imports on demand (`later (api)`: an operation group the client
// loads on its first call of one of its operations), with its static imports not loaded yet — for the
// wizard's steps, not loaded by the first control nor by the steps before it (see journeyBefore). Each file counts gzipped on its
// own (one response each). The budget applies to the gzip size (zlib level 9);
// raw and brotli (quality 11) are printed for information. A budget is a number of bytes or a string
// such as "8 KB" (1 KB = 1024 bytes). Every entry needs a budget, and every budget an entry.
//
// `npm run size -- --why` also lists the largest inputs of each bundle, and for each cdn row what its
// gzip bytes are made of: each module's share of its chunk's gzip size, in proportion to the module's
// minified size (from dist/stats/cdn-modules.json, written by the build), grouped by package or folder.
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { publicElements } from '../src/element-list.ts';
import { afterFirstRenderMessages, firstMessages, identityPartMessages, messageAreas, stepMessages } from '../src/i18n/areas.ts';
import { build, transform } from 'esbuild';

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
  .filter(([subpath]) => subpath !== './package.json' && subpath !== './cdn')
  .map(([subpath, target]) => ({
    name: subpath === '.' ? pkg.name : subpath === './cdn/all' ? 'cdn all-in-one' : `${pkg.name}/${subpath.slice(2)}`,
    file: typeof target === 'string' ? target : target.default,
    asShipped: subpath === './cdn/all',
  }))
  // Type-only exports (React/Vue typings) and the manifest are no code a browser loads.
  .filter(({ file }) => typeof file === 'string' && file.endsWith('.js'));
const cdnDir = 'dist/cdn';
const manifestFile = `${cdnDir}/manifest.json`;
const statsFile = 'dist/stats/cdn-modules.json';
entries.push({ name: 'cdn', file: manifestFile, cdn: true });

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
  // Code splitting on, as an app's bundler does: what the app loads up front is the entry's output with
  // its static imports; dynamic imports (later steps, the client's operation groups) are not counted.
  const result = await build({
    entryPoints: [resolve(file)],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outdir: resolve('size-out'),
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((path) => outputs[path].entryPoint === relative(process.cwd(), resolve(file)));
  const upFront = new Set();
  const visit = (path) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const { path: next, kind } of outputs[path].imports) if (kind === 'import-statement') visit(next);
  };
  visit(entryOut);
  const code = Buffer.concat(result.outputFiles.filter((output) => upFront.has(relative(process.cwd(), output.path))).map((output) => output.contents));
  const inputs = why
    ? [...upFront].flatMap((path) => Object.entries(outputs[path].inputs))
        .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 8)
    : [];
  return { code, inputs };
}

const gz = (code) => gzipSync(code, { level: 9 }).length;

/** Rows for the CDN folder, measured file by file as a browser fetches them. */
function cdnRows() {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const files = Object.keys(manifest);
  const closure = (start, have = new Set()) => {
    const out = new Set();
    const visit = (file) => {
      if (have.has(file) || out.has(file)) return;
      out.add(file);
      for (const next of manifest[file].imports) visit(next);
    };
    visit(start);
    return out;
  };
  // A module's chunk: by the manifest's name, else (merged into another chunk) by the build's module lists.
  const stats = existsSync(statsFile) ? JSON.parse(readFileSync(statsFile, 'utf8')) : {};
  const byModule = (module) => files.find((file) => manifest[file].module === module) ?? files.find((file) => module in (stats[file] ?? {}));
  const sizeOf = (set) => {
    const code = Buffer.concat([...set].map((file) => readFileSync(`${cdnDir}/${file}`)));
    return { raw: code.length, gzip: [...set].reduce((sum, file) => sum + gz(readFileSync(`${cdnDir}/${file}`)), 0), brotli: brotliCompressSync(code).length, code };
  };
  const entry = files.find((file) => manifest[file].entry);
  // The message areas (src/i18n/areas.ts), one chunk per locale and area.
  const partModule = (locale, area) => (area === 'core' ? `src/i18n/core.${locale}.ts` : `src/i18n/messages/${area}.${locale}.ts`);
  const part = (locale, area) => {
    const file = byModule(partModule(locale, area));
    if (!file) throw new Error(`size: no chunk for ${partModule(locale, area)} in ${manifestFile}`);
    return file;
  };
  const catalogues = new Set(['ko', 'en'].flatMap((locale) => messageAreas.map((area) => part(locale, area))));
  const korean = (areas) => areas.flatMap((area) => [...closure(part('ko', area))]);
  const rows = [{ name: 'cdn entry', files: [entry], ...sizeOf(new Set([entry])) }];
  for (const { tag, define: defineModule, waitsForSiteConfig, beside: besideModule } of publicElements) {
    const define = byModule(defineModule);
    if (!define) throw new Error(`size: no chunk for ${defineModule} in ${manifestFile}`);
    // The first render waits for the site config: the client's code for that call (its transport —
    // ky, the error schema — and the getSiteConfig operation group, loaded when the client is built) counts too.
    const clientFirst = ['src/api/operations/site.ts', 'src/api/transport.ts'].map((module) => {
      const file = byModule(module);
      if (!file) throw new Error(`size: no chunk for ${module} in ${manifestFile}`);
      return closure(file);
    });
    // An element whose first render does not wait for the settings (the wizard: first-step.browser.test.ts)
    // loads the config's client code beside it, not before it (src/element-list.ts).
    const first = new Set([...closure(entry), ...closure(define), ...korean(firstMessages[tag]), ...(waitsForSiteConfig ? clientFirst.flatMap((set) => [...set]) : [])]);
    rows.push({ name: `cdn ${tag} first control (ko)`, files: [...first], ...sizeOf(first) });
    // The wizard asks for the settings when it connects, beside its first step: that client code is not
    // awaited by the first control, but it is loaded by then, not by a later step.
    const beside = new Set(clientFirst.flatMap((set) => [...set]).filter((file) => !first.has(file)));
    if (beside.size > 0) rows.push({ name: `cdn ${tag} beside first control: site-config client`, files: [...beside], ...sizeOf(beside), beside: true });
    // The words it loads right after its first render (src/i18n/areas.ts afterFirstRenderMessages: the config's failure), beside it too.
    const besideWords = new Set(korean(afterFirstRenderMessages[tag] ?? []).filter((file) => !first.has(file) && !beside.has(file)));
    if (besideWords.size > 0) rows.push({ name: `cdn ${tag} beside first control: words`, files: [...besideWords], ...sizeOf(besideWords), beside: true });
    // Code loaded right after the first render too (the wizard's flow, src/flows/signup/browser-flow.ts:
    // flow-code.browser.test.ts): counted as a chunk of its own, with the later-chunk budget.
    const flow = besideModule ? closure(byModule(besideModule), new Set([...first, ...beside, ...besideWords])) : new Set();
    if (flow.size > 0) rows.push({ name: `cdn ${tag} beside first control: flow`, files: [...flow], ...sizeOf(flow), later: true });
    const loaded = new Set([...first, ...beside, ...besideWords, ...flow]);
    // What the element imports on demand (not the catalogues), each with what is not loaded yet.
    const later = new Set([...loaded].flatMap((file) => manifest[file].dynamicImports).filter((file) => !loaded.has(file) && !catalogues.has(file) && !Object.values(manifest).some((c) => c.entry && c.dynamicImports?.includes(file)) && !manifestEntryLoads(manifest, entry, file)));
    const reached = new Map();
    for (const chunk of later) {
      // A step reached only after others finds their chunks loaded already (journeyBefore).
      const before = (journeyBefore[manifest[chunk].module] ?? []).map(byModule).filter(Boolean);
      const step = /\/steps\/(\w+)-step\.ts$/.exec(manifest[chunk].module ?? '')?.[1];
      const stepAreas = (name) => korean(stepMessages[name] ?? []);
      const have = new Set([...loaded, ...before.flatMap((file) => [...closure(file, loaded), ...stepAreas(/\/steps\/(\w+)-step\.ts$/.exec(manifest[file].module ?? '')?.[1])])]);
      // A step's words (its message areas, in Korean) load with its code.
      // identity-verify's parts likewise (identityPartMessages).
      const part = /\/identity-verify\/(\w+)-part\.ts$/.exec(manifest[chunk].module ?? '')?.[1];
      const words = step ? stepAreas(step) : part ? korean(identityPartMessages[part] ?? []) : [];
      const more = new Set([...closure(chunk, have), ...words.filter((file) => !have.has(file))]);
      const api = manifest[chunk].module?.startsWith('src/api/') ? ' (api)' : '';
      rows.push({ name: `cdn ${tag} later${api}: ${chunk.replace(/-[\w-]{8}\.js$/, '')}`, files: [...more], ...sizeOf(more), later: true });
      // What this chunk loads on demand itself (the address field's search panel; in the wizard, identity-verify's
      // parts): a row of its own, beside what was loaded by then (the first chunk in the journey that reaches it).
      for (const inner of [...more].flatMap((file) => manifest[file].dynamicImports)) {
        if (!loaded.has(inner) && !later.has(inner) && !catalogues.has(inner) && !reached.has(inner)) reached.set(inner, new Set([...have, ...more]));
      }
    }
    for (const [chunk, have] of reached) {
      const part = /\/identity-verify\/(\w+)-part\.ts$/.exec(manifest[chunk].module ?? '')?.[1];
      const more = new Set([...closure(chunk, have), ...(part ? korean(identityPartMessages[part] ?? []) : []).filter((file) => !have.has(file))]);
      rows.push({ name: `cdn ${tag} later: ${chunk.replace(/-[\w-]{8}\.js$/, '')}`, files: [...more], ...sizeOf(more), later: true });
    }
  }
  const total = files.reduce((sum, file) => sum + gz(readFileSync(`${cdnDir}/${file}`)), 0);
  return { rows, total, count: files.length };
}

/** The wizard's steps come in this order (company only for corporate members, so review assumes it was
 *  skipped): a step's row counts only what the steps before it did not load. */
const wizardSteps = 'src/elements/signup-wizard/steps';
// The journey in order: the flow's rules load once the settings arrive, before the consent step is left;
// the company step is for corporate members only, so the review and done steps assume it was skipped.
const journey = ['consent-step', 'src/flows/signup/checks.ts', 'identity-step', 'details-step', 'company-step', 'review-step', 'done-step']
  .map((name) => (name.startsWith('src/') ? name : `${wizardSteps}/${name}.ts`));
const journeyBefore = Object.fromEntries(journey.map((module, index) => [module, journey.slice(0, index).filter((earlier) => !earlier.endsWith('/company-step.ts'))]));

/** Chunks the entry itself may import (the element chunks): not "later" chunks of an element. */
function manifestEntryLoads(manifest, entry, file) {
  return [...(function* walk(f, seen = new Set()) {
    if (seen.has(f)) return;
    seen.add(f);
    yield* manifest[f].dynamicImports;
    for (const next of manifest[f].imports) yield* walk(next, seen);
  })(entry)].includes(file);
}

const rows = [];
let cdnTotal;
for (const entry of entries) {
  if (entry.cdn) {
    const { rows: cdn, total, count } = cdnRows();
    cdnTotal = { total, count };
    for (const row of cdn) rows.push({ ...row, inputs: [], budget: budgets.get(row.later ? 'cdn later chunk' : row.beside ? 'cdn site-config client' : row.name) });
    continue;
  }
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
console.log('Bundler entries: minified, bundled with chunks and dependencies (esbuild, browser). cdn rows: files as a browser fetches them, gzip per file.');
for (const line of table) {
  console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd());
}
if (cdnTotal) console.log(`CDN folder: ${cdnTotal.count} chunks, ${bytes(cdnTotal.total)} B gzip in all (${kb(cdnTotal.total)}; every element, both locales, the all-in-one file excluded).`);
if (why) {
  for (const row of rows.filter(({ inputs }) => inputs.length)) {
    console.log(`\n${row.name} — largest inputs (minified bytes before compression):`);
    for (const { path, bytes: size } of row.inputs) console.log(`  ${bytes(size).padStart(8)}  ${path}`);
  }
}

if (why) await explainCdn(rows.filter((row) => row.files));

/** Per-module contribution to each cdn row (estimated: a chunk's gzip split by minified bytes). */
async function explainCdn(cdnRowList) {
  if (!existsSync(statsFile)) return console.log(`\n(no ${statsFile}: rebuild to see what the cdn rows are made of)`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  const shares = new Map();
  const sharesOf = async (file) => {
    if (shares.has(file)) return shares.get(file);
    const modules = await Promise.all(
      Object.entries(stats[file] ?? {}).map(async ([id, code]) => ({ id, min: (await transform(code, { minify: true, format: 'esm', loader: 'js', logLevel: 'silent' }).catch(() => ({ code }))).code.length })),
    );
    const total = modules.reduce((sum, { min }) => sum + min, 0) || 1;
    const chunkGz = gz(readFileSync(`${cdnDir}/${file}`));
    const out = modules.map(({ id, min }) => ({ id, min, gz: (chunkGz * min) / total }));
    shares.set(file, out);
    return out;
  };
  const group = (id) => {
    const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
    if (dep) return dep[1];
    return id.replace(/\/[^/]+$/, '/');
  };
  for (const row of cdnRowList) {
    const modules = (await Promise.all(row.files.map(sharesOf))).flat();
    const groups = new Map();
    for (const { id, gz: size } of modules) groups.set(group(id), (groups.get(group(id)) ?? 0) + size);
    console.log(`\n${row.name} — ${kb(row.gzip)} gzip, by package/folder (estimated share of gzip):`);
    for (const [name, size] of [...groups].sort((a, b) => b[1] - a[1]).filter(([, size]) => size >= 100)) console.log(`  ${kb(size).padStart(8)}  ${name}`);
    console.log('  largest modules:');
    for (const { id, gz: size } of modules.sort((a, b) => b.gz - a.gz).slice(0, why === true && process.argv.includes("--all") ? 999 : 15)) console.log(`  ${kb(size).padStart(8)}  ${id}`);
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
  if (key !== 'cdn later chunk' && key !== 'cdn site-config client' && !rows.some(({ name }) => name === key)) failures.push(`sizeBudgets["${key}"] names no package entry`);
}
if (failures.length) {
  for (const failure of failures) console.error(`size budget FAILED: ${failure}`);
  process.exit(1);
}
console.log(`All ${rows.length} entries are within their gzip budgets.`);
