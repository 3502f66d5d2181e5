import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
// @ts-expect-error served by the plugin in main.ts
import manifest from 'virtual:custom-elements-manifest';
import { html } from 'lit';
import { startMockApi } from '../test/support/api.ts';
import { setWaitDefaults } from '../test/support/wait.ts';
import '../src/define.ts';

// Every element's docs page lists its attributes, properties, events, data-parts and --mb-* tokens.
setCustomElementsManifest(manifest);

// The reference server runs inside the page (MSW, in-memory store, seeded demo data): every story
// talks to the real API behaviour without a backend. Exported for stories/support/api.ts, which lets
// one story override an answer (worker.use) and puts the real one back afterwards (resetHandlers).
// The per-client rate limits are scaled ×10 (`rateLimitScale`, as the browser tests scale them ×100):
// the whole Storybook session is one client, and a designer clicking through the stories that verify by
// mobile would otherwise meet the real limit (10 codes a minute) after ten of them.
export const { mock, worker } = await startMockApi({ config: { rateLimitScale: 10 } });

// Play functions wait longer than the browser tests: a designer's machine runs the dev server too.
setWaitDefaults({ timeout: 10_000 });

/** Every story sits in a <membership-provider> with the toolbar's site and language. */
const withProvider: Decorator = (story, context) => html`<membership-provider
  api-base=${mock.apiBase}
  site=${context.globals['site'] ?? 'trade'}
  lang=${context.globals['locale'] ?? 'ko'}
  >${story()}</membership-provider
>`;

const preview: Preview = {
  decorators: [withProvider],
  globalTypes: {
    locale: {
      description: 'UI language',
      toolbar: { title: 'Language', icon: 'globe', items: [{ value: 'ko', title: '한국어' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    site: {
      description: 'Sibling site of the unified membership',
      toolbar: { title: 'Site', icon: 'home', items: [{ value: 'trade', title: 'trade (KOTRA-like)' }, { value: 'animal', title: 'animal (Animal Protection-like)' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'ko', site: 'trade' },
  parameters: { layout: 'padded' },
};

export default preview;
