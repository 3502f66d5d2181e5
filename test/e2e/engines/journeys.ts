// End-to-end journeys written once against the engine-neutral `Page` (driver.ts): every journey in
// `journeys` runs in Chromium, Firefox and WebKit (test/node/e2e-engines.test.ts), and those marked
// `phone` also at the phone viewport. Selectors are the elements' stable hooks (`name`, `data-part`).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captchaAnswer, generatedPerson, myCompany, newBusinessNumber, seenMessages, signIn, smsCode, tinyPng, type Person } from '../sandbox.ts';
import { waitForSelector, waitUntil, type Page } from './driver.ts';

type Step = 'type' | 'consent' | 'identity' | 'details' | 'company' | 'review' | 'done';

export interface Journey {
  name: string;
  /** Also run at the phone viewport (Chromium with touch, WebKit). */
  phone?: boolean;
  run(page: Page, origin: string, workDir: string): Promise<void>;
}

const wizard = 'signup-wizard';

/**
 * The details step shows the verified name. Asked until it does, as a step is: right after a provider
 * hands over its result, WebKit's driver sometimes fails a script with a bare "@" while the page settles.
 */
async function verifiedName(page: Page, name: string): Promise<void> {
  await waitUntil(page, `the verified name ${name} in the details`, (wanted: string) => (document.querySelector('signup-wizard input[name="nameKo"]') as HTMLInputElement | null)?.value === wanted, name);
}

async function waitForStep(page: Page, step: Step): Promise<void> {
  await waitUntil(page, `the ${step} step`, (wanted: string) => {
    const element = document.querySelector('signup-wizard') as (HTMLElement & { step?: string }) | null;
    return element?.step === wanted && !!element.querySelector('[data-part~="step-heading"]');
  }, step);
  if (page.viewport === 'phone') await assertFitsThePhone(page, step);
}

/**
 * At the phone viewport: nothing wider than the screen, and each field present asks for the keyboard
 * and autofill that fit it (selector → attribute → expected value; a missing field is not checked).
 */
const phoneFields: readonly [string, string, string][] = [
  ['identity-verify input[name="name"]', 'autocomplete', 'name'],
  ['identity-verify input[name="birthDate"]', 'inputmode', 'numeric'],
  ['identity-verify input[name="birthDate"]', 'autocomplete', 'bday'],
  ['identity-verify mb-phone-input[name="mobile"] input', 'type', 'tel'],
  ['identity-verify mb-phone-input[name="mobile"] input', 'autocomplete', 'tel-national'],
  ['mb-otp-input input', 'inputmode', 'numeric'],
  ['mb-otp-input input', 'autocomplete', 'one-time-code'],
  ['mb-otp-input input', 'enterkeyhint', 'done'],
  ['input[name="loginId"]', 'autocomplete', 'username'],
  ['mb-password-field input[name="password"]', 'autocomplete', 'new-password'],
  ['mb-email-input input[name="email"]', 'inputmode', 'email'],
  ['mb-email-input input[name="email"]', 'autocomplete', 'email'],
  ['mb-phone-input[name="mobile"] input', 'type', 'tel'],
  ['mb-address-field[name="address"] input[data-part="postcode"]', 'inputmode', 'numeric'],
  ['mb-address-field[name="address"] input[data-part="postcode"]', 'autocomplete', 'postal-code'],
];

async function assertFitsThePhone(page: Page, step: string): Promise<void> {
  const problems = await page.evaluate((fields: [string, string, string][]) => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const element of document.querySelectorAll('signup-wizard *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > root.clientWidth + 1) found.push(`${element.tagName.toLowerCase()}[data-part="${element.getAttribute('data-part') ?? ''}"] ends at ${Math.round(box.right)} px`);
    }
    for (const [css, attribute, expected] of fields) {
      const field = document.querySelector(`signup-wizard ${css}`);
      const value = field?.getAttribute(attribute)?.split(/\s+/).pop();
      if (field && value !== expected) found.push(`${css} has ${attribute}="${field.getAttribute(attribute)}", not ${expected}`);
    }
    return found.slice(0, 10);
  }, phoneFields as [string, string, string][]);
  assert.deepEqual(problems, [], `at the phone viewport, ${step} step`);
}

async function next(page: Page): Promise<void> {
  await page.click(`${wizard} [data-part~="next"]`);
}

/** Chooses an option of a `<select>` by value (native pickers differ per engine; the change is what the element hears). */
async function choose(page: Page, selector: string, value: string): Promise<void> {
  await waitForSelector(page, selector);
  await page.evaluate((css: string, wanted: string) => {
    const select = document.querySelector(css) as HTMLSelectElement;
    select.value = wanted;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, selector, value);
}

/** Member type → consent (agree to all) → identity. */
async function throughConsent(page: Page, kind: 'individual' | 'corporate', nationality?: 'domestic' | 'foreign'): Promise<void> {
  await waitForStep(page, 'type');
  await page.click(`${wizard} input[name="memberKind"][value="${kind}"]`);
  if (nationality) await page.click(`${wizard} input[name="nationality"][value="${nationality}"]`);
  await next(page);
  await waitForStep(page, 'consent');
  await page.click(`${wizard} mb-consent-list [data-part="agree-all"] input`);
  await next(page);
  await waitForStep(page, 'identity');
}

/** The mobile verification inside `scope` (an `identity-verify`), as a person does it: form, security text, SMS code. */
async function verifyByMobile(page: Page, origin: string, scope: string, person: Person): Promise<void> {
  const verifier = `${scope} identity-verify`;
  await page.click(`${verifier} input[name="method"][value="mobile"]`);
  await page.click(`${verifier} [data-part="method-choice"] button[type="submit"]`);
  const src = await waitUntil(page, 'the security-text image', (css: string) => {
    const image = document.querySelector(`${css} img[data-part="captcha-image"]`) as HTMLImageElement | null;
    return image?.complete && image.naturalWidth > 0 ? image.src : '';
  }, verifier);
  const verificationId = decodeURIComponent(/verifications\/([^/]+)\/captcha/.exec(src)?.[1] ?? '');
  await choose(page, `${verifier} select[name="carrier"]`, person.carrier);
  await page.type(`${verifier} input[name="name"]`, person.name);
  await page.type(`${verifier} input[name="birthDate"]`, person.birthDate.replaceAll('-', ''));
  await page.click(`${verifier} [data-field-group="gender"] input[value="${person.gender}"]`);
  await page.click(`${verifier} [data-field-group="nationality"] input[value="${person.nationality}"]`);
  await page.type(`${verifier} input[name="mobile"]`, person.mobile);
  if (!(await page.evaluate((css: string) => (document.querySelector(css) as HTMLInputElement).checked, `${verifier} [data-field="termsAll"]`))) {
    await page.click(`${verifier} [data-field="termsAll"]`);
  }
  await page.type(`${verifier} input[name="captchaAnswer"]`, await captchaAnswer(origin, verificationId));
  const seen = await seenMessages(origin);
  await page.click(`${verifier} [data-part="mobile-form"] button[type="submit"]`);
  await waitForSelector(page, `${verifier} mb-otp-input input`);
  await page.type(`${verifier} mb-otp-input input`, await smsCode(origin, person.mobile, seen));
  await page.click(`${verifier} [data-part="code-form"] button[type="submit"]`);
}

interface Details {
  loginId: string;
  password: string;
  nameEn?: string;
  phone?: boolean;
  address?: boolean;
}

/** The details step: ID (중복확인), password twice, email, mobile, and phone/address where the site asks. */
async function fillDetails(page: Page, details: Details): Promise<void> {
  await waitForStep(page, 'details');
  await page.type(`${wizard} input[name="loginId"]`, details.loginId);
  await page.click(`${wizard} [data-part~="login-id-check"]`);
  await waitUntil(page, 'the ID is free', () => document.querySelector('signup-wizard [data-part="login-id-status"]')?.getAttribute('data-state') === 'available');
  await page.type(`${wizard} mb-password-field input[name="password"]`, details.password);
  await page.type(`${wizard} mb-password-field input[name="password-confirmation"]`, details.password);
  if (details.nameEn) await page.type(`${wizard} input[name="nameEn"]`, details.nameEn);
  await page.type(`${wizard} mb-email-input input[name="email"]`, `${details.loginId}@example.com`);
  // A number verified by SMS comes prefilled (editable); type one only where none is.
  const mobile = `${wizard} mb-phone-input[name="mobile"] input`;
  const prefilled = await page.evaluate((css: string) => (document.querySelector(css) as HTMLInputElement | null)?.value ?? '', mobile);
  if (!prefilled) await page.type(mobile, '01012345678');
  if (details.phone) await page.type(`${wizard} mb-phone-input[name="phone"] input`, '0221003000');
  if (details.address) await fillAddress(page, `${wizard} mb-address-field[name="address"]`);
  await next(page);
}

/**
 * The address: where the site offers its address search (the trade demo) 주소 검색, a query, the first
 * result; elsewhere (the animal demo) postcode and base address typed. Then the detail.
 */
async function fillAddress(page: Page, field: string): Promise<void> {
  const searchable = await page.evaluate((css: string) => document.querySelector(css) !== null, `${field} [data-part~="search-button"]`);
  if (searchable) {
    await page.click(`${field} [data-part~="search-button"]`);
    await waitForSelector(page, `${field} input[data-part="query"]`);
    await page.type(`${field} input[data-part="query"]`, '정부서울청사');
    await page.click(`${field} [data-part~="query-submit"]`);
    await waitForSelector(page, `${field} [data-part="result"]`);
    await page.click(`${field} [data-part="result"]`);
    await waitUntil(page, 'the address chosen', (css: string) => (document.querySelector(css) as HTMLInputElement | null)?.value === '03171', `${field} input[data-part="postcode"]`);
  } else {
    await page.type(`${field} input[data-part="postcode"]`, '03154');
    await page.type(`${field} input[data-part="base"]`, '서울특별시 종로구 세종대로 209');
  }
  await page.type(`${field} input[data-part="detail"]`, '2층');
}

/** Review → 가입하기, staying on the wizard's done screen (a host cancels `signup-complete` for that). */
async function submit(page: Page, expect: Step | 'completion-page' = 'done'): Promise<void> {
  await waitForStep(page, 'review');
  if (expect === 'done') await page.evaluate(() => document.addEventListener('signup-complete', (event) => event.preventDefault()));
  await next(page);
  if (expect === 'done') await waitForStep(page, 'done');
}

async function assertSignsIn(origin: string, site: string, loginId: string, password: string) {
  const answer = await signIn(origin, site, loginId, password);
  assert.equal(answer.status, 200, `signs in as ${loginId} on ${site}: ${JSON.stringify(answer)}`);
  assert.ok(answer.member);
  return { ...answer.member, cookie: answer.cookie };
}

const loginIdFor = (prefix: string, person: Person) => `${prefix}${person.mobile.slice(-4)}${Math.floor(Math.random() * 90 + 10)}`;

/** Verifies with the sandbox i-PIN in `provider` (the popup, or this page after a redirect) as 홍길동. */
async function ipinLogin(provider: Page, origin: string): Promise<void> {
  await waitForSelector(provider, '#ipin-id');
  const verificationId = await provider.evaluate(() => (document.querySelector('input[name="verification"]') as HTMLInputElement).value);
  await provider.type('#ipin-id', 'hong1985');
  await provider.type('#ipin-password', 'sandbox1234!');
  await provider.type('#ipin-captcha', await captchaAnswer(origin, verificationId));
  await provider.click('button[name="action"][value="login"]');
}

/** Chooses i-PIN on the identity step and presses 다음 (which opens the popup or leaves the page). */
async function chooseIpin(page: Page): Promise<void> {
  await page.click(`${wizard} identity-verify input[name="method"][value="ipin"]`);
  await page.click(`${wizard} identity-verify [data-part="method-choice"] button[type="submit"]`);
}

export const journeys: Journey[] = [
  {
    name: 'identity verification by the i-PIN provider in a popup',
    async run(page, origin) {
      await page.goto(`${origin}/trade/`);
      await page.evaluate(() => document.querySelector('signup-wizard')!.setAttribute('verify-mode', 'popup'));
      await throughConsent(page, 'individual', 'domestic');
      const popup = page.waitForPopup();
      await chooseIpin(page);
      await ipinLogin(await popup, origin);
      // The popup hands the result to this page (postMessage) and closes; the wizard goes on.
      await waitForStep(page, 'details');
      await verifiedName(page, '홍길동');
    },
  },
  {
    name: 'identity verification by the i-PIN provider by redirect (on a phone: instead of a popup)',
    phone: true,
    async run(page, origin) {
      await page.goto(`${origin}/trade/`);
      // verify-mode "auto" (the demo's) picks redirect on an iPhone by itself: the emulated Chromium phone.
      const auto = page.viewport === 'phone' && page.engine === 'chromium';
      if (!auto) await page.evaluate(() => document.querySelector('signup-wizard')!.setAttribute('verify-mode', 'redirect'));
      await throughConsent(page, 'individual', 'domestic');
      await chooseIpin(page);
      await waitUntil(page, 'the provider page in this window', () => location.pathname === '/sandbox/ipin');
      await ipinLogin(page, origin);
      // Back on the site: the wizard resumes from its draft with the verification done.
      await waitUntil(page, 'back on the trade site', () => location.pathname === '/trade/');
      await waitForStep(page, 'details');
      await verifiedName(page, '홍길동');
    },
  },
  {
    name: 'a domestic individual signs up on the trade site, verified by SMS',
    phone: true,
    async run(page, origin) {
      const person = generatedPerson();
      const password = 'Indiv#2026pw';
      const loginId = loginIdFor('ind', person);
      await page.goto(`${origin}/trade/`);
      await throughConsent(page, 'individual', 'domestic');
      await verifyByMobile(page, origin, wizard, person);
      await fillDetails(page, { loginId, password, phone: true, address: true });
      await submit(page);
      const member = await assertSignsIn(origin, 'trade', loginId, password);
      assert.equal(member.memberType, 'individual');
      assert.equal(member.name, person.name);
    },
  },
  {
    name: 'a foreigner gives the English name and becomes a foreign member',
    async run(page, origin) {
      const person = generatedPerson({ nationality: 'foreign' });
      const password = 'Foreign#2026pw';
      const loginId = loginIdFor('for', person);
      await page.goto(`${origin}/trade/`);
      await throughConsent(page, 'individual', 'foreign');
      await verifyByMobile(page, origin, wizard, person);
      await fillDetails(page, { loginId, password, nameEn: 'John Smith', phone: true, address: true });
      await submit(page);
      const member = await assertSignsIn(origin, 'trade', loginId, password);
      assert.equal(member.memberType, 'foreign');
    },
  },
  {
    name: 'a corporate MASTER registers a new company with its certificate',
    async run(page, origin, workDir) {
      const person = generatedPerson({ gender: 'male', carrier: 'SKT' });
      const password = 'Master!2026ok';
      const loginId = loginIdFor('mst', person);
      const businessNumber = newBusinessNumber();
      await page.goto(`${origin}/trade/`);
      await throughConsent(page, 'corporate', 'domestic');
      await verifyByMobile(page, origin, wizard, person);
      await fillDetails(page, { loginId, password, phone: true, address: true });
      await waitForStep(page, 'company');
      await page.type(`${wizard} input[name="company.businessNumber"]`, businessNumber);
      await page.click(`${wizard} [data-part~="company-search"]`);
      await waitForSelector(page, `${wizard} input[name="company.nameKo"]`);
      await page.type(`${wizard} input[name="company.nameKo"]`, '테스트정밀 주식회사');
      await page.type(`${wizard} input[name="company.ceoNameKo"]`, person.name);
      for (const name of ['innoBiz', 'venture', 'foreignInvested']) await page.click(`${wizard} input[name="company.${name}"][value="no"]`);
      await choose(page, `${wizard} select[name="company.companyType"]`, 'corporation');
      await page.type(`${wizard} mb-phone-input[name="company.phone"] input`, '0311234567');
      await fillAddress(page, `${wizard} mb-address-field[name="company.address"]`);
      const certificate = join(workDir, 'certificate.png');
      writeFileSync(certificate, tinyPng());
      await page.upload(`${wizard} input[type="file"][name="certificate"]`, certificate);
      await waitForSelector(page, `${wizard} [data-part="certificate-attached"]`);
      await next(page);
      await submit(page);
      const member = await assertSignsIn(origin, 'trade', loginId, password);
      assert.equal(member.companyRole, 'master');
      const linked = await myCompany(origin, 'trade', member.cookie);
      assert.equal(linked?.company.businessNumber.replace(/\D/g, ''), businessNumber.replace(/\D/g, ''));
      assert.equal(linked?.company.certificate, 'uploaded', 'the certificate reached the server');
    },
  },
  {
    name: 'the animal site verifies again at submit',
    async run(page, origin) {
      const person = generatedPerson({ gender: 'male', carrier: 'KT_MVNO', birthDate: '1979-12-31' });
      const password = 'Animal2026pw';
      const loginId = loginIdFor('pet', person);
      await page.goto(`${origin}/animal/`);
      await waitForStep(page, 'type');
      // Its manual: 국내인 or 외국인, and no company signup (no 개인/기업 question).
      await waitForSelector(page, `${wizard} input[name="nationality"][value="foreign"]`);
      assert.equal(await page.evaluate((css: string) => document.querySelector(css) === null, `${wizard} input[name="memberKind"]`), true, 'no corporate type');
      await page.click(`${wizard} input[name="nationality"][value="domestic"]`);
      await next(page);
      await waitForStep(page, 'consent');
      await page.click(`${wizard} mb-consent-list [data-part="agree-all"] input`);
      await next(page);
      await waitForStep(page, 'identity');
      await verifyByMobile(page, origin, wizard, person);
      await fillDetails(page, { loginId, password, address: true });
      await waitForStep(page, 'review');
      await verifyByMobile(page, origin, `${wizard} [data-part~="review-reverify"]`, person);
      await waitForSelector(page, `${wizard} [data-part~="review-reverify"] [data-part~="verified"]`);
      await next(page);
      // The done screen stays until the person chooses to go on (no completion-delay on the demo).
      await waitForSelector(page, `${wizard} [data-part~="continue"]`);
      await page.click(`${wizard} [data-part~="continue"]`);
      await waitUntil(page, 'the completion page', () => location.pathname.endsWith('/animal/welcome.html'));
      await assertSignsIn(origin, 'animal', loginId, password);
    },
  },
];
