import { messageForCode } from '../../i18n/index.ts';
import { defaultPolicy, definePolicy } from '../../rules/index.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture } from '../../../test/browser/fixture.ts';
import { defineElement } from './define-element.ts';
import { EmailInput } from './email-input.ts';

defineElement('mb-email-input', EmailInput);

async function emailInput(setup: (element: EmailInput) => void = () => {}, lang = 'ko'): Promise<EmailInput> {
  const element = document.createElement('mb-email-input') as EmailInput;
  element.policy = defaultPolicy;
  setup(element);
  return fixture(element, { lang });
}

const local = (element: EmailInput) => element.querySelector<HTMLInputElement>('[data-part="email-local"]')!;
const select = (element: EmailInput) => element.querySelector<HTMLSelectElement>('[data-part="email-domain"]')!;
const typedDomain = (element: EmailInput) => element.querySelector<HTMLInputElement>('[data-part="email-domain-typed"]');

function type(field: HTMLInputElement, text: string): void {
  field.focus();
  for (const char of text) document.execCommand('insertText', false, char);
}
/** What a paste or an autofill does: the text replaces the field's content, then a non-typing input event. */
function paste(field: HTMLInputElement, text: string, inputType = 'insertFromPaste'): void {
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
}
/** Picks an option the way a user does: selection, then the native input and change events. */
function choose(control: HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('mb-email-input', () => {
  afterEach(cleanupFixtures);

  it('is accessible empty, filled, with a typed domain, and with an error', async () => {
    await expectAccessible(await emailInput());
    await expectAccessible(await emailInput((el) => ((el.value = 'hong@naver.com'), (el.required = true))));
    await expectAccessible(await emailInput((el) => (el.value = 'hong@agency.go.kr')));
    await expectAccessible(await emailInput((el) => ((el.value = 'hong@'), (el.error = 'EMAIL_DOMAIN_INVALID'))));
    await expectAccessible(await emailInput((el) => ((el.value = 'h ong@x.org'), (el.error = 'EMAIL_LOCAL_INVALID'))));
  });

  it('is a fieldset named "이메일" with a labelled part before the @ and a domain list from the policy', async () => {
    const element = await emailInput();
    const fieldset = element.querySelector('fieldset')!;
    equal(fieldset.querySelector('legend')?.textContent?.trim(), '이메일', 'legend');
    equal(local(element).labels?.[0]?.textContent, '이메일 아이디 (@ 앞부분)', 'local label');
    equal(select(element).labels?.[0]?.textContent, '이메일 도메인 (@ 뒷부분)', 'domain label');
    const options = [...select(element).options].map((option) => option.textContent);
    equal(options.join(), ['도메인 선택', ...defaultPolicy.emailDomains, '직접 입력'].join(), 'options');
    equal(select(element).value, '', 'nothing chosen');
    equal(typedDomain(element), null, 'no typed domain until asked for');
    assert(fieldset.contains(local(element)) && fieldset.contains(select(element)), 'both parts in the group');

    const custom = await emailInput((el) => (el.policy = definePolicy({ emailDomains: ['kotra.or.kr'] })));
    equal([...select(custom).options].map((option) => option.value).slice(1, -1).join(), 'kotra.or.kr', "the site's domains");
  });

  it('lets autofill work: autocomplete="email" on the first box, off on the domain controls', async () => {
    const element = await emailInput((el) => (el.name = 'contactEmail'));
    equal(local(element).autocomplete, 'email', 'local part');
    equal(local(element).name, 'contactEmail', 'name');
    equal(local(element).inputMode, 'email', 'keyboard with @');
    equal(select(element).autocomplete, 'off', 'domain list');
    // Autofill writes the whole saved address into the first box; it is split at once.
    paste(local(element), 'hong@naver.com', 'insertReplacementText');
    await element.updateComplete;
    equal(local(element).value, 'hong', 'local part');
    equal(select(element).value, 'naver.com', 'domain chosen');
    equal(element.value, 'hong@naver.com', 'value');
  });

  it('builds the value from the two parts, updated before each native event reaches the host', async () => {
    const element = await emailInput();
    const seen: string[] = [];
    for (const type of ['input', 'change']) element.addEventListener(type, () => seen.push(`${type}:${element.value}`));
    type(local(element), 'gd');
    choose(select(element), 'daum.net');
    equal(seen.join(' '), 'input:g@ input:gd@ input:gd@daum.net change:gd@daum.net', 'events and values');
    equal(element.value, 'gd@daum.net', 'value');
  });

  it('splits a whole address pasted into the first box, choosing a listed domain', async () => {
    const element = await emailInput();
    let atEvent = '';
    element.addEventListener('input', () => (atEvent = element.value));
    paste(local(element), '  Hong.Gil@Naver.COM ');
    await element.updateComplete;
    equal(local(element).value, 'Hong.Gil', 'local part');
    equal(select(element).value, 'naver.com', 'listed domain selected (any case)');
    equal(typedDomain(element), null, 'no typed domain');
    equal(element.value, 'Hong.Gil@naver.com', 'value');
    equal(atEvent, 'Hong.Gil@naver.com', 'value at the input event');
  });

  it('splits a pasted address with an unlisted domain into "직접 입력" with the domain typed', async () => {
    const element = await emailInput((el) => (el.value = 'old@daum.net'));
    paste(local(element), 'kim@agency.go.kr');
    await element.updateComplete;
    equal(local(element).value, 'kim', 'local part');
    equal(select(element).selectedOptions[0]?.textContent, '직접 입력', 'typed mode');
    equal(typedDomain(element)?.value, 'agency.go.kr', 'typed domain');
    equal(element.value, 'kim@agency.go.kr', 'value');
  });

  it('waits for change when the @ is typed key by key, then splits', async () => {
    const element = await emailInput();
    type(local(element), 'kim@nate.com');
    equal(local(element).value, 'kim@nate.com', 'not split mid-typing');
    equal(element.value, 'kim@nate.com', 'the whole typed address is the value meanwhile');
    let atChange = '';
    element.addEventListener('change', () => (atChange = element.value));
    local(element).dispatchEvent(new Event('change', { bubbles: true }));
    await element.updateComplete;
    equal(local(element).value, 'kim', 'split on change');
    equal(select(element).value, 'nate.com', 'domain chosen');
    equal(atChange, 'kim@nate.com', 'value at the change event');
  });

  it('"직접 입력" reveals a labelled domain input; choosing a listed domain hides it again', async () => {
    const element = await emailInput();
    type(local(element), 'lee');
    choose(select(element), '__typed__');
    await element.updateComplete;
    const typed = typedDomain(element);
    assert(typed !== null, 'typed domain input shown');
    equal(typed.labels?.[0]?.textContent, '이메일 도메인 직접 입력', 'label');
    equal(typed.autocomplete, 'off', 'autocomplete');
    const focusable = [...element.querySelectorAll('input, select')];
    equal(focusable.indexOf(typed), focusable.indexOf(select(element)) + 1, 'right after the list in tab order');
    type(typed, 'Example.ORG');
    equal(element.value, 'lee@example.org', 'value with the typed domain (lower-cased)');
    choose(select(element), 'gmail.com');
    await element.updateComplete;
    equal(typedDomain(element), null, 'hidden');
    equal(element.value, 'lee@gmail.com', 'value with the listed domain');
  });

  it('shows a value set by the host in the parts', async () => {
    const element = await emailInput((el) => (el.value = 'park@hanmail.net'));
    equal(local(element).value, 'park', 'local');
    equal(select(element).value, 'hanmail.net', 'listed');
    element.value = 'park@company.co.kr';
    await element.updateComplete;
    equal(typedDomain(element)?.value, 'company.co.kr', 'unlisted → typed');
    element.value = '';
    await element.updateComplete;
    equal(local(element).value, '', 'cleared');
    equal(select(element).value, '', 'cleared list');
    equal(typedDomain(element), null, 'typed input gone');
  });

  it('marks the part the error code is about, and wires the message to every part', async () => {
    const element = await emailInput((el) => ((el.value = 'hong@'), (el.error = 'EMAIL_DOMAIN_INVALID')));
    const error = element.querySelector('[data-part="error"]')!;
    equal(error.textContent?.trim(), messageForCode('ko', 'EMAIL_DOMAIN_INVALID'), 'message');
    equal(select(element).getAttribute('aria-invalid'), 'true', 'domain invalid');
    equal(local(element).hasAttribute('aria-invalid'), false, 'local fine');
    for (const control of [local(element), select(element)]) {
      assert(control.getAttribute('aria-describedby')!.split(' ').includes(error.id), `${control.dataset['part']} described by the error`);
    }
    element.error = 'EMAIL_LOCAL_INVALID';
    await element.updateComplete;
    equal(local(element).getAttribute('aria-invalid'), 'true', 'local invalid');
    equal(select(element).hasAttribute('aria-invalid'), false, 'domain fine');
    element.value = 'hong@agency.go.kr';
    element.error = 'EMAIL_DOMAIN_INVALID';
    await element.updateComplete;
    equal(typedDomain(element)?.getAttribute('aria-invalid'), 'true', 'the typed domain is the one marked');
    element.error = undefined;
    await element.updateComplete;
    equal(element.querySelectorAll('[aria-invalid]').length, 0, 'valid again');
  });

  it('speaks English', async () => {
    const element = await emailInput(() => {}, 'en');
    equal(element.querySelector('legend')?.textContent?.trim(), 'Email', 'legend');
    equal(select(element).options[select(element).options.length - 1]?.textContent, 'Type it in', 'typed option');
  });
});
