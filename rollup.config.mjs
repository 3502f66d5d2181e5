// `npm run build` (rollup part). Three builds:
// 1. dist/*.js — one ESM module per package entry for bundlers (per element, its define module,
//    rules, api, testing); shared code in dist/chunks/; dependencies stay external; not minified.
// 2. dist/cdn/ — the CDN folder: membership-elements.min.js (a small autoloader) and hashed chunks
//    beside it, loaded when a tag first appears; manifest.json lists each chunk's imports.
// 3. dist/cdn/membership-elements.all.min.js — everything in one file, for sites that prefer one request.
// Declarations come from `tsc -p tsconfig.build.json` (TypeScript 7 has no JS API for a plugin).
import { publicElements } from './src/element-list.ts';
import { firstMessages } from './src/i18n/areas.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { compileLitTemplates } from '@lit-labs/compiler';
import { minifyHTMLLiterals } from 'minify-literals';
import { createRequire } from 'node:module';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const peers = Object.keys(pkg.peerDependencies ?? {});
const isDependency = (id) => [...dependencies, ...peers].some((name) => id === name || id.startsWith(`${name}/`));

// Lit's decorators need experimentalDecorators + useDefineForClassFields: false from tsconfig.
const typescript = () =>
  esbuild({
    tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    target: 'es2022',
  });

const inNodeModules = (id) => id?.includes('/node_modules/');

function onwarn(warning, warn) {
  // An import that resolves nowhere would silently become external: make it an error instead.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  // Dependencies' own quirks (zod's comment placement, its internal import cycles) are not ours.
  if (warning.code === 'INVALID_ANNOTATION' && inNodeModules(warning.id)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every(inNodeModules)) return;
  warn(warning);
}

// The TypeScript the Lit compiler is built against (its own dependency, not the project's TypeScript 7).
const litTs = createRequire(createRequire(import.meta.url).resolve('@lit-labs/compiler'))('typescript');

/**
 * Lit templates prepared at build time (@lit-labs/compiler): each `html` template becomes the parts list
 * lit-html would otherwise work out in the browser the first time it renders it (parsing the template's
 * HTML and walking it), a large share of the script time of a step's first drawing, for about 5% more bytes.
 */
function litTemplates() {
  return {
    name: 'lit-templates',
    transform(code, id) {
      if (inNodeModules(id) || !/\.ts$/.test(id) || !code.includes('html`')) return null;
      const { outputText, sourceMapText } = litTs.transpileModule(code, {
        fileName: id.replace(/\.ts$/, '.js'),
        compilerOptions: { target: litTs.ScriptTarget.ESNext, module: litTs.ModuleKind.ESNext, sourceMap: true },
        transformers: { before: [compileLitTemplates()] },
      });
      return { code: outputText, map: sourceMapText };
    },
  };
}

/**
 * The `css` templates minified (minify-literals, with Lightning CSS): the JS minifier leaves template
 * text alone, so the styles' comments, indentation and spaces would ship in every chunk. `html`
 * templates are left to litTemplates (their whitespace can be text a person reads).
 */
function cssLiterals() {
  return {
    name: 'css-literals',
    async transform(code, id) {
      if (inNodeModules(id) || !/\.ts$/.test(id) || !code.includes('css`')) return null;
      return minifyHTMLLiterals(code, { fileName: id, html: false, cssTags: ['css'] });
    },
  };
}

const cdnPlugins = ({ preload = false } = {}) => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  typescript(),
  cssLiterals(),
  litTemplates(),
  ...(preload ? [chunkPreloads()] : []),
  terser({ module: true, ecma: 2022 }),
];

/**
 * Writes into the CDN entry which chunks each of its dynamic imports needs (their static imports, all
 * the way down), so the autoloader fetches them at once with <link rel="modulepreload"> instead of
 * discovering them one level at a time. File names here are rollup's hash placeholders, which it
 * replaces with the final names.
 */
function chunkPreloads() {
  const placeholder = /(["'])__MB_CHUNK_DEPS__\1/;
  return {
    name: 'chunk-preloads',
    renderChunk(code, chunk, _options, { chunks }) {
      if (!placeholder.test(code)) return null;
      const byModule = (module) => Object.values(chunks).find((other) => other.facadeModuleId?.endsWith(module) || other.moduleIds.some((id) => id.endsWith(module)));
      const closure = (start) => {
        const out = new Set();
        const visit = (file) => {
          if (file === chunk.fileName || out.has(file)) return;
          out.add(file);
          for (const next of chunks[file]?.imports ?? []) visit(next);
        };
        visit(start);
        return [...out];
      };
      const files = (module, { imported = false } = {}) => {
        const target = byModule(module);
        if (!target) this.error(`chunk-preloads: no chunk for ${module}`);
        // A chunk the entry imports itself needs no preload link besides (each costs main-thread time).
        return closure(target.fileName).filter((file) => !imported || file !== target.fileName);
      };
      // Each tag's first words per locale (src/i18n/areas.ts, src/i18n/parts.ts): `ko:signup-wizard`, …
      const areaModule = (locale, area) => (area === 'core' ? `/src/i18n/core.${locale}.ts` : `/src/i18n/messages/${area}.${locale}.ts`);
      const words = Object.fromEntries(['ko', 'en'].flatMap((locale) => Object.entries(firstMessages).map(([tag, areas]) => [`${locale}:${tag}`, [...new Set(areas.flatMap((area) => files(areaModule(locale, area))))]])));
      const deps = { ...words };
      // Each tag's code; for an element whose first render waits for the site config, the client code of
      // that request too (its transport — ky, the error schema — and the site operation group).
      const client = ['/src/api/transport.ts', '/src/api/operations/site.ts'].flatMap((module) => files(module));
      for (const { tag, define, waitsForSiteConfig } of publicElements) deps[tag] = [...new Set([...files(`/${define}`, { imported: true }), ...(waitsForSiteConfig ? client : [])])];
      return { code: code.replace(placeholder, () => JSON.stringify(JSON.stringify(deps))), map: null };
    },
  };
}

/**
 * Chunks whose functions nearly all run soon after they load (the client, the signup flow and its checks) get
 * V8's file compile hint: Chromium then compiles them while streaming, off the main thread, instead of one
 * function at a time on first call (the client chunk's evaluation took about half the main-thread time at 4×;
 * other engines ignore the comment).
 */
function compileHints(names) {
  return {
    name: 'compile-hints',
    renderChunk: (code, chunk) => (names.includes(chunk.name) ? { code: `//# allFunctionsCalledOnLoad\n${code}`, map: null } : null),
  };
}

/** dist/cdn/manifest.json: each chunk's static and dynamic imports (for modulepreload and `npm run size`). */
function chunkManifest() {
  return {
    name: 'chunk-manifest',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[fileName] = {
          ...(output.isEntry ? { entry: true } : {}),
          // A dynamic entry merged with its only importer's modules has no facade: name it by its own module.
          ...((facade) => (facade ? { module: facade.replace(`${process.cwd()}/`, '') } : {}))(
            output.facadeModuleId ?? output.moduleIds.find((id) => id.endsWith(`/${output.name}.ts`) && !id.includes("/node_modules/")),
          ),
          imports: output.imports,
          dynamicImports: output.dynamicImports,
        };
      }
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(chunks, null, 2)}\n` });
      // What each chunk is made of (module, rendered code before minifying), for `npm run size -- --why`.
      // Written beside dist/cdn, not into it, and left out of the package ("files": "!dist/stats").
      const modules = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        modules[fileName] = Object.fromEntries(
          Object.entries(output.modules)
            .filter(([, module]) => module.renderedLength > 0)
            .map(([id, module]) => [id.replace(`${process.cwd()}/`, '').replace(/^\0/, ''), module.code ?? '']),
        );
      }
      mkdirSync('dist/stats', { recursive: true });
      writeFileSync('dist/stats/cdn-modules.json', JSON.stringify(modules));
    },
  };
}

/**
 * Each element's first control needs few files, because at 4× CPU throttling every request costs the page
 * about 7–10 ms of main-thread time (`npm run bench -- --detail`):
 * - `shared`: what the first controls of two or more elements import statically (Lit, the base element,
 *   the message registry, the client's front): loaded by every element, so safe for any later chunk too;
 * - `<tag>`: what only that element's first control imports, when no other element reaches it except
 *   through the element itself (the wizard's identity step renders <identity-verify>: that code stays one chunk);
 * - `client`: what every element's site-config request needs (ky, zod, the site's shapes), loaded beside
 *   the element, in one chunk rather than a handful of small ones that compress badly; `contract`: the
 *   shapes of people and companies, built only when an operation group that needs them loads;
 * - the rest (later steps, operation groups, message areas): rollup's own split.
 */
const firstControls = Object.fromEntries(publicElements.map(({ tag, define, element }) => [tag, [`/${define}`, `/${element}`]]));
let chunkPlan;
function elementChunks(id, { getModuleInfo, getModuleIds }) {
  if (/\/node_modules\/(ky|zod)\//.test(id) || /\/src\/api\/(error-schema|transport|operations\/site|shapes\/(site|lists|text))\.ts$/.test(id)) return 'client';
  // The shapes the later operation groups share, in one file beside the groups (not built with the site config).
  if (/\/src\/api\/(shapes\/(people|companies)|operations\/fields)\.ts$/.test(id)) return 'contract';
  // One plan per build (the module graph is complete when rollup asks for the first chunk).
  let plan = chunkPlan?.ids === getModuleIds ? chunkPlan.plan : undefined;
  if (!plan) {
    const ids = [...getModuleIds()];
    const find = (suffix) => ids.find((other) => other.endsWith(suffix)) ?? (() => { throw new Error(`manualChunks: no module ${suffix}`); })();
    const walk = (starts, { dynamic, blocked = new Set() }) => {
      const seen = new Set();
      const stack = [...starts];
      while (stack.length) {
        const next = stack.pop();
        if (seen.has(next) || blocked.has(next)) continue;
        seen.add(next);
        const info = getModuleInfo(next);
        stack.push(...(info?.importedIds ?? []), ...(dynamic ? (info?.dynamicallyImportedIds ?? []) : []));
      }
      return seen;
    };
    const gates = Object.fromEntries(Object.entries(firstControls).map(([tag, modules]) => [tag, modules.map(find)]));
    const first = Object.fromEntries(Object.entries(gates).map(([tag, [define]]) => [tag, walk([define], { dynamic: false })]));
    const reaches = new Map();
    const reach = (from, avoiding) => {
      const key = `${from}:${avoiding}`;
      if (!reaches.has(key)) reaches.set(key, walk([gates[from][0]], { dynamic: true, blocked: new Set(gates[avoiding]) }));
      return reaches.get(key);
    };
    plan = new Map();
    for (const [tag, closure] of Object.entries(first)) {
      for (const module of closure) {
        if (plan.has(module)) continue;
        const users = Object.keys(first).filter((other) => first[other].has(module));
        // Another element reaching it only through this one (its class or define module) loads this chunk
        // anyway; what another element reaches otherwise (a later part) goes to `shared` too: rollup would
        // otherwise pull it into this element's chunk with the modules that import it.
        const own = users.length === 1 && Object.keys(gates).every((other) => other === tag || !reach(other, tag).has(module));
        plan.set(module, own ? tag : 'shared');
      }
    }
    chunkPlan = { ids: getModuleIds, plan };
  }
  if (plan.has(id)) return plan.get(id);
  // Field rules by who loads them (not one chunk of all): the digit helpers every field rule uses, the flow's
  // login-id check, and the person and phone rules identity-verify's mobile part needs — without the login-id,
  // company, address and password rules it does not.
  if (/\/src\/rules\/digits\.ts$/.test(id)) return 'digits';
  if (/\/src\/rules\/login-id\.ts$/.test(id)) return 'login-id';
  if (/\/src\/rules\/(phone|person|birth-date)\.ts$/.test(id)) return 'person-rules';
  // The client itself, which elements hold from the start: kept out of `client`, which would otherwise
  // take it in as a dependency of its modules and load ky and zod with the element.
  if (/\/src\/api\/(client|errors|operation|operation-groups)\.ts$/.test(id)) return 'api';
  return undefined;
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      // Per element: its class module (`membership-elements/<tag>`) and its define module.
      ...Object.fromEntries(publicElements.flatMap(({ tag, define }) => [[tag, `src/${tag}.ts`], [`define-${tag}`, define]])),
      rules: 'src/rules/index.ts',
      api: 'src/api/index.ts',
      testing: 'src/testing.ts',
    },
    external: isDependency,
    plugins: [typescript()],
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Each module imports only what it uses; bundlers walk the graph themselves.
      hoistTransitiveImports: false,
      sourcemap: true,
    },
  },
  {
    input: { 'membership-elements.min': 'src/cdn.ts' },
    // The entry keeps its own code (no facade re-exporting a chunk: one request less).
    preserveEntrySignatures: 'allow-extension',
    // After terser (plugin order), which would drop the hint comment.
    plugins: [...cdnPlugins({ preload: true }), compileHints(['client', 'contract', 'browser-flow', 'checks']), chunkManifest()],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      manualChunks: elementChunks,
      // Chunks import each other by relative URL, so the folder works from any CDN path.
      sourcemap: false,
    },
  },
  {
    input: 'src/cdn-all.ts',
    plugins: cdnPlugins(),
    onwarn,
    output: {
      file: 'dist/cdn/membership-elements.all.min.js',
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: false,
    },
  },
];
