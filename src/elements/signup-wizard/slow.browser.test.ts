// A request that takes long: after a few seconds the wizard says it is still working and offers to
// stop waiting; a cancel keeps every entry, moves the focus to the retry, and the retry of a submit
// replays the same idempotency key (one account). Covers the submit, the ID check and the site config.
import { delay, http } from 'msw';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal } from '../../../test/browser/fixture.ts';
import { waitFor, $, agreeToAll, chooseType, clickNext, fillDetails, mountWizard, testPerson, verifyAs, waitForStep } from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

// Its aborted (never answered) requests may keep the worker from acknowledging the stop.
const api = await mockApiForFile({}, { stopWithoutWaiting: true });
const { mock } = api;
// The slow state shows after ~3 s: wait a little longer than that.
const slowWait = 8000;

async function atReview(loginId: string): Promise<SignupWizard> {
  const wizard = await mountWizard(mock);
  await chooseType(wizard, 'individual');
  await agreeToAll(wizard);
  await verifyAs(wizard, mock, testPerson());
  await waitForStep(wizard, 'details');
  await fillDetails(wizard, { loginId });
  clickNext(wizard);
  await waitForStep(wizard, 'review');
  return wizard;
}

describe('<signup-wizard> slow requests', () => {
  it('a submit that hangs: "still working" with a cancel; the cancel keeps the entries and focuses the retry; the retry sends the same key', async function (this: { timeout(ms: number): void }) {
    this.timeout(40_000);
    const wizard = await atReview('hongslow');
    const keys: string[] = [];
    let hang = true;
    api.worker.use(http.post(`${mock.apiBase}members`, async ({ request }) => {
      keys.push(request.headers.get('idempotency-key') ?? '');
      if (hang) await delay('infinite');
      return undefined;
    }));
    $<HTMLButtonElement>(wizard, '[data-part~="review-form"] [data-part~="next"]').click();
    await waitFor(() => wizard.querySelector('[data-job="submit"] [data-part~="status"]'), 'the submitting status');
    const cancel = await waitFor(() => wizard.querySelector<HTMLButtonElement>('[data-job="submit"] [data-part~="cancel"]'), 'the cancel after a few seconds', slowWait);
    assert(wizard.querySelector('[data-job="submit"] [role="status"]')?.textContent?.includes('아직 처리하고 있습니다'), 'says it is still working');
    await expectAccessible(wizard);
    cancel.focus();
    cancel.click();
    const retry = await waitFor(() => wizard.querySelector<HTMLButtonElement>('[data-part~="review-form"] [data-part~="retry"]'), 'the retry after the cancel');
    await waitFor(() => document.activeElement === retry, 'the focus moved to the retry');
    assert(wizard.querySelector('[data-part~="review-form"] [role="alert"]')?.textContent?.includes('요청이 취소되었습니다'), 'says it was cancelled');
    equal(wizard.step, 'review', 'still on the review');
    equal(wizard.flow!.view.details.values.loginId, 'hongslow', 'the entries are kept');
    hang = false;
    retry.click();
    await waitForStep(wizard, 'done');
    equal(keys.length, 2, 'two tries');
    equal(keys[1], keys[0], 'the retry replays the same idempotency key');
  });

  it('an ID check that hangs: "still working" with a cancel; the cancel focuses 중복확인, which asks again', async function (this: { timeout(ms: number): void }) {
    this.timeout(40_000);
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, testPerson());
    await waitForStep(wizard, 'details');
    let hang = true;
    api.worker.use(http.get(`${mock.apiBase}login-ids/:loginId/availability`, async () => {
      if (hang) await delay('infinite');
      return undefined;
    }));
    await fillDetails(wizard, { loginId: 'hongwait' });
    $<HTMLButtonElement>(wizard, '[data-part~="login-id-check"]').click();
    const cancel = await waitFor(() => wizard.querySelector<HTMLButtonElement>('[data-job="login-id"] [data-part~="cancel"]'), 'the cancel after a few seconds', slowWait);
    cancel.click();
    const check = $<HTMLButtonElement>(wizard, '[data-part~="login-id-check"]');
    await waitFor(() => document.activeElement === check, 'the focus moved to 중복확인');
    await waitFor(() => wizard.querySelector('[data-part="login-id-status"][data-state="error"]'), 'the check says it was cancelled');
    equal(wizard.flow!.view.details.values.loginId, 'hongwait', 'the ID is kept');
    hang = false;
    check.click();
    await waitFor(() => wizard.querySelector('[data-part="login-id-status"][data-state="available"]'), 'asked again: available');
  });

  it('site settings that hang: "still working" with a cancel; the cancel offers a retry that loads them', async function (this: { timeout(ms: number): void }) {
    this.timeout(40_000);
    let hang = true;
    api.worker.use(http.get(`${mock.apiBase}site`, async () => {
      if (hang) await delay('infinite');
      return undefined;
    }));
    const wizard = document.createElement('signup-wizard') as SignupWizard;
    wizard.setAttribute('api-base', mock.apiBase);
    // Another site id than the other tests: the settings of a site are shared (and cached) per page.
    wizard.setAttribute('site', 'animal');
    const main = document.createElement('main');
    main.lang = 'ko';
    main.append(wizard);
    document.body.append(main);
    try {
      const cancel = await waitFor(() => wizard.querySelector<HTMLButtonElement>('[data-job="config"] [data-part~="cancel"]'), 'the cancel after a few seconds', slowWait);
      cancel.click();
      const retry = await waitFor(() => wizard.querySelector<HTMLButtonElement>('[data-part="failure"] [data-part~="retry"]'), 'a retry after the cancel');
      await waitFor(() => document.activeElement === retry, 'the focus moved to the retry');
      hang = false;
      retry.click();
      await waitFor(() => wizard.querySelector('[data-part~="step-heading"]'), 'the first step after the retry', slowWait);
    } finally {
      main.remove();
    }
  });
});
