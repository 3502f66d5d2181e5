import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { EmailInput } from '../../src/elements/shared/email-input.ts';
import { PhoneInput } from '../../src/elements/shared/phone-input.ts';
import { $, settle } from '../support/drive.ts';

defineElement('mb-phone-input', PhoneInput);
defineElement('mb-email-input', EmailInput);

interface ContactArgs {
  /** mb-phone-input */
  phone: string;
  phoneKinds: 'any' | 'mobile' | 'landline';
  phoneRequired: boolean;
  phoneError?: string;
  /** mb-email-input */
  email: string;
  emailRequired: boolean;
  emailError?: string;
}

const kinds = { any: undefined, mobile: ['mobile'], landline: ['landline'] } as const;

/**
 * `<mb-phone-input>` (formats as typed, takes pasted numbers in any form) and `<mb-email-input>`
 * (local part + a domain from the policy's list, or typed). The email domain list is the site's policy
 * (toolbar: site).
 */
const meta = {
  title: 'Membership/Widgets/Phone and email',
  tags: ['autodocs'],
  render: (args) => html`<mb-phone-input name="mobile" .value=${args.phone} .kinds=${kinds[args.phoneKinds]} ?required=${args.phoneRequired}
      .error=${args.phoneError || undefined}></mb-phone-input>
    <mb-email-input name="email" .value=${args.email} ?required=${args.emailRequired} .error=${args.emailError || undefined}></mb-email-input>`,
  argTypes: {
    phoneKinds: { control: 'inline-radio', options: Object.keys(kinds) },
    phoneError: { control: 'select', options: ['', 'PHONE_REQUIRED', 'PHONE_INVALID', 'PHONE_KIND_NOT_ALLOWED'] },
    emailError: { control: 'select', options: ['', 'EMAIL_REQUIRED', 'EMAIL_INVALID', 'EMAIL_LOCAL_INVALID', 'EMAIL_DOMAIN_INVALID', 'EMAIL_TOO_LONG'] },
  },
  args: { phone: '', phoneKinds: 'mobile', phoneRequired: true, email: '', emailRequired: true },
} satisfies Meta<ContactArgs>;

export default meta;
type Story = StoryObj<ContactArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const Empty: Story = {
  parameters: describe('Both empty and required: labels, required marks, the example-number hint, the domain list closed.'),
};

export const Filled: Story = {
  args: { phone: '01012345678', email: 'gildong@naver.com' },
  parameters: describe('Values from the host: the number shown formatted (010-1234-5678); a listed domain selected.'),
};

export const TypedDomain: Story = {
  name: 'Filled, domain typed',
  args: { phone: '0212345678', phoneKinds: 'any', email: 'gildong@kotra.example.go.kr' },
  parameters: describe('A domain that is not in the list: "직접 입력" (type it) chosen and a third box shows it. A Seoul landline formatted 02-1234-5678.'),
};

export const Errors: Story = {
  name: 'Errors',
  args: { phone: '0101234', phoneError: 'PHONE_INVALID', email: 'gildong@example', emailError: 'EMAIL_DOMAIN_INVALID' },
  parameters: describe('Rule codes from the host: an incomplete number, a domain without a dot (only the domain controls are marked).'),
};

export const Required: Story = {
  name: 'Required (errors)',
  args: { phoneError: 'PHONE_REQUIRED', emailError: 'EMAIL_REQUIRED' },
  parameters: describe('Both left empty after a submit.'),
};

export const PastedInternational: Story = {
  name: 'Pasted +82 number and whole address (play)',
  parameters: describe('The play function pastes "+82 10-9876-5432" and "jiwoo@daum.net": the number becomes 010-9876-5432; the address is split into its two parts.'),
  play: async ({ canvasElement }) => {
    const phone = $<PhoneInput>(canvasElement, 'mb-phone-input');
    const email = $<EmailInput>(canvasElement, 'mb-email-input');
    await settle(phone);
    const phoneInput = $<HTMLInputElement>(phone, 'input');
    phoneInput.focus();
    phoneInput.value = '+82 10-9876-5432';
    phoneInput.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    phoneInput.dispatchEvent(new Event('change', { bubbles: true }));
    const local = $<HTMLInputElement>(email, 'input[data-part="email-local"]');
    local.focus();
    local.value = 'jiwoo@daum.net';
    local.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    await settle(phone);
    await settle(email);
    await expect(phone.value).toBe('010-9876-5432');
    await expect(email.value).toBe('jiwoo@daum.net');
  },
};

export const InEnglish: Story = {
  name: 'Errors (English)',
  args: { phone: '0101234', phoneError: 'PHONE_INVALID', email: 'gildong@example', emailError: 'EMAIL_DOMAIN_INVALID' },
  globals: { locale: 'en' },
  parameters: describe('The same errors in English.'),
};
