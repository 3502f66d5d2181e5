// `npm run build` (rollup part). Two builds:
// 1. dist/*.js — one ESM module per package entry for bundlers; shared code in dist/chunks/;
//    dependencies stay external; not minified; with sourcemaps.
// 2. dist/cdn/membership-elements.min.js — one self-contained, minified ESM file for a plain
//    <script type="module">: define + everything index exports, dependencies bundled.
// Declarations come from `tsc -p tsconfig.build.json` (TypeScript 7 has no JS API for a plugin).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const isDependency = (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

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
  // define.ts imports nothing until the elements land; an empty side-effect entry is expected.
  if (warning.code === 'EMPTY_BUNDLE' && warning.names?.includes('define')) return;
  warn(warning);
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      rules: 'src/rules/index.ts',
      api: 'src/api/index.ts',
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
    input: 'src/cdn.ts',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      typescript(),
      terser({ module: true, ecma: 2022 }),
    ],
    onwarn,
    output: {
      file: 'dist/cdn/membership-elements.min.js',
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: false,
    },
  },
];
