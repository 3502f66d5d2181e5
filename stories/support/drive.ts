// How the stories' play functions use the elements: as a person would, through the UI — values typed
// into inputs with their input/change events, radios and buttons clicked — against the reference
// server in the page. The only shortcuts are the sandbox provider's own automation hooks that a demo
// user reads off the sandbox pages: the security text of a captcha image and the SMS inbox.
import { getSandboxPerson, sandboxPersonIds, type SandboxPerson } from '../../server/sandbox/people.ts';
import type { IdentityVerify } from '../../src/elements/identity-verify/identity-verify.ts';
import { formatBusinessNumber, isValidBusinessNumber } from '../../src/rules/index.ts';
import type { SignupStep } from '../../src/flows/signup/steps.ts';
import type { SignupWizard } from '../../src/elements/signup-wizard/signup-wizard.ts';

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

/** Polls `check` with timers until it returns something truthy. */
export async function waitFor<T>(check: () => T | undefined | null | false, message: string, timeoutMs = 10_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Not found: ${selector}`);
  return found;
}

/** Types `value` into an input as a user would: the value, then a bubbling input event and a change. */
export function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function typeIn(root: ParentNode, selector: string, value: string): void {
  typeInto($<HTMLInputElement>(root, selector), value);
}

/** Picks an option of a `<select>` (with its change event). */
export function choose(root: ParentNode, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(root, selector);
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export function click(root: ParentNode, selector: string): void {
  $<HTMLElement>(root, selector).click();
}

/** Lets the element and the ones inside it render what the last action changed. */
export async function settle(element: Updatable): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

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
  $<HTMLButtonElement>(form, 'button[type="submit"]').click();
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

// ------------------------------------------------------------------ <signup-wizard>

/** The wizard of the story, once it shows a step. */
export async function wizardIn(canvas: HTMLElement): Promise<SignupWizard> {
  const wizard = await waitFor(() => canvas.querySelector('signup-wizard'), 'the signup-wizard element');
  await waitFor(() => wizard.querySelector('[data-part~="step-heading"], [data-part="failure"], [data-part="alert"]'), 'the wizard shows its first step');
  await settle(wizard);
  return wizard;
}

export async function waitForStep(wizard: SignupWizard, step: SignupStep, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => wizard.step === step && wizard.querySelector('[data-part~="step-heading"]') && !wizard.querySelector('[data-part="wizard"][aria-busy="true"]'), `step ${step} (now ${wizard.step})`, timeoutMs);
  await settle(wizard);
}

/** Presses the step's "다음" / "Next" (or the review's submit). */
export async function clickNext(wizard: SignupWizard): Promise<void> {
  click(wizard, '[data-part~="form"] [data-part~="next"]');
  await settle(wizard);
}

/** Type step: the kind (and the nationality, where the site asks it), then next. */
export async function chooseType(wizard: SignupWizard, kind: 'individual' | 'corporate', nationality: 'domestic' | 'foreign' = 'domestic'): Promise<void> {
  await waitForStep(wizard, 'type');
  wizard.querySelector<HTMLInputElement>(`input[name="memberKind"][value="${kind}"]`)?.click();
  wizard.querySelector<HTMLInputElement>(`input[name="nationality"][value="${nationality}"]`)?.click();
  await settle(wizard);
  await clickNext(wizard);
  await waitForStep(wizard, 'consent');
}

/** Consent step: the terms load, "agree to all". */
export async function agreeToAll(wizard: SignupWizard): Promise<void> {
  await waitFor(() => wizard.querySelector('mb-consent-list [data-part="agree-all"] input'), 'the terms loaded');
  await settle(wizard);
  click(wizard, 'mb-consent-list [data-part="agree-all"] input');
  await settle(wizard);
}

/** The embedded identity-verify of the identity step (or of the review, on sites that ask again). */
export async function verifierIn(root: ParentNode): Promise<IdentityVerify> {
  const verifier = await waitFor(() => root.querySelector<IdentityVerify>('identity-verify'), 'identity-verify rendered');
  await waitFor(() => !['idle', 'loading', undefined].includes(verifier.dataset.step), 'identity-verify loaded the site config');
  return verifier;
}

/** Identity step: verifies `person` through the embedded identity-verify's mobile forms. */
export async function verifyInWizard(wizard: SignupWizard, person: SandboxPerson): Promise<void> {
  await waitForStep(wizard, 'identity');
  await verifyByMobile(await verifierIn(wizard), person);
  await waitFor(() => wizard.step !== 'identity', 'the wizard left the identity step');
  await settle(wizard);
}

/**
 * Fills an address field as a person would: with its search when it has one (the popup-like search
 * picks for itself; in the query panel "세종대로" is searched and the first match taken), else by
 * typing postcode and base address; then the detail address.
 */
export async function fillAddress(root: ParentNode, selector: string, wizard: SignupWizard): Promise<void> {
  const field = $<Updatable & { value: { postcode: string } }>(root, selector);
  const search = field.querySelector<HTMLButtonElement>('[data-part~="search-button"]');
  const postcode = $<HTMLInputElement>(field, 'input[data-part="postcode"]');
  if (search && postcode.readOnly) {
    search.click();
    await settle(field);
    if (field.querySelector('input[data-part="query"]')) {
      typeIn(field, 'input[data-part="query"]', '세종대로');
      click(field, '[data-part~="query-submit"]');
      (await waitFor(() => field.querySelector<HTMLElement>('[data-part="result"]'), 'an address found')).click();
    }
    await waitFor(() => field.value.postcode, 'the address chosen');
    await settle(field);
    typeIn(field, 'input[data-part="detail"]', '3층');
  } else {
    typeIn(field, 'input[data-part="postcode"]', '03171');
    typeIn(field, 'input[data-part="base"]', '서울특별시 종로구 세종대로 209');
    typeIn(field, 'input[data-part="detail"]', '정부서울청사 1층');
  }
  await settle(wizard);
}

export interface DetailsInput {
  loginId: string;
  password?: string;
  nameEn?: string;
  department?: string;
  position?: string;
}

/** Details step: every field a member fills in, with valid values. */
export async function fillDetails(wizard: SignupWizard, values: DetailsInput): Promise<void> {
  const password = values.password ?? 'Passw0rd!2026';
  typeIn(wizard, 'input[name="loginId"]', values.loginId);
  typeIn(wizard, 'mb-password-field input[name="password"]', password);
  typeIn(wizard, 'mb-password-field input[name="password-confirmation"]', password);
  if (values.nameEn !== undefined && wizard.querySelector('input[name="nameEn"]')) typeIn(wizard, 'input[name="nameEn"]', values.nameEn);
  typeIn(wizard, 'mb-email-input input[name="email"]', `${values.loginId}@example.com`);
  await settle(wizard);
  if (wizard.querySelector('mb-phone-input[name="mobile"]')) typeIn(wizard, 'mb-phone-input[name="mobile"] input', '01012345678');
  if (wizard.querySelector('mb-phone-input[name="phone"]')) typeIn(wizard, 'mb-phone-input[name="phone"] input', '0212345678');
  if (values.department !== undefined && wizard.querySelector('input[name="department"]')) typeIn(wizard, 'input[name="department"]', values.department);
  if (values.position !== undefined && wizard.querySelector('input[name="position"]')) typeIn(wizard, 'input[name="position"]', values.position);
  if (wizard.querySelector('mb-address-field[name="address"]')) await fillAddress(wizard, 'mb-address-field[name="address"]', wizard);
  await settle(wizard);
}

/** Company step: types a business number and presses 조회 / Search; waits for the answer. */
export async function searchCompany(wizard: SignupWizard, businessNumber: string): Promise<void> {
  typeIn(wizard, 'input[name="company.businessNumber"]', businessNumber);
  await settle(wizard);
  click(wizard, '[data-part~="company-search"]');
  await settle(wizard);
  await waitFor(() => wizard.flow.view.company.lookupState.status !== 'pending', 'the company lookup answered');
  await settle(wizard);
}

/** Company form: what it requires (the business number comes from the search), Y/N questions answered "no". */
export async function fillCompanyForm(wizard: SignupWizard, values: { nameKo?: string; ceoNameKo?: string } = {}): Promise<void> {
  const form = $(wizard, '[data-part~="company-form"]');
  if (values.nameKo !== undefined) typeIn(form, 'input[name="company.nameKo"]', values.nameKo);
  if (values.ceoNameKo !== undefined) typeIn(form, 'input[name="company.ceoNameKo"]', values.ceoNameKo);
  for (const name of ['innoBiz', 'venture', 'foreignInvested']) click(form, `input[name="company.${name}"][value="no"]`);
  choose(form, 'select[name="company.companyType"]', 'corporation');
  await settle(wizard);
  if (!$<HTMLInputElement>(form, 'mb-phone-input[name="company.phone"] input').value) typeIn(form, 'mb-phone-input[name="company.phone"] input', '0312345678');
  if (!wizard.flow.view.company.form.values.address?.base) await fillAddress(form, 'mb-address-field[name="company.address"]', wizard);
  await settle(wizard);
}

/**
 * From the type step to the details step of a new individual (or corporate) member: type, consent,
 * and a mobile verification of `person` through the embedded identity-verify.
 */
export async function toDetails(wizard: SignupWizard, person: SandboxPerson, kind: 'individual' | 'corporate' = 'individual'): Promise<void> {
  await chooseType(wizard, kind, person.nationality);
  await agreeToAll(wizard);
  await clickNext(wizard);
  await verifyInWizard(wizard, person);
  await waitForStep(wizard, 'details');
}

/** Details filled and accepted (the ID checked free): the review, or the company step for corporate members. */
export async function submitDetails(wizard: SignupWizard, values: DetailsInput, next: SignupStep = 'review'): Promise<void> {
  await fillDetails(wizard, values);
  await clickNext(wizard);
  await waitForStep(wizard, next);
}

/** Presses the review's submit and waits until the wizard has moved on or shows why it could not. */
export async function submitReview(wizard: SignupWizard): Promise<void> {
  await clickNext(wizard);
  await waitFor(() => wizard.step !== 'review' || wizard.querySelector('[data-part="review-form"] [data-part="failure"], [data-part~="review-form"] ~ [data-part="failure"], [data-part="failure"]'), 'the submit was answered');
  await settle(wizard);
}
