import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { defineElement } from '../../src/elements/shared/define-element.ts';
import { OtpInput } from '../../src/elements/shared/otp-input.ts';
import { $, settle } from '../support/drive.ts';

defineElement('mb-otp-input', OtpInput);

interface OtpArgs {
  value: string;
  /** Seconds until the code expires, counted from when the story renders (negative: already expired). */
  expiresInSeconds: number;
  /** Seconds until a new code may be requested. */
  resendInSeconds: number;
  error?: string;
  disabled: boolean;
  resendDisabled: boolean;
}

const isoIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * `<mb-otp-input>`: the 6-digit one-time code — one input (numeric keyboard, SMS autofill, a pasted
 * message), a live mm:ss countdown to `expires-at`, and a resend button that waits for
 * `resend-available-at`. The times are set relative to when the story renders, so the countdowns run.
 */
const meta = {
  title: 'Membership/Widgets/OTP input',
  component: 'mb-otp-input',
  tags: ['autodocs'],
  render: (args) => html`<mb-otp-input .value=${args.value} expires-at=${isoIn(args.expiresInSeconds)}
    resend-available-at=${isoIn(args.resendInSeconds)} .error=${args.error || undefined} ?disabled=${args.disabled}
    ?resend-disabled=${args.resendDisabled}></mb-otp-input>`,
  argTypes: {
    expiresInSeconds: { control: { type: 'number', step: 10 } },
    resendInSeconds: { control: { type: 'number', step: 5 } },
    error: { control: 'text', description: 'A message (already translated) shown under the input.' },
  },
  args: { value: '', expiresInSeconds: 180, resendInSeconds: 30, disabled: false, resendDisabled: false },
} satisfies Meta<OtpArgs>;

export default meta;
type Story = StoryObj<OtpArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const Waiting: Story = {
  name: 'Just sent',
  parameters: describe('A code was just sent: 3:00 counting down, resend waiting 0:30.'),
};

export const Typed: Story = {
  name: 'Code typed',
  args: { value: '482913', resendInSeconds: 0 },
  parameters: describe('Six digits in, resend available.'),
};

export const LastMinute: Story = {
  name: 'Last 30 seconds',
  args: { value: '48', expiresInSeconds: 28, resendInSeconds: 0 },
  parameters: describe('Under 30 seconds left (announced to screen readers at 1:00 and 0:30).'),
};

export const Expired: Story = {
  args: { value: '', expiresInSeconds: -5, resendInSeconds: -5 },
  parameters: describe('The time is up: the countdown says so; resend is the way forward.'),
};

export const WithError: Story = {
  name: 'Error',
  args: { value: '', resendInSeconds: 0, error: '인증번호가 일치하지 않습니다. 남은 횟수 4회' },
  parameters: describe('The host\'s message after a wrong code (identity-verify passes the server\'s attempts left); the input is marked invalid.'),
};

export const Disabled: Story = {
  args: { value: '482913', disabled: true, resendDisabled: true },
  parameters: describe('Disabled while the code is being confirmed; resend disabled too (busy, or no resends left).'),
};

export const PastedMessage: Story = {
  name: 'Pasted SMS (play)',
  parameters: describe('The play function pastes the whole SMS text: the lone 6-digit run is taken.'),
  play: async ({ canvasElement }) => {
    const otp = $<OtpInput>(canvasElement, 'mb-otp-input');
    await settle(otp);
    const input = $<HTMLInputElement>(otp, 'input');
    input.focus();
    const clipboardData = new DataTransfer();
    clipboardData.setData('text', '[Web발신] [SANDBOX] 인증번호 [731905]를 3분 안에 입력해 주세요.');
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    await settle(otp);
    await expect(otp.value).toBe('731905');
  },
};

export const InEnglish: Story = {
  name: 'Just sent (English)',
  globals: { locale: 'en' },
  parameters: describe('Labels, countdown and resend in English.'),
};
