import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { agreeToAll, chooseType, clickNext, people, toDetails, wizardIn } from '../support/drive.ts';
import { darkTokens, lightTokens, tokenArgTypes, withTokens, type TokenArgs } from '../support/theme.ts';
import { renderWizard, withoutDraft } from '../support/wizard.ts';

/**
 * Theming `<signup-wizard>` with the `--mb-*` custom properties (src/elements/shared/tokens.ts):
 * every token is a control. The values are set with `element.style.setProperty()` on a wrapper —
 * CSSOM, which a strict CSP allows — exactly as a host page would set them in its own stylesheet
 * (`membership-provider, signup-wizard { --mb-color-primary: … }`).
 */
const meta = {
  title: 'Membership/Signup wizard/Theme',
  component: 'signup-wizard',
  tags: ['autodocs'],
  beforeEach: [withoutDraft],
  render: (_args, { id }) => renderWizard({}, id),
  argTypes: tokenArgTypes,
  args: lightTokens,
  decorators: [withTokens],
  parameters: {
    docs: {
      description: {
        component:
          'Change any control to see the wizard follow. A page sets the same properties in its own CSS; the library\'s values sit in `@layer membership` at zero specificity, so any page rule wins. ' +
          'Dark values apply by themselves under `prefers-color-scheme: dark` unless the page sets `data-mb-theme="light"` on `<html>`.',
      },
    },
  },
} satisfies Meta<TokenArgs>;

export default meta;
type Story = StoryObj<TokenArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });
const colorScheme = (scheme: 'dark', text: string) => ({ colorScheme: scheme, ...describe(text) });

export const Theme: Story = {
  parameters: describe('The type step after an empty "next": step indicator, radio groups with their errors, the notice, primary and focus colours — all from the controls.'),
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await clickNext(wizard);
    await expect(wizard.querySelector('[aria-invalid="true"]')).not.toBeNull();
  },
};

export const ThemeDetails: Story = {
  name: 'Theme: details step',
  parameters: describe('The richest screen — inputs, password checklist, email and phone widgets, address, interests — with its field errors, under the token controls.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Next with nothing filled in', () => clickNext(wizard));
  },
};

export const DarkScheme: Story = {
  name: 'Dark scheme',
  args: darkTokens,
  parameters: colorScheme('dark', 'The library\'s own dark values (what `prefers-color-scheme: dark` gives) on a dark surface, on the details step with errors: contrast of errors, checklist and focus on dark.'),
  play: ThemeDetails.play,
};

export const DarkSchemeConsent: Story = {
  name: 'Dark scheme: consent',
  args: darkTokens,
  parameters: colorScheme('dark', 'The terms on dark: scrollable text boxes, summary tables, the required/optional/marketing badges.'),
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
  },
};

export const SiblingSiteLook: Story = {
  name: 'Sibling site look (animal)',
  globals: { site: 'animal' },
  args: {
    ...lightTokens,
    '--mb-color-primary': '#1f7a4d',
    '--mb-color-primary-hover': '#155c39',
    '--mb-color-focus': '#1f7a4d',
    '--mb-color-surface-subtle': '#f1f7f3',
    '--mb-radius': '1rem',
    '--mb-radius-small': '0.5rem',
    '--mb-font-size-title': '1.375rem',
  },
  parameters: describe('The same wizard as the sibling site "animal" could dress it: its own brand colour and rounder corners, its own terms (no marketing item), and its own member types (국내인 / 외국인, no corporate: no 개인/기업 question).'),
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
  },
};
