import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const manifestModule = 'virtual:custom-elements-manifest';

/** Serves the Custom Elements Manifest (analysed from src/, as `npm run build` does) to preview.ts. */
function customElementsManifest(): Plugin {
  return {
    name: 'membership-custom-elements-manifest',
    resolveId: (id) => (id === manifestModule ? `\0${manifestModule}` : undefined),
    async load(id) {
      if (id !== `\0${manifestModule}`) return undefined;
      // @ts-expect-error the analyzer ships no types for its CLI module
      const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
      const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: process.cwd(), noWrite: true });
      return `export default ${JSON.stringify(manifest)};`;
    },
  };
}

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // mockServiceWorker.js must be served from the root, where the worker's scope starts (docs/toolchain.md).
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig, { configType }) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), customElementsManifest()];
    viteConfig.optimizeDeps ??= {};
    // One copy of Lit's directive helpers, else "multiple versions of Lit" (docs/toolchain.md).
    viteConfig.optimizeDeps.include = [...(viteConfig.optimizeDeps.include ?? []), 'lit/directive-helpers.js'];
    // msw's dependencies must load their browser builds; Lit's development build only in `storybook dev`.
    viteConfig.resolve ??= {};
    const development = configType === 'DEVELOPMENT' ? ['development'] : [];
    viteConfig.resolve.conditions = ['browser', ...development, 'module', 'import', 'default'];
    return viteConfig;
  },
};

export default config;
