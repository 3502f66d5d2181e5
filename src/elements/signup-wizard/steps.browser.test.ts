// <signup-wizard> step by step against the reference server in the page: the first steps' rules,
// transitions, accessibility and keyboard use.
import { sendKeys } from '@web/test-runner-commands';
import { sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal } from '../../../test/browser/fixture.ts';
import {
  waitFor, $, agreeToAll, chooseType, clickNext, loadJourneyCode, mountWizard, recordEvents, settle, verifyAs, waitForStep } from './harness.browser.test.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;

describe('<signup-wizard> steps', () => {
  before(loadJourneyCode);

  it('starts on the type step, accessible, with the step indicator and a focusable heading', async () => {
    const wizard = await mountWizard(mock);
    await expectAccessible(wizard);
    equal(wizard.step, 'type', 'first step');
    const heading = $(wizard, '[data-part~="step-heading"]');
    equal(heading.getAttribute('tabindex'), '-1', 'heading can take focus');
    equal(heading.textContent?.trim(), '회원 유형 선택', 'Korean title');
    const current = $(wizard, 'mb-step-indicator [aria-current="step"]');
    assert(current.textContent?.includes('회원 유형 선택'), 'indicator marks the type step');
    assert(document.activeElement !== heading, 'no focus stolen on page load');
  });

  it('offers only what the site and member-types allow, and asks nothing with one answer', async () => {
    const wizard = await mountWizard(mock, { 'member-types': 'individual,corporate' });
    assert(!wizard.querySelector('input[name="nationality"]'), 'no nationality question without the foreign type');
    equal(wizard.querySelectorAll('input[name="memberKind"]').length, 2, 'individual and corporate');
    cleanupFixtures();
    const foreignOnly = await mountWizard(mock, { 'member-types': 'foreign' });
    assert(!foreignOnly.querySelector('input[name="memberKind"]') && !foreignOnly.querySelector('input[name="nationality"]'), 'nothing to ask');
    clickNext(foreignOnly);
    await waitForStep(foreignOnly, 'consent');
    equal(foreignOnly.flow!.view.memberType, 'foreign', 'the only type');
  });

  it('type step: nothing preselected; next shows both choice errors, focuses the first, and stays', async () => {
    const wizard = await mountWizard(mock);
    const radios = [...wizard.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    assert(radios.length === 4 && radios.every((radio) => !radio.checked), 'no default answer');
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'type', 'stays');
    const errors = [...wizard.querySelectorAll('[data-part="choice-group"] [data-part="error"]')].map((node) => node.textContent?.trim());
    equal(errors.filter((text) => text === '하나를 선택해 주세요.').length, 2, 'both groups say choose one');
    equal(document.activeElement, wizard.querySelector('input[name="memberKind"]'), 'focus on the first invalid radio');
    await expectAccessible(wizard);
  });

  it('type → consent: moves focus to the heading, announces the step, updates the indicator and emits signup-step-change', async () => {
    const wizard = await mountWizard(mock);
    const recorded = recordEvents(wizard);
    await chooseType(wizard, 'individual');
    equal(document.activeElement, $(wizard, '[data-part~="step-heading"]'), 'focus on the new heading');
    equal($(wizard, '[data-role="announcer"]').textContent?.trim(), '단계 2/6: 약관 동의', 'announced');
    assert($(wizard, 'mb-step-indicator [aria-current="step"]').textContent?.includes('약관 동의'), 'indicator follows');
    const change = recorded.events.find((event) => event.type === 'signup-step-change');
    assert(change, 'step change emitted');
    equal(change.detail.step, 'consent', 'new step');
    equal(change.detail.previous, 'type', 'previous step');
    assert(change.bubbles && change.composed, 'bubbles and composed');
    recorded.stop();
  });

  it('corporate adds the company step to the indicator (7 steps with done)', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'corporate');
    equal(wizard.querySelectorAll('mb-step-indicator [data-part="step"]').length, 7, 'company step shown');
    equal($(wizard, '[data-role="announcer"]').textContent?.trim(), '단계 2/7: 약관 동의', 'announced of seven');
  });

  it('consent: next stays enabled and says what is missing; notices and extra summary rows show; an optional refusal does not block', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await waitFor(() => wizard.querySelector('mb-consent-list [data-part="document"]'), 'terms loaded');
    await settle(wizard);
    await expectAccessible(wizard);
    const next = () => $<HTMLButtonElement>(wizard, '[data-part~="next"]');
    assert(!next().disabled, 'never disabled (a disabled button is skipped by Tab with no reason)');
    assert(wizard.querySelectorAll('mb-consent-list input:checked').length === 0, 'nothing pre-checked');
    assert($(wizard, '[data-part~="consent-notices"]').textContent?.includes('제3자'), 'the terms notices show under the list');
    assert($(wizard, '[data-part~="consent-extra"]').textContent?.includes('선택 항목'), 'the optional items are listed apart');
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'consent', 'pressed without answers: stays');
    assert($(wizard, '[role="alert"]').textContent?.includes('필수 항목에 모두 동의'), 'says what is missing');
    equal(document.activeElement?.getAttribute('aria-invalid'), 'true', 'focus on the first required item not agreed');
    await expectAccessible(wizard);
    $<HTMLInputElement>(wizard, 'mb-consent-list [data-required] input[type="checkbox"]').click();
    await settle(wizard);
    $<HTMLInputElement>(wizard, 'mb-consent-list [data-required][data-category="privacy"] input[value="agree"]').click();
    $<HTMLInputElement>(wizard, 'mb-consent-list [data-category="marketing"] input[value="disagree"]').click();
    await settle(wizard);
    equal(wizard.flow!.view.consentComplete, true, 'complete once the required items are agreed');
    $<HTMLInputElement>(wizard, 'mb-consent-list [data-required][data-category="privacy"] input[value="disagree"]').click();
    await settle(wizard);
    equal(wizard.flow!.view.consentComplete, false, 'incomplete again when a required item is refused');
    $<HTMLInputElement>(wizard, 'mb-consent-list [data-required][data-category="privacy"] input[value="agree"]').click();
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'identity');
    const answers = wizard.flow!.consent.request;
    equal(answers.length, 3, 'every document answered in the request');
    assert(answers.every((answer) => answer.version === '2026-01-01'), 'with its version');
    equal(answers.find((answer) => answer.documentId === 'trade-marketing')?.agreed, false, 'marketing refused');
  });

  it('back keeps the answers', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual', 'foreign');
    $<HTMLButtonElement>(wizard, '[data-part~="back"]').click();
    await waitForStep(wizard, 'type');
    assert($<HTMLInputElement>(wizard, 'input[name="memberKind"][value="individual"]').checked, 'kind kept');
    assert($<HTMLInputElement>(wizard, 'input[name="nationality"][value="foreign"]').checked, 'nationality kept');
  });

  it('keyboard only: type and consent steps with Tab order, arrows, Space and Enter', async () => {
    const wizard = await mountWizard(mock);
    const kind = $<HTMLInputElement>(wizard, 'input[name="memberKind"][value="individual"]');
    kind.focus();
    // Space checks the focused radio; Enter in a form submits it (implicit submission).
    await sendKeys({ press: 'Space' });
    assert(kind.checked, 'Space chose individual');
    await sendKeys({ press: 'Tab' });
    equal(document.activeElement, $(wizard, 'input[name="nationality"][value="domestic"]'), 'Tab moves to the next group');
    await sendKeys({ press: 'ArrowDown' });
    assert($<HTMLInputElement>(wizard, 'input[name="nationality"][value="foreign"]').checked, 'arrow keys choose within the group');
    await sendKeys({ press: 'Tab' });
    equal(document.activeElement, $(wizard, '[data-part~="next"]'), 'Tab reaches next');
    await sendKeys({ press: 'Enter' });
    await waitForStep(wizard, 'consent');
    equal(document.activeElement, $(wizard, '[data-part~="step-heading"]'), 'heading focused');
    await waitFor(() => wizard.querySelector('mb-consent-list [data-part="agree-all"] input'), 'terms');
    await settle(wizard);
    // Tab from the heading: sibling sites list has no controls; the first control is "agree to all".
    await sendKeys({ press: 'Tab' });
    equal(document.activeElement, $(wizard, 'mb-consent-list [data-part="agree-all"] input'), 'agree-all is first');
    await sendKeys({ press: 'Space' });
    await settle(wizard);
    const next = $<HTMLButtonElement>(wizard, '[data-part~="next"]');
    assert(!next.disabled, 'everything agreed with one key');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await waitForStep(wizard, 'identity');
  });

  it('identity: an under-14 verification is refused right away, with signup-error and no draft', async () => {
    const wizard = await mountWizard(mock);
    const recorded = recordEvents(wizard);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.minor);
    await waitForStep(wizard, 'under-age');
    assert($(wizard, '[data-part="refusal"]').textContent?.includes('만 14세 미만'), 'says why');
    const error = recorded.events.find((event) => event.type === 'signup-error');
    equal(error?.detail.code, 'UNDER_AGE', 'signup-error');
    equal(error?.detail.step, 'identity', 'on the identity step');
    equal(Object.keys(sessionStorage).filter((key) => key.includes(':signup:')).length, 0, 'no draft kept');
    assert(!wizard.querySelector('mb-step-indicator'), 'no step indicator on a refusal');
    await expectAccessible(wizard);
    recorded.stop();
  });
});
