// The sandbox identity provider as a person uses it, through <identity-verify>'s own forms: sandbox
// people, fresh people for signups, the captcha's security text and the SMS inbox (the provider's own
// automation hooks a demo user reads off the sandbox pages). Shared by browser tests and stories.
import { getSandboxPerson, sandboxPersonIds, type SandboxPerson } from '../../server/sandbox/people.ts';
import type { IdentityVerify } from '../../src/elements/identity-verify/identity-verify.ts';
import { formatBusinessNumber, isValidBusinessNumber } from '../../src/rules/index.ts';
import { $, choose, click, typeIn } from './dom.ts';
import { settle, waitFor } from './wait.ts';

export type { SandboxPerson };
type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

// ------------------------------------------------------------------ people

/** Sandbox people the stories verify (server/sandbox/people.ts). */
export const people = {
  /** 홍길동, adult, domestic, SKT. */
  hong: getSandboxPerson(sandboxPersonIds.hong),
  /** 김민지, adult, domestic, KT. */
  kim: getSandboxPerson(sandboxPersonIds.kim),
  /** 이서준, adult, domestic, LG U+. */
  lee: getSandboxPerson(sandboxPersonIds.lee),
  /** John Smith, foreign national. */
  foreigner: getSandboxPerson(sandboxPersonIds.foreigner),
  /** 최하은, born 2014: under 14. */
  minor: getSandboxPerson(sandboxPersonIds.minor),
  /** 정대한: the phone is registered to a company, the carrier refuses it. */
  corporatePhone: getSandboxPerson(sandboxPersonIds.corporatePhone),
  /** 강서연: already has the seeded account `demomember`. */
  demoMember: getSandboxPerson(sandboxPersonIds.demoMember),
};

const givenNames = ['민준', '서연', '도윤', '하윤', '시우', '지아', '예준', '수아', '주원', '지유'];
let generated = Math.floor(Math.random() * 9000);

/**
 * A person no story has signed up yet: the sandbox treats any `테스트…` name with a 010-9999-XXXX
 * number as a new person. Stories that finish a signup use one, so they can run again and again in
 * one Storybook session (the in-memory server keeps its members until the page reloads).
 */
export function freshPerson(overrides: Partial<SandboxPerson> = {}): SandboxPerson {
  generated = (generated + 1) % 10_000;
  const suffix = String(generated).padStart(4, '0');
  return { ...people.kim, id: `story-${suffix}`, name: `테스트${givenNames[generated % givenNames.length]}`, mobile: `0109999${suffix}`, ...overrides };
}

/** A login ID free in this session (letters first, 6–20 characters). */
export function freshLoginId(prefix = 'designer'): string {
  return `${prefix}${Math.floor(Math.random() * 1_000_000).toString().padStart(6, '0')}`;
}

/**
 * A business number with a valid check digit that no story has registered yet (the sandbox registry
 * does not know it): the company form comes empty, and the member becomes the company's MASTER.
 */
export function freshBusinessNumber(): string {
  for (;;) {
    const body = `2${String(Math.floor(Math.random() * 100)).padStart(2, '0')}81${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    for (let check = 0; check <= 9; check += 1) {
      if (isValidBusinessNumber(`${body}${check}`)) return formatBusinessNumber(`${body}${check}`);
    }
  }
}

// ------------------------------------------------------------------ sandbox provider

/** The security text of the captcha image shown now (read once the image loaded: loading it draws a new text). */
export async function captchaAnswer(verifier: HTMLElement): Promise<string> {
  const image = await waitFor(() => {
    const img = verifier.querySelector<HTMLImageElement>('img[data-part="captcha-image"]');
    return img?.complete && img.naturalWidth > 0 ? img : null;
  }, 'the captcha image loaded');
  const verificationId = /verifications\/([^/]+)\/captcha/.exec(image.src)?.[1];
  const response = await fetch(`/sandbox/verifications/${verificationId}/captcha-answer`);
  const { answer } = (await response.json()) as { answer: string };
  return answer;
}

/** The code of the newest SMS the sandbox sent to `mobile` (its inbox page, as a demo user reads it). */
export async function smsCode(mobile: string): Promise<string> {
  const digits = mobile.replace(/\D/g, '');
  const response = await fetch('/sandbox/inbox.json');
  const { messages } = (await response.json()) as { messages: { mobile: string; text: string }[] };
  const code = messages.find((message) => message.mobile === digits)?.text.match(/\[(\d{6})\]/)?.[1];
  if (!code) throw new Error(`No sandbox SMS to ${mobile}`);
  return code;
}

// ------------------------------------------------------------------ <identity-verify>

/** Chooses the mobile method when the element asks which method (it skips the question with one method). */
export async function chooseMobile(verifier: IdentityVerify): Promise<void> {
  await waitFor(() => verifier.querySelector('input[name="method"][value="mobile"], [data-part="mobile-form"]'), 'the method choice or the mobile form');
  if (verifier.querySelector('[data-part="method-choice"]')) {
    click(verifier, 'input[name="method"][value="mobile"]');
    await verifier.updateComplete;
    click(verifier, '[data-part="method-choice"] button[type="submit"]');
  }
  await waitFor(() => verifier.querySelector('[data-part="mobile-form"]'), 'the mobile form');
  await verifier.updateComplete;
}

/** Fills the mobile form for `person`; `overrides` change what is claimed or typed as the security text. */
export async function fillMobileForm(verifier: IdentityVerify, person: SandboxPerson, overrides: { birthDate?: string; captcha?: string } = {}): Promise<void> {
  // The image shows once the verification started (the form cannot be sent before).
  const shown = await captchaAnswer(verifier);
  const answer = overrides.captcha ?? shown;
  choose(verifier, 'select[name="carrier"]', person.carrier);
  typeIn(verifier, 'input[name="name"]', person.name);
  typeIn(verifier, 'input[name="birthDate"]', overrides.birthDate ?? person.birthDate.replaceAll('-', ''));
  click(verifier, `[data-field-group="gender"] input[value="${person.gender}"]`);
  click(verifier, `[data-field-group="nationality"] input[value="${person.nationality}"]`);
  typeIn(verifier, 'mb-phone-input input[name="mobile"]', person.mobile);
  const all = $<HTMLInputElement>(verifier, '[data-field="termsAll"]');
  if (!all.checked) all.click();
  typeIn(verifier, 'input[name="captchaAnswer"]', answer);
  await settle(verifier as Updatable);
}

/** Presses the submit button of one of the element's forms and waits until its request is answered. */
export async function submitAndWait(verifier: IdentityVerify, formPart: 'mobile-form' | 'code-form'): Promise<void> {
  const form = $(verifier, `[data-part="${formPart}"]`);
  let wasBusy = false;
  const observer = new MutationObserver(() => {
    if (form.getAttribute('aria-busy') === 'true') wasBusy = true;
  });
  observer.observe(form, { attributes: true, attributeFilter: ['aria-busy'] });
  let refused: string | undefined;
  const onError = (event: Event) => (refused = (event as CustomEvent<{ code: string }>).detail.code);
  verifier.addEventListener('identity-verify-error', onError);
  // Focused first, as a click focuses it: where the element puts the focus next is then its own doing.
  const submit = $<HTMLButtonElement>(form, 'button[type="submit"]');
  submit.focus();
  submit.click();
  try {
    await waitFor(() => wasBusy && (!form.isConnected || form.getAttribute('aria-busy') !== 'true'), `${formPart}: the answer`);
  } finally {
    observer.disconnect();
    verifier.removeEventListener('identity-verify-error', onError);
  }
  await settle(verifier as Updatable);
  if (refused === 'RATE_LIMITED') {
    // The reference server's per-client limits count every story since the page loaded (one client).
    throw new Error('The sandbox rate limit was reached (it counts every story since the page loaded): wait a minute, then rerun this story.');
  }
}

/** Mobile form filled and sent: the code step is shown. */
export async function toCodeStep(verifier: IdentityVerify, person: SandboxPerson): Promise<void> {
  await chooseMobile(verifier);
  await fillMobileForm(verifier, person);
  await submitAndWait(verifier, 'mobile-form');
  await waitFor(() => verifier.dataset.step === 'mobile-code', `the code step (alert: ${verifier.querySelector('[data-part="alert"]')?.textContent?.trim() ?? 'none'})`);
}

/** Types a code into the code step's mb-otp-input and confirms it. */
export async function enterCode(verifier: IdentityVerify, code: string): Promise<void> {
  const otp = await waitFor(() => verifier.querySelector<Updatable>('mb-otp-input'), 'the code input');
  await otp.updateComplete;
  typeIn(otp, 'input', code);
  await settle(verifier as Updatable);
  await submitAndWait(verifier, 'code-form');
}

/** The whole mobile verification of `person` through the element's own forms. */
export async function verifyByMobile(verifier: IdentityVerify, person: SandboxPerson): Promise<void> {
  await toCodeStep(verifier, person);
  await enterCode(verifier, await smsCode(person.mobile));
}
