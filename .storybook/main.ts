import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // mockServiceWorker.js must be served from the root (TOOLCHAIN pitfall 3).
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    viteConfig.optimizeDeps ??= {};
    // One copy of Lit's directive helpers (TOOLCHAIN pitfall 6).
    viteConfig.optimizeDeps.include = [...(viteConfig.optimizeDeps.include ?? []), 'lit/directive-helpers.js'];
    // msw's dependencies must load their browser builds.
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = ['browser', 'development', 'module', 'import', 'default'];
    return viteConfig;
  },
};

export default config;
