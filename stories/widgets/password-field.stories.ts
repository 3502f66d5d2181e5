import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { PasswordField } from '../../src/elements/shared/password-field.ts';
import { defaultPolicy, kotraPolicy } from '../../src/rules/policy.ts';
import { $, fillByLabel, settle } from '../support/drive.ts';

defineElement('mb-password-field', PasswordField);

const policies = { kotraPolicy, defaultPolicy };

interface PasswordArgs {
  /** The field policy whose password rules the checklist shows. */
  policy: keyof typeof policies;
  value: string;
  confirmation: boolean;
  confirmationValue: string;
  loginId: string;
  required: boolean;
  autocomplete: 'new-password' | 'current-password';
  error?: string;
  confirmationError?: string;
}

/**
 * `<mb-password-field>`: password with show/hide, the policy's live checklist (each rule read as met or
 * not; a polite, debounced summary), optional confirmation. `kotraPolicy` asks for 9+ characters with a
 * letter, a digit and a special character and no login ID; `defaultPolicy` takes 8+ characters of
 * two kinds or 10+ of one.
 */
const meta = {
  title: 'Membership/Widgets/Password field',
  component: 'mb-password-field',
  tags: ['autodocs'],
  render: (args) => html`<mb-password-field .policy=${policies[args.policy]} .value=${args.value} ?confirmation=${args.confirmation}
    .confirmationValue=${args.confirmationValue} login-id=${args.loginId} ?required=${args.required} autocomplete=${args.autocomplete}
    .error=${args.error || undefined} .confirmationError=${args.confirmationError || undefined}></mb-password-field>`,
  argTypes: {
    policy: { control: 'inline-radio', options: Object.keys(policies) },
    autocomplete: { control: 'inline-radio', options: ['new-password', 'current-password'] },
    error: { control: 'select', options: ['', 'PASSWORD_REQUIRED', 'PASSWORD_TOO_SHORT', 'PASSWORD_SPECIAL_MISSING', 'PASSWORD_KINDS', 'PASSWORD_CONTAINS_LOGIN_ID'] },
    confirmationError: { control: 'select', options: ['', 'PASSWORD_CONFIRMATION_REQUIRED', 'PASSWORD_CONFIRMATION_MISMATCH'] },
  },
  args: { policy: 'kotraPolicy', value: '', confirmation: true, confirmationValue: '', loginId: 'hong2026', required: true, autocomplete: 'new-password' },
} satisfies Meta<PasswordArgs>;

export default meta;
type Story = StoryObj<PasswordArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const KotraEmpty: Story = {
  name: 'kotraPolicy: empty',
  parameters: describe('The KOTRA rules before typing: every rule unmet.'),
};

export const KotraPartly: Story = {
  name: 'kotraPolicy: partly met',
  args: { value: 'hong2026' },
  parameters: describe('"hong2026": letters and digits met, length and special character not, and it contains the login ID.'),
};

export const KotraStrong: Story = {
  name: 'kotraPolicy: all met, confirmed',
  args: { value: 'Sejong!2026', confirmationValue: 'Sejong!2026' },
  parameters: describe('Every rule met, and the confirmation matches.'),
};

export const DefaultPolicy: Story = {
  name: 'defaultPolicy: empty',
  args: { policy: 'defaultPolicy' },
  parameters: describe('The default rules (the animal site): length, and "2 kinds from 8 characters or 1 kind from 10".'),
};

export const DefaultPolicyMet: Story = {
  name: 'defaultPolicy: met with letters only',
  args: { policy: 'defaultPolicy', value: 'sunnyafternoon', confirmationValue: 'sunnyafternoon' },
  parameters: describe('"sunnyafternoon" passes the default policy (10+ characters of one kind) though it would fail KOTRA\'s.'),
};

export const Mismatch: Story = {
  name: 'Confirmation mismatch',
  args: { value: 'Sejong!2026', confirmationValue: 'Sejong!2025', confirmationError: 'PASSWORD_CONFIRMATION_MISMATCH' },
  parameters: describe('The host\'s mismatch error on the confirmation after a submit.'),
};

export const Errors: Story = {
  name: 'Required (error)',
  args: { error: 'PASSWORD_REQUIRED', confirmationError: 'PASSWORD_CONFIRMATION_REQUIRED' },
  parameters: describe('Both inputs empty after a submit: the error styling of the field with its checklist.'),
};

export const Shown: Story = {
  name: 'Shown as text',
  args: { value: 'Sejong!2026', confirmationValue: 'Sejong!2026' },
  parameters: describe('"Show password" pressed: both inputs show their text; the toggle is pressed (`aria-pressed`).'),
  play: async ({ canvasElement }) => {
    const field = $<PasswordField>(canvasElement, 'mb-password-field');
    await settle(field);
    $<HTMLButtonElement>(field, '[data-part~="toggle"]').click();
    await settle(field);
    await expect($<HTMLInputElement>(field, 'input[name="password"]').type).toBe('text');
  },
};

export const Typing: Story = {
  name: 'Typing (play)',
  parameters: describe('The play function types a password and its confirmation: the checklist updates per input event.'),
  play: async ({ canvasElement }) => {
    const field = $<PasswordField>(canvasElement, 'mb-password-field');
    await settle(field);
    // By their labels, as a person finds them (the story runs in either language).
    fillByLabel(field, /^(비밀번호|Password)$/, 'Seoul#Busan9');
    fillByLabel(field, /^(비밀번호 확인|Confirm password)$/, 'Seoul#Busan9');
    await settle(field);
    await expect(field.checklist.every((item) => item.passed)).toBe(true);
  },
};

export const SignIn: Story = {
  name: 'Sign-in (current-password)',
  args: { autocomplete: 'current-password', confirmation: false, value: '' },
  parameters: describe('For sign-in forms: no checklist, no confirmation, `autocomplete="current-password"`.'),
};

export const InEnglish: Story = {
  name: 'kotraPolicy: partly met (English)',
  args: { value: 'hong2026' },
  globals: { locale: 'en' },
  parameters: describe('The checklist in English.'),
};
