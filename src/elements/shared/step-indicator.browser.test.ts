import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture } from '../../../test/browser/fixture.ts';
import { defineElement } from './define-element.ts';
import { StepIndicator, type StepIndicatorStep } from './step-indicator.ts';

defineElement('mb-step-indicator', StepIndicator);

const steps: StepIndicatorStep[] = [
  { id: 'type', label: '회원 유형' },
  { id: 'consent', label: '약관 동의' },
  { id: 'identity', label: '본인인증' },
  { id: 'details', label: '정보 입력' },
  { id: 'done', label: '가입 완료' },
];

async function indicator(current: string, lang = 'ko'): Promise<StepIndicator> {
  const element = document.createElement('mb-step-indicator') as StepIndicator;
  element.steps = steps;
  element.current = current;
  return fixture(element, { lang });
}

const items = (element: StepIndicator) => [...element.querySelectorAll<HTMLLIElement>('ol > li')];

describe('mb-step-indicator', () => {
  afterEach(cleanupFixtures);

  it('is accessible on the first, a middle and the last step, and with no step', async () => {
    for (const current of ['type', 'identity', 'done', '']) await expectAccessible(await indicator(current));
  });

  it('wraps Korean between words, never inside one (word-break: keep-all on every element root)', async () => {
    const element = await indicator('identity');
    equal(getComputedStyle(element).wordBreak, 'keep-all', 'keep-all');
    equal(getComputedStyle(element).overflowWrap, 'anywhere', 'an unbroken string may still wrap');
  });

  it('is an ordered list with the current step marked aria-current="step" and nothing focusable', async () => {
    const element = await indicator('identity');
    const list = element.querySelector('ol');
    assert(list !== null, 'an <ol>');
    equal(list.getAttribute('aria-label'), '진행 단계', 'list name');
    equal(items(element).length, 5, 'one item per step');
    const current = element.querySelectorAll('[aria-current]');
    equal(current.length, 1, 'one aria-current');
    equal(current[0]!.getAttribute('aria-current'), 'step', 'aria-current value');
    assert(current[0]!.textContent!.includes('본인인증'), 'the current item is the identity step');
    equal(element.querySelectorAll('a, button, input, [tabindex]').length, 0, 'not interactive');
  });

  it('announces finished steps as done and says "step 3 of 5" for screen readers', async () => {
    const element = await indicator('identity');
    const states = items(element).map((item) => item.dataset['state']);
    equal(states.join(), 'done,done,current,upcoming,upcoming', 'states');
    for (const [index, item] of items(element).entries()) {
      const hidden = item.querySelector('[data-part="visually-hidden"]')?.textContent?.trim();
      equal(hidden, index < 2 ? '완료' : undefined, `done text of step ${index + 1}`);
    }
    const position = element.querySelector(':scope > [data-part="visually-hidden"]');
    equal(position?.textContent?.trim(), '전체 5단계 중 3단계: 본인인증', 'position text');
    // The numbers are decoration: the list semantics and the position text carry the order.
    assert(items(element).every((item) => item.querySelector('[data-part="step-number"]')?.getAttribute('aria-hidden') === 'true'), 'numbers hidden');
  });

  it('follows the current step and the language', async () => {
    const element = await indicator('type', 'en');
    equal(element.querySelector(':scope > [data-part="visually-hidden"]')?.textContent?.trim(), 'Step 1 of 5: 회원 유형', 'English position');
    element.current = 'done';
    await element.updateComplete;
    equal(element.querySelector('[aria-current="step"]')?.textContent?.includes('가입 완료'), true, 'moved to the last step');
    equal(items(element).filter((item) => item.dataset['state'] === 'done').length, 4, 'four done');
    equal(element.querySelector('[data-state="done"] [data-part="visually-hidden"]')?.textContent?.trim(), 'completed', 'English done text');
  });

  it('marks nothing current or done for an unknown step', async () => {
    const element = await indicator('nope');
    equal(element.querySelectorAll('[aria-current], [data-state="done"]').length, 0, 'no state');
    equal(element.querySelector(':scope > [data-part="visually-hidden"]'), null, 'no position text');
  });
});
