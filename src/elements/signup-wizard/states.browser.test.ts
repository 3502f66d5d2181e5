// <signup-wizard>'s other states against the reference server in the page: loading and failed loads,
// English, where each API answer at submit sends the user, the `fields` attribute, editing from the
// review, and a site that asks for a fresh verification at submit.
import { http, HttpResponse } from 'msw';
import { sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { definePolicy, kotraPolicy } from '../../rules/policy.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal, fixture } from '../../../test/browser/fixture.ts';
import {
  waitFor, $, agreeToAll, chooseType, clickNext, fillDetails, loadJourneyCode, mountWizard, recordEvents, settle, typeIn, verifyAs, waitForStep, submitReview,
} from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { interestLists } from './steps/details-step.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;
const apiError = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ error: { code, message: code, ...extra } }, { status, headers: extra.retryAfterSeconds ? { 'retry-after': String(extra.retryAfterSeconds) } : {} });

async function atReview(attributes: Record<string, string> = {}): Promise<SignupWizard> {
  const wizard = await mountWizard(mock, attributes);
  await chooseType(wizard, 'individual');
  await agreeToAll(wizard);
  await verifyAs(wizard, mock, sandboxPersonIds.hong);
  await waitForStep(wizard, 'details');
  await fillDetails(wizard, { loginId: 'hongstate' });
  clickNext(wizard);
  await waitForStep(wizard, 'review');
  return wizard;
}

describe('<signup-wizard> states', () => {
  before(loadJourneyCode);

  it('a site config that cannot load shows the message and a retry, never a blank screen', async () => {
    let fail = true;
    api.worker.use(http.get(`${mock.apiBase}site`, () => (fail ? HttpResponse.error() : undefined)));
    // The first test of this page: the shared runtime has no site config cached yet.
    const wizard = document.createElement('signup-wizard') as SignupWizard;
    wizard.setAttribute('api-base', mock.apiBase);
    wizard.setAttribute('site', 'trade');
    await fixture(wizard);
    await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure');
    assert(wizard.textContent?.includes('서버에 연결할 수 없습니다'), 'says what happened and what to do');
    await expectAccessible(wizard);
    fail = false;
    $<HTMLButtonElement>(wizard, '[data-part~="retry"]').click();
    await waitForStep(wizard, 'type');
  });

  it('terms that cannot load: the consent step says so with a retry, reports signup-error, then loads', async () => {
    let fail = true;
    api.worker.use(http.get(`${mock.apiBase}terms`, () => (fail ? apiError(503, 'SERVICE_UNAVAILABLE', { retryAfterSeconds: 60 }) : undefined)));
    const wizard = await mountWizard(mock);
    const errors = recordEvents(wizard, ['signup-error']);
    $<HTMLInputElement>(wizard, 'input[name="memberKind"][value="individual"]').click();
    $<HTMLInputElement>(wizard, 'input[name="nationality"][value="domestic"]').click();
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'consent');
    await waitFor(() => wizard.querySelector('[data-part="failure"]'), 'the failure');
    assert(wizard.textContent?.includes('서비스를 잠시 이용할 수 없습니다'), 'the message');
    equal(errors.events[0]?.detail.code, 'SERVICE_UNAVAILABLE', 'signup-error');
    await expectAccessible(wizard);
    fail = false;
    $<HTMLButtonElement>(wizard, '[data-part~="retry"]').click();
    await waitFor(() => wizard.querySelector('mb-consent-list [data-part="document"]'), 'terms after the retry');
    errors.stop();
  });

  it('renders in English with lang="en"', async () => {
    const wizard = await mountWizard(mock, {}, 'en');
    equal($(wizard, '[data-part~="step-heading"]').textContent?.trim(), 'Member type', 'English title');
    assert(wizard.textContent?.includes('Corporate member') && wizard.textContent.includes('Foreign national'), 'English answers');
    clickNext(wizard);
    await settle(wizard);
    assert(wizard.textContent?.includes('Please choose one') || /choose/i.test(wizard.querySelector('[data-part="error"]')?.textContent ?? ''), 'English error');
    await expectAccessible(wizard);
  });

  it('the identity step is accessible with identity-verify inside; verify-methods narrows its methods', async () => {
    const wizard = await mountWizard(mock, { 'verify-methods': 'mobile', 'verify-mode': 'redirect' });
    await chooseType(wizard, 'individual', 'foreign');
    await agreeToAll(wizard);
    const verifier = await waitFor(() => wizard.querySelector<HTMLElement & { methods?: string; mode?: string; nationality?: string }>('identity-verify'), 'identity-verify');
    equal(verifier.methods, 'mobile', 'methods passed on');
    equal(verifier.mode, 'redirect', 'mode passed on');
    equal(verifier.nationality, 'foreign', 'the mobile form starts at the nationality chosen');
    await waitFor(() => verifier.querySelector('[data-part="mobile-form"]'), 'one method: straight to the mobile form');
    await expectAccessible(wizard);
  });

  it('rate limit and server errors stay on the review with the message; a server-side under-age refusal ends it; signup-error each time', async () => {
    const wizard = await atReview();
    const errors = recordEvents(wizard, ['signup-error']);
    const cases: { answer: () => Response; step: string; check: () => boolean; what: string }[] = [
      { answer: () => apiError(429, 'RATE_LIMITED', { retryAfterSeconds: 42 }), step: 'review', check: () => Boolean(wizard.querySelector('[data-part="failure"]')?.textContent?.includes('42초')), what: 'rate limit with seconds' },
      { answer: () => apiError(500, 'INTERNAL_ERROR'), step: 'review', check: () => Boolean(wizard.querySelector('[data-part~="retry"]')), what: 'server error with a retry' },
      { answer: () => apiError(422, 'UNDER_AGE'), step: 'under-age', check: () => wizard.textContent!.includes('만 14세 미만'), what: 'server under-age' },
    ];
    for (const entry of cases) {
      api.worker.use(http.post(`${mock.apiBase}members`, entry.answer, { once: true }));
      const before = errors.events.length;
      if (wizard.step !== 'review') wizard.flow!.goTo('review');
      await waitForStep(wizard, 'review');
      await submitReview(wizard);
      await waitFor(() => wizard.step === entry.step && errors.events.length > before, `${entry.what}: step ${entry.step} (now ${wizard.step})`);
      // The refusal's screen comes with the done step's code, which may still be on its way (loaded on demand).
      await waitFor(entry.check, entry.what);
      equal(wizard.flow!.view.details.values.loginId, 'hongstate', `${entry.what}: nothing lost`);
      if (entry.step === 'under-age') break;
    }
    equal(errors.events.map((event) => event.detail.code).join(' '), 'RATE_LIMITED INTERNAL_ERROR UNDER_AGE', 'codes reported in order until the refusal');
    errors.stop();
  });

  it('member type, field and terms answers go to their steps, the field error focused', async () => {
    const wizard = await atReview();
    for (const [answer, step] of [
      [() => apiError(422, 'MEMBER_TYPE_NOT_ALLOWED'), 'type'],
      [() => apiError(422, 'TERMS_REQUIRED', { fields: [{ field: 'consents.trade-privacy', code: 'TERMS_REQUIRED' }] }), 'consent'],
      [() => apiError(422, 'VALIDATION_FAILED', { fields: [{ field: 'details.email', code: 'EMAIL_DOMAIN_INVALID' }] }), 'details'],
    ] as const) {
      // The field error comes last: until the email is changed, a submit goes back to it.
      api.worker.use(http.post(`${mock.apiBase}members`, answer, { once: true }));
      wizard.flow!.goTo('review');
      await waitForStep(wizard, 'review');
      await submitReview(wizard);
      await waitForStep(wizard, step);
      if (step === 'details') {
        equal(wizard.flow!.view.details.errorFor('email'), 'EMAIL_DOMAIN_INVALID', 'the server code on the field');
        assert(document.activeElement?.closest('mb-email-input'), 'focus on the email field');
        await expectAccessible(wizard);
      } else assert(wizard.querySelector('[role="alert"]'), `${step}: an alert`);
      // The terms are read again after a terms answer; until then the consent step is not complete.
      await waitFor(() => wizard.flow!.view.terms.status === 'complete', 'terms loaded again');
    }
  });

  it('fields limits the optional fields; fields the policy requires still show', async () => {
    let listsAsked = 0;
    const load = interestLists.load;
    interestLists.load = () => {
      listsAsked += 1;
      return load();
    };
    try {
      const wizard = await mountWizard(mock, { fields: 'fax' });
      await chooseType(wizard, 'individual');
      await agreeToAll(wizard);
      await verifyAs(wizard, mock, sandboxPersonIds.kim);
      await waitForStep(wizard, 'details');
      assert(wizard.querySelector('mb-phone-input[name="fax"]'), 'fax listed');
      assert(wizard.querySelector('mb-phone-input[name="phone"]') && wizard.querySelector('mb-address-field'), 'KOTRA requires phone and address: shown');
      assert(!wizard.querySelector('input[name="department"]') && !wizard.querySelector('mb-deferred-fields') && !wizard.querySelector('mb-phone-input[name="mobile"]'), 'others hidden');
      equal(listsAsked, 0, 'the interest lists\' code not fetched');
    } finally {
      interestLists.load = load;
    }
  });

  it('a policy property wins over the site policy, down to the inner fields', async () => {
    const wizard = await mountWizard(mock);
    wizard.policy = definePolicy({ required: { phone: false, mobile: true, address: false, nameEn: false }, password: { minLength: 12 } }, kotraPolicy);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.park);
    await waitForStep(wizard, 'details');
    assert(wizard.querySelector('mb-phone-input[name="mobile"]')?.hasAttribute('required'), 'mobile required by the policy');
    assert(!wizard.querySelector('mb-phone-input[name="phone"]')?.hasAttribute('required'), 'phone optional by the policy');
    assert($(wizard, 'mb-password-field [data-rule="length"]').textContent?.includes('12'), 'the password checklist follows the policy');
    assert($(wizard, 'mb-phone-input[name="mobile"] label').textContent?.includes('(필수)'), 'the mobile label says required');
    assert(!$(wizard, 'mb-phone-input[name="phone"] label').textContent?.includes('(필수)'), 'the phone label does not');
    // The verified number was prefilled; cleared, the policy asks for it.
    await waitFor(() => $<HTMLInputElement>(wizard, 'mb-phone-input[name="mobile"] input').value !== '', 'verified mobile prefilled');
    typeIn(wizard, 'mb-phone-input[name="mobile"] input', '');
    await settle(wizard);
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.flow!.view.details.errorFor('mobile'), 'PHONE_REQUIRED', 'mobile asked for');
    equal(wizard.flow!.view.details.errorFor('phone'), undefined, 'phone not asked for');
    // One word per field: the error names the field as its label does (휴대전화 번호, not 전화번호).
    await waitFor(() => $(wizard, 'mb-phone-input[name="mobile"] [data-part~="error"]').textContent?.trim() === '휴대전화 번호를 입력해 주세요.', 'the mobile error says 휴대전화 번호');
    for (const field of wizard.querySelectorAll('mb-phone-input')) {
      const label = field.querySelector('label')?.textContent?.replace(/\*|\(필수\)/g, '').trim() ?? '';
      const error = field.querySelector('[data-part~="error"]')?.textContent?.trim() ?? '';
      if (error) assert(error.startsWith(label), `"${error}" names "${label}"`);
    }
  });

  it('editing from the review returns to the review', async () => {
    const wizard = await atReview();
    $<HTMLButtonElement>(wizard, '[data-part~="edit"][data-step="details"]').click();
    await waitForStep(wizard, 'details');
    typeIn(wizard, 'input[name="department"]', '수출지원팀');
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    assert($(wizard, '[data-section="details"]').textContent?.includes('수출지원팀'), 'the change is on the review');
  });

  it('a site asking for a fresh verification at submit shows identity-verify on the review and sends both tokens', async () => {
    const wizard = await mountWizard(mock, { site: 'animal' });
    assert(wizard.querySelector('input[name="nationality"][value="foreign"]') && !wizard.querySelector('input[name="memberKind"]'), 'animal: 국내인 / 외국인, no corporate type');
    $<HTMLInputElement>(wizard, 'input[name="nationality"][value="domestic"]').click();
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'consent');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.hong, 'animal');
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'honganimal' });
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    assert(wizard.querySelector('[data-part="review-reverify"] identity-verify'), 'identity-verify on the review');
    await waitFor(() => wizard.querySelector('[data-part="review-reverify"] identity-verify h4'), 'identity-verify headings');
    const headings = [...wizard.querySelectorAll('h2, h3, h4')].map((heading) => heading.textContent?.replace(/\s+/g, ' ').trim());
    equal(new Set(headings).size, headings.length, `each heading of the review says what it heads: ${headings.join(' | ')}`);
    await submitReview(wizard);
    assert($(wizard, '[data-part="failure"]').textContent?.includes('본인인증을 한 번 더') && !wizard.querySelector('[data-part~="retry"]'), 'asks for it first (nothing to retry)');
    let body: { submitVerificationToken?: string } = {};
    api.worker.use(http.post(`${mock.apiBase}members`, async ({ request }) => {
      body = (await request.clone().json()) as typeof body;
      return undefined;
    }));
    await verifyAs(wizard, mock, sandboxPersonIds.hong, 'animal');
    assert($(wizard, '[data-part="review-reverify"] [data-part="verified"]'), 'verified again');
    const done = new Promise<CustomEvent>((resolve) => wizard.addEventListener('signup-complete', (event) => resolve(event), { once: true }));
    await submitReview(wizard);
    equal((await done).detail.loginId, 'honganimal', 'signed up on the animal site');
    assert(body.submitVerificationToken && body.submitVerificationToken.length >= 16, 'the second token was sent');
  });
});
