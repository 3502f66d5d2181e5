import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import { apiBase } from '../support/api.ts';
import { verifierIn, waitFor } from '../support/drive.ts';

interface ProviderArgs {
  site: 'trade' | 'animal';
  lang: 'ko' | 'en';
  /** `lang` of the element inside, which wins over the provider's. */
  elementLang?: 'ko' | 'en';
}

/**
 * `<membership-provider>` gives every membership element inside it the API base, site, language,
 * policy and adapters; an element's own attribute wins. It draws nothing itself.
 */
const meta = {
  title: 'Membership/Membership provider',
  component: 'membership-provider',
  tags: ['autodocs'],
  render: (args) => html`<membership-provider api-base=${apiBase} site=${args.site} lang=${args.lang}>
    <identity-verify purpose="find-id" lang=${ifDefined(args.elementLang)}></identity-verify>
  </membership-provider>`,
  argTypes: {
    site: { control: 'inline-radio', options: ['trade', 'animal'], description: '`site`: the sibling site of the unified membership.' },
    lang: { control: 'inline-radio', options: ['ko', 'en'], description: '`lang`: language of every element inside.' },
    elementLang: { control: 'inline-radio', options: [undefined, 'ko', 'en'], description: '`lang` on the `<identity-verify>` inside: wins over the provider\'s.' },
  },
  args: { site: 'trade', lang: 'en' },
  parameters: {
    docs: {
      description: {
        component:
          'One place for the settings every element inside shares: `api-base`, `site`, `lang`, and the `policy`, `addressSearch` and `client` properties. ' +
          'Each element may still set any of them itself, and its own value wins. Here it wraps an `<identity-verify>`.',
      },
    },
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const SharedSettings: Story = {
  parameters: describe('The provider says English and the trade site: the element inside loads that site\'s methods and speaks English.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await waitFor(() => verifier.textContent?.includes('Choose how to verify your identity.'), 'the English method choice');
    await expect(verifier.closest('membership-provider')?.getAttribute('lang')).toBe('en');
  },
};

export const ElementWins: Story = {
  args: { lang: 'en', elementLang: 'ko' },
  parameters: describe('The provider says English, the element says Korean: the element\'s own attribute wins.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await waitFor(() => verifier.textContent?.includes('인증 방법을 선택해 주세요.'), 'the Korean method choice');
    await expect(verifier.textContent).not.toContain('Choose how to verify your identity.');
  },
};
