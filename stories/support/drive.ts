// How the stories' play functions use the elements: as a person would, through the UI — values typed
// into inputs with their input/change events, radios and buttons clicked — against the reference
// server in the page. The generic parts (waiting, typing, the sandbox provider) are the browser
// tests' harness in test/support/; this file adds the <signup-wizard> journeys of the stories.
import type { IdentityVerify } from '../../src/elements/identity-verify/identity-verify.ts';
import type { SignupStep } from '../../src/flows/signup/steps.ts';
import type { SignupWizard } from '../../src/elements/signup-wizard/signup-wizard.ts';
import { $, choose, click, typeIn } from '../../test/support/dom.ts';
import { verifyByMobile, type SandboxPerson } from '../../test/support/sandbox.ts';
import { settle, waitFor } from '../../test/support/wait.ts';

export { $, byLabel, choose, click, fillByLabel, typeIn, typeInto } from '../../test/support/dom.ts';
export * from '../../test/support/sandbox.ts';
export { settle, waitFor } from '../../test/support/wait.ts';

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

// ------------------------------------------------------------------ <signup-wizard>

/** The wizard of the story, once it shows a step. */
export async function wizardIn(canvas: HTMLElement): Promise<SignupWizard> {
  const wizard = await waitFor(() => canvas.querySelector('signup-wizard'), 'the signup-wizard element');
  await waitFor(() => wizard.querySelector('[data-part~="step-heading"], [data-part="failure"], [data-part="alert"]'), 'the wizard shows its first step');
  await settle(wizard);
  return wizard;
}

export async function waitForStep(wizard: SignupWizard, step: SignupStep, timeoutMs?: number): Promise<void> {
  // The fields whose code loads when they are shown (the details step's interest lists) have come in too.
  const busy = '[data-part="wizard"][aria-busy="true"], mb-deferred-fields[aria-busy="true"]';
  await waitFor(() => wizard.step === step && wizard.querySelector('[data-part~="step-heading"]') && !wizard.querySelector(busy), `step ${step} (now ${wizard.step})`, timeoutMs);
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
  await waitFor(() => wizard.flow!.view.company.lookupState.status !== 'pending', 'the company lookup answered');
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
  if (!wizard.flow!.view.company.form.values.address?.base) await fillAddress(form, 'mb-address-field[name="company.address"]', wizard);
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

/** Submits the review and waits for the done screen, staying on it (the story cancels `signup-complete`). */
export async function submitToDone(wizard: SignupWizard): Promise<void> {
  wizard.addEventListener('signup-complete', (event) => event.preventDefault(), { once: true });
  await submitReview(wizard);
  await waitForStep(wizard, 'done');
}
