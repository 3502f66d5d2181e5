import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { SiteConfig, TermsDocument } from '../../src/api/index.ts';
import { ConsentList, type ConsentChoices } from '../../src/elements/shared/consent-list.ts';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { clientFor } from '../support/api.ts';
import { $, settle } from '../support/drive.ts';

defineElement('mb-consent-list', ConsentList);

interface ConsentArgs {
  /** Which answers to start from. */
  answers: 'none' | 'all' | 'required-only' | 'marketing-refused';
  /** `error`: a code after a submit found a required item not agreed. */
  error?: string;
  /** Name the unified membership's sites above the terms. */
  siblingSites: boolean;
}

interface Loaded {
  documents: TermsDocument[];
  siteConfig: SiteConfig;
}

function choicesFor(documents: readonly TermsDocument[], answers: ConsentArgs['answers']): ConsentChoices {
  const choices: ConsentChoices = {};
  for (const document of documents) {
    if (answers === 'all') choices[document.documentId] = true;
    if (answers === 'required-only' && document.required) choices[document.documentId] = true;
    if (answers === 'marketing-refused') choices[document.documentId] = document.category === 'marketing' ? false : true;
  }
  return choices;
}

/**
 * `<mb-consent-list>` with the site's real signup terms, loaded from the API with the client
 * (`listTerms`, and `getSiteConfig` for the sibling sites): switch the toolbar's site to see the other
 * site's documents. Nothing is ever pre-checked; [필수] items first; marketing flagged.
 */
const meta = {
  title: 'Membership/Widgets/Consent list',
  component: 'mb-consent-list',
  tags: ['autodocs'],
  loaders: [
    async ({ globals }): Promise<Loaded> => {
      const client = clientFor((globals['site'] as string | undefined) ?? 'trade');
      const [{ documents }, siteConfig] = await Promise.all([client.call('listTerms', { query: { purpose: 'signup' } }), client.call('getSiteConfig', {})]);
      return { documents, siteConfig };
    },
  ],
  render: (args, { loaded }) => {
    const { documents, siteConfig } = loaded as Loaded;
    return html`<mb-consent-list .documents=${documents} .value=${choicesFor(documents, args.answers)}
      .siblingSites=${args.siblingSites ? siteConfig.siblingSites : undefined} .error=${args.error || undefined}></mb-consent-list>`;
  },
  argTypes: {
    answers: { control: 'inline-radio', options: ['none', 'all', 'required-only', 'marketing-refused'] },
    error: { control: 'select', options: ['', 'TERMS_REQUIRED', 'TERMS_OUTDATED'] },
    siblingSites: { control: 'boolean' },
  },
  args: { answers: 'none', siblingSites: true },
} satisfies Meta<ConsentArgs>;

export default meta;
type Story = StoryObj<ConsentArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const Unanswered: Story = {
  parameters: describe('The terms as the signup shows them first: sibling sites named, "agree to all", each document with its scrollable text and privacy summary table, nothing checked.'),
};

export const AllAgreed: Story = {
  name: 'All agreed',
  args: { answers: 'all' },
  parameters: describe('Every item agreed: "agree to all" checked.'),
};

export const MarketingRefused: Story = {
  name: 'Marketing refused',
  args: { answers: 'marketing-refused' },
  parameters: describe('Required items agreed, the optional marketing consent explicitly refused: "agree to all" shows its mixed state. (The animal site has no marketing item.)'),
};

export const RequiredMissing: Story = {
  name: 'Required item missing (error)',
  args: { answers: 'none', error: 'TERMS_REQUIRED' },
  parameters: describe('After a submit with a required item not agreed: the message sits on the first such item, whose controls are marked invalid.'),
};

export const AgreeToAllClicked: Story = {
  name: 'Agree to all (clicked)',
  parameters: describe('"Agree to all" clicked by the play function: every checkbox and "agree" radio follows.'),
  play: async ({ canvasElement }) => {
    const list = $<ConsentList>(canvasElement, 'mb-consent-list');
    await settle(list);
    $<HTMLInputElement>(list, '[data-part="agree-all"] input').click();
    await settle(list);
    await expect(list.allRequiredAgreed).toBe(true);
  },
};

export const InEnglish: Story = {
  name: 'Unanswered (English)',
  globals: { locale: 'en' },
  parameters: describe('The same documents in English: titles, texts and summaries come from the API in both languages.'),
};
