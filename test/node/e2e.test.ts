// End to end: the demo sites of `npm start` (CDN bundle in a strict-CSP host page, the reference API
// over a real SQLite database with real password hashing, the sandbox identity provider) driven in real
// Chromium. One page object per screen (test/e2e/pages/); each signup is then proven through the API
// by signing in, and the host page's event panel is checked for the typed events and for no password.
// Scenarios are independent (each its own person, ID and browser context) and run two at a time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { findBrowser } from '../e2e/find-browser.ts';
import { expectText, hostEvent, launchBrowser, runScenario, screenshot, type Scenario } from '../e2e/browser.ts';
import { CompanyStep } from '../e2e/pages/company-step.ts';
import { ConsentStep } from '../e2e/pages/consent-step.ts';
import { DetailsStep, type MemberDetails } from '../e2e/pages/details-step.ts';
import { errorOf } from '../e2e/pages/fields.ts';
import { CompletionPage, DoneStep } from '../e2e/pages/done-step.ts';
import { IdentityStep } from '../e2e/pages/identity-step.ts';
import { RefusalStep } from '../e2e/pages/refusal-step.ts';
import { ReviewStep } from '../e2e/pages/review-step.ts';
import { SignupPage } from '../e2e/pages/signup-page.ts';
import { MemberTypeStep } from '../e2e/pages/type-step.ts';
import {
  captchaAnswer, generatedPerson, getSandboxPerson, myCompany, newBusinessNumber, seenMessages, signIn, signUpThroughApi, smsCode, tinyPng, type Person,
} from '../e2e/sandbox.ts';
import { ensureBundle, startDemoServer, type DemoServer } from '../e2e/server.ts';
import { t } from '../e2e/text.ts';

const browserPath = findBrowser();
const address = { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '정부서울청사 3층' };

/**
 * The steps the host page heard of after the first one, in order (signup-step-change). Whether the
 * first step shown is heard at all has its own test below.
 */
function stepsHeard(scenario: Scenario): string[] {
  const steps = scenario.hostEvents.filter((event) => event.type === 'signup-step-change').map((event) => String(event.detail.step));
  return steps[0] === 'type' ? steps.slice(1) : steps;
}

/** No line of the host page's event panel carries the password (nor a whole verification token). */
function assertNoSecrets(scenario: Scenario, password: string): void {
  assert.ok(scenario.hostEvents.length > 0, 'the host page listed events');
  for (const event of scenario.hostEvents) {
    assert.ok(!event.text.includes(password), `a host event carries the password: ${event.text}`);
    const token = event.detail.verificationToken;
    if (token !== undefined) assert.match(String(token), /^.{1,6}…$/, 'the panel shows the opaque token shortened');
  }
}

function assertNoConsoleErrors(scenario: Scenario, allowed: RegExp[] = []): void {
  const unexpected = scenario.consoleErrors.filter((line) => !allowed.some((pattern) => pattern.test(line)));
  assert.deepEqual(unexpected, [], 'console errors on the page');
}

/** The account exists in the database with this password, and only this password. */
async function assertSignsIn(origin: string, site: string, loginId: string, password: string) {
  const wrong = await signIn(origin, site, loginId, `${password}x`);
  assert.equal(wrong.status, 401, `a wrong password is refused (${JSON.stringify(wrong)})`);
  assert.equal(wrong.error?.code, 'INVALID_CREDENTIALS');
  const answer = await signIn(origin, site, loginId, password);
  assert.equal(answer.status, 200, `signs in as ${loginId} on ${site}: ${JSON.stringify(answer)}`);
  assert.ok(answer.member, 'the session names the member');
  assert.equal(answer.member.loginId, loginId);
  return { ...answer.member, cookie: answer.cookie };
}

/** Member type → consent (all) → identity (mobile), with the mouse. */
async function throughIdentity(scenario: Scenario, signup: SignupPage, person: Person, kind: 'individual' | 'corporate', nationality?: 'domestic' | 'foreign'): Promise<void> {
  await new MemberTypeStep(signup).choose(kind, nationality);
  await signup.waitForStep('consent');
  await new ConsentStep(signup).agreeToAllAndGoOn();
  await signup.waitForStep('identity');
  await IdentityStep.inWizard(signup).verifyByMobile(scenario.origin, person);
}

/** Details: fill, 중복확인 says available, next. */
async function fillDetails(signup: SignupPage, details: MemberDetails, requiredFields: Parameters<DetailsStep['fill']>[1]): Promise<DetailsStep> {
  const step = new DetailsStep(signup);
  await step.fill(details, requiredFields);
  assert.equal(await step.checkId(details.loginId), t('signup.details.loginId.available'), '중복확인: the ID is free');
  await signup.next();
  return step;
}

describe('end to end: demo sites, reference server (SQLite) and Chromium', { concurrency: 2, skip: browserPath ? false : 'no Chromium-family browser found (see scripts/find-browser.mjs)' }, () => {
  let server: DemoServer;
  let browser: Browser;
  const scenario = (name: string, body: (scenario: Scenario) => Promise<void>, timeoutMs?: number) => runScenario(browser, server.origin, name, body, timeoutMs);

  before(async () => {
    await ensureBundle((line) => console.log(line));
    server = await startDemoServer();
    browser = await launchBrowser();
  }, { timeout: 240_000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a domestic individual signs up on the trade site, type and consent by keyboard alone (screenshot per step)', { timeout: 90_000 }, () =>
    scenario('domestic-individual', async (s) => {
      const person = getSandboxPerson('hong-gildong');
      const password = 'Gildong#2026pw';
      const loginId = 'hong2026';
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      const type = new MemberTypeStep(signup);
      await expectText(type.ageNotice, '만 14세 이상만 가입할 수 있습니다.');
      await screenshot(s.page, 'steps/01-type.png');
      await type.chooseWithKeyboard('individual', 'domestic');

      await signup.waitForStep('consent');
      const consent = new ConsentStep(signup);
      // 다음 is never disabled: pressed too early it says what is missing (an alert at the first item).
      assert.equal(await signup.nextButton().isDisabled(), false, '다음 stays enabled');
      assert.deepEqual(await consent.siblingSites.allTextContents(), ['무역지원 포털 (예시)', '동물보호관리 (예시)'], 'the terms name the sibling sites');
      const checked = await consent.documents.locator('input').or(consent.agreeAll).evaluateAll((inputs) => inputs.filter((input) => (input as HTMLInputElement).checked).length);
      assert.equal(checked, 0, 'no box or radio pre-checked');
      await screenshot(s.page, 'steps/02-consent.png');
      await consent.answerWithKeyboard();

      await signup.waitForStep('identity');
      const identity = IdentityStep.inWizard(signup);
      await identity.methodChoice.waitFor();
      await screenshot(s.page, 'steps/03-identity-method.png');
      const form = await identity.chooseMobile();
      await form.fill(person);
      const verificationId = await form.verificationId();
      await form.captcha.fill(await captchaAnswer(s.origin, verificationId));
      await screenshot(s.page, 'steps/04-identity-mobile-form.png');
      const seen = await seenMessages(s.origin);
      const code = await form.requestCode();
      const confirmed = s.page.waitForResponse((response) => response.url().endsWith('/mobile-code/confirm') && response.request().method() === 'POST');
      await expectText(code.form, '010-****-5678 번호로 인증번호를 보냈습니다.');
      await expectText(code.countdown, /[23]:\d\d/);
      await screenshot(s.page, 'steps/05-identity-code.png');
      await code.enter(await smsCode(s.origin, person.mobile, seen));
      await code.confirm();
      const { verificationToken } = (await (await confirmed).json()) as { verificationToken: string };

      await signup.waitForStep('details');
      const details = new DetailsStep(signup);
      assert.equal(await details.verifiedName().inputValue(), '홍길동', 'Korean name from the verification');
      assert.equal(await details.verifiedName().getAttribute('readonly'), '', 'and read-only');
      await details.fill({ loginId, password, email: 'gildong@naver.com', phone: '0221003000', mobile: '01012345678', address }, { phone: true, address: true });
      assert.equal(await details.checkId(loginId), t('signup.details.loginId.available'));
      assert.deepEqual(await details.passwordRules.evaluateAll((items) => items.map((item) => item.getAttribute('data-passed'))), ['true', 'true', 'true', 'true', 'true', 'true'], 'every password rule met');
      await screenshot(s.page, 'steps/06-details.png');
      await signup.next();

      await signup.waitForStep('review');
      const review = new ReviewStep(signup);
      assert.deepEqual(await review.rows('memberType'), { '회원 유형': '개인회원' });
      assert.deepEqual(await review.rows('consents'), { '이용약관': '동의', '개인정보 수집·이용 동의': '동의', '개인정보 마케팅 활용 동의': '동의하지 않음' }, 'the keyboard answers, marketing refused');
      const rows = await review.rows('details');
      assert.equal(rows['아이디'], loginId);
      assert.equal(rows['전화번호'], '02-2100-3000', 'phone shown formatted');
      assert.equal(rows['주소'], `(${address.postcode}) ${address.base} ${address.detail}`);
      assert.ok(!(await signup.wizard.textContent())?.includes(password), 'the review never shows the password');
      // The draft that survives a reload or a provider redirect keeps neither the password nor the token.
      const stored = await s.page.evaluate(() => [...Object.entries(sessionStorage), ...Object.entries(localStorage)]);
      assert.ok(stored.some(([key, value]) => key.includes(':signup:') && value.includes(loginId)), `a signup draft is kept: ${JSON.stringify(stored)}`);
      for (const [key, value] of stored) {
        assert.ok(!value.includes(password) && !value.includes(verificationToken), `web storage "${key}" holds the password or the verification token`);
      }
      await screenshot(s.page, 'steps/07-review.png');
      await signup.stayOnCompletionScreen();
      await review.submit();

      await signup.waitForStep('done', 15_000);
      const done = new DoneStep(signup);
      await expectText(done.welcome, t('signup.done.welcome', { name: '홍길동', loginId }));
      await screenshot(s.page, 'steps/08-done.png');
      const left = await s.page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes(':signup:')));
      assert.deepEqual(left, [], 'the draft is gone once the member exists');
      await done.continueLink.click();
      await new CompletionPage(signup).heading.waitFor();
      assert.match(s.page.url(), /\/trade\/welcome\.html$/);

      const member = await assertSignsIn(s.origin, 'trade', loginId, password);
      assert.deepEqual({ name: member.name, memberType: member.memberType, companyRole: member.companyRole, company: member.company }, { name: '홍길동', memberType: 'individual', companyRole: null, company: null });

      assert.deepEqual(stepsHeard(s), ['consent', 'identity', 'details', 'review', 'done'], 'signup-step-change for every step');
      assert.equal((await hostEvent(s, 'identity-verified')).detail.purpose, 'signup');
      assert.deepEqual((await hostEvent(s, 'signup-submit')).detail, { memberType: 'individual', loginId });
      const complete = (await hostEvent(s, 'signup-complete')).detail;
      assert.deepEqual({ ...complete, memberId: typeof complete.memberId }, { memberId: 'string', loginId, memberType: 'individual', companyRole: null, certificatePending: false });
      assertNoSecrets(s, password);
      assertNoConsoleErrors(s);
    }));

  test('a corporate MASTER registers a new company (valid BRN, unknown-company form, PNG certificate)', { timeout: 90_000 }, () =>
    scenario('corporate-master', async (s) => {
      const person = generatedPerson({ gender: 'male', carrier: 'SKT' });
      const password = 'Master!2026ok';
      const loginId = `master${person.mobile.slice(-4)}`;
      const businessNumber = newBusinessNumber();
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      await throughIdentity(s, signup, person, 'corporate', 'domestic');
      await signup.waitForStep('details');
      await fillDetails(signup, { loginId, password, email: `${loginId}@corp-example.co.kr`, phone: '02-3460-7000', department: '해외영업팀', position: '과장', address }, { phone: true, address: true });

      await signup.waitForStep('company');
      const company = new CompanyStep(signup);
      // A wrong check digit is caught before any lookup (docs/domain.md, Check digits).
      await company.businessNumber.fill('124-81-00999');
      await company.searchButton.click();
      await expectText(await errorOf(company.businessNumber), t('rule.BRN_CHECKSUM'));
      assert.equal(await company.search(businessNumber), 'form', 'an unregistered BRN opens the company form');
      await expectText(company.notices, t('signup.company.unknown'));
      await company.fillNewCompany({
        nameKo: '테스트정밀 주식회사', nameEn: 'Test Precision Co., Ltd.', ceoNameKo: person.name, ceoNameEn: 'Test Ceo',
        corporateNumber: '110111-0062432', businessType: '제조업', industry: '정밀기계',
        companyType: '법인사업자', classification: '중소기업', mainProduct: '기계·장비', tradeKind: '제조·무역',
        innoBiz: true, venture: false, foreignInvested: false, phone: '031-123-4567', email: 'info@test-precision.co.kr',
        homepage: 'https://test-precision.example', address: { postcode: '16677', base: '경기도 수원시 영통구 광교로 107', detail: '3층' },
      });
      await company.attachCertificate({ name: 'certificate.png', mimeType: 'image/png', buffer: tinyPng() });
      await signup.next();

      await signup.waitForStep('review');
      const review = new ReviewStep(signup);
      const rows = await review.rows('company');
      assert.equal(rows['기업정보'], t('signup.review.companyRegister'));
      assert.equal(rows['사업자등록번호'], businessNumber);
      assert.equal(rows['기업명'], '테스트정밀 주식회사');
      assert.equal(rows['사업자등록증'], 'certificate.png');
      await signup.stayOnCompletionScreen();
      await review.submit();

      await signup.waitForStep('done', 15_000);
      const done = new DoneStep(signup);
      await expectText(done.companyRole, `테스트정밀 주식회사 · ${t('signup.done.role.master')}`);
      assert.equal(await done.companyRole.getAttribute('data-role'), 'master');
      assert.equal(await done.certificatePending.count(), 0, 'the certificate was uploaded: nothing to send');

      const member = await assertSignsIn(s.origin, 'trade', loginId, password);
      assert.equal(member.memberType, 'corporate');
      assert.equal(member.companyRole, 'master');
      assert.equal(member.company?.nameKo, '테스트정밀 주식회사');
      const linked = await myCompany(s.origin, 'trade', member.cookie);
      assert.equal(linked?.role, 'master');
      assert.equal(linked?.company.businessNumber.replace(/\D/g, ''), businessNumber.replace(/\D/g, ''), 'the company is registered under the new BRN');
      assert.equal(linked?.company.certificate, 'uploaded', 'with the uploaded certificate');

      assert.deepEqual(stepsHeard(s), ['consent', 'identity', 'details', 'company', 'review', 'done']);
      const complete = (await hostEvent(s, 'signup-complete')).detail;
      assert.equal(complete.companyRole, 'master');
      assert.equal(complete.certificatePending, false);
      assertNoSecrets(s, password);
      assertNoConsoleErrors(s);
    }));

  test('a corporate member links to the registered company 124-81-00998 as an associate, then goes to completion-url', { timeout: 90_000 }, () =>
    scenario('corporate-associate', async (s) => {
      const person = generatedPerson({ gender: 'female', carrier: 'LGU' });
      const password = 'Assoc!2026ok';
      const loginId = `assoc${person.mobile.slice(-4)}`;
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      await throughIdentity(s, signup, person, 'corporate', 'domestic');
      await signup.waitForStep('details');
      await fillDetails(signup, { loginId, password, email: `${loginId}@daum.net`, phone: '02-555-1234', address }, { phone: true, address: true });

      await signup.waitForStep('company');
      const company = new CompanyStep(signup);
      assert.equal(await company.search('1248100998'), 'registered');
      await expectText(company.registered, t('signup.company.registered'));
      await expectText(company.registeredSummary, '누리무역 주식회사 (Nuri Trading Co., Ltd.)');
      assert.equal(await company.businessNumber.inputValue(), '124-81-00998', 'the BRN is shown formatted');
      await signup.next();

      await signup.waitForStep('review');
      const review = new ReviewStep(signup);
      assert.deepEqual(await review.rows('company'), { '기업정보': t('signup.review.companyLink'), '사업자등록번호': '124-81-00998', '기업명': '누리무역 주식회사' });
      await review.submit();
      // The done screen stays until the person chooses to go on (no completion-delay on the demo).
      await new DoneStep(signup).continueLink.click();
      await new CompletionPage(signup).heading.waitFor({ timeout: 15_000 });
      assert.match(s.page.url(), /\/trade\/welcome\.html$/, 'the wizard went to completion-url');

      const member = await assertSignsIn(s.origin, 'trade', loginId, password);
      assert.equal(member.memberType, 'corporate');
      assert.equal(member.companyRole, 'associate');
      assert.equal(member.company?.nameKo, '누리무역 주식회사');
      const linked = await myCompany(s.origin, 'trade', member.cookie);
      assert.deepEqual([linked?.role, linked?.company.businessNumber.replace(/\D/g, '')], ['associate', '1248100998'], 'linked to the seeded company');
      const complete = (await hostEvent(s, 'signup-complete')).detail;
      assert.deepEqual([complete.memberType, complete.companyRole], ['corporate', 'associate']);
      assertNoSecrets(s, password);
      assertNoConsoleErrors(s);
    }));

  test('a foreigner (john-smith) must give the English name and becomes a foreign member', { timeout: 90_000 }, () =>
    scenario('foreigner', async (s) => {
      const person = getSandboxPerson('john-smith');
      const password = 'Smith@2026london';
      const loginId = 'jsmith2026';
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      await new MemberTypeStep(signup).choose('individual', 'foreign');
      await signup.waitForStep('consent');
      await new ConsentStep(signup).agreeToAllAndGoOn();
      await signup.waitForStep('identity');
      const identity = IdentityStep.inWizard(signup);
      const form = await identity.chooseMobile();
      assert.equal(await form.nationalityGroup.getByRole('radio', { name: t('identity.nationality.foreign') }).isChecked(), true, 'the mobile form starts at the nationality chosen');
      await identity.completeMobile(form, s.origin, person);

      await signup.waitForStep('details');
      const details = new DetailsStep(signup);
      assert.equal(await details.verifiedName(true).inputValue(), 'John Smith', 'the verified name, labelled 이름');
      await details.fill({ loginId, password, email: 'john.smith@example.com', phone: '02-6000-1234', address }, { phone: true, address: true });
      assert.equal(await details.checkId(loginId), t('signup.details.loginId.available'));
      await signup.next();
      // Still here: the English name is required of foreigners; the error summary takes focus and links to it.
      await expectText(await errorOf(details.nameEn(true)), /\S/);
      assert.ok(await s.page.evaluate(() => document.activeElement?.closest('[data-part~="error-summary"]') !== null), 'focus on the error summary');
      await s.page.locator('signup-wizard [data-part~="error-summary"] a').first().click();
      assert.ok(await details.nameEn(true).evaluate((input) => input === document.activeElement), 'its link leads to the English name');
      await details.nameEn(true).fill('John Smith');
      await signup.next();

      await signup.waitForStep('review');
      const review = new ReviewStep(signup);
      assert.deepEqual(await review.rows('memberType'), { '회원 유형': t('signup.memberType.foreign') });
      assert.equal((await review.rows('details'))['이름(영문)'], 'John Smith');
      await review.submit();
      // The done screen stays until the person chooses to go on (no completion-delay on the demo).
      await new DoneStep(signup).continueLink.click();
      await new CompletionPage(signup).heading.waitFor({ timeout: 15_000 });

      const member = await assertSignsIn(s.origin, 'trade', loginId, password);
      assert.deepEqual([member.memberType, member.name], ['foreign', 'John Smith']);
      assert.equal((await hostEvent(s, 'signup-complete')).detail.memberType, 'foreign');
      assertNoSecrets(s, password);
      assertNoConsoleErrors(s);
    }));

  test('an under-14 person (choi-haeun) is refused after verification with a clear message', { timeout: 90_000 }, () =>
    scenario('under-14', async (s) => {
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      await throughIdentity(s, signup, getSandboxPerson('choi-haeun'), 'individual', 'domestic');
      await signup.waitForStep('under-age');
      const refusal = new RefusalStep(signup);
      await expectText(refusal.message, RefusalStep.underAgeText(14));
      assert.equal(await refusal.stepIndicator.count(), 0, 'no step indicator: the flow ended');
      assert.equal(await signup.nextButton().count(), 0, 'no way on');
      const error = (await hostEvent(s, 'signup-error')).detail;
      assert.deepEqual(error, { code: 'UNDER_AGE', step: 'identity', retryable: false });
      assert.deepEqual(stepsHeard(s), ['consent', 'identity', 'under-age']);
      // Reloading does not bring the wizard back to a half-done signup of the refused person.
      await s.page.reload();
      await signup.waitForStep('type');
      assertNoConsoleErrors(s);
    }));

  test('a second signup of the same person ends on ALREADY_MEMBER with the find-account link', { timeout: 90_000 }, () =>
    scenario('already-member', async (s) => {
      const person = getSandboxPerson('kim-minji');
      await signUpThroughApi(s.origin, 'trade', person, { loginId: 'minji1992', password: 'Minji!1992first' });
      const password = 'Minji!2026again';
      const loginId = 'minji2026';
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      await throughIdentity(s, signup, person, 'individual', 'domestic');
      // Told right after the verification, before typing anything else (one person, one account).
      await signup.waitForStep('already-member', 15_000);
      const refusal = new RefusalStep(signup);
      await expectText(refusal.message, RefusalStep.alreadyMemberText());
      assert.equal(await refusal.findAccountLink.getAttribute('href'), '/trade/find-account.html?mode=id');
      assert.deepEqual((await hostEvent(s, 'signup-error')).detail, { code: 'ALREADY_MEMBER', step: 'identity', retryable: false });
      await refusal.findAccountLink.click();
      await s.page.getByRole('heading', { name: '아이디·비밀번호 찾기' }).waitFor();

      const second = await signIn(s.origin, 'trade', loginId, password);
      assert.equal(second.status, 401, 'no second account was made');
      assert.equal((await signIn(s.origin, 'trade', 'minji1992', 'Minji!1992first')).status, 200, 'the first account is untouched');
      assertNoSecrets(s, password);
      assertNoConsoleErrors(s);
    }));

  test('the animal site verifies again at submit; the account then works on both sibling sites', { timeout: 90_000 }, () =>
    scenario('animal-reverify', async (s) => {
      const person = generatedPerson({ gender: 'male', carrier: 'KT_MVNO', birthDate: '1979-12-31' });
      const password = 'Animal2026pw';
      const loginId = `pet${person.mobile.slice(-4)}`;
      const signup = new SignupPage(s.page);
      await signup.goto('animal');
      const type = new MemberTypeStep(signup);
      // Its manual's first screen: 국내인 (일반회원가입) or 외국인 (외국인 회원가입); no company signup.
      assert.equal(await type.kindGroup.count(), 0, 'the animal site has no corporate members: no 개인/기업 question');
      await type.nationality('foreign').waitFor();
      await type.nationality('domestic').check();
      await signup.next();
      await signup.waitForStep('consent');
      const consent = new ConsentStep(signup);
      // The step shows before its terms have arrived (their loading status): count once they are in.
      await consent.agreeAll.waitFor();
      assert.equal(await consent.documents.count(), 2, 'the animal site has two documents (no marketing)');
      await consent.agreeToAllAndGoOn();
      await signup.waitForStep('identity');
      await IdentityStep.inWizard(signup).verifyByMobile(s.origin, person);
      await signup.waitForStep('details');
      // animalPolicy: its manual's form (ID, password, 핸드폰번호, 주소; email as everywhere), nothing else.
      const details = new DetailsStep(signup);
      await details.loginId.waitFor();
      for (const name of ['phone', 'fax', 'department', 'position', 'nameEn']) {
        assert.equal(await details.form.locator(`[name="${name}"]`).count(), 0, `no ${name} field on the animal form`);
      }
      await fillDetails(signup, { loginId, password, email: `${loginId}@gmail.com`, mobile: person.mobile, address }, { mobile: true, address: true });

      await signup.waitForStep('review');
      const review = new ReviewStep(signup);
      await expectText(review.reverifySection, t('signup.review.reverify'));
      await review.submit();
      await expectText(review.failure, t('signup.review.reverifyFirst'));
      await review.reverify().verifyByMobile(s.origin, person);
      await expectText(review.reverified, t('signup.review.reverified'));
      await review.submit();
      // The done screen stays until the person chooses to go on (no completion-delay on the demo).
      await new DoneStep(signup).continueLink.click();
      await new CompletionPage(signup).heading.waitFor({ timeout: 15_000 });
      assert.match(s.page.url(), /\/animal\/welcome\.html$/);

      const onAnimal = await assertSignsIn(s.origin, 'animal', loginId, password);
      assert.equal(onAnimal.memberType, 'individual');
      const onTrade = await signIn(s.origin, 'trade', loginId, password);
      assert.equal(onTrade.status, 200, 'unified membership: the same account signs in on the trade site');
      assert.equal(s.hostEvents.filter((event) => event.type === 'identity-verified').length, 2, 'two verifications');
      assertNoSecrets(s, password);
      assertNoConsoleErrors(s);
    }));

  test('the first signup-step-change a host hears has previous: null (events.ts)', { timeout: 60_000 }, () =>
    scenario('first-step-event', async (s) => {
      const signup = new SignupPage(s.page);
      await signup.goto('trade');
      // The wizard shows its first step once the site's settings are in; the event comes with it or never.
      const first = await hostEvent(s, 'signup-step-change', () => true, 3000);
      assert.deepEqual(first.detail, { step: 'type', previous: null }, `"previous: null on the first step shown"; the panel says ${first.text}`);
    }));
});
