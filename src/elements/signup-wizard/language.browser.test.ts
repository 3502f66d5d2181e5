// Changing the language at run time (the element's `lang`, or the provider's) re-renders every
// visible string of every step, errors already shown included: the flow keeps codes and message
// keys, never rendered text.
import { sandboxPersonIds, getSandboxPerson } from '../../../server/sandbox/people.ts';
import { MembershipProvider } from '../../context/membership-provider.ts';
import { translate } from '../../i18n/index.ts';
import type { SignupStep } from '../../flows/signup/steps.ts';
import { assert, equal, fixture } from '../../../test/browser/fixture.ts';
import { defineElement } from '../shared/define-element.ts';
import {
  waitFor, $, agreeToAll, chooseType, clickNext, fillDetails, loadJourneyCode, mountWizard, settle, verifyAs, waitForStep,
} from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

defineElement('membership-provider', MembershipProvider);

const api = await mockApiForFile();
const { mock } = api;

const hangul = /[\uAC00-\uD7A3]/;

/** Visible Korean text left in the wizard, once the data it shows (names, addresses) is taken out. */
function koreanLeft(root: Element, data: readonly string[] = []): string[] {
  const left: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('[hidden], style, script') || parent.getClientRects().length === 0) continue;
    let text = node.textContent ?? '';
    for (const value of data) text = text.replaceAll(value, '');
    if (hangul.test(text)) left.push(text.trim());
  }
  return left;
}

/** Switches the language through `target`'s lang and waits for the step heading to follow. */
async function switchTo(wizard: SignupWizard, target: HTMLElement, lang: 'ko' | 'en', step: SignupStep): Promise<void> {
  target.setAttribute('lang', lang);
  const title = translate(lang, `signup.step.${step}`);
  await waitFor(() => $(wizard, '[data-part~="step-heading"]').textContent?.trim() === title, `heading "${title}"`);
  await settle(wizard);
}

/** In English nothing Korean is left but data; back in Korean the same place speaks Korean again. */
async function checkBothWays(wizard: SignupWizard, step: SignupStep, data: readonly string[] = [], target: HTMLElement = wizard): Promise<void> {
  await switchTo(wizard, target, 'en', step);
  await waitFor(() => koreanLeft(wizard, data).length === 0, `${step} in English: no Korean left (${koreanLeft(wizard, data).join(' | ')})`);
  await switchTo(wizard, target, 'ko', step);
  assert(hangul.test($(wizard, '[data-part~="step-heading"]').textContent ?? ''), `${step}: Korean again`);
}

const errorsShown = (wizard: Element) => [...wizard.querySelectorAll('[data-part~="error"], [role="alert"]')].map((node) => node.textContent?.trim()).filter(Boolean);

describe('<signup-wizard> language switch at run time', () => {
  before(loadJourneyCode);

  it('re-renders every step and the errors it shows when the element\'s lang changes', async () => {
    const person = getSandboxPerson(sandboxPersonIds.hong);
    const wizard = await mountWizard(mock);

    clickNext(wizard);
    await waitFor(() => errorsShown(wizard).length > 0, 'the type step error');
    await checkBothWays(wizard, 'type');
    assert(errorsShown(wizard).every((text) => hangul.test(text!)), 'the type error in Korean again');

    await chooseType(wizard, 'individual');
    await waitFor(() => wizard.querySelector('mb-consent-list [data-part="agree-all"] input'), 'the terms');
    clickNext(wizard);
    await waitFor(() => errorsShown(wizard).length > 0, 'the consent error');
    await checkBothWays(wizard, 'consent');

    await agreeToAll(wizard);
    await checkBothWays(wizard, 'identity');

    await verifyAs(wizard, mock, sandboxPersonIds.hong);
    await waitForStep(wizard, 'details');
    clickNext(wizard);
    await waitFor(() => wizard.querySelector('[data-part~="error-summary"]'), 'the error summary');
    await checkBothWays(wizard, 'details', [person.name]);
    assert(wizard.querySelector('[data-part~="error-summary"]'), 'the summary still there');

    await fillDetails(wizard, { loginId: 'hongswitch' });
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    const address = ['03154', '서울특별시 종로구 세종대로 209', '1층'];
    await checkBothWays(wizard, 'review', [person.name, ...address]);

    $<HTMLButtonElement>(wizard, '[data-part~="review-form"] [data-part~="next"]').click();
    await waitForStep(wizard, 'done', 10000);
    await checkBothWays(wizard, 'done', [person.name]);
  });

  it('re-renders the company step with its lookup error when the lang changes', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'corporate');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.park);
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'parkswitch' });
    clickNext(wizard);
    await waitForStep(wizard, 'company');
    clickNext(wizard);
    await waitFor(() => errorsShown(wizard).length > 0 || wizard.querySelector('[data-part~="business-number"] [aria-invalid="true"]'), 'asked for a business number');
    await checkBothWays(wizard, 'company', [getSandboxPerson(sandboxPersonIds.park).name]);
  });

  it('a <membership-provider> without lang leaves the page\'s language to the elements inside', async () => {
    const provider = document.createElement('membership-provider') as MembershipProvider;
    provider.setAttribute('api-base', mock.apiBase);
    provider.setAttribute('site', 'trade');
    const wizard = document.createElement('signup-wizard') as SignupWizard;
    provider.append(wizard);
    await fixture(provider, { lang: 'en' });
    await waitFor(() => wizard.querySelector('[data-part~="step-heading"]'), 'the first step');
    equal(provider.hasAttribute('lang'), false, 'the provider sets no lang of its own');
    equal($(wizard, '[data-part~="step-heading"]').textContent?.trim(), 'Member type', 'the page is in English');
  });

  it('follows <membership-provider lang> too, errors included', async () => {
    const provider = document.createElement('membership-provider') as MembershipProvider;
    provider.setAttribute('api-base', mock.apiBase);
    provider.setAttribute('site', 'trade');
    provider.setAttribute('lang', 'ko');
    const wizard = document.createElement('signup-wizard') as SignupWizard;
    provider.append(wizard);
    await fixture(provider);
    await waitFor(() => wizard.querySelector('[data-part~="step-heading"]'), 'the first step');
    clickNext(wizard);
    await waitFor(() => errorsShown(wizard).length > 0, 'the type step error');
    await checkBothWays(wizard, 'type', [], provider);
  });
});
