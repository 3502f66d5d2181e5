import { messageForCode } from '../../i18n/index.ts';
import { faxPhoneKinds } from '../../rules/index.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture } from '../../../test/browser/fixture.ts';
import { defineElement } from './define-element.ts';
import { caretAfterDigits, PhoneInput } from './phone-input.ts';

defineElement('mb-phone-input', PhoneInput);

async function phoneInput(setup: (element: PhoneInput) => void = () => {}, lang = 'ko'): Promise<PhoneInput> {
  const element = document.createElement('mb-phone-input') as PhoneInput;
  setup(element);
  return fixture(element, { lang });
}

const input = (element: PhoneInput) => element.querySelector('input')!;

/** Types like a keyboard: real edits at the caret, each with its own input event. */
function type(field: HTMLInputElement, text: string): void {
  field.focus();
  for (const char of text) document.execCommand('insertText', false, char);
}
function caretAt(field: HTMLInputElement, position: number): void {
  field.focus();
  field.setSelectionRange(position, position);
}
/** What a paste does to the input: the text lands at the caret, then an `insertFromPaste` input event. */
function paste(field: HTMLInputElement, text: string): void {
  field.focus();
  field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}
/** The input's text with `|` at the caret. */
const withCaret = (field: HTMLInputElement) => `${field.value.slice(0, field.selectionStart!)}|${field.value.slice(field.selectionStart!)}`;

describe('mb-phone-input', () => {
  afterEach(cleanupFixtures);

  it('is accessible empty, filled, required and with an error', async () => {
    await expectAccessible(await phoneInput());
    await expectAccessible(await phoneInput((el) => ((el.value = '010-1234-5678'), (el.required = true), (el.kinds = ['mobile']))));
    await expectAccessible(await phoneInput((el) => ((el.value = '010-12'), (el.error = 'PHONE_INVALID'))));
  });

  it('is a labelled tel input with a hint, for autofill and the phone keypad', async () => {
    const element = await phoneInput((el) => (el.name = 'mobile'));
    const field = input(element);
    equal(field.type, 'tel', 'type');
    equal(field.inputMode, 'tel', 'inputmode');
    equal(field.autocomplete, 'tel', 'autocomplete');
    equal(field.name, 'mobile', 'name');
    equal(field.labels?.[0]?.textContent?.trim(), '전화번호', 'label');
    const hint = document.getElementById(field.getAttribute('aria-describedby')!);
    equal(hint?.textContent, '숫자만 입력하면 하이픈(-)이 자동으로 들어갑니다. 예: 010-1234-5678, 02-1234-5678', 'hint');
    element.autocomplete = 'tel-national';
    await element.updateComplete;
    equal(field.autocomplete, 'tel-national', 'autocomplete override');
  });

  it('names the kind of number asked for in the label and the example', async () => {
    const mobile = await phoneInput((el) => (el.kinds = ['mobile']));
    equal(input(mobile).labels?.[0]?.textContent?.trim(), '휴대전화 번호', 'mobile label');
    assert(mobile.querySelector('[data-part="hint"]')!.textContent!.endsWith('예: 010-1234-5678'), 'mobile example');
    const fax = await phoneInput((el) => ((el.kinds = faxPhoneKinds), (el.label = '팩스 번호')));
    equal(input(fax).labels?.[0]?.textContent?.trim(), '팩스 번호', 'label override');
    assert(fax.querySelector('[data-part="hint"]')!.textContent!.endsWith('예: 02-1234-5678'), 'landline example');
  });

  it('formats as you type, and the host reads the formatted value in each input event', async () => {
    const element = await phoneInput();
    const seen: string[] = [];
    element.addEventListener('input', () => seen.push(element.value));
    type(input(element), '01012345678');
    equal(seen.join(' '), '0 01 010 010-1 010-12 010-123 010-1234 010-1234-5 010-1234-56 010-1234-567 010-1234-5678', 'values');
    equal(withCaret(input(element)), '010-1234-5678|', 'caret at the end');
    type(input(element), '02');
    equal(element.value, '0101234567802', 'too long: bare digits, the excess stays visible');
  });

  it('keeps the caret beside the same digit when editing in the middle', async () => {
    const element = await phoneInput((el) => (el.value = '010-1234-5678'));
    const field = input(element);
    caretAt(field, 6); // 010-12|34-5678
    document.execCommand('delete');
    equal(withCaret(field), '010-1|345-678', 'a digit deleted, regrouped');
    type(field, '9');
    equal(withCaret(field), '010-19|34-5678', 'a digit typed, regrouped');
    const short = await phoneInput((el) => (el.value = '010-1234'));
    caretAt(input(short), 3); // 010|-1234
    type(input(short), '5');
    equal(withCaret(input(short)), '010-5|123-4', 'typed before a hyphen: the caret follows the digit');
    equal(short.value, '010-5123-4', 'value');
  });

  it('Backspace or Delete next to a hyphen removes the digit beyond it', async () => {
    const element = await phoneInput((el) => (el.value = '010-1234-5678'));
    const field = input(element);
    caretAt(field, 9); // 010-1234-|5678
    document.execCommand('delete');
    equal(withCaret(field), '010-123|5-678', 'the 4 went, not only the hyphen');
    equal(element.value, '010-1235-678', 'value follows');
    const other = await phoneInput((el) => (el.value = '010-1234-5678'));
    caretAt(input(other), 8); // 010-1234|-5678
    document.execCommand('forwardDelete');
    equal(withCaret(input(other)), '010-1234|-678', 'forward delete removed the 5');
  });

  it('takes a pasted number in any form: +82 10 1234 5678, dots, full-width digits', async () => {
    const samples: Array<[string, string]> = [
      ['+82 10 1234 5678', '010-1234-5678'],
      ['+82-(0)10-1234-5678', '010-1234-5678'],
      ['010.1234.5678', '010-1234-5678'],
      ['０１０－１２３４－５６７８', '010-1234-5678'],
      ['02 123 4567', '02-123-4567'],
      ['1588 1234', '1588-1234'],
    ];
    for (const [pasted, shown] of samples) {
      const element = await phoneInput();
      let atEvent = '';
      element.addEventListener('input', () => (atEvent = element.value));
      paste(input(element), pasted);
      equal(input(element).value, shown, `shown for ${pasted}`);
      equal(atEvent, shown, `value at the input event for ${pasted}`);
      equal(withCaret(input(element)), `${shown}|`, `caret for ${pasted}`);
    }
    const element = await phoneInput();
    const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
    equal(input(element).dispatchEvent(event), true, 'paste is never cancelled');
  });

  it('leaves a hand-typed +82 number alone until the field is left, then formats it', async () => {
    const element = await phoneInput();
    const field = input(element);
    type(field, '+82 10 1234 5678');
    equal(field.value, '+82 10 1234 5678', 'as typed');
    equal(element.value, '+82 10 1234 5678', 'value as typed');
    let atChange = '';
    element.addEventListener('change', () => (atChange = element.value));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    equal(field.value, '010-1234-5678', 'formatted on change');
    equal(atChange, '010-1234-5678', 'the host reads the formatted value');
  });

  it('shows a value set by the host formatted, and one with words as given', async () => {
    const element = await phoneInput((el) => (el.value = '01012345678'));
    equal(input(element).value, '010-1234-5678', 'formatted');
    equal(element.value, '010-1234-5678', 'value formatted');
    element.value = '02-123-4567 내선 3';
    await element.updateComplete;
    equal(input(element).value, '02-123-4567 내선 3', 'words kept');
    element.value = '';
    await element.updateComplete;
    equal(input(element).value, '', 'cleared');
  });

  it('shows the error code as its message, wired to the input', async () => {
    const element = await phoneInput((el) => (el.error = 'PHONE_KIND_NOT_ALLOWED'));
    const field = input(element);
    equal(field.getAttribute('aria-invalid'), 'true', 'invalid');
    const error = element.querySelector('[data-part="error"]')!;
    equal(error.textContent?.trim(), messageForCode('ko', 'PHONE_KIND_NOT_ALLOWED'), 'message');
    assert(field.getAttribute('aria-describedby')!.split(' ').includes(error.id), 'described by the error');
  });

  it('speaks English', async () => {
    const element = await phoneInput((el) => (el.kinds = ['mobile']), 'en');
    equal(input(element).labels?.[0]?.textContent?.trim(), 'Mobile phone number', 'label');
    assert(element.querySelector('[data-part="hint"]')!.textContent!.startsWith('Digits only'), 'hint');
  });

  it('caretAfterDigits counts digits, not hyphens', () => {
    equal(caretAfterDigits('010-1234-5678', 0), 0, 'start');
    equal(caretAfterDigits('010-1234-5678', 3), 3, 'before a hyphen');
    equal(caretAfterDigits('010-1234-5678', 4), 5, 'after a hyphen');
    equal(caretAfterDigits('010-1234-5678', 11), 13, 'end');
  });
});
