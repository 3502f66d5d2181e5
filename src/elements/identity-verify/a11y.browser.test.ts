// <identity-verify> accessibility items (issue 10: 8, 15, 18, 22, 24) against the reference server in the
// page (MSW): names and descriptions, required state, the expired code, readable terms, the spoken captcha.
import { http, HttpResponse } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, waitFor } from '../../../test/browser/fixture.ts';
import { $, typeIn } from '../../../test/support/dom.ts';
import { people, toCodeStep } from '../../../test/support/sandbox.ts';
import { verifierPage } from '../../../test/support/verifier.ts';
import type { OtpInput } from '../shared/otp-input.ts';

// Both clocks move together: the server's (code expiry) and the element's (countdown).
const { api, offsets, mount, mobileForm, reset } = await verifierPage();
const hong = people.hong;

const textOf = (ids: string | null) => (ids ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
/** The accessible name as the ARIA rules give it for these controls: aria-labelledby first, else the label. */
const nameOf = (control: HTMLInputElement) => (control.hasAttribute('aria-labelledby') ? textOf(control.getAttribute('aria-labelledby')) : (control.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim());

/** What assistive tech reads as "required": the attribute or its ARIA twin. */
const isRequired = (control: HTMLInputElement | HTMLSelectElement) => control.required || control.getAttribute('aria-required') === 'true';

describe('<identity-verify> accessibility items', () => {
  after(() => api.worker.stop());
  afterEach(() => {
    cleanupFixtures();
    reset();
  });

  it('method radios are named by the method only, described by their description, one group (item 18)', async () => {
    const element = await mount();
    const radios = [...element.querySelectorAll<HTMLInputElement>('[data-part="method-card"] input[type="radio"]')];
    equal(radios.length, 2, 'two methods');
    for (const radio of radios) equal(radio.name, 'method', `${radio.value}: one radio group`);
    equal(nameOf(radios.find((r) => r.value === 'mobile')!), '휴대폰 본인인증', 'mobile: the name is the method');
    equal(nameOf(radios.find((r) => r.value === 'ipin')!), '아이핀(I-PIN) 인증 (샌드박스)', 'ipin: the name is the method');
    for (const radio of radios) {
      const description = textOf(radio.getAttribute('aria-describedby'));
      const shown = $(radio.closest('label')!, '[data-part="method-description"]').textContent!.trim();
      assert(shown && description === shown, `${radio.value}: described by its description (${description})`);
      assert(!nameOf(radio).includes(shown), `${radio.value}: the description is not in the name`);
    }
  });

  it('every required control of the mobile form is required, through the field wiring (item 22)', async () => {
    const element = await mobileForm();
    const required = ['select[name="carrier"]', 'input[name="name"]', 'input[name="birthDate"]', 'input[name="mobile"]', 'input[name="captchaAnswer"]',
      '[data-field-group="gender"] input', '[data-field-group="nationality"] input', 'input[name="providerTerms"]'];
    for (const selector of required) {
      const controls = element.querySelectorAll<HTMLInputElement | HTMLSelectElement>(selector);
      assert(controls.length > 0, `${selector} exists`);
      for (const control of controls) assert(isRequired(control), `${selector} is required`);
    }
    for (const label of element.querySelectorAll('[data-part="mobile-form"] label[data-part="label"]')) {
      const control = document.getElementById(label.getAttribute('for')!) as HTMLInputElement | null;
      assert(control, `${label.textContent}: a control`);
      equal(isRequired(control), Boolean(label.querySelector('[data-part="required"]')), `${label.textContent}: required as its label says`);
    }
    await toCodeStep(element, hong);
    assert(isRequired($<HTMLInputElement>(element, 'mb-otp-input input[name="code"]')), '인증번호 is required');
  });

  it('an expired code makes the code input invalid with the expiry as its error, and a new code clears it (item 24)', async () => {
    const element = await mobileForm();
    await toCodeStep(element, hong);
    const otp = $<OtpInput>(element, 'mb-otp-input');
    const input = () => $<HTMLInputElement>(otp, 'input[name="code"]');
    equal(input().getAttribute('aria-invalid'), 'false', 'valid while time is left');
    offsets.client = 181_000;
    equal(otp.querySelector('[data-part~="extend"]') !== null, true, 'more time offered while the code is valid');
    await waitFor(() => input().getAttribute('aria-invalid') === 'true', 'invalid once the time is up', 2500);
    const said = textOf(input().getAttribute('aria-describedby'));
    assert(said.includes('인증번호 입력 시간이 지났습니다'), `the expiry is the input's error: ${said}`);
    equal($(otp, '[data-part="error"]').textContent!.trim(), '인증번호 입력 시간이 지났습니다. 인증번호를 다시 받아 주세요.', 'shown under the input');
    equal(otp.querySelector('[data-part~="extend"]'), null, 'no "more time" for an expired code (a new code instead)');
    await expectAccessible(element);
  });

  it('offers more time before the code runs out: one warning at 1 minute, extended on the server, the same code works (WCAG 2.2.1)', async () => {
    const element = await mobileForm();
    await toCodeStep(element, hong);
    const otp = $<OtpInput>(element, 'mb-otp-input');
    const live = $(otp, '[aria-live]');
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(live.textContent!.trim()));
    observer.observe(live, { childList: true, subtree: true, characterData: true });
    const countdown = () => $(otp, '[data-part="countdown"]').textContent!;
    try {
      offsets.server = 121_000;
      offsets.client = 121_000;
      await waitFor(() => heard.some((text) => text.includes('1분 남았습니다') && text.includes('[시간 연장]')), 'the 1-minute warning names "시간 연장"', 2500);
      const after = heard.length;
      for (let tick = 0; tick < 2; tick += 1) {
        const shown = countdown();
        await waitFor(() => countdown() !== shown, 'the next second', 2500);
      }
      equal(heard.length, after, `nothing more said while the seconds pass (${heard.join(' | ')})`);
      const extend = $<HTMLButtonElement>(otp, '[data-part~="extend"]');
      equal(extend.textContent!.trim(), '시간 연장', 'the button');
      extend.click();
      await waitFor(() => /^[23]:[0-5]\d$/.test(countdown().replace(/^\D+/, '')), `about 3 minutes again: ${countdown()}`);
      await waitFor(() => heard.some((text) => text.includes('3분')), 'the new time is said');
    } finally {
      observer.disconnect();
    }
    // Past the code's first limit, on both clocks: the extended code still works.
    offsets.server = 200_000;
    offsets.client = 200_000;
    const [message] = await api.mock.deps.store.listSandboxMessages(1);
    const code = message?.text.match(/\[(\d{6})\]/)?.[1];
    assert(code, 'the code sent');
    const input = $<HTMLInputElement>(otp, 'input[name="code"]');
    typeIn(otp, 'input[name="code"]', code);
    equal(input.value, code, 'typed');
    $<HTMLButtonElement>(element, '[data-part="code-form"] button[type="submit"]').click();
    await waitFor(() => element.dataset.step === 'done', 'verified with the extended code');
  });

  it('each identity-verification term can be opened and read by keyboard, in both languages (item 15)', async () => {
    for (const [lang, title, words] of [['ko', '고유식별정보 처리 동의', '주민등록번호'], ['en', 'Processing of unique identification information', 'registration number']] as const) {
      const element = await mobileForm(lang);
      const documents = [...element.querySelectorAll<HTMLDetailsElement>('[data-part="terms-document"]')];
      equal(documents.length, 4, `${lang}: four terms to read`);
      for (const checkbox of element.querySelectorAll<HTMLInputElement>('input[name="providerTerms"]')) {
        const name = nameOf(checkbox);
        const summary = checkbox.closest('li')!.querySelector('summary')!.textContent!;
        assert(name.length > 5 && summary.includes(name.replace(/^\[[^\]]+\]\s*/, '')), `${lang}: "${name}" names its document, read by "${summary}"`);
      }
      const unique = documents.find((d) => d.querySelector('summary')!.textContent!.includes(title))!;
      assert(unique && !unique.open, `${lang}: closed at first`);
      unique.querySelector('summary')!.focus();
      equal(document.activeElement, unique.querySelector('summary'), `${lang}: the summary takes keyboard focus`);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => unique.open, `${lang}: Enter opens it`);
      assert(unique.textContent!.includes(words), `${lang}: its text is there`);
      await expectAccessible(element);
      cleanupFixtures();
    }
  });

  it('"보안문자 듣기" plays the current security text in the page language; a failure is said (item 8)', async () => {
    const element = await mobileForm();
    const listen = $<HTMLButtonElement>(element, '[data-part~="captcha-listen"]');
    equal(listen.textContent!.trim(), '보안문자 듣기', 'the button');
    listen.click();
    const audio = $<HTMLAudioElement>(element, 'audio[data-part="captcha-audio"]');
    assert(/\/captcha\/audio\?.*lang=ko/.test(audio.src), `the spoken text of this verification: ${audio.src}`);
    await waitFor(() => audio.readyState >= HTMLMediaElement.HAVE_METADATA && audio.duration > 3, 'the WAV loaded and decodes', 5000);
    equal(element.querySelector('[data-kind="captcha-audio"]'), null, 'no failure said');
    audio.pause();

    api.worker.use(http.get('*/verifications/:id/captcha/audio', () => HttpResponse.json({ code: 'SERVICE_UNAVAILABLE' }, { status: 503 })));
    listen.click();
    const failure = await waitFor(() => element.querySelector('[data-kind="captcha-audio"]'), 'the failure shown');
    assert(failure.textContent!.includes('보안문자 음성을 재생하지 못했습니다'), `said: ${failure.textContent}`);
    await waitFor(() => element.querySelector('[role="status"][aria-live]')?.textContent?.includes('재생하지 못했습니다'), 'and announced');
    await expectAccessible(element);
  });

  it('speaks the security text in English on an English page', async () => {
    const element = await mobileForm('en');
    const listen = $<HTMLButtonElement>(element, '[data-part~="captcha-listen"]');
    equal(listen.textContent!.trim(), 'Listen to the security text', 'the button in English');
    listen.click();
    assert(/lang=en/.test($<HTMLAudioElement>(element, 'audio[data-part="captcha-audio"]').src), 'English digits');
  });
});
