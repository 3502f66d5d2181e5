// Custom Elements Manifest (dist/custom-elements.json), read by Storybook, IDEs and the framework
// typings. Tags come from each public class's `@tag` (the analyzer does not see `defineElement`).
// Module paths are the shipped `dist/` entries (scripts/cem/shipped-paths.mjs): src/ does not ship.
import { shippedPathsPlugin } from './scripts/cem/shipped-paths.mjs';
import { membershipSurfacePlugin } from './scripts/cem/surface-plugin.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [membershipSurfacePlugin(), shippedPathsPlugin()],
};
