// Shared helpers of the signup-wizard browser tests (this file registers no tests of its own): mounting,
// typing, and identity verification — through the API and the sandbox hooks, or through
// <identity-verify>'s own mobile form.
import { http } from 'msw';
import { MembershipClient, type VerificationResult } from '../../api/index.ts';
import { getSandboxPerson, type SandboxPerson } from '../../../server/sandbox/people.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, fixture } from '../../../test/browser/fixture.ts';
import { IdentityVerifiedEvent } from '../identity-verify/events.ts';
import { MembershipProvider } from '../../context/membership-provider.ts';
import { IdentityVerify } from '../identity-verify/identity-verify.ts';
import { defineElement } from '../shared/define-element.ts';
import type { SignupStep } from '../../flows/signup/steps.ts';
import { SignupWizard } from './signup-wizard.ts';
import { stepLoaders } from './step-modules.ts';

defineElement('signup-wizard', SignupWizard);

// Waiting on conditions: the one helper of browser tests, stories and e2e.
import { settle, waitFor } from '../../../test/support/wait.ts';
export { settle, waitFor };

// The reference server in the page: test/browser/mock-api.ts (mockApiForFile), one per test file.
import type { MockApi } from '../../../test/support/api.ts';
export type { MockApi };

/**
 * Does, once per file in `before`, the one-time work a journey would otherwise do inside the first
 * test's time limit (on a busy machine seconds of it, and that test timed out): the test server
 * compiles the later steps' modules (and the details step's interest lists) and <identity-verify>'s parts on their first request, and axe
 * sets itself up on its first run.
 */
export async function loadJourneyCode(): Promise<void> {
  await Promise.all([...Object.values(stepLoaders).map((load) => load()), import('./steps/details-step.ts').then(({ interestLists }) => interestLists.load()), IdentityVerify.parts.mobile(), IdentityVerify.parts.provider()]);
  const probe = await fixture(document.createElement('p'));
  probe.textContent = 'axe';
  await expectAccessible(probe);
  cleanupFixtures();
}

export async function mountWizard(mock: MockApi, attributes: Record<string, string> = {}, lang = 'ko'): Promise<SignupWizard> {
  const wizard = document.createElement('signup-wizard') as SignupWizard;
  wizard.setAttribute('api-base', mock.apiBase);
  wizard.setAttribute('site', 'trade');
  for (const [name, value] of Object.entries(attributes)) wizard.setAttribute(name, value);
  await fixture(wizard, { lang });
  // The first step shows before the site settings arrive; tests start once they did (the site's own types).
  await waitFor(() => wizard.flow?.view.started && wizard.querySelector('[data-part~="step-heading"]'), 'the wizard shows its first step');
  return wizard;
}

/**
 * A wizard in a `<membership-provider>` with a client of its own (a runtime with no site settings cached
 * in the page), not yet in the document: the caller mounts `provider` (after watching the wizard, if it wants).
 */
export function inOwnProvider(mock: MockApi, lang?: string): { provider: MembershipProvider; wizard: SignupWizard } {
  defineElement('membership-provider', MembershipProvider);
  const provider = document.createElement('membership-provider') as MembershipProvider;
  provider.setAttribute('api-base', mock.apiBase);
  provider.setAttribute('site', 'trade');
  if (lang) provider.setAttribute('lang', lang);
  provider.client = new MembershipClient({ apiBase: mock.apiBase, siteId: 'trade' });
  const wizard = document.createElement('signup-wizard') as SignupWizard;
  provider.append(wizard);
  return { provider, wizard };
}

/** A wizard in the page before anything has loaded or arrived (mountWizard waits for its settings). */
export async function mountEarly(mock: MockApi, attributes: Record<string, string> = {}): Promise<SignupWizard> {
  const wizard = document.createElement('signup-wizard') as SignupWizard;
  wizard.setAttribute('api-base', mock.apiBase);
  wizard.setAttribute('site', 'trade');
  for (const [name, value] of Object.entries(attributes)) wizard.setAttribute(name, value);
  await fixture(wizard);
  return wizard;
}

/** The signup flow's module as the dev server serves it (held or failed by MSW in the flow-code tests). */
export const flowModule = /\/src\/flows\/signup\/browser-flow\.ts(\?.*)?$/;

/** Holds the signup flow's module on its way (MSW) until the returned function is called. */
export function holdFlowCode(worker: { use(...handlers: ReturnType<typeof http.get>[]): void }): () => void {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  worker.use(http.get(flowModule, async () => {
    await gate;
    return undefined;
  }));
  return open;
}

/** A radio of the type step. */
export const radio = (wizard: Element, name: string, value: string) => $<HTMLInputElement>(wizard, `input[name="${name}"][value="${value}"]`);

export function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  assert(found, `no ${selector}`);
  return found;
}

/** Types `value` into an input as a user would (value, then a bubbling input event). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function typeIn(root: ParentNode, selector: string, value: string): void {
  type($<HTMLInputElement>(root, selector), value);
}

export function choose(root: ParentNode, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(root, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}


export async function waitForStep(wizard: SignupWizard, step: SignupStep, timeoutMs = 5000): Promise<void> {
  // The step rendered (its code loaded: not busy), not only chosen by the flow, with the fields whose code loads when shown (mb-deferred-fields).
  await waitFor(
    () => wizard.step === step && wizard.querySelector(`[data-part="wizard"][data-step="${step}"]:not([aria-busy="true"]) [data-part~="step-heading"]`) && !wizard.querySelector('mb-deferred-fields[aria-busy="true"]'),
    `step ${step} (now ${wizard.step})`,
    timeoutMs,
  );
  await settle(wizard);
}

export function clickNext(wizard: SignupWizard): void {
  $<HTMLButtonElement>(wizard, '[data-part~="next"]').click();
}

/** Review step: presses 가입하기 (the member is created). */
export async function submitReview(wizard: SignupWizard): Promise<void> {
  $<HTMLButtonElement>(wizard, '[data-part~="review-form"] [data-part~="next"]').click();
  await settle(wizard);
}

/** Type step: choose kind and nationality (radio clicks) and go on. */
export async function chooseType(wizard: SignupWizard, kind: 'individual' | 'corporate', nationality: 'domestic' | 'foreign' = 'domestic'): Promise<void> {
  $<HTMLInputElement>(wizard, `input[name="memberKind"][value="${kind}"]`).click();
  $<HTMLInputElement>(wizard, `input[name="nationality"][value="${nationality}"]`).click();
  await settle(wizard);
  clickNext(wizard);
  await waitForStep(wizard, 'consent');
}

/** Consent step: wait for the terms, agree to all, go on. */
export async function agreeToAll(wizard: SignupWizard): Promise<void> {
  await waitFor(() => wizard.querySelector('mb-consent-list [data-part="agree-all"] input'), 'the terms loaded');
  await settle(wizard);
  $<HTMLInputElement>(wizard, 'mb-consent-list [data-part="agree-all"] input').click();
  await settle(wizard);
  clickNext(wizard);
  await waitForStep(wizard, 'identity');
}

/** A finished mobile verification of `person`, done through the API and the sandbox hooks. */
export async function verificationOf(mock: MockApi, person: SandboxPerson, site = 'trade'): Promise<VerificationResult> {
  const client = new MembershipClient({ apiBase: mock.apiBase, siteId: site });
  const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
  const { answer } = await fetch(`/sandbox/verifications/${start.verificationId}/captcha-answer`).then((r) => r.json() as Promise<{ answer: string }>);
  const claim = { carrier: person.carrier, name: person.name, birthDate: person.birthDate, gender: person.gender, nationality: person.nationality, mobile: person.mobile };
  await client.call('requestMobileCode', { params: { verificationId: start.verificationId }, body: { ...claim, captchaAnswer: answer, providerTermsAgreed: true } });
  const messages = await mock.deps.store.listSandboxMessages(50);
  const code = messages.find((message) => message.mobile === person.mobile)?.text.match(/\[(\d{6})\]/)?.[1];
  assert(code, `a sandbox SMS to ${person.mobile}`);
  return client.call('confirmMobileCode', { params: { verificationId: start.verificationId }, body: { code } });
}

/** Hands the wizard a verification as `<identity-verify>` would: its event, from inside it. */
export async function verifyAs(wizard: SignupWizard, mock: MockApi, person: string | SandboxPerson, site = 'trade'): Promise<VerificationResult> {
  const result = await verificationOf(mock, typeof person === 'string' ? getSandboxPerson(person) : person, site);
  const verifier = await waitFor(() => wizard.querySelector('identity-verify'), 'identity-verify rendered');
  verifier.dispatchEvent(new IdentityVerifiedEvent(result));
  await settle(wizard);
  return result;
}

let generated = 0;
/** A fresh generated sandbox person (010-9999-XXXX, name starting with 테스트), adult and domestic by default. */
export function testPerson(overrides: Partial<SandboxPerson> = {}): SandboxPerson {
  generated += 1;
  const suffix = String((Date.now() + generated) % 10000).padStart(4, '0');
  return { ...getSandboxPerson('kim-minji'), id: `test-${suffix}`, name: `테스트${'가나다라마바사아자차'[generated % 10]}${suffix.slice(2)}`, mobile: `0109999${suffix}`, ...overrides };
}

/** Fills the details step with valid values; `loginId` and anything else may be overridden. */
export async function fillDetails(wizard: SignupWizard, values: { loginId: string; password?: string; nameEn?: string }): Promise<void> {
  const password = values.password ?? 'Passw0rd!2026';
  typeIn(wizard, 'input[name="loginId"]', values.loginId);
  typeIn(wizard, 'mb-password-field input[name="password"]', password);
  typeIn(wizard, 'mb-password-field input[name="password-confirmation"]', password);
  if (values.nameEn !== undefined) typeIn(wizard, 'input[name="nameEn"]', values.nameEn);
  typeIn(wizard, 'mb-email-input input[name="email"]', `${values.loginId}@example.com`);
  await settle(wizard);
  typeIn(wizard, 'mb-phone-input[name="mobile"] input', '01012345678');
  typeIn(wizard, 'mb-phone-input[name="phone"] input', '0212345678');
  await fillAddress(wizard, 'mb-address-field[name="address"]');
  await settle(wizard);
}

/** Types an address by hand (the element offers manual entry when no search adapter is set). */
export async function fillAddress(wizard: SignupWizard, selector: string): Promise<void> {
  const field = $(wizard, selector);
  typeIn(field, 'input[data-part="postcode"]', '03154');
  typeIn(field, 'input[data-part="base"]', '서울특별시 종로구 세종대로 209');
  typeIn(field, 'input[data-part="detail"]', '1층');
  await settle(wizard);
}

/** Collects the wizard's events in order. */
export function recordEvents(target: EventTarget, types: readonly string[] = ['signup-step-change', 'signup-submit', 'signup-complete', 'signup-error']) {
  const events: CustomEvent[] = [];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of types) target.addEventListener(name, listener);
  return { events, stop: () => types.forEach((name) => target.removeEventListener(name, listener)) };
}

/** Drives the real `<identity-verify>` inside the wizard: choose mobile, fill its form, enter the SMS code. */
export async function verifyThroughForm(wizard: SignupWizard, mock: MockApi, person: SandboxPerson): Promise<void> {
  const verifier = await waitFor(() => wizard.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('identity-verify'), 'identity-verify rendered');
  await waitFor(() => verifier.querySelector('input[name="method"][value="mobile"]'), 'the method choice');
  $<HTMLInputElement>(verifier, 'input[name="method"][value="mobile"]').click();
  await verifier.updateComplete;
  $<HTMLButtonElement>(verifier, '[data-part="method-choice"] button[type="submit"]').click();
  const image = await waitFor(() => {
    const img = verifier.querySelector<HTMLImageElement>('img[data-part="captcha-image"]');
    return img?.complete && img.naturalWidth > 0 ? img : null;
  }, 'the captcha image loaded');
  const verificationId = /verifications\/([^/]+)\/captcha/.exec(image.src)?.[1];
  const { answer } = await fetch(`/sandbox/verifications/${verificationId}/captcha-answer`).then((r) => r.json() as Promise<{ answer: string }>);
  choose(verifier, 'select[name="carrier"]', person.carrier);
  typeIn(verifier, 'input[name="name"]', person.name);
  typeIn(verifier, 'input[name="birthDate"]', person.birthDate.replaceAll('-', ''));
  $<HTMLInputElement>(verifier, `[data-field-group="gender"] input[value="${person.gender}"]`).click();
  $<HTMLInputElement>(verifier, `[data-field-group="nationality"] input[value="${person.nationality}"]`).click();
  typeIn(verifier, 'input[name="mobile"]', person.mobile);
  const all = $<HTMLInputElement>(verifier, '[data-field="termsAll"]');
  if (!all.checked) all.click();
  typeIn(verifier, 'input[name="captchaAnswer"]', answer);
  await verifier.updateComplete;
  $<HTMLButtonElement>(verifier, '[data-part="mobile-form"] button[type="submit"]').click();
  const otp = await waitFor(() => verifier.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('mb-otp-input'), `the code step (${verifier.querySelector('[data-part="alert"]')?.textContent ?? ''})`);
  await otp.updateComplete;
  const messages = await mock.deps.store.listSandboxMessages(50);
  const code = messages.find((message) => message.mobile === person.mobile)?.text.match(/\[(\d{6})\]/)?.[1];
  assert(code, 'the SMS code');
  typeIn(otp, 'input', code);
  await verifier.updateComplete;
  $<HTMLButtonElement>(verifier, '[data-part="code-form"] button[type="submit"]').click();
}

/** Chooses a file in a file input, as a user picking one would. */
export function attachFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Fills what the company form requires (BRN comes from the search), answering the Y/N questions. */
export async function fillCompanyForm(wizard: SignupWizard, values: { nameKo?: string; ceoNameKo?: string } = {}): Promise<void> {
  const form = $(wizard, '[data-part="company-form"]');
  if (values.nameKo !== undefined) typeIn(form, 'input[name="company.nameKo"]', values.nameKo);
  if (values.ceoNameKo !== undefined) typeIn(form, 'input[name="company.ceoNameKo"]', values.ceoNameKo);
  for (const name of ['innoBiz', 'venture', 'foreignInvested']) $<HTMLInputElement>(form, `input[name="company.${name}"][value="no"]`).click();
  choose(form, 'select[name="company.companyType"]', 'corporation');
  await settle(wizard);
  if (!$<HTMLInputElement>(form, 'mb-phone-input[name="company.phone"] input').value) typeIn(form, 'mb-phone-input[name="company.phone"] input', '0312345678');
  if (!wizard.flow!.view.company.form.values.address?.base) await fillAddress(wizard, 'mb-address-field[name="company.address"]');
  await settle(wizard);
}

/** Types a BRN into the company search and presses 조회; waits for the answer. */
export async function searchCompany(wizard: SignupWizard, businessNumber: string): Promise<void> {
  typeIn(wizard, 'input[name="company.businessNumber"]', businessNumber);
  await settle(wizard);
  $<HTMLButtonElement>(wizard, '[data-part~="company-search"]').click();
  await settle(wizard);
  await waitFor(() => wizard.flow!.view.company.lookupState.status !== 'pending', 'the lookup finished');
  await settle(wizard);
}
