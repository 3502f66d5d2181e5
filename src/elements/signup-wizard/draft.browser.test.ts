// <signup-wizard>'s draft: re-mounting resumes at the same step with the values
// back, never a password or token in sessionStorage; a verification is asked for again at submit; a
// provider redirect returns to the identity step and completes there; expired tokens and changed
// terms send the user where they can fix it without losing anything.
import { MembershipClient } from '../../api/index.ts';
import { getSandboxPerson, sandboxPersonIds, toVerifiedPerson } from '../../../server/sandbox/people.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal } from '../../../test/browser/fixture.ts';
import { savePendingRedirect } from '../identity-verify/redirect.ts';
import {
  waitFor, $, agreeToAll, chooseType, clickNext, fillDetails, loadJourneyCode, mountWizard, recordEvents, settle, typeIn, verifyAs, waitForStep, submitReview,
} from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

let serverOffset = 0;
const api = await mockApiForFile({ now: () => Date.now() + serverOffset });
const { mock } = api;
const password = 'Passw0rd!2026';

const rawStorage = () => Object.keys(sessionStorage).map((key) => `${key}=${sessionStorage.getItem(key)}`).join('\n');

function completed(wizard: SignupWizard): Promise<CustomEvent> {
  return new Promise((resolve) => wizard.addEventListener('signup-complete', (event) => resolve(event), { once: true }));
}

describe('<signup-wizard> draft and resume', () => {
  before(loadJourneyCode);
  afterEach(() => {
    serverOffset = 0;
  });

  it('re-mounting resumes the details with every value but the password; no password or token in storage; verification is asked again at submit', async () => {
    let wizard = await mountWizard(mock, { id: 'join' });
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    const verification = await verifyAs(wizard, mock, sandboxPersonIds.hong);
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'hongdraft' });
    await settle(wizard);
    const raw = rawStorage();
    assert(raw.includes('membership-elements:signup:trade:join'), 'a draft per site and element id');
    assert(raw.includes('hongdraft') && raw.includes('세종대로'), 'typed values are in the draft');
    assert(!raw.includes(password), 'never the password');
    assert(!raw.includes(verification.verificationToken), 'never the verification token');
    assert(!/password/i.test(raw), 'no password field at all');

    cleanupFixtures();
    wizard = await mountWizard(mock, { id: 'join' });
    await waitForStep(wizard, 'details');
    equal($<HTMLInputElement>(wizard, 'input[name="loginId"]').value, 'hongdraft', 'ID back');
    equal(wizard.flow!.view.details.values.email, 'hongdraft@example.com', 'email back');
    equal($<HTMLInputElement>(wizard, 'mb-phone-input[name="phone"] input').value, '02-1234-5678', 'phone back');
    equal(wizard.flow!.view.details.values.address?.base, '서울특별시 종로구 세종대로 209', 'address back');
    equal($<HTMLInputElement>(wizard, 'input[name="nameKo"]').value, '홍길동', 'verified name shown from the draft');
    equal($<HTMLInputElement>(wizard, 'mb-password-field input[name="password"]').value, '', 'no password');
    assert($(wizard, '[data-part="notice"]').textContent?.includes('비밀번호를 다시 입력'), 'asks for the password again');
    assert($(wizard, 'mb-step-indicator [aria-current="step"]').textContent?.includes('회원정보 입력'), 'indicator at the same step');
    await expectAccessible(wizard);

    typeIn(wizard, 'mb-password-field input[name="password"]', password);
    typeIn(wizard, 'mb-password-field input[name="password-confirmation"]', password);
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const recorded = recordEvents(wizard);
    await submitReview(wizard);
    await waitForStep(wizard, 'identity');
    assert($(wizard, '[data-part="notice"]').textContent?.includes('본인인증을 다시'), 'asks to verify again, data kept');
    equal(wizard.flow!.view.details.values.loginId, 'hongdraft', 'still there');
    const done = completed(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.hong);
    equal((await done).detail.loginId, 'hongdraft', 'signup went on after the new verification');
    const steps = recorded.events.filter((event) => event.type === 'signup-step-change').map((event) => event.detail.step);
    equal(steps.join(' '), 'identity review done', 'identity, back to the review, done');
    recorded.stop();
  });

  it('resumes the consent step with its answers and versions; draft-key separates wizards', async () => {
    let wizard = await mountWizard(mock, { 'draft-key': 'a' });
    await chooseType(wizard, 'individual', 'foreign');
    await waitFor(() => wizard.querySelector('mb-consent-list [data-part="agree-all"] input'), 'terms');
    await settle(wizard);
    $<HTMLInputElement>(wizard, 'mb-consent-list [data-part="agree-all"] input').click();
    await settle(wizard);
    cleanupFixtures();
    wizard = await mountWizard(mock, { 'draft-key': 'a' });
    await waitForStep(wizard, 'consent');
    await waitFor(() => wizard.querySelector('mb-consent-list input:checked'), 'answers back');
    await settle(wizard);
    equal(wizard.flow!.view.consentComplete, true, 'required answers are back');
    equal(wizard.flow!.view.memberType, 'foreign', 'type answers back');
    const other = await mountWizard(mock, { 'draft-key': 'b' });
    equal(other.step, 'type', 'another draft key starts fresh');
  });

  it('a damaged draft is ignored or kept only where it makes sense, never breaking the wizard', async () => {
    sessionStorage.setItem('membership-elements:signup:trade:default', '{not json');
    let wizard = await mountWizard(mock);
    equal(wizard.step, 'type', 'unreadable: start over');
    cleanupFixtures();
    sessionStorage.setItem('membership-elements:signup:trade:default', JSON.stringify({
      v: 1, step: 'company', kind: 'corporate', nationality: 'martian', consents: 'all', person: { name: 7 },
      details: { loginId: 'keptid', password: 'should-not-load', email: 42 },
      company: { query: '124-81-00998', lookup: { status: 'registered', company: null }, values: { nameKo: '남은회사', innoBiz: 'yes' } },
    }));
    wizard = await mountWizard(mock);
    await waitForStep(wizard, 'company');
    equal(wizard.flow!.view.details.values.loginId, 'keptid', 'a valid value kept');
    equal(wizard.flow!.view.details.values.password, '', 'no password from storage');
    equal(wizard.flow!.view.details.values.email, '', 'a wrong type dropped');
    equal(wizard.flow!.view.company.lookup, undefined, 'a malformed lookup dropped: search again');
    equal(wizard.flow!.view.company.form.values.nameKo, '남은회사', 'typed company name kept');
    equal(wizard.flow!.view.company.form.values.innoBiz, undefined, 'a wrong Y/N dropped');
    equal(wizard.flow!.view.person, undefined, 'a malformed person dropped');
    await expectAccessible(wizard);
  });

  it('a provider redirect returns to the identity step, identity-verify completes the exchange, the wizard goes on', async () => {
    let wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    cleanupFixtures();
    // The provider window (sandbox i-PIN) finished and sent the browser back with its result.
    const client = new MembershipClient({ apiBase: mock.apiBase, siteId: 'trade' });
    const start = await client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', mode: 'redirect', returnUrl: location.href } });
    const record = await mock.deps.store.getVerification(start.verificationId);
    assert(record, 'the verification');
    await mock.deps.store.putVerification({ ...record, providerResultId: 'sandbox-result-1234', person: toVerifiedPerson(getSandboxPerson(sandboxPersonIds.kim)), captchaAnswer: null });
    savePendingRedirect({ verificationId: start.verificationId, method: 'ipin', purpose: 'signup', startedAt: Date.now() });
    const before = location.href;
    const back = new URL(before);
    back.searchParams.set('mv_verification', start.verificationId);
    back.searchParams.set('mv_result', 'sandbox-result-1234');
    history.replaceState(history.state, '', back.href);
    try {
      wizard = await mountWizard(mock);
      equal(wizard.step, 'identity', 'resumed at the identity step');
      await waitForStep(wizard, 'details', 8000);
      equal(wizard.flow!.view.person?.name, '김민지', 'verified by the provider');
      assert(!location.href.includes('mv_result'), 'the single-use result left the address bar');
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it('an expired verification at submit: identity step with the notice, then back to the review and on', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.lee);
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'leeexpire' });
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    serverOffset = 31 * 60 * 1000;
    const errors = recordEvents(wizard, ['signup-error']);
    await submitReview(wizard);
    await waitForStep(wizard, 'identity');
    assert($(wizard, '[data-part="notice"]').textContent?.includes('유효시간'), 'says the verification expired');
    equal(errors.events[0]?.detail.code, 'VERIFICATION_EXPIRED', 'signup-error');
    await expectAccessible(wizard);
    const done = completed(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.lee);
    equal((await done).detail.loginId, 'leeexpire', 'signed up after verifying again');
    errors.stop();
  });

  it('changed terms at submit: back to consent with the message, the changed item unanswered, then on', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.park);
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'parkterms' });
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const terms = mock.deps.config.sites.trade!.terms;
    const original = terms[0]!.version;
    terms[0] = { ...terms[0]!, version: '2026-12-01' };
    try {
      await submitReview(wizard);
      await waitForStep(wizard, 'consent');
      assert($(wizard, '[role="alert"]').textContent?.includes('약관이 변경'), 'says the terms changed');
      await waitFor(() => wizard.flow!.view.documents[0]?.version === '2026-12-01', 'new terms loaded');
      await settle(wizard);
      equal(wizard.flow!.view.consentComplete, false, 'the changed document must be answered again');
      assert($(wizard, 'mb-consent-list [data-required][data-category="terms"] [data-part="error"]').textContent?.includes('약관이 변경'), 'the changed document carries the message');
      $<HTMLInputElement>(wizard, 'mb-consent-list [data-part="agree-all"] input').click();
      await settle(wizard);
      clickNext(wizard);
      await waitForStep(wizard, 'review');
      const done = completed(wizard);
      await submitReview(wizard);
      equal((await done).detail.loginId, 'parkterms', 'signed up with the new version');
    } finally {
      terms[0] = { ...terms[0]!, version: original };
    }
  });
});
