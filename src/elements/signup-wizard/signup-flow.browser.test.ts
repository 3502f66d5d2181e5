// <signup-wizard> end to end against the reference server in the page: a domestic member through
// <identity-verify>'s own mobile form, a foreigner, and what the API can answer at submit.
import { http, HttpResponse } from 'msw';
import { MembershipClient } from '../../api/index.ts';
import { getSandboxPerson, sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal } from '../../../test/browser/fixture.ts';
import {
  waitFor, $, agreeToAll, chooseType, clickNext, fillDetails, loadJourneyCode, mountWizard, recordEvents, settle, testPerson, typeIn, verificationOf, verifyAs,
  verifyThroughForm, waitForStep, submitReview,
} from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { completionNavigation } from './navigation.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;

async function toReview(wizard: SignupWizard, loginId: string, extra: { nameEn?: string } = {}): Promise<void> {
  await waitForStep(wizard, 'details');
  await fillDetails(wizard, { loginId, ...extra });
  await waitFor(() => wizard.flow!.view.loginIdCheck.status === 'available', 'the live check says available');
  clickNext(wizard);
  await waitForStep(wizard, 'review');
}

describe('<signup-wizard> signup', () => {
  before(loadJourneyCode);

  it('a domestic individual signs up through identity-verify, with events in order and the draft cleared', async () => {
    const hong = getSandboxPerson(sandboxPersonIds.hong);
    const wizard = await mountWizard(mock, { 'completion-url': '/welcome' });
    const recorded = recordEvents(wizard);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyThroughForm(wizard, mock, hong);
    await waitForStep(wizard, 'details');
    equal($<HTMLInputElement>(wizard, 'input[name="nameKo"]').value, '홍길동', 'Korean name from the verification');
    assert($<HTMLInputElement>(wizard, 'input[name="nameKo"]').readOnly, 'read-only');
    await expectAccessible(wizard);

    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'details', 'empty details stay');
    const summary = $(wizard, '[data-part~="error-summary"]');
    equal(document.activeElement, summary, 'focus on the error summary at the top');
    equal(summary.getAttribute('role'), 'alert', 'announced');
    assert(summary.textContent?.includes('아이디: 아이디를 입력해 주세요'), 'the summary names each field and its problem');
    $<HTMLAnchorElement>(summary, 'a[data-field="loginId"]').click();
    equal(document.activeElement, $(wizard, 'input[name="loginId"]'), 'its link moves focus to the field');
    assert($(wizard, '[data-part="field"]:has(input[name="loginId"]) [data-part="error"]').textContent?.includes('아이디를 입력해 주세요'), 'ID error shown');
    await expectAccessible(wizard);

    await fillDetails(wizard, { loginId: 'hong2026' });
    await waitFor(() => $(wizard, '[data-part="login-id-status"]').textContent?.includes('사용할 수 있는 아이디입니다'), 'live check: available');
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    await expectAccessible(wizard);
    assert(wizard.textContent?.includes('hong2026') && !wizard.textContent?.includes('Passw0rd!2026'), 'the review shows the ID, never the password');

    // Stay on the completion screen instead of going to completion-url.
    wizard.addEventListener('signup-complete', (event) => event.preventDefault(), { once: true });
    await submitReview(wizard);
    await waitForStep(wizard, 'done');
    await expectAccessible(wizard);
    assert($(wizard, '[data-part="welcome"]').textContent?.includes('hong2026'), 'welcome with the ID');
    const types = recorded.events.map((event) => (event.type === 'signup-step-change' ? `step:${event.detail.step}` : event.type));
    equal(types.join(' '), 'step:consent step:identity step:details step:review signup-submit step:done signup-complete', 'event order');
    const submitted = recorded.events.find((event) => event.type === 'signup-submit')!;
    assert(submitted.cancelable, 'signup-submit is cancelable');
    equal(JSON.stringify(submitted.detail), JSON.stringify({ memberType: 'individual', loginId: 'hong2026' }), 'submit detail: no password, no token');
    const complete = recorded.events.find((event) => event.type === 'signup-complete')!;
    equal(complete.detail.loginId, 'hong2026', 'complete: login ID');
    equal(complete.detail.memberType, 'individual', 'complete: member type');
    equal(complete.detail.companyRole, null, 'complete: no company');
    assert(typeof complete.detail.memberId === 'string' && complete.detail.memberId.length > 0, 'complete: member id');
    equal(Object.keys(sessionStorage).filter((key) => key.includes(':signup:')).length, 0, 'draft cleared');
    const member = await mock.deps.store.findMemberByLoginKey('hong2026');
    equal(member?.name, '홍길동', 'the member exists with the verified name');
    recorded.stop();
  });

  it('a foreigner must give the English name, becomes a foreign member, sees the done screen and continues when choosing to', async () => {
    const wizard = await mountWizard(mock, { 'completion-url': '/welcome?from=signup' });
    const visited: string[] = [];
    const assign = completionNavigation.assign;
    completionNavigation.assign = (url) => visited.push(url);
    try {
      await chooseType(wizard, 'individual', 'foreign');
      await agreeToAll(wizard);
      await verifyAs(wizard, mock, sandboxPersonIds.foreigner);
      await waitForStep(wizard, 'details');
      await fillDetails(wizard, { loginId: 'jsmith2026' });
      clickNext(wizard);
      await settle(wizard);
      equal(wizard.step, 'details', 'stays without the English name');
      $<HTMLAnchorElement>(wizard, '[data-part~="error-summary"] a[data-field="nameEn"]').click();
      equal(document.activeElement, $(wizard, 'input[name="nameEn"]'), 'the summary links to the English name');
      typeIn(wizard, 'input[name="nameEn"]', 'John Smith');
      await settle(wizard);
      clickNext(wizard);
      await waitForStep(wizard, 'review');
      const complete = new Promise<CustomEvent>((resolve) => wizard.addEventListener('signup-complete', (event) => resolve(event), { once: true }));
      await submitReview(wizard);
      equal((await complete).detail.memberType, 'foreign', 'foreign member');
      await waitForStep(wizard, 'done');
      equal(visited.length, 0, 'the done screen stays: no completion-delay, no navigation');
      equal($(wizard, '[data-name="loginId"] dd')?.textContent, 'jsmith2026', 'the login ID is shown');
      assert($(wizard, '[data-name="memberType"] dd')?.textContent?.includes('외국인'), 'the member type is shown');
      await expectAccessible(wizard);
      $<HTMLAnchorElement>(wizard, 'a[data-part~="continue"]')!.click();
      equal(visited.join(), '/welcome?from=signup', 'went to completion-url when the user chose to');
    } finally {
      completionNavigation.assign = assign;
    }
    equal((await mock.deps.store.findMemberByLoginKey('jsmith2026'))?.nameEn, 'John Smith', 'English name stored');
  });

  it('completion-delay: the done screen goes to completion-url by itself after the delay the host set', async () => {
    const wizard = await mountWizard(mock, { 'completion-url': '/welcome', 'completion-delay': '0' });
    const visited: string[] = [];
    const assign = completionNavigation.assign;
    completionNavigation.assign = (url) => visited.push(url);
    try {
      await chooseType(wizard, 'individual');
      await agreeToAll(wizard);
      await verifyAs(wizard, mock, testPerson());
      await waitForStep(wizard, 'details');
      await fillDetails(wizard, { loginId: 'delayed2026' });
      clickNext(wizard);
      await waitForStep(wizard, 'review');
      await submitReview(wizard);
      await waitForStep(wizard, 'done');
      await waitFor(() => visited.length > 0, 'navigated after the delay');
      equal(visited.join(), '/welcome', 'once, to completion-url');
    } finally {
      completionNavigation.assign = assign;
    }
  });

  it('the verified mobile number is prefilled (editable); the labels say which of 전화번호 and 휴대전화 번호 the policy requires', async () => {
    const person = testPerson();
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, person);
    await waitForStep(wizard, 'details');
    const mobile = await waitFor(() => wizard.querySelector<HTMLInputElement>('mb-phone-input[name="mobile"] input'), 'mobile input');
    const expected = `${person.mobile.slice(0, 3)}-${person.mobile.slice(3, 7)}-${person.mobile.slice(7)}`;
    await waitFor(() => mobile.value === expected, 'verified mobile prefilled');
    assert(!mobile.readOnly && !mobile.disabled, 'editable');
    const mobileField = $(wizard, 'mb-phone-input[name="mobile"]');
    const phoneField = $(wizard, 'mb-phone-input[name="phone"]');
    // The trade policy: 전화번호 required, 휴대전화 번호 recommended for finding the password.
    assert($(phoneField, 'label').textContent?.includes('(필수)'), '전화번호 label says required');
    assert(!$(mobileField, 'label').textContent?.includes('(필수)'), '휴대전화 번호 label does not');
    assert($(mobileField, '[data-part~="hint"]').textContent?.includes('비밀번호를 찾을 때'), 'the hint says what the number is for');
    typeIn(mobileField, 'input', '010-2222-3333');
    await settle(wizard);
    equal(wizard.flow!.view.details.values.mobile, '010-2222-3333', 'the user may change it');
    await expectAccessible(wizard);
  });

  it('interest items and regions go from their rows to the review and the member', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, testPerson());
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'daehan70' });
    $<HTMLButtonElement>(wizard, 'mb-interest-items [data-part~="add-button"]').click();
    await settle(wizard);
    typeIn(wizard, 'mb-interest-items input[name="interestItems.0.nameKo"]', '반도체');
    typeIn(wizard, 'mb-interest-items input[name="interestItems.0.productCode"]', '12');
    await settle(wizard);
    const country = $<HTMLSelectElement>(wizard, 'mb-interest-regions select[data-part="country"]');
    country.value = 'VN';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(wizard);
    $<HTMLButtonElement>(wizard, 'mb-interest-regions [data-part~="add-button"]').click();
    await settle(wizard);
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'details', 'a 2-digit product code is refused');
    $<HTMLAnchorElement>(wizard, '[data-part~="error-summary"] a[data-field="interestItems.0.productCode"]').click();
    equal(document.activeElement, $(wizard, 'input[name="interestItems.0.productCode"]'), 'the summary links to the product code');
    typeIn(wizard, 'mb-interest-items input[name="interestItems.0.productCode"]', '8541.40');
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const details = $(wizard, '[data-section="details"]').textContent ?? '';
    assert(details.includes('반도체') && details.includes('베트남'), 'item and country named on the review');
    const complete = new Promise<CustomEvent>((resolve) => wizard.addEventListener('signup-complete', (event) => resolve(event), { once: true }));
    await submitReview(wizard);
    await complete;
    const member = await mock.deps.store.findMemberByLoginKey('daehan70');
    equal(JSON.stringify(member?.interestItems), JSON.stringify([{ nameKo: '반도체', nameEn: '', productCode: '8541.40' }]), 'item stored');
    equal(member?.interestRegions.join(), 'VN', 'region stored');
  });

  it('a person who already has an account learns it right after the verification, with login and find-account links', async () => {
    const wizard = await mountWizard(mock, { 'find-account-url': '/find-account', 'login-url': '/login' });
    const recorded = recordEvents(wizard);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.demoMember);
    await waitForStep(wizard, 'already-member');
    equal($<HTMLAnchorElement>(wizard, 'a[data-part~="login"]').getAttribute('href'), '/login', 'login link');
    equal($<HTMLAnchorElement>(wizard, 'a[data-part~="find-account"][data-mode="id"]').getAttribute('href'), '/find-account?mode=id', '아이디 찾기 link');
    equal($<HTMLAnchorElement>(wizard, 'a[data-part~="find-account"][data-mode="password"]').getAttribute('href'), '/find-account?mode=password', '비밀번호 찾기 link');
    const error = recorded.events.find((event) => event.type === 'signup-error');
    equal(error?.detail.code, 'ALREADY_MEMBER', 'signup-error code');
    equal(error?.detail.step, 'identity', 'signup-error step: the identity step, before the form');
    await expectAccessible(wizard);
    recorded.stop();
  });

  it('LOGIN_ID_TAKEN at submit returns to the ID with its error and focus, nothing lost', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.kim);
    await toReview(wizard, 'racer2026');
    // Someone else takes the ID between the live check and the submit.
    const other = await verificationOf(mock, getSandboxPerson(sandboxPersonIds.lee));
    const client = new MembershipClient({ apiBase: mock.apiBase, siteId: 'trade' });
    const { documents } = await client.call('listTerms', { query: { purpose: 'signup' } });
    await client.call('createMember', {
      body: {
        memberType: 'individual', verificationToken: other.verificationToken,
        consents: documents.map((d) => ({ documentId: d.documentId, version: d.version, agreed: true })),
        details: { loginId: 'Racer2026', password: 'Other-Passw0rd!', email: 'lee@example.com', phone: '02-555-1234', address: { postcode: '03154', base: '서울 종로구 세종대로 209', detail: '' } },
      },
    });
    const keys: (string | null)[] = [];
    api.worker.use(http.post(`${mock.apiBase}members`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'));
      return undefined;
    }));
    await submitReview(wizard);
    await waitForStep(wizard, 'details');
    const loginId = $<HTMLInputElement>(wizard, 'input[name="loginId"]');
    equal(document.activeElement, loginId, 'focus on the ID');
    equal(loginId.getAttribute('aria-invalid'), 'true', 'marked invalid');
    assert($(wizard, '[data-part="field"]:has(input[name="loginId"]) [data-part="error"]').textContent?.includes('이미 사용 중인 아이디'), 'says taken');
    equal(loginId.value, 'racer2026', 'the ID is still there');
    equal($<HTMLInputElement>(wizard, 'mb-password-field input[name="password"]').value, 'Passw0rd!2026', 'password kept in the page');
    equal(wizard.flow!.view.details.values.email, 'racer2026@example.com', 'email kept');
    equal(wizard.flow!.view.details.values.address?.base, '서울특별시 종로구 세종대로 209', 'address kept');
    await expectAccessible(wizard);
    typeIn(wizard, 'input[name="loginId"]', 'racer2027');
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const complete = new Promise<CustomEvent>((resolve) => wizard.addEventListener('signup-complete', (event) => resolve(event), { once: true }));
    await submitReview(wizard);
    equal((await complete).detail.loginId, 'racer2027', 'signed up with the new ID');
    assert(keys.length === 2 && keys[0] !== keys[1], 'a changed body gets a new Idempotency-Key');
  });

  it('a network failure at submit keeps everything, offers a retry with the same Idempotency-Key, and reports signup-error', async () => {
    const wizard = await mountWizard(mock);
    const recorded = recordEvents(wizard);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.park);
    await toReview(wizard, 'park2026');
    const keys: (string | null)[] = [];
    let failing = true;
    api.worker.use(
      http.post(`${mock.apiBase}members`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return failing ? HttpResponse.error() : undefined;
      }),
    );
    await submitReview(wizard);
    await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure alert');
    await settle(wizard);
    equal(wizard.step, 'review', 'stays on the review');
    assert($(wizard, '[data-part="failure"]').textContent?.includes('입력한 내용은 그대로'), 'says the data is kept and what to do');
    const error = recorded.events.find((event) => event.type === 'signup-error');
    equal(error?.detail.code, 'NETWORK_ERROR', 'signup-error code');
    equal(error?.detail.retryable, true, 'retryable');
    await expectAccessible(wizard);
    failing = false;
    const complete = new Promise<CustomEvent>((resolve) => wizard.addEventListener('signup-complete', (event) => resolve(event), { once: true }));
    $<HTMLButtonElement>(wizard, '[data-part~="retry"]').click();
    equal((await complete).detail.loginId, 'park2026', 'the retry signed up');
    assert(keys.length >= 2 && keys.every((key) => key && key === keys[0]), `one Idempotency-Key for the same body (${keys.join(', ')})`);
    recorded.stop();
  });

  it('cancelling signup-submit stops the API call', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, testPerson());
    let calls = 0;
    api.worker.use(http.post(`${mock.apiBase}members`, () => {
      calls += 1;
      return undefined;
    }));
    await toReview(wizard, 'lee2026x');
    wizard.addEventListener('signup-submit', (event) => event.preventDefault(), { once: true });
    await submitReview(wizard);
    // Idle, and a request sent after the click has been answered: a createMember call would be in by now.
    await waitFor(() => !wizard.querySelector('[aria-busy="true"]'), 'the wizard is idle');
    await new MembershipClient({ apiBase: mock.apiBase, siteId: 'trade' }).call('getSiteConfig', {});
    equal(calls, 0, 'no createMember call');
    equal(wizard.step, 'review', 'still on the review');
  });
});
