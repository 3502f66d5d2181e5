import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect } from 'storybook/test';
import type { IdentityVerify } from '../../src/elements/identity-verify/identity-verify.ts';
import { apiBase, connectionLost, http, overrideApi } from '../support/api.ts';
import {
  $, chooseMobile, click, enterCode, fillMobileForm, people, settle, smsCode, submitAndWait, toCodeStep, typeIn, waitFor,
} from '../support/drive.ts';
import { blockPopups } from '../support/wizard.ts';

interface VerifyArgs {
  purpose: 'signup' | 'find-id' | 'reset-password' | 'reverify';
  methods?: string;
  mode: 'auto' | 'popup' | 'redirect';
  nationality: 'domestic' | 'foreign';
}

/**
 * `<identity-verify>` on its own (it is also embedded in the signup wizard), against the reference
 * server's sandbox provider: the mobile method (carrier, name, birth date, gender, nationality, number,
 * security text, the provider's terms, then the 6-digit SMS code) and the popup i-PIN. The play
 * functions fill the forms as a person would; the security text and the SMS are read from the sandbox.
 */
const meta = {
  title: 'Membership/Identity verify',
  component: 'identity-verify',
  tags: ['autodocs'],
  decorators: [withActions],
  render: (args) => html`<identity-verify purpose=${args.purpose} methods=${ifDefined(args.methods || undefined)} mode=${args.mode}
    nationality=${args.nationality}></identity-verify>`,
  argTypes: {
    purpose: { control: 'select', options: ['signup', 'find-id', 'reset-password', 'reverify'], description: 'What the verification is for; the API binds the token to it.' },
    methods: { control: 'text', description: '`methods`: narrows the site\'s methods (`mobile`, `ipin`).' },
    mode: { control: 'inline-radio', options: ['auto', 'popup', 'redirect'], description: 'Provider windows: popup, full-page redirect, or auto (redirect on iOS and in-app browsers).' },
    nationality: { control: 'inline-radio', options: ['domestic', 'foreign'], description: 'The mobile form\'s nationality at first.' },
  },
  args: { purpose: 'signup', mode: 'auto', nationality: 'domestic' },
  parameters: {
    actions: { handles: ['identity-verified', 'identity-verify-error'] },
    docs: {
      description: {
        component:
          'Verifies who the user is and hands the host an opaque, single-use verification token (`identity-verified`). ' +
          'On this page every story shows its first screen; open a story to see its state.',
      },
    },
  },
} satisfies Meta<VerifyArgs>;

export default meta;
type Story = StoryObj<VerifyArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

/** The story's element, once it loaded the site config. */
async function verifierIn(canvas: HTMLElement): Promise<IdentityVerify> {
  const verifier = await waitFor(() => canvas.querySelector<IdentityVerify>('identity-verify'), 'identity-verify');
  await waitFor(() => !['idle', 'loading', undefined].includes(verifier.dataset.step), 'the site config loaded');
  await settle(verifier);
  return verifier;
}

export const MethodChoice: Story = {
  name: 'Method choice',
  parameters: describe('The site offers two methods: cards to choose from, nothing preselected.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await expect(verifier.dataset.step).toBe('choose');
  },
};

export const MethodRequired: Story = {
  name: 'Method choice: nothing chosen',
  parameters: describe('"Next" without a method: the message under the cards, focus on the first card.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    click(verifier, '[data-part="method-choice"] button[type="submit"]');
    await settle(verifier);
    await expect(verifier.querySelector('input[name="method"][aria-invalid="true"]')).not.toBeNull();
  },
};

export const MobileForm: Story = {
  name: 'Mobile: form',
  args: { methods: 'mobile' },
  parameters: describe('One method: no choice, straight to the mobile form — carrier, name, birth date, gender and nationality (no defaults), number, the security text image with refresh, and the provider\'s four required terms.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await waitFor(() => verifier.querySelector('img[data-part="captcha-image"]'), 'the security text image');
  },
};

export const MobileFormErrors: Story = {
  name: 'Mobile: form errors',
  args: { methods: 'mobile' },
  parameters: describe('The empty form sent: every field marked with its message, focus on the carrier.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await waitFor(() => verifier.querySelector('img[data-part="captcha-image"]'), 'the security text image');
    click(verifier, '[data-part="mobile-form"] button[type="submit"]');
    await settle(verifier);
    await expect(verifier.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(5);
  },
};

export const MobileFormErrorsInEnglish: Story = {
  name: 'Mobile: form errors (English)',
  args: { methods: 'mobile' },
  globals: { locale: 'en' },
  parameters: describe('The same errors in English (carrier names and provider terms included).'),
  play: MobileFormErrors.play,
};

export const CaptchaMismatch: Story = {
  name: 'Mobile: wrong security text',
  args: { methods: 'mobile' },
  parameters: describe('홍길동\'s details with a wrong security text: the server refuses it, a new image is drawn, the answer is cleared and focused — everything else stays.'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in 홍길동 with a wrong security text', async () => {
      await chooseMobile(verifier);
      await fillMobileForm(verifier, people.hong, { captcha: 'wrong1' });
    });
    await step('Send', () => submitAndWait(verifier, 'mobile-form'));
    await expect($(verifier, 'input[name="captchaAnswer"]').getAttribute('aria-invalid')).toBe('true');
  },
};

export const IdentityMismatch: Story = {
  name: 'Mobile: details do not match',
  args: { methods: 'mobile' },
  parameters: describe('홍길동 with a wrong birth date: the carrier\'s records do not match — an alert says what to check; the typed values stay.'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in 홍길동 with birth date 1985-04-13', async () => {
      await chooseMobile(verifier);
      await fillMobileForm(verifier, people.hong, { birthDate: '19850413' });
    });
    await step('Send', () => submitAndWait(verifier, 'mobile-form'));
    await expect(verifier.querySelector('[role="alert"]')).not.toBeNull();
  },
};

export const ProviderRefused: Story = {
  name: 'Mobile: phone refused (company phone)',
  parameters: describe('정대한\'s phone is registered to a company: the carrier refuses personal verification, and the alert offers the other method (i-PIN) as a button.'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in 정대한', async () => {
      await chooseMobile(verifier);
      await fillMobileForm(verifier, people.corporatePhone);
    });
    await step('Send', () => submitAndWait(verifier, 'mobile-form'));
    await expect(verifier.querySelector('[data-action="use-alternative"]')).not.toBeNull();
  },
};

export const ConnectionLost: Story = {
  name: 'Mobile: connection lost',
  args: { methods: 'mobile' },
  parameters: describe('The connection drops while the code is requested: the alert says so and how to go on (a new security text is shown); the typed details stay. The connection stays down while this story is shown.'),
  beforeEach: [overrideApi(http.post(`${apiBase}verifications/:id/mobile-code`, connectionLost))],
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in 홍길동', async () => {
      await chooseMobile(verifier);
      await fillMobileForm(verifier, people.hong);
    });
    await step('Send', async () => {
      click(verifier, '[data-part="mobile-form"] button[type="submit"]');
      await waitFor(() => verifier.querySelector('[role="alert"]'), 'the alert', 20_000);
    });
  },
};

export const CodeStep: Story = {
  name: 'Mobile: code (OTP)',
  args: { methods: 'mobile' },
  parameters: describe('The SMS was sent: the masked number, the 6-digit input with its 3-minute countdown, resend waiting for its 30 seconds, "edit details".'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in and send 홍길동', () => toCodeStep(verifier, people.hong));
    await expect(verifier.querySelector('mb-otp-input')).not.toBeNull();
  },
};

export const CodeWrong: Story = {
  name: 'Mobile: wrong code',
  args: { methods: 'mobile' },
  parameters: describe('A wrong code: the input is cleared and focused, the message says how many tries are left.'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in and send 홍길동', () => toCodeStep(verifier, people.hong));
    await step('Enter a wrong code', async () => {
      const right = await smsCode(people.hong.mobile);
      await enterCode(verifier, right === '000000' ? '111111' : '000000');
    });
    await expect($(verifier, 'mb-otp-input input').getAttribute('aria-invalid')).toBe('true');
  },
};

export const CodeIncomplete: Story = {
  name: 'Mobile: code incomplete',
  args: { methods: 'mobile' },
  parameters: describe('Three digits and "confirm": said right away in the browser, nothing sent.'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in and send 홍길동', () => toCodeStep(verifier, people.hong));
    await step('Confirm 123', async () => {
      const otp = $(verifier, 'mb-otp-input');
      typeIn(otp, 'input', '123');
      await settle(verifier);
      click(verifier, '[data-part="code-form"] button[type="submit"]');
      await settle(verifier);
    });
    await expect($(verifier, 'mb-otp-input [data-part="error"]').textContent?.trim()).not.toBe('');
  },
};

export const CodeStepInEnglish: Story = {
  name: 'Mobile: code (English)',
  args: { methods: 'mobile' },
  globals: { locale: 'en' },
  parameters: describe('The code step in English.'),
  play: CodeStep.play,
};

export const CodeOneMinuteLeft: Story = {
  name: 'Mobile: code, one minute left',
  args: { methods: 'mobile' },
  parameters: describe('The last minute (the element\'s clock moved on): said once, naming "시간 연장", which keeps the same code valid for another 3 minutes (WCAG 2.2.1).'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in and send 홍길동', () => toCodeStep(verifier, people.hong));
    await step('Two minutes later', async () => {
      verifier.clock = () => Date.now() + 121_000;
      await settle(verifier);
    });
    await expect($(verifier, 'mb-otp-input [data-part~="extend"]')).not.toBeNull();
  },
};

export const CodeOneMinuteLeftInEnglish: Story = {
  name: 'Mobile: code, one minute left (English)',
  args: { methods: 'mobile' },
  globals: { locale: 'en' },
  parameters: describe('The last minute in English: "More time".'),
  play: CodeOneMinuteLeft.play,
};

export const CodeExpired: Story = {
  name: 'Mobile: code expired',
  args: { methods: 'mobile' },
  parameters: describe('The time is up: the code input is invalid with the expiry as its error, and points to a new code.'),
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in and send 홍길동', () => toCodeStep(verifier, people.hong));
    await step('Three minutes later', async () => {
      verifier.clock = () => Date.now() + 181_000;
      await waitFor(() => $(verifier, 'mb-otp-input input').getAttribute('aria-invalid') === 'true', 'the code input invalid');
    });
  },
};

export const CodeExpiredInEnglish: Story = {
  name: 'Mobile: code expired (English)',
  args: { methods: 'mobile' },
  globals: { locale: 'en' },
  parameters: describe('The time is up, in English.'),
  play: CodeExpired.play,
};

export const Done: Story = {
  parameters: describe('The right code: verified — the person\'s name, and `identity-verified` with the token went to the host (see the Actions panel).'),
  args: { methods: 'mobile' },
  play: async ({ canvasElement, step }) => {
    const verifier = await verifierIn(canvasElement);
    await step('Fill in and send 홍길동', () => toCodeStep(verifier, people.hong));
    await step('Enter the SMS code', async () => enterCode(verifier, await smsCode(people.hong.mobile)));
    await waitFor(() => verifier.dataset.step === 'done', 'done');
  },
};

export const IpinStart: Story = {
  name: 'i-PIN: start',
  args: { methods: 'ipin', mode: 'popup' },
  parameters: describe('The provider method alone: what will happen and the button that opens the provider window (the window opens in the click itself, so popup blockers allow it).'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await expect(verifier.dataset.step).toBe('provider-idle');
  },
};

export const IpinStartRedirect: Story = {
  name: 'i-PIN: start (redirect mode)',
  args: { methods: 'ipin', mode: 'redirect' },
  parameters: describe('Redirect mode (mobile browsers, in-app browsers): the page itself goes to the provider and comes back; the wording says so.'),
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    await expect(verifier.dataset.step).toBe('provider-idle');
  },
};

export const PopupBlocked: Story = {
  name: 'i-PIN: popup blocked',
  args: { methods: 'ipin', mode: 'popup' },
  parameters: describe('The browser blocked the provider window: the alert says so, with "try again" and "continue without a new window". The story stands in for the popup blocker (`window.open` answers null while it is shown).'),
  beforeEach: [blockPopups],
  play: async ({ canvasElement }) => {
    const verifier = await verifierIn(canvasElement);
    click(verifier, '[data-action="open"]');
    await waitFor(() => verifier.dataset.step === 'provider-blocked', 'the blocked state');
  },
};

export const PopupBlockedInEnglish: Story = {
  name: 'i-PIN: popup blocked (English)',
  args: { methods: 'ipin', mode: 'popup' },
  globals: { locale: 'en' },
  parameters: describe('The popup-blocked alert in English.'),
  beforeEach: [blockPopups],
  play: PopupBlocked.play,
};
