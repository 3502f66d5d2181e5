import type { TermsDocument } from '../../api/schemas.ts';
import { messageForCode } from '../../i18n/index.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture, waitFor } from '../../../test/browser/fixture.ts';
import { ConsentList } from './consent-list.ts';
import { defineElement } from './define-element.ts';
import { FormController } from './form-controller.ts';

defineElement('mb-consent-list', ConsentList);

const text = (ko: string, en = ko) => ({ ko, en });
const summary = {
  purpose: text('회원 관리, 본인 확인'),
  items: text('아이디, 이름, 휴대전화 번호'),
  retention: text('회원 탈퇴 시까지'),
  refusal: text('동의를 거부할 수 있으나 거부하면 가입할 수 없습니다.'),
};

// Given optional-first on purpose: the list must show required items first.
const documents: TermsDocument[] = [
  {
    documentId: 'marketing',
    version: '2024-03',
    title: text('마케팅 활용 동의', 'Marketing use'),
    category: 'marketing',
    required: false,
    answer: 'agree-disagree',
    body: text('새 소식과 행사 안내를 보냅니다.'),
    summary: { ...summary, refusal: text('거부해도 가입할 수 있습니다.') },
    effectiveFrom: '2024-03-01',
  },
  {
    documentId: 'terms',
    version: '2025-01',
    title: text('이용약관', 'Terms of use'),
    category: 'terms',
    required: true,
    answer: 'agree',
    body: text('제1조 (목적)\n이 약관은 …\n\n제2조 (정의)\n회원이란 …'),
    effectiveFrom: '2025-01-01',
  },
  {
    documentId: 'privacy',
    version: '2025-02',
    title: text('개인정보 수집·이용 동의', 'Collection and use of personal information'),
    category: 'privacy',
    required: true,
    answer: 'agree-disagree',
    body: text('수집하는 개인정보 항목은 다음과 같습니다.'),
    summary,
    effectiveFrom: '2025-02-01',
  },
];

async function consentList(setup: (element: ConsentList) => void = () => {}): Promise<ConsentList> {
  const element = document.createElement('mb-consent-list') as ConsentList;
  element.documents = documents;
  setup(element);
  return fixture(element);
}

const q = <T extends Element>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T>(selector);
  assert(found !== null, `found ${selector}`);
  return found;
};
const agreeAll = (element: ConsentList) => q<HTMLInputElement>(element, '[data-part="agree-all"] input');
const item = (element: ConsentList, title: string) => {
  const found = [...element.querySelectorAll<HTMLLIElement>('[data-part="document"]')].find((li) => li.querySelector('h3')!.textContent!.includes(title));
  assert(found !== undefined, `item ${title}`);
  return found;
};
const choices = (li: Element) => [...li.querySelectorAll<HTMLInputElement>('[data-part="choice"] input')];
/** The text of the elements an aria-describedby / aria-labelledby list points at. */
const referenced = (node: Element, attribute: string) =>
  (node.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? `#${id} missing`)
    .join(' | ');

/** The accessible name as the browser's accessibility tree computes it (axe's implementation of accname). */
function accessibleName(node: Element): string {
  const axe = window.axe as unknown as { setup(node: Node): void; teardown(): void; commons: { text: { accessibleText(node: Element): string } } };
  axe.setup(document.documentElement);
  try {
    return axe.commons.text.accessibleText(node);
  } finally {
    axe.teardown();
  }
}

describe('mb-consent-list', () => {
  afterEach(cleanupFixtures);

  it('is accessible unanswered, partly answered, all agreed, and with an error', async () => {
    await expectAccessible(await consentList((el) => (el.siblingSites = ['KOTRA', 'buyKOREA'])));
    await expectAccessible(await consentList((el) => (el.value = { terms: true, marketing: false })));
    await expectAccessible(await consentList((el) => (el.value = { terms: true, privacy: true, marketing: true })));
    await expectAccessible(await consentList((el) => ((el.value = { terms: true }), (el.error = 'TERMS_REQUIRED'))));
  });

  it('pre-checks nothing', async () => {
    const element = await consentList();
    for (const input of element.querySelectorAll<HTMLInputElement>('input')) equal(input.checked, false, `${input.id} unchecked`);
    equal(agreeAll(element).indeterminate, false, 'agree-all not mixed');
    equal(JSON.stringify(element.value), '{}', 'no answers');
    equal(element.allRequiredAgreed, false, 'required not agreed');
  });

  it('lists required items first, labelled [필수]/[선택], with marketing flagged', async () => {
    const element = await consentList();
    const titles = [...element.querySelectorAll('[data-part="document"] h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    equal(titles.join(' / '), '[필수] 이용약관 / [필수] 개인정보 수집·이용 동의 / [선택] 마케팅 활용 동의 광고성 정보 수신', 'order and labels');
    equal(item(element, '마케팅').dataset['category'], 'marketing', 'marketing category hook');
    assert(item(element, '이용약관').hasAttribute('data-required') && !item(element, '마케팅').hasAttribute('data-required'), 'data-required');
  });

  it('shows each text in a keyboard-scrollable region named by its title, split into paragraphs', async () => {
    const element = await consentList();
    for (const li of element.querySelectorAll('[data-part="document"]')) {
      const region = q<HTMLElement>(li, '[data-part="terms-body"]');
      equal(region.getAttribute('role'), 'region', 'role');
      equal(region.tabIndex, 0, 'focusable by keyboard');
      equal(referenced(region, 'aria-labelledby'), li.querySelector('h3')!.textContent!.replace(/\s+/g, ' ').trim(), 'named by the title');
    }
    const paragraphs = [...item(element, '이용약관').querySelectorAll('[data-part="terms-body"] p')].map((p) => p.textContent);
    equal(paragraphs.length, 2, 'blank lines split paragraphs');
    equal(paragraphs[0], '제1조 (목적)\n이 약관은 …', 'first paragraph kept whole');
  });

  it('lays out only the paragraphs of a long text near the screen; scrolling the box brings the rest', async () => {
    const long = Array.from({ length: 40 }, (_, index) => `제${index + 1}조\n회원은 이 약관을 지킵니다.`).join('\n\n');
    // Each paragraph says when the browser starts or stops skipping its contents (laying them out).
    const skipped = new Map<Element, boolean>();
    const listen = (event: Event) => skipped.set(event.target as Element, (event as Event & { skipped: boolean }).skipped);
    document.addEventListener('contentvisibilityautostatechange', listen, true);
    try {
      const element = await consentList((list) => {
        list.documents = documents.map((document) => (document.documentId === 'terms' ? { ...document, body: text(long) } : document));
      });
      const region = q<HTMLElement>(item(element, '이용약관'), '[data-part="terms-body"]');
      const paragraphs = [...region.querySelectorAll('p')];
      equal(paragraphs.length, 40, 'every paragraph is in the page');
      await waitFor(() => skipped.has(paragraphs[39]!), 'the browser decided about the last paragraph');
      equal(skipped.get(paragraphs[0]!), false, 'the first paragraph is laid out');
      equal(skipped.get(paragraphs[39]!), true, 'the last paragraph, far below the box edge, is skipped');
      region.scrollTop = region.scrollHeight;
      await waitFor(() => skipped.get(paragraphs[39]!) === false, 'scrolled to, the last paragraph is laid out');
    } finally {
      document.removeEventListener('contentvisibilityautostatechange', listen, true);
    }
  });

  it('shows purpose, items, retention and the right to refuse where a summary exists', async () => {
    const element = await consentList();
    const rows = [...item(element, '개인정보').querySelectorAll('[data-part="summary"] tr')].map((tr) => [
      tr.querySelector('th[scope="row"]')?.textContent?.trim(),
      tr.querySelector('td')?.textContent?.trim(),
    ]);
    equal(JSON.stringify(rows), JSON.stringify([
      ['수집·이용 목적', '회원 관리, 본인 확인'],
      ['수집 항목', '아이디, 이름, 휴대전화 번호'],
      ['보유·이용 기간', '회원 탈퇴 시까지'],
      ['동의를 거부할 권리 및 거부 시 불이익', '동의를 거부할 수 있으나 거부하면 가입할 수 없습니다.'],
    ]), 'summary rows');
    equal(item(element, '이용약관').querySelector('table'), null, 'no table without a summary');
  });

  it('ties each choice to its item: a checkbox "동의합니다" or a radio pair in a fieldset, each control named with the title', async () => {
    const element = await consentList();
    const [checkbox, ...rest] = choices(item(element, '이용약관'));
    equal(rest.length, 0, 'one control for an agree item');
    equal(checkbox!.type, 'checkbox', 'a checkbox');
    equal(checkbox!.labels?.[0]?.textContent?.trim(), '동의합니다', 'label');
    // Its name says which document it agrees to (the title, then the label), not only "동의합니다".
    equal(referenced(checkbox!, 'aria-labelledby'), '[필수] 이용약관 | 동의합니다', 'named by its title and label');

    const privacy = item(element, '개인정보');
    const radios = choices(privacy);
    equal(radios.map((radio) => `${radio.type}:${radio.labels?.[0]?.textContent?.trim()}`).join(), 'radio:동의함,radio:동의하지 않음', 'radio pair');
    equal(radios[0]!.name, radios[1]!.name, 'one group (arrow keys move between them)');
    assert(radios[0]!.name !== choices(item(element, '마케팅'))[0]!.name, 'each item its own group');
    const fieldset = q<HTMLFieldSetElement>(privacy, 'fieldset');
    equal(fieldset.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim(), '[필수] 개인정보 수집·이용 동의', 'legend is the title');
    equal(radios.map((radio) => referenced(radio, 'aria-labelledby')).join(' / '), '[필수] 개인정보 수집·이용 동의 | 동의함 / [필수] 개인정보 수집·이용 동의 | 동의하지 않음', 'each radio named by its title and label');
  });

  it('names headings and controls with a space after the badge, and each radio with its document', async () => {
    const element = await consentList();
    const privacy = item(element, '개인정보');
    equal(accessibleName(privacy.querySelector('h3')!), '[필수] 개인정보 수집·이용 동의', 'the heading: badge, space, title');
    equal(accessibleName(privacy.querySelector('fieldset')!), '[필수] 개인정보 수집·이용 동의', 'the group');
    equal(choices(privacy).map((radio) => accessibleName(radio)).join(' / '), '[필수] 개인정보 수집·이용 동의 동의함 / [필수] 개인정보 수집·이용 동의 동의하지 않음', 'each radio');
    equal(accessibleName(choices(item(element, '이용약관'))[0]!), '[필수] 이용약관 동의합니다', 'the checkbox');
  });

  it('tabs through agree-all, then each text and its choice in order', async () => {
    const element = await consentList();
    const focusable = [...element.querySelectorAll<HTMLElement>('input, [tabindex="0"]')].map((node) =>
      node.getAttribute('role') === 'region' ? 'text' : `${(node as HTMLInputElement).type}`,
    );
    equal(focusable.join(), 'checkbox,text,checkbox,text,radio,radio,text,radio,radio', 'document order = tab order');
    equal(element.querySelectorAll('[tabindex]:not([tabindex="0"])').length, 0, 'no positive tabindex');
  });

  it('agree to all: checks every item, agree-disagree items as agree; un-checking returns all to unanswered', async () => {
    const element = await consentList();
    const seen: string[] = [];
    for (const type of ['input', 'change']) element.addEventListener(type, () => seen.push(`${type}:${JSON.stringify(element.value)}`));

    agreeAll(element).click();
    await element.updateComplete;
    const all = '{"marketing":true,"terms":true,"privacy":true}';
    equal(JSON.stringify(element.value), all, 'every item agreed');
    equal(seen.join(' '), `input:${all} change:${all}`, 'native events bubble with the value already updated');
    assert(choices(element).filter((input) => input.checked).every((input) => !input.value.includes('disagree')), 'agree radios chosen');
    equal(choices(element).filter((input) => input.checked).length, 3, 'three agreements shown');
    equal(agreeAll(element).checked, true, 'agree-all checked');
    equal(element.allRequiredAgreed, true, 'required agreed');

    agreeAll(element).click();
    await element.updateComplete;
    assert(Object.values(element.value).every((answer) => answer === undefined), 'all unanswered again');
    equal(choices(element).some((input) => input.checked), false, 'nothing checked');
  });

  it('agree to all shows a mixed state while some items are agreed, and a click on it agrees to the rest', async () => {
    const element = await consentList();
    choices(item(element, '이용약관'))[0]!.click();
    await element.updateComplete;
    equal(agreeAll(element).indeterminate, true, 'mixed after one item');
    equal(agreeAll(element).checked, false, 'not checked');
    // A refused optional item is an answer, but not an agreement: still mixed.
    choices(item(element, '마케팅'))[1]!.click();
    await element.updateComplete;
    equal(agreeAll(element).indeterminate, true, 'still mixed');

    agreeAll(element).click();
    await element.updateComplete;
    equal(JSON.stringify(element.value), '{"terms":true,"marketing":true,"privacy":true}', 'all agreed');
    equal(agreeAll(element).indeterminate, false, 'no longer mixed');
    equal(agreeAll(element).checked, true, 'checked');

    choices(item(element, '마케팅'))[1]!.click();
    await element.updateComplete;
    equal(agreeAll(element).checked, false, 'refusing one item un-checks agree-all');
    equal(agreeAll(element).indeterminate, true, 'and makes it mixed');
  });

  it('records each choice, and answers() sends every document with its version (unanswered = not agreed)', async () => {
    const element = await consentList();
    choices(item(element, '이용약관'))[0]!.click();
    choices(item(element, '개인정보'))[0]!.click();
    await element.updateComplete;
    equal(element.allRequiredAgreed, true, 'both required agreed, marketing unanswered');
    equal(
      JSON.stringify(element.answers()),
      JSON.stringify([
        { documentId: 'marketing', version: '2024-03', agreed: false },
        { documentId: 'terms', version: '2025-01', agreed: true },
        { documentId: 'privacy', version: '2025-02', agreed: true },
      ]),
      'answers',
    );
    choices(item(element, '개인정보'))[1]!.click();
    await element.updateComplete;
    equal(element.value['privacy'], false, 'refusal recorded');
    equal(element.allRequiredAgreed, false, 'refusing a required item blocks');
    choices(item(element, '이용약관'))[0]!.click();
    await element.updateComplete;
    equal(element.value['terms'], undefined, 'un-checking an agree box leaves it unanswered');
  });

  it('shows the error at the first required item not agreed and marks its control invalid', async () => {
    const element = await consentList((el) => (el.value = { terms: true, privacy: false }));
    equal(element.querySelectorAll('[aria-invalid="true"]').length, 0, 'no invalid control without an error');
    element.error = 'TERMS_REQUIRED';
    await element.updateComplete;
    const privacy = item(element, '개인정보');
    const invalid = [...element.querySelectorAll('[aria-invalid="true"]')];
    equal(invalid.length, 2, 'the radio pair of privacy');
    assert(invalid.every((node) => privacy.contains(node)), 'inside the privacy item');
    const message = messageForCode('ko', 'TERMS_REQUIRED');
    equal(privacy.querySelector('[data-part="error"]')?.textContent?.trim(), message, 'message at the item');
    equal(referenced(invalid[0]!, 'aria-describedby'), message, 'the control points at the message');

    // The form's submit moves focus to the first invalid control.
    const form = new FormController(element, { initial: {}, validate: () => [{ field: 'terms', code: 'TERMS_REQUIRED' }] });
    equal(await form.submitAndFocus(), false, 'blocked');
    equal(document.activeElement, invalid[0], 'focus on the privacy agree radio');
  });

  it('shows an error with no item to point at above the list, and names the sibling sites', async () => {
    const element = await consentList((el) => {
      el.value = { terms: true, privacy: true };
      el.error = 'TERMS_OUTDATED';
      el.siblingSites = [{ name: text('KOTRA 본사', 'KOTRA') }, '바이코리아'];
    });
    equal(element.querySelector(':scope > [data-part="error"]')?.textContent?.trim(), messageForCode('ko', 'TERMS_OUTDATED'), 'message above');
    equal(element.querySelectorAll('[aria-invalid="true"]').length, 0, 'no control marked');
    equal([...element.querySelectorAll('[data-part="sibling-sites"] li')].map((li) => li.textContent).join(), 'KOTRA 본사,바이코리아', 'sites');
  });

  it('speaks English with the English titles', async () => {
    const element = document.createElement('mb-consent-list') as ConsentList;
    element.documents = documents;
    await fixture(element, { lang: 'en' });
    equal(q(element, '[data-part="agree-all"] label').textContent?.trim(), 'Agree to all', 'agree-all label');
    equal(item(element, 'Terms of use').querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim(), '[Required] Terms of use', 'title');
    equal(choices(item(element, 'Marketing'))[1]!.labels?.[0]?.textContent?.trim(), 'Do not agree', 'choice');
  });
});
