// The later steps' code loads on demand: prefetched once the first step shows, and a load that fails
// (offline, CDN error) says so with a retry while the draft stays as it was. So does the details step's
// interest lists' code, loaded when the step shows them.
import { assert, equal, idlePeriods } from '../../../test/browser/fixture.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { $, agreeToAll, chooseType, clickNext, fillDetails, mountWizard, settle, submitReview, testPerson, typeIn, verifyAs, waitFor, waitForStep } from './harness.browser.test.ts';
import { stepLoaders } from './step-modules.ts';
import { interestLists } from './steps/details-step.ts';
import type { StepModule } from './steps/step-context.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;
const original = { ...stepLoaders };
const originalLists = interestLists.load;

/**
 * Presses 다시 시도 while the code still cannot be fetched and the browser is online: in Firefox and WebKit
 * only a reload would load it, so the page asks for one (cancelled here, as a host with state of its own
 * may), and the failure stays with its retry.
 */
async function retryAsksForReload(retry: () => HTMLButtonElement, failure: () => Element | null): Promise<void> {
  let reloadAsked = 0;
  const cancel = (event: Event) => {
    event.preventDefault();
    reloadAsked += 1;
  };
  addEventListener('membership-elements-reload', cancel);
  try {
    retry().click();
    await waitFor(() => reloadAsked === 1, 'a reload asked for');
    await waitFor(failure, 'the failure, still with its retry');
  } finally {
    removeEventListener('membership-elements-reload', cancel);
  }
}

describe('<signup-wizard> steps on demand', () => {
  afterEach(() => {
    Object.assign(stepLoaders, original);
    interestLists.load = originalLists;
    interestLists.ready = false;
  });

  it('the later steps are fetched after the first step shows, before anyone presses 다음', async () => {
    const asked: string[] = [];
    for (const step of Object.keys(stepLoaders) as (keyof typeof stepLoaders)[]) {
      stepLoaders[step] = () => {
        asked.push(step);
        return original[step]();
      };
    }
    const wizard = await mountWizard(mock);
    equal(wizard.step, 'type', 'the first step');
    await waitFor(() => ['identity', 'details', 'company', 'review', 'done'].every((step) => asked.includes(step)), 'every later step fetched');
    equal(wizard.step, 'type', 'still on the first step');
  });

  it('prefetches one step at a time, the next step first, and stops once the wizard is removed', async () => {
    const asked: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    for (const step of Object.keys(stepLoaders) as (keyof typeof stepLoaders)[]) {
      stepLoaders[step] = () => {
        asked.push(step);
        // The first prefetch waits until the test lets it arrive.
        return asked.length === 1 ? held.then(() => original[step]()) : original[step]();
      };
    }
    const wizard = await mountWizard(mock);
    await waitFor(() => asked.length > 0, 'a prefetch started');
    equal(asked[0], 'consent', 'the next step first');
    await idlePeriods();
    equal(asked.length, 1, 'no other step while the first is on its way');
    wizard.remove();
    release();
    await idlePeriods();
    equal(asked.join(), 'consent', 'nothing more once removed');
  });

  it('signup-complete waits for the done step\'s code: the page hears it with the done screen shown, not its loading line', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    stepLoaders.done = () => held.then(() => original.done());
    const wizard = await mountWizard(mock);
    const heard: boolean[] = [];
    wizard.addEventListener('signup-complete', (event) => {
      event.preventDefault();
      heard.push(wizard.querySelector('[data-part="welcome"]') !== null);
    });
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, testPerson());
    await waitForStep(wizard, 'details');
    await fillDetails(wizard, { loginId: 'slowdone26' });
    await waitFor(() => wizard.flow!.view.loginIdCheck.status === 'available', 'the live check says available');
    clickNext(wizard);
    await waitForStep(wizard, 'review');
    await submitReview(wizard);
    await waitFor(() => wizard.step === 'done', 'the member created: the flow at the done step');
    await idlePeriods();
    equal(wizard.querySelector('[data-part="welcome"]'), null, 'the done screen is not drawn yet: its code is held');
    equal(heard.length, 0, 'not heard while the done step\'s code is on its way');
    release();
    await waitFor(() => heard.length > 0, 'heard once the code is in');
    equal(heard.join(), 'true', 'heard once, with the done screen shown');
  });

  it('a step whose code does not arrive: a message with a retry (a reload asked when it fails again), the draft intact, then the step', async () => {
    let offline = true;
    stepLoaders.identity = (): Promise<StepModule> =>
      offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/identity-step.js')) : original.identity();
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await waitFor(() => wizard.querySelector('[data-part="wizard"] > [data-part="failure"] [role="alert"]'), 'the failure');
    equal(wizard.step, 'identity', 'on the identity step');
    const alert = $(wizard, '[data-part="wizard"] > [data-part="failure"] [role="alert"]');
    equal(alert.textContent?.includes('입력한 내용은 그대로 있으니'), true, 'says the entries are kept and what to do');
    const draft = sessionStorage.getItem('membership-elements:signup:trade:default');
    equal(JSON.parse(draft ?? '{}').step, 'identity', 'the draft is at the identity step');
    equal(JSON.parse(draft ?? '{}').consents.length > 0, true, 'with the answers given');
    await expectAccessible(wizard);

    await retryAsksForReload(
      () => $<HTMLButtonElement>(wizard, '[data-part="wizard"] > [data-part="failure"] [data-part~="retry"]'),
      () => wizard.querySelector('[data-part="wizard"] > [data-part="failure"] [role="alert"]'),
    );

    offline = false;
    $<HTMLButtonElement>(wizard, '[data-part="wizard"] > [data-part="failure"] [data-part~="retry"]').click();
    await waitForStep(wizard, 'identity');
    await waitFor(() => wizard.querySelector('identity-verify'), 'the identity step');
    equal(sessionStorage.getItem('membership-elements:signup:trade:default'), draft, 'the draft did not change');
  });

  it('the interest lists come with the details step; their code not arriving: 다시 시도 in their place, the rest of the step and what was typed intact', async () => {
    let offline = true;
    let asked = 0;
    interestLists.load = () => {
      asked += 1;
      return offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/interest-rows.js')) : originalLists();
    };
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    // Fetched ahead with the details step's own prefetch (the site shows them); failing there, quietly.
    await waitFor(() => asked > 0, 'prefetched with the details step');
    equal(wizard.querySelector('[role="alert"]'), null, 'a failed prefetch says nothing before the step shows');
    await verifyAs(wizard, mock, testPerson());
    await waitForStep(wizard, 'details');
    const lists = $(wizard, 'mb-deferred-fields');
    const alert = await waitFor(() => lists.querySelector('[data-part="failure"] [role="alert"]'), 'the failure');
    assert(alert.textContent?.includes('입력한 내용은 그대로 있으니'), 'says the entries are kept and what to do');
    equal(lists.hasAttribute('aria-busy'), false, 'no longer busy');
    typeIn(wizard, 'input[name="loginId"]', 'daehan70');
    await settle(wizard);
    await expectAccessible(wizard);

    // As a step's failed load does.
    await retryAsksForReload(
      () => $<HTMLButtonElement>(lists, '[data-part~="retry"]'),
      () => lists.querySelector('[data-part="failure"] [data-part~="retry"]:not([aria-disabled="true"])'),
    );

    offline = false;
    $<HTMLButtonElement>(lists, '[data-part~="retry"]').click();
    const add = await waitFor(() => lists.querySelector<HTMLButtonElement>('mb-interest-items [data-part~="add-button"]'), 'the interest lists');
    await waitFor(() => document.activeElement === add, 'focus on their first control, where the retry button was');
    equal(wizard.flow!.view.details.values.loginId, 'daehan70', 'what was typed stays');
    add.click();
    await waitFor(() => wizard.flow!.view.details.values.interestItems.length === 1, 'a row added reaches the form');
    await settle(wizard);
    await expectAccessible(wizard);
  });

  it('the interest lists prefetched with the details step: the step draws them at once, with no loading line', async () => {
    let asked = 0;
    interestLists.load = () => {
      asked += 1;
      return originalLists();
    };
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await waitFor(() => interestLists.ready, 'prefetched with the details step');
    let loadingShown = false;
    const watch = new MutationObserver(() => {
      loadingShown ||= wizard.querySelector('mb-deferred-fields > [data-part="status"], mb-deferred-fields[aria-busy]') !== null;
    });
    watch.observe(wizard, { childList: true, subtree: true, attributes: true });
    try {
      await verifyAs(wizard, mock, testPerson());
      await waitForStep(wizard, 'details');
      await waitFor(() => wizard.querySelector('mb-deferred-fields mb-interest-items [data-part~="add-button"]'), 'the interest lists');
    } finally {
      watch.disconnect();
    }
    equal(loadingShown, false, 'no loading line in their place');
    equal(asked, 1, 'fetched once');
  });
});
