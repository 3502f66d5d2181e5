import { messageForCode } from '../../i18n/index.ts';
import { defaultPolicy, definePolicy, kotraPolicy, type MembershipPolicy } from '../../rules/index.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture, waitFor } from '../../../test/browser/fixture.ts';
import { manualTimers } from '../../../test/support/clock.ts';
import { defineElement } from './define-element.ts';
import { announceDelayMs, PasswordField } from './password-field.ts';

defineElement('mb-password-field', PasswordField);

async function passwordField(policy: MembershipPolicy = kotraPolicy, setup: (element: PasswordField) => void = () => {}, lang = 'ko'): Promise<PasswordField> {
  const element = document.createElement('mb-password-field') as PasswordField;
  element.policy = policy;
  setup(element);
  return fixture(element, { lang });
}

const inputs = (element: PasswordField) => [...element.querySelectorAll<HTMLInputElement>('input')];
const passwordInput = (element: PasswordField) => inputs(element)[0]!;
const toggle = (element: PasswordField) => element.querySelector<HTMLButtonElement>('[data-part~="toggle"]')!;
const liveRegion = (element: PasswordField) => element.querySelector<HTMLElement>('[aria-live="polite"]')!;
/** Rule id → what a screen reader hears for the item ("… 충족" / "… 미충족"). */
const checklist = (element: PasswordField): Record<string, string> =>
  Object.fromEntries([...element.querySelectorAll<HTMLElement>('[data-part="rule"]')].map((li) => [li.dataset['rule'], li.textContent!.replace(/\s+/g, ' ').trim()]));

/** Types like a keyboard: real edits at the caret, each with its own input event. */
function type(input: HTMLInputElement, text: string): void {
  input.focus();
  for (const char of text) document.execCommand('insertText', false, char);
}

describe('mb-password-field', () => {
  afterEach(cleanupFixtures);

  it('is accessible empty, filled with a confirmation, shown, and with errors', async () => {
    await expectAccessible(await passwordField());
    const filled = await passwordField(kotraPolicy, (el) => ((el.value = 'abc12345!'), (el.confirmation = true), (el.confirmationValue = 'abc'), (el.required = true)));
    await expectAccessible(filled);
    toggle(filled).click();
    await filled.updateComplete;
    await expectAccessible(filled);
    await expectAccessible(
      await passwordField(kotraPolicy, (el) => ((el.error = 'PASSWORD_TOO_SHORT'), (el.confirmation = true), (el.confirmationError = 'PASSWORD_CONFIRMATION_MISMATCH'))),
    );
    await expectAccessible(await passwordField(defaultPolicy, (el) => (el.autocomplete = 'current-password')));
  });

  it('is a labelled password input for password managers: new-password by default, current-password on request', async () => {
    const element = await passwordField(kotraPolicy, (el) => (el.name = 'newPassword'));
    const input = passwordInput(element);
    equal(input.type, 'password', 'hidden');
    equal(input.autocomplete, 'new-password', 'autocomplete');
    equal(input.name, 'newPassword', 'name');
    equal(input.labels?.[0]?.textContent?.trim(), '비밀번호', 'label');
    assert(element.querySelector('[data-part="checklist"]') !== null, 'checklist for a new password');

    element.autocomplete = 'current-password';
    element.label = '현재 비밀번호';
    await element.updateComplete;
    equal(input.autocomplete, 'current-password', 'sign-in autocomplete');
    equal(input.labels?.[0]?.textContent?.trim(), '현재 비밀번호', 'label override');
    equal(element.querySelector('[data-part="checklist"]'), null, 'no policy checklist when signing in');
  });

  it('updates value before the bubbling input event reaches the host, and never blocks paste', async () => {
    const element = await passwordField();
    const seen: string[] = [];
    element.addEventListener('input', () => seen.push(element.value));
    type(passwordInput(element), 'ab');
    equal(seen.join(), 'a,ab', 'value at each event');
    const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
    equal(passwordInput(element).dispatchEvent(paste), true, 'paste not cancelled');
  });

  it('shows and hides the password with a pressed toggle button right after the input', async () => {
    const element = await passwordField(kotraPolicy, (el) => (el.value = 'secret'));
    const button = toggle(element);
    equal(button.type, 'button', 'never submits');
    equal(button.getAttribute('aria-controls'), passwordInput(element).id, 'controls the input');
    equal(button.getAttribute('aria-pressed'), 'false', 'not pressed');
    const focusable = [...element.querySelectorAll('input, button')];
    equal(focusable.indexOf(button), focusable.indexOf(passwordInput(element)) + 1, 'next in tab order');
    const name = button.textContent!.trim();
    equal(name, '비밀번호 보기', 'name');

    button.click();
    await element.updateComplete;
    equal(passwordInput(element).type, 'text', 'shown');
    equal(button.getAttribute('aria-pressed'), 'true', 'pressed');
    // A toggle keeps its name; the pressed state says what it is doing.
    equal(button.textContent!.trim(), name, 'same name');
    equal(passwordInput(element).value, 'secret', 'value kept');

    button.click();
    await element.updateComplete;
    equal(passwordInput(element).type, 'password', 'hidden again');
    equal(button.getAttribute('aria-pressed'), 'false', 'released');
  });

  it('hides a shown password when its form is submitted', async () => {
    const form = document.createElement('form');
    form.addEventListener('submit', (event) => event.preventDefault());
    const element = document.createElement('mb-password-field') as PasswordField;
    form.append(element);
    await fixture(form);
    await element.updateComplete;
    toggle(element).click();
    await element.updateComplete;
    equal(passwordInput(element).type, 'text', 'shown');
    form.requestSubmit();
    await element.updateComplete;
    equal(passwordInput(element).type, 'password', 'hidden on submit');
  });

  it("lists KOTRA's rules (9+, letter, digit, special, ASCII only, not the ID), each read as met or not met", async () => {
    const element = await passwordField(kotraPolicy, (el) => (el.loginId = 'hong1234'));
    equal(
      JSON.stringify(checklist(element)),
      JSON.stringify({
        length: '9자 이상 64자 이하 미충족',
        letter: '영문자 포함 미충족',
        digit: '숫자 포함 미충족',
        special: '특수문자 포함 미충족',
        chars: '영문자, 숫자, 특수문자만 사용 (한글, 공백 제외) 미충족',
        notLoginId: '아이디를 포함하지 않기 미충족',
      }),
      'empty: nothing met',
    );
    type(passwordInput(element), 'abc1');
    await element.updateComplete;
    const partly = checklist(element);
    equal(partly['letter'], '영문자 포함 충족', 'letter met');
    equal(partly['digit'], '숫자 포함 충족', 'digit met');
    equal(partly['special'], '특수문자 포함 미충족', 'special not met');
    equal(partly['length'], '9자 이상 64자 이하 미충족', 'length not met');
    equal(partly['chars'], '영문자, 숫자, 특수문자만 사용 (한글, 공백 제외) 충족', 'allowed characters');
    equal(element.querySelector('[data-rule="letter"]')?.getAttribute('data-passed'), 'true', 'styling hook');

    type(passwordInput(element), 'Hong1234!');
    await element.updateComplete;
    equal(checklist(element)['notLoginId'], '아이디를 포함하지 않기 미충족', 'contains the ID (any case)');
    element.loginId = 'kim5678';
    await element.updateComplete;
    assert(Object.values(checklist(element)).every((line) => line.endsWith(' 충족')), `all met: ${JSON.stringify(checklist(element))}`);
    type(passwordInput(element), '가');
    await element.updateComplete;
    equal(checklist(element)['chars'], '영문자, 숫자, 특수문자만 사용 (한글, 공백 제외) 미충족', 'Hangul refused');
  });

  it('lists the default policy\'s rules (8+, 2 kinds or 10+ with 1) from the policy numbers', async () => {
    const element = await passwordField(defaultPolicy);
    equal(Object.keys(checklist(element)).join(), 'length,kinds,chars,notLoginId', 'rules of the default policy');
    equal(checklist(element)['length'], '8자 이상 64자 이하 미충족', 'length label from the policy');
    equal(checklist(element)['kinds'], '영문자·숫자·특수문자 중 8자 이상이면 2종류 이상 또는 10자 이상이면 1종류 이상 미충족', 'alternatives');
    type(passwordInput(element), 'abcdefghij');
    await element.updateComplete;
    equal(checklist(element)['kinds'], '영문자·숫자·특수문자 중 8자 이상이면 2종류 이상 또는 10자 이상이면 1종류 이상 충족', '10 letters pass');

    element.policy = definePolicy({ password: { maxRepeat: 3 } });
    await element.updateComplete;
    equal(checklist(element)['repeat'], '같은 문자를 3번 넘게 잇달아 쓰지 않기 충족', 'a new policy re-renders the list');
  });

  it('points the input at the checklist, and speaks the count of met rules politely once typing pauses', async () => {
    const timers = manualTimers();
    const element = await passwordField(kotraPolicy, (el) => (el.timers = timers));
    const input = passwordInput(element);
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    assert(described.includes(element.querySelector('[data-part="checklist"] ul')!.id), 'described by the checklist');
    equal(liveRegion(element).textContent?.trim(), '', 'silent at first');

    type(input, 'abc');
    timers.advance(announceDelayMs / 2);
    type(input, '1');
    equal(timers.pending, 1, 'each key restarts the one quiet-time timer');
    timers.advance(announceDelayMs - 1);
    await element.updateComplete;
    equal(liveRegion(element).textContent?.trim(), '', 'silent while typing');
    timers.advance(1);
    await waitFor(() => liveRegion(element).textContent?.trim(), 'announcement');
    equal(liveRegion(element).textContent?.trim(), '비밀번호 조건 6개 중 4개 충족', 'one summary after the pause');
  });

  it('shows the error code as its message with the policy numbers, wired to the input', async () => {
    const element = await passwordField(kotraPolicy, (el) => (el.error = 'PASSWORD_TOO_SHORT'));
    const input = passwordInput(element);
    equal(input.getAttribute('aria-invalid'), 'true', 'invalid');
    const error = element.querySelector('[data-part="error"]')!;
    equal(error.textContent?.trim(), messageForCode('ko', 'PASSWORD_TOO_SHORT', { min: 9 }), 'message with {min}');
    assert(error.textContent!.includes('9'), 'the number is filled in');
    assert(input.getAttribute('aria-describedby')!.split(' ').includes(error.id), 'described by the error');
    element.error = undefined;
    await element.updateComplete;
    equal(input.hasAttribute('aria-invalid'), false, 'valid again');
  });

  it('confirmation: its own labelled input, value, and a match state while typing', async () => {
    const element = await passwordField(kotraPolicy, (el) => ((el.confirmation = true), (el.value = 'abc12345!')));
    const [password, confirmation] = inputs(element);
    assert(confirmation !== undefined, 'a confirmation input');
    equal(confirmation.labels?.[0]?.textContent?.trim(), '비밀번호 확인', 'label');
    equal(confirmation.autocomplete, 'new-password', 'autocomplete');
    equal(confirmation.name, 'password-confirmation', 'name');
    equal(toggle(element).getAttribute('aria-controls'), `${password!.id} ${confirmation.id}`, 'the toggle shows both');
    const match = element.querySelector<HTMLElement>('[data-part="match"]')!;
    equal(match.hidden, true, 'no match state before typing');

    const seen: string[] = [];
    element.addEventListener('input', () => seen.push(element.confirmationValue));
    type(confirmation, 'abc');
    await element.updateComplete;
    equal(seen.at(-1), 'abc', 'confirmationValue updated before the event reaches the host');
    equal(match.hidden, false, 'shown');
    equal(match.textContent?.trim(), '비밀번호가 일치하지 않습니다.', 'mismatch');
    equal(match.dataset['matches'], 'false', 'hook');
    assert(confirmation.getAttribute('aria-describedby')!.split(' ').includes(match.id), 'described by the match state');

    type(confirmation, '12345!');
    await element.updateComplete;
    equal(match.textContent?.trim(), '비밀번호가 일치합니다.', 'match');
    await waitFor(() => liveRegion(element).textContent?.trim() === '비밀번호가 일치합니다.', 'match announced', announceDelayMs * 3);

    element.confirmationError = 'PASSWORD_CONFIRMATION_MISMATCH';
    await element.updateComplete;
    equal(confirmation.getAttribute('aria-invalid'), 'true', 'invalid');
    equal(match.hidden, true, 'the error message replaces the match state');
    assert(element.textContent!.includes(messageForCode('ko', 'PASSWORD_CONFIRMATION_MISMATCH')), 'error shown');
  });

  it('speaks English', async () => {
    const element = await passwordField(kotraPolicy, () => {}, 'en');
    equal(passwordInput(element).labels?.[0]?.textContent?.trim(), 'Password', 'label');
    equal(toggle(element).textContent?.trim(), 'Show password', 'toggle');
    equal(checklist(element)['length'], '9 to 64 characters not met', 'rule');
  });
});
