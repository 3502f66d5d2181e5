import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture, settle, waitFor } from '../../../test/browser/fixture.ts';
import { defineElement } from './define-element.ts';
import { extractOtp, OtpInput, OtpResendEvent } from './otp-input.ts';

defineElement('mb-otp-input', OtpInput);

const t0 = Date.parse('2026-11-22T03:00:00.000Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

async function mount({ expires = 180, resend = 30, lang = 'ko' } = {}): Promise<OtpInput> {
  const otp = document.createElement('mb-otp-input') as OtpInput;
  otp.clock = () => t0;
  otp.expiresAt = at(expires);
  otp.resendAvailableAt = at(resend);
  return fixture(otp, { lang });
}

const input = (otp: OtpInput) => otp.querySelector<HTMLInputElement>('input')!;
const countdown = (otp: OtpInput) => otp.querySelector<HTMLElement>('[data-part="countdown"]')!;
const resendButton = (otp: OtpInput) => otp.querySelector<HTMLButtonElement>('[data-part~="resend"]')!;
const liveRegion = (otp: OtpInput) => otp.querySelector<HTMLElement>('[aria-live="polite"]')!;

async function setClock(otp: OtpInput, seconds: number): Promise<void> {
  otp.clock = () => t0 + seconds * 1000;
  await otp.updateComplete;
}

function type(otp: OtpInput, text: string): void {
  const field = input(otp);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

describe('mb-otp-input', () => {
  afterEach(cleanupFixtures);

  it('has no axe violations while counting down, with an error, and when expired', async () => {
    const otp = await mount();
    await expectAccessible(otp);
    otp.error = '인증번호가 일치하지 않습니다.';
    await otp.updateComplete;
    await expectAccessible(otp);
    await setClock(otp, 200);
    await expectAccessible(otp);
  });

  it('is one numeric one-time-code input of 6 digits', async () => {
    const otp = await mount();
    const field = input(otp);
    equal(otp.querySelectorAll('input').length, 1, 'one input');
    equal(field.inputMode, 'numeric', 'inputmode');
    // The attribute, not the IDL property: Firefox reflects only autofill tokens it knows, and it knows no one-time-code.
    equal(field.getAttribute('autocomplete'), 'one-time-code', 'autocomplete');
    equal(field.maxLength, 6, 'maxlength');
    equal(field.pattern, '[0-9]{6}', 'pattern');
    const label = otp.querySelector<HTMLLabelElement>(`label[for="${field.id}"]`);
    assert(label?.textContent?.includes('인증번호'), 'labelled in Korean by default');
  });

  it('keeps digits only (full-width digits too) and lets native input events reach the host', async () => {
    const otp = await mount();
    const seen: string[] = [];
    otp.addEventListener('input', () => seen.push(otp.value));
    type(otp, '１２3a-4');
    equal(input(otp).value, '1234', 'shown value');
    equal(otp.value, '1234', 'value property');
    equal(seen.join(','), '1234', 'the host saw the input event with the cleaned value');
  });

  it('takes the code out of a pasted text message', async () => {
    const otp = await mount();
    let inputs = 0;
    otp.addEventListener('input', () => (inputs += 1));
    const clipboardData = new DataTransfer();
    clipboardData.setData('text', '[샌드박스 본인인증] 인증번호 [482913]을 입력해 주세요. 010-1234-5678');
    const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true });
    // Given in the constructor, Firefox drops the transfer's data; an own property carries it everywhere.
    Object.defineProperty(paste, 'clipboardData', { value: clipboardData });
    input(otp).dispatchEvent(paste);
    assert(paste.defaultPrevented, 'the browser did not paste (and cut) the raw text');
    equal(otp.value, '482913', 'the 6-digit run');
    equal(inputs, 1, 'one input event');
    equal(extractOtp('123 456'), '123456', 'spaced code');
    equal(extractOtp('１２３４５６'), '123456', 'full-width code');
  });

  it('shows the time left as m:ss from expiresAt and "time is up" at the end', async () => {
    const otp = await mount();
    assert(countdown(otp).textContent!.includes('3:00'), `3:00 at start, got ${countdown(otp).textContent}`);
    await setClock(otp, 61);
    assert(countdown(otp).textContent!.includes('1:59'), `1:59 after 61 s, got ${countdown(otp).textContent}`);
    await setClock(otp, 179.5);
    assert(countdown(otp).textContent!.includes('0:01'), 'a started second still counts');
    await setClock(otp, 180);
    equal(countdown(otp).textContent!.trim(), '입력 시간 만료', 'expired text');
    assert(otp.expired, 'expired getter');
  });

  it('ticks by itself with the real clock', async () => {
    const otp = document.createElement('mb-otp-input') as OtpInput;
    otp.expiresAt = new Date(Date.now() + 5_000).toISOString();
    await fixture(otp);
    const first = countdown(otp).textContent;
    await waitFor(() => countdown(otp).textContent !== first, 'the countdown moved', 2500);
  });

  it('speaks at start, at 1 minute, at 30 seconds and at expiry — not every second', async () => {
    const otp = await mount();
    const spoken: string[] = [];
    const observer = new MutationObserver(() => {
      const text = liveRegion(otp).textContent!.trim();
      if (text && spoken.at(-1) !== text) spoken.push(text);
    });
    observer.observe(liveRegion(otp), { childList: true, characterData: true, subtree: true });
    await waitFor(() => spoken.length === 1, 'start announcement');
    assert(spoken[0]!.includes('3분'), `start says 3 minutes: ${spoken[0]}`);
    for (let second = 1; second <= 185; second += 1) await setClock(otp, second);
    await waitFor(() => spoken.length >= 4, `the expiry announcement (${spoken.join(' | ')})`);
    await settle(otp); // a fifth one would come in these renders
    observer.disconnect();
    equal(spoken.length, 4, `four announcements (${spoken.join(' | ')})`);
    assert(spoken[1]!.includes('1분'), 'one minute');
    assert(spoken[2]!.includes('30초'), 'thirty seconds');
    assert(spoken[3]!.includes('지났습니다'), 'expired');
    assert(!liveRegion(otp).textContent!.includes(':'), 'the live region never carries the ticking m:ss');
  });

  it('waits with resend until resendAvailableAt, showing its own countdown, then emits otp-resend', async () => {
    const otp = await mount();
    let resends = 0;
    let composed = false;
    document.body.addEventListener('otp-resend', (event) => {
      resends += 1;
      composed = event instanceof OtpResendEvent && event.bubbles && event.composed;
    }, { once: true });
    assert(resendButton(otp).disabled, 'disabled during the cooldown');
    assert(otp.querySelector('[data-part="resend-hint"]')!.textContent!.includes('0:30'), 'cooldown text');
    resendButton(otp).click();
    equal(resends, 0, 'no event while disabled');
    await setClock(otp, 30);
    assert(!resendButton(otp).disabled, 'enabled after the cooldown');
    equal(otp.querySelector('[data-part="resend-hint"]'), null, 'no cooldown text');
    resendButton(otp).click();
    equal(resends, 1, 'one otp-resend event');
    assert(composed, 'typed, bubbling and composed');
    otp.resendDisabled = true;
    await otp.updateComplete;
    assert(resendButton(otp).disabled, 'resend-disabled wins');
  });

  it('marks the input invalid with the error and describes it', async () => {
    const otp = await mount();
    otp.error = '인증번호가 일치하지 않습니다.';
    await otp.updateComplete;
    const field = input(otp);
    equal(field.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    const errorId = field.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    equal(document.getElementById(errorId)!.textContent, '인증번호가 일치하지 않습니다.', 'described by the error');
  });

  it('speaks English when the page is English', async () => {
    const otp = await mount({ lang: 'en' });
    assert(otp.querySelector('label')!.textContent!.includes('Verification code'), 'English label');
    equal(resendButton(otp).textContent!.trim(), 'Send a new code', 'English resend');
    await setClock(otp, 200);
    equal(countdown(otp).textContent!.trim(), 'Time is up', 'English expiry');
  });
});
