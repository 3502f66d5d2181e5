// Rendering <signup-wizard> in a story: its public attributes as controls, a draft of its own per story
// (the wizard keeps a draft in sessionStorage and resumes it, so two stories must not share one), and
// the events it sends shown in the Actions panel.
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ArgTypes } from '@storybook/web-components-vite';
import type { BeforeEach } from 'storybook/internal/types';
import type { AddressSearchAdapter } from '../../src/context/runtime.ts';
import { fakeAddressAdapter, fakeAddressQueryAdapter, sampleAddresses } from '../../src/testing.ts';

/** Address searches for the wizard's address fields: the library's fakes (no network, no third-party script). */
const addressSearches = {
  /** Like Kakao Postcode: its own UI picks an address (here the first sample, 코엑스). */
  popup: () => fakeAddressAdapter(sampleAddresses),
  /** Like the site's juso.go.kr proxy: the field lists matches for a typed query. */
  query: () => fakeAddressQueryAdapter(sampleAddresses),
  /** None: postcode and base address are typed by hand. */
  none: () => undefined,
} satisfies Record<string, () => AddressSearchAdapter | undefined>;

export interface WizardArgs {
  /** `member-types`: narrows the site's member types (`individual,foreign,corporate`). */
  memberTypes?: string;
  /** `fields`: optional fields shown (`nameEn,phone,mobile,fax,department,position,address,interests`). */
  fields?: string;
  /** `completion-url`: where to go after signup-complete. */
  completionUrl?: string;
  /** `find-account-url`: linked on the already-member screen. */
  findAccountUrl?: string;
  /** `verify-methods`: identity-verify's methods (`mobile`, `ipin`). */
  verifyMethods?: string;
  /** `verify-mode`: provider windows. */
  verifyMode?: 'popup' | 'redirect' | 'auto';
  /** The `addressSearch` property (a fake adapter here; Kakao Postcode or the site's API in production). */
  addressSearch?: keyof typeof addressSearches;
}

export const wizardArgTypes: Partial<ArgTypes<WizardArgs>> = {
  memberTypes: { control: 'text', description: '`member-types`: narrows the site\'s member types, e.g. `individual,corporate`.' },
  fields: { control: 'text', description: '`fields`: optional fields shown, e.g. `mobile,department,position`; fields the policy requires always show.' },
  completionUrl: { control: 'text', description: '`completion-url`: where the page goes after `signup-complete` (the stories cancel that event to stay).' },
  findAccountUrl: { control: 'text', description: '`find-account-url`: linked when the person already has an account.' },
  verifyMethods: { control: 'text', description: '`verify-methods`: `mobile`, `ipin`, or both (the site\'s order).' },
  verifyMode: { control: 'inline-radio', options: ['auto', 'popup', 'redirect'], description: '`verify-mode`: provider windows.' },
  addressSearch: {
    control: 'inline-radio',
    options: Object.keys(addressSearches),
    description: '`addressSearch` property: `popup` (like Kakao Postcode), `query` (like the site\'s juso.go.kr proxy), or `none` (typed by hand). Library fakes with sample addresses.',
  },
};

/** The wizard with its attributes; its draft is named after the story, so stories never resume each other's drafts. */
export function renderWizard(args: WizardArgs, storyId: string): TemplateResult {
  return html`<signup-wizard
    draft-key=${storyId}
    member-types=${ifDefined(args.memberTypes || undefined)}
    fields=${ifDefined(args.fields || undefined)}
    completion-url=${ifDefined(args.completionUrl || undefined)}
    find-account-url=${ifDefined(args.findAccountUrl || undefined)}
    verify-methods=${ifDefined(args.verifyMethods || undefined)}
    verify-mode=${ifDefined(args.verifyMode || undefined)}
    .addressSearch=${addressSearches[args.addressSearch ?? 'popup']()}
  ></signup-wizard>`;
}

/** Every story starts without a draft: a story shows its state from the start, never what the last run left. */
export const withoutDraft: BeforeEach = ({ id }) => {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('membership-elements:signup:') && key.endsWith(`:${id}`)) sessionStorage.removeItem(key);
  }
};

/** The events of the wizard and of the identity-verify inside it, for the Actions panel. */
export const wizardEvents = ['signup-step-change', 'signup-submit', 'signup-complete', 'signup-error', 'identity-verified', 'identity-verify-error'];

/**
 * Popup blockers answer `window.open` with null. Browsers decide that themselves (and automated
 * browsers often allow every popup), so the story stands in for the blocker while it is shown.
 */
export const blockPopups: BeforeEach = ({ viewMode }) => {
  if (viewMode === 'docs') return;
  const original = window.open;
  window.open = () => null;
  return () => {
    window.open = original;
  };
};

