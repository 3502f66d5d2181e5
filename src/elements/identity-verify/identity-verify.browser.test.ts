// <identity-verify> against the real reference server running in the page (MSW): method choice,
// the mobile OTP flow and its errors, every state checked with axe first.
import { http, HttpResponse } from 'msw';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, idlePeriods, waitFor } from '../../../test/browser/fixture.ts';
import { $, typeIn } from '../../../test/support/dom.ts';
import { captchaAnswer, enterCode, fillMobileForm, people, smsCode, submitAndWait, toCodeStep } from '../../../test/support/sandbox.ts';
import { verifierPage } from '../../../test/support/verifier.ts';
import type { OtpInput } from '../shared/otp-input.ts';
import { IdentityVerify } from './identity-verify.ts';

// Both clocks can be moved: the server's (code expiry, resend cooldown) and the element's (countdowns).
const { api, offsets, mount, mobileForm, reset } = await verifierPage();
const hong = people.hong;

const step = (element: IdentityVerify) => element.dataset.step;

async function chooseMethod(element: IdentityVerify, id: string): Promise<void> {
  $<HTMLInputElement>(element, `input[name="method"][value="${id}"]`).click();
  await element.updateComplete;
  $<HTMLButtonElement>(element, '[data-part="method-choice"] button[type="submit"]').click();
  await element.updateComplete;
}

const submitForm = (element: IdentityVerify) => submitAndWait(element, 'mobile-form');
const latestCode = () => smsCode(hong.mobile);

function collect<K extends 'identity-verified' | 'identity-verify-error'>(type: K): HTMLElementEventMap[K][] {
  const events: HTMLElementEventMap[K][] = [];
  const listener = (event: Event) => events.push(event as HTMLElementEventMap[K]);
  document.addEventListener(type, listener);
  cleanups.push(() => document.removeEventListener(type, listener));
  return events;
}
const cleanups: (() => void)[] = [];

describe('<identity-verify>', () => {
  after(() => api.worker.stop());
  afterEach(() => {
    cleanupFixtures();
    reset();
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  describe('accessibility (axe) of every state', () => {
    it('method choice', async () => {
      const element = await mount();
      equal(step(element), 'choose', 'two methods: a choice first');
      await expectAccessible(element);
      $<HTMLButtonElement>(element, '[data-part="method-choice"] button[type="submit"]').click();
      await element.updateComplete;
      assert(element.textContent!.includes('인증 방법을 선택해 주세요.'), 'no choice made: said so');
      await expectAccessible(element);
    });

    it('mobile form, empty and with errors', async () => {
      const element = await mobileForm();
      equal(step(element), 'mobile-form', 'one method: no choice');
      await expectAccessible(element);
      $<HTMLButtonElement>(element, '[data-part="mobile-form"] button[type="submit"]').click();
      await element.updateComplete;
      const invalid = element.querySelectorAll('[aria-invalid="true"]');
      assert(invalid.length >= 8, `every empty field marked (${invalid.length})`);
      equal(document.activeElement, element.querySelector('select[name="carrier"]'), 'focus on the first invalid field');
      await expectAccessible(element);
    });

    it('code step and done', async () => {
      const element = await mobileForm();
      await toCodeStep(element, hong);
      await expectAccessible(element);
      await enterCode(element, await latestCode());
      await waitFor(() => step(element) === 'done', 'done');
      await expectAccessible(element);
    });

    it('provider idle and popup blocked', async () => {
      const original = window.open;
      window.open = () => null;
      cleanups.push(() => (window.open = original));
      const element = await mount({ methods: 'ipin', mode: 'popup' });
      equal(step(element), 'provider-idle', 'one method: its start screen');
      await expectAccessible(element);
      $<HTMLButtonElement>(element, '[data-action="open"]').click();
      await element.updateComplete;
      equal(step(element), 'provider-blocked', 'blocked');
      await expectAccessible(element);
    });
  });

  it('heading-level puts its step headings under the page heading (default h2, invalid values h2)', async () => {
    const nested = await mount({ 'heading-level': '4' });
    assert(nested.querySelector('h4[data-step-heading]'), 'an h4 step heading');
    equal(nested.querySelector('h2, h3'), null, 'no higher heading inside');
    const plain = await mount({ 'heading-level': 'seven' });
    assert(plain.querySelector('h2[data-step-heading]'), 'an h2 step heading');
  });

  it('verifies a sandbox person by mobile and hands over a token, never CI/DI', async () => {
    const verified = collect('identity-verified');
    const element = await mount();
    await chooseMethod(element, 'mobile');
    await waitFor(() => element.querySelector('img[data-part="captcha-image"]'), 'captcha');
    equal(document.activeElement, element.querySelector('[data-part="mobile-form"] h2'), 'focus moved to the step heading');
    await toCodeStep(element, hong);
    equal(document.activeElement, element.querySelector('[data-part="code-form"] h2'), 'focus moved to the code heading');
    assert(element.textContent!.includes('010-****-5678'), 'the masked number is shown');
    await enterCode(element, await latestCode());
    await waitFor(() => verified.length === 1, 'identity-verified');

    const event = verified[0]!;
    assert(event.bubbles && event.composed, 'bubbles and composed');
    const detail = event.detail;
    assert(detail.verificationToken.length >= 16, 'a token');
    equal(detail.method, 'mobile', 'method');
    equal(detail.purpose, 'signup', 'purpose');
    equal(JSON.stringify(Object.keys(detail).sort()), JSON.stringify(['expiresAt', 'method', 'person', 'purpose', 'verificationToken']), 'detail keys');
    equal(JSON.stringify(detail.person), JSON.stringify({ name: hong.name, birthDate: hong.birthDate, gender: hong.gender, nationality: hong.nationality }), 'person');
    const serialized = JSON.stringify(detail);
    assert(!/"(ci|di)"/i.test(serialized) && !serialized.includes(hong.ci) && !serialized.includes(hong.di), 'no CI/DI in the event');
    assert(!serialized.includes(hong.mobile), 'no mobile number in the event');

    equal(step(element), 'done', 'done state');
    assert(element.textContent!.includes('본인인증이 완료되었습니다') && element.textContent!.includes(hong.name), 'done with the verified name');
    equal(document.activeElement, element.querySelector('[data-part="done"] h2'), 'focus on the done heading');
    assert(!element.innerHTML.includes(hong.ci), 'no CI in the page');
  });

  it('CAPTCHA_MISMATCH: a new image, the answer cleared and focused, everything else kept', async () => {
    const errors = collect('identity-verify-error');
    const element = await mobileForm();
    await fillMobileForm(element, hong, { captcha: 'wrong!' });
    const before = $<HTMLImageElement>(element, 'img[data-part="captcha-image"]').src;
    await submitForm(element);

    equal(step(element), 'mobile-form', 'still the form');
    const captcha = $<HTMLInputElement>(element, 'input[name="captchaAnswer"]');
    assert($<HTMLImageElement>(element, 'img[data-part="captcha-image"]').src !== before, 'a new image was loaded');
    equal(captcha.value, '', 'the used answer is cleared');
    equal(captcha.getAttribute('aria-invalid'), 'true', 'marked invalid');
    equal(document.activeElement, captcha, 'focus on the security text');
    assert(element.textContent!.includes('보안문자가 일치하지 않습니다'), 'the message');
    equal($<HTMLInputElement>(element, 'input[name="name"]').value, hong.name, 'name kept');
    equal($<HTMLInputElement>(element, 'input[name="birthDate"]').value, '19850412', 'birth date kept as typed');
    equal($<HTMLInputElement>(element, 'input[name="mobile"]').value, '010-1234-5678', 'mobile kept (formatted)');
    equal($<HTMLSelectElement>(element, 'select[name="carrier"]').value, hong.carrier, 'carrier kept');
    assert($<HTMLInputElement>(element, '[data-field-group="gender"] input[value="male"]').checked, 'gender kept');
    assert($<HTMLInputElement>(element, '[data-field="termsAll"]').checked, 'terms kept');
    equal(errors[0]?.detail.code, 'CAPTCHA_MISMATCH', 'identity-verify-error for hosts that log');
    assert(!JSON.stringify(errors[0]?.detail).includes('vrf_'), 'no ids in the error event');

    typeIn(element, 'input[name="captchaAnswer"]', await captchaAnswer(element));
    await submitForm(element);
    await waitFor(() => step(element) === 'mobile-code', 'the new image answer works');
  });

  it('IDENTITY_MISMATCH and a lost connection: an alert saying what to do, typed values kept', async () => {
    const element = await mobileForm();
    await fillMobileForm(element, hong, { birthDate: '19850413' });
    await submitForm(element);
    assert($(element, '[role="alert"]').textContent!.includes('본인 정보가 일치하지 않습니다'), 'identity mismatch alert');
    equal($<HTMLInputElement>(element, 'input[name="birthDate"]').value, '19850413', 'kept');

    api.worker.use(http.post(`${api.mock.apiBase}verifications/:id/mobile-code`, () => HttpResponse.error(), { once: true }));
    typeIn(element, 'input[name="birthDate"]', '1985-04-12');
    typeIn(element, 'input[name="captchaAnswer"]', await captchaAnswer(element));
    await submitForm(element);
    const alert = $(element, '[role="alert"]').textContent!;
    assert(alert.includes('서버에 연결할 수 없습니다') && alert.includes('새로 표시된 보안문자'), `network alert with the way forward: ${alert}`);
    equal($<HTMLInputElement>(element, 'input[name="name"]').value, hong.name, 'name kept');
    equal($<HTMLInputElement>(element, 'input[name="birthDate"]').value, '1985-04-12', 'birth date kept');

    typeIn(element, 'input[name="captchaAnswer"]', await captchaAnswer(element));
    await submitForm(element);
    await waitFor(() => step(element) === 'mobile-code', 'the retry goes through');
  });

  it('PROVIDER_REFUSED (company phone) suggests i-PIN', async () => {
    const element = await mount();
    await chooseMethod(element, 'mobile');
    await waitFor(() => element.querySelector('img[data-part="captcha-image"]'), 'captcha');
    await fillMobileForm(element, people.corporatePhone);
    await submitForm(element);
    const alert = $(element, '[role="alert"]');
    assert(alert.textContent!.includes('법인 명의 제외'), 'explains the refusal');
    assert($(alert, '[data-action="use-alternative"]').textContent!.includes('아이핀'), 'offers i-PIN');
  });

  it('a wrong code says how many tries are left, then the right one passes', async () => {
    const element = await mobileForm();
    await toCodeStep(element, hong);
    const code = await latestCode();
    const otp = $<OtpInput>(element, 'mb-otp-input');
    typeIn(otp, 'input', '123');
    $<HTMLButtonElement>(element, '[data-part="code-form"] button[type="submit"]').click();
    await element.updateComplete;
    await otp.updateComplete;
    assert($(otp, '[data-part="error"]').textContent!.includes('6자리를 모두'), 'fewer than 6 digits: said so, nothing sent');
    await enterCode(element, code === '000000' ? '111111' : '000000');
    await otp.updateComplete;
    const error = $(otp, '[data-part="error"]').textContent!;
    assert(error.includes('남은 횟수 4회'), `attempts left shown: ${error}`);
    equal($<HTMLInputElement>(otp, 'input').getAttribute('aria-invalid'), 'true', 'input invalid');
    equal($<HTMLInputElement>(otp, 'input').value, '', 'wrong code cleared');
    equal(document.activeElement, otp.querySelector('input'), 'focus back on the code');
    await enterCode(element, code);
    await waitFor(() => step(element) === 'done', 'done with the right code');
  });

  it('resend waits for the cooldown, sends a new code, and shows the server wait when the clocks disagree', async () => {
    const element = await mobileForm();
    await toCodeStep(element, hong);
    const otp = $<OtpInput>(element, 'mb-otp-input');
    const resend = () => $<HTMLButtonElement>(otp, '[data-part~="resend"]');
    assert(resend().disabled, 'resend disabled at first');
    assert($(otp, '[data-part="resend-hint"]').textContent!.includes('0:30'), 'its own countdown');

    offsets.server = 31_000;
    offsets.client = 31_000;
    await waitFor(() => !resend().disabled, 'enabled after 30 s', 2500);
    const sent = (await api.mock.deps.store.listSandboxMessages(100)).length;
    resend().click();
    await waitFor(() => resend().disabled, 'a new cooldown after the resend');
    // The announcement follows the server's answer (the button disables before it: a slower engine shows the gap).
    await waitFor(() => element.querySelector('[role="status"]')!.textContent!.includes('다시 보냈습니다'), 'announced');
    equal((await api.mock.deps.store.listSandboxMessages(100)).length, sent + 1, 'one more SMS');

    // The device clock runs ahead of the server: the button is enabled, the server says wait.
    offsets.client = 31_000 + 31_000;
    await waitFor(() => !resend().disabled, 'enabled by the fast device clock', 2500);
    resend().click();
    await waitFor(() => element.querySelector('[role="alert"]'), 'RESEND_TOO_SOON');
    const wait = Number(/(\d+)초 후에/.exec($(element, '[role="alert"]').textContent!)?.[1]);
    assert(wait >= 25 && wait <= 30, `the server's seconds: ${$(element, '[role="alert"]').textContent}`);
    await otp.updateComplete;
    assert(resend().disabled, 'the button waits as long as the server says');
    equal((await api.mock.deps.store.listSandboxMessages(100)).length, sent + 1, 'no SMS sent');
  });

  it('counts the code down and, once the time is up, says so and points to resend', async () => {
    const element = await mobileForm();
    await toCodeStep(element, hong);
    const otp = $<OtpInput>(element, 'mb-otp-input');
    const countdown = () => $(otp, '[data-part="countdown"]').textContent!;
    assert(/[23]:[0-5]\d/.test(countdown()), `about 3 minutes: ${countdown()}`);
    const code = await latestCode();

    offsets.server = 181_000;
    offsets.client = 181_000;
    await waitFor(() => countdown().includes('입력 시간 만료'), 'expired on screen', 2500);
    await enterCode(element, code);
    const error = $(otp, '[data-part="error"]').textContent!;
    assert(error.includes('입력 시간이 지났습니다'), `CODE_EXPIRED from the server: ${error}`);
    equal(document.activeElement, otp.querySelector('[data-part~="resend"]'), 'focus on resend');
    equal(step(element), 'mobile-code', 'still on the code step');
  });

  it('speaks English completely', async () => {
    const element = await mount({}, 'en');
    const leak = () => /\b(identity|otp|common|error|rule)\.[\w.]+/.exec(element.textContent!)?.[0];
    assert(element.textContent!.includes('Identity verification'), 'English title');
    equal(leak(), undefined, 'no message key shown (choice)');
    await chooseMethod(element, 'mobile');
    await waitFor(() => element.querySelector('img[data-part="captcha-image"]'), 'captcha');
    $<HTMLButtonElement>(element, '[data-part="mobile-form"] button[type="submit"]').click();
    await element.updateComplete;
    assert(element.textContent!.includes('Mobile phone verification') && element.textContent!.includes('Please choose one.'), 'English form and errors');
    assert(!/[가-힣]/.test(element.querySelector('[data-part="mobile-form"]')!.textContent!), 'no Korean left in the form');
    equal(leak(), undefined, 'no message key shown (form)');
    await toCodeStep(element, hong);
    assert(!/[가-힣]/.test(element.textContent!), 'no Korean on the code step');
    equal(leak(), undefined, 'no message key shown (code)');
  });

  it('a method whose code fails to load says so in both languages and loads it again on retry', async () => {
    const loadMobile = IdentityVerify.parts.mobile;
    IdentityVerify.parts.mobile = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const element = await mount({ methods: 'mobile' });
      await waitFor(() => step(element) === 'part-error', 'the load failure shown');
      const alert = $(element, '[role="alert"]');
      assert(alert.textContent!.includes('불러오지 못했습니다'), `Korean message: ${alert.textContent}`);
      await expectAccessible(element);
      element.setAttribute('lang', 'en');
      await waitFor(() => $(element, '[role="alert"]').textContent!.includes('could not be loaded'), 'the same message in English');
      IdentityVerify.parts.mobile = loadMobile;
      $<HTMLButtonElement>(element, '[data-part="alert"] [data-action="retry"]').click();
      await waitFor(() => element.querySelector('img[data-part="captcha-image"]'), 'the mobile form after the retry');
    } finally {
      IdentityVerify.parts.mobile = loadMobile;
    }
  });

  it('choosing a method starts loading its code at once, before any idle moment', async () => {
    const loadProvider = IdentityVerify.parts.provider;
    let providerLoads = 0;
    IdentityVerify.parts.provider = () => ((providerLoads += 1), loadProvider());
    // No idle moment comes during this test (WebKit has no requestIdleCallback: one is put in, then taken out).
    const idle = Object.getOwnPropertyDescriptor(globalThis, 'requestIdleCallback');
    const heldForIdle: IdleRequestCallback[] = [];
    Object.defineProperty(globalThis, 'requestIdleCallback', { configurable: true, writable: true, value: (callback: IdleRequestCallback) => heldForIdle.push(callback) });
    try {
      const element = await mount();
      equal(step(element), 'choose', 'two methods: a choice first');
      await element.updateComplete;
      assert(heldForIdle.length > 0, 'the prefetch waits for an idle moment');
      equal(providerLoads, 0, 'nothing loaded before it');
      $<HTMLInputElement>(element, 'input[name="method"][value="ipin"]').click();
      equal(providerLoads, 1, 'choosing i-PIN starts its code');
      await waitFor(() => element.querySelector('[data-part="method-choice"] button[type="submit"]'), 'the choice still shown');
    } finally {
      if (idle) Object.defineProperty(globalThis, 'requestIdleCallback', idle);
      else delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
      IdentityVerify.parts.provider = loadProvider;
    }
  });

  it("the code step's code loads once the mobile form shows, not with the method choice", async () => {
    // An element of an earlier test may still have a prefetch waiting for an idle moment: it goes first.
    await idlePeriods();
    const { mobile: loadMobile, code: loadCode } = IdentityVerify.parts;
    let mobileLoaded = false;
    let codeLoads = 0;
    IdentityVerify.parts.mobile = () => loadMobile().then((part) => ((mobileLoaded = true), part));
    IdentityVerify.parts.code = () => ((codeLoads += 1), loadCode());
    try {
      const element = await mount();
      equal(step(element), 'choose', 'two methods: a choice first');
      await waitFor(() => mobileLoaded, 'the mobile part prefetched at the choice');
      await element.updateComplete;
      // A prefetch the choice had asked for would have started by now.
      await idlePeriods();
      equal(codeLoads, 0, 'no code step code at the choice');
      await chooseMethod(element, 'mobile');
      await waitFor(() => codeLoads === 1, 'the code step code prefetched once the form shows');
    } finally {
      Object.assign(IdentityVerify.parts, { mobile: loadMobile, code: loadCode });
    }
  });

  it('a code step whose code fails to load offers the retry, and the code sent still works after it', async () => {
    const loadCode = IdentityVerify.parts.code;
    IdentityVerify.parts.code = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const element = await mount({ methods: 'mobile' });
      await fillMobileForm(element, hong);
      await submitForm(element);
      await waitFor(() => step(element) === 'part-error', 'the load failure shown');
      const alert = $(element, '[role="alert"]');
      assert(alert.textContent!.includes('불러오지 못했습니다'), `Korean message: ${alert.textContent}`);
      equal(element.querySelector('mb-otp-input'), null, 'no code input without its code');
      await expectAccessible(element);
      IdentityVerify.parts.code = loadCode;
      $<HTMLButtonElement>(element, '[data-part="alert"] [data-action="retry"]').click();
      await waitFor(() => step(element) === 'mobile-code', 'the code step after the retry');
      const verified = collect('identity-verified');
      await enterCode(element, await latestCode());
      await waitFor(() => verified.length === 1, 'verified with the code sent before the failure');
    } finally {
      IdentityVerify.parts.code = loadCode;
    }
  });

  it('a runtime lang change re-renders what is shown, including an error already on screen', async () => {
    const element = await mobileForm();
    $<HTMLButtonElement>(element, '[data-part="mobile-form"] button[type="submit"]').click();
    await waitFor(() => element.textContent!.includes('선택해 주세요'), 'Korean errors shown');
    element.setAttribute('lang', 'en');
    await waitFor(() => element.textContent!.includes('Mobile phone verification'), 'English title');
    assert(element.textContent!.includes('Please choose one.'), 'the error shown before reads in English');
    assert(!/[가-힣]/.test(element.querySelector('[data-part="mobile-form"]')!.textContent!), 'no Korean left in the form');
  });
});
