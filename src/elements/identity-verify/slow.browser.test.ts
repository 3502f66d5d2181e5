// <identity-verify>'s slow requests: after a few seconds it says it is still working and offers to
// stop waiting; a cancel keeps what was typed, says the request was cancelled and moves the focus to
// the way forward; once the server answers again the request goes through.
import { delay, http } from 'msw';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, settle, waitFor } from '../../../test/browser/fixture.ts';
import { $, typeIn } from '../../../test/support/dom.ts';
import { chooseMobile, fillMobileForm, freshPerson, smsCode, toCodeStep } from '../../../test/support/sandbox.ts';
import { verifierPage } from '../../../test/support/verifier.ts';
import type { OtpInput } from '../shared/otp-input.ts';
import type { IdentityVerify } from './identity-verify.ts';

const { api, mount: mountVerifier, reset } = await verifierPage();
// The slow state shows after ~3 s: wait a little longer than that.
const slowWait = 8000;

/**
 * The first request to `path` never gets an answer (it never reaches the server either); later ones
 * go to the reference server.
 */
function hangFirst(path: string): void {
  let first = true;
  api.worker.use(http.post(`${api.mock.apiBase}${path}`, async () => {
    if (first) {
      first = false;
      await delay('infinite');
    }
    return undefined;
  }));
}

async function mount(): Promise<IdentityVerify> {
  const element = await mountVerifier({ methods: 'mobile' });
  await chooseMobile(element);
  return element;
}

/** Waits for "still working" and its cancel on the request `name`, checks the state with axe, and cancels. */
async function cancelWhenSlow(element: IdentityVerify, name: string): Promise<void> {
  await waitFor(() => element.querySelector(`[data-job="${name}"] [data-part~="status"]`), `${name}: the working status`);
  const cancel = await waitFor(() => element.querySelector<HTMLButtonElement>(`[data-job="${name}"] [data-part~="cancel"]`), `${name}: the cancel after a few seconds`, slowWait);
  assert(element.querySelector(`[data-job="${name}"] [role="status"]`)?.textContent?.includes('아직 처리하고 있습니다'), 'says it is still working');
  await expectAccessible(element);
  cancel.focus();
  cancel.click();
}

describe('<identity-verify> slow requests', () => {
  // Not awaited: the worker may not acknowledge the stop after this file's held requests.
  after(() => void api.worker.stop());
  afterEach(() => {
    reset();
    cleanupFixtures();
  });

  it('a code request that hangs: still working with a cancel; the cancel keeps the entries and focuses the message; sent again, the code comes', async function (this: { timeout(ms: number): void }) {
    this.timeout(40_000);
    const person = freshPerson();
    const element = await mount();
    await fillMobileForm(element, person);
    hangFirst('verifications/:id/mobile-code');
    $<HTMLButtonElement>(element, '[data-part="mobile-form"] button[type="submit"]').click();
    await cancelWhenSlow(element, 'request-code');
    const alert = await waitFor(() => element.querySelector<HTMLElement>('[data-part="mobile-form"] [role="alert"]'), 'the cancelled message');
    assert(alert.textContent?.includes('요청이 취소되었습니다'), `says it was cancelled: ${alert.textContent}`);
    await waitFor(() => document.activeElement === alert, 'the focus on the message (it asks for the new security text)');
    assert(!element.querySelector('[data-part~="job-status"]'), 'the wait ended at once');
    equal($<HTMLInputElement>(element, 'input[name="name"]').value, person.name, 'the name is kept');
    equal($<HTMLInputElement>(element, 'mb-phone-input input[name="mobile"]').value.replace(/\D/g, ''), person.mobile, 'the number is kept');
    await expectAccessible(element);
    await fillMobileForm(element, person);
    $<HTMLButtonElement>(element, '[data-part="mobile-form"] button[type="submit"]').click();
    await waitFor(() => element.dataset.step === 'mobile-code', 'the code step after sending again');
  });

  it('a code check that hangs: the cancel keeps the code and focuses the retry, which verifies', async function (this: { timeout(ms: number): void }) {
    this.timeout(40_000);
    const person = freshPerson();
    const element = await mount();
    await toCodeStep(element, person);
    const code = await smsCode(person.mobile);
    const otp = await waitFor(() => element.querySelector<OtpInput>('mb-otp-input'), 'the code input');
    await otp.updateComplete;
    typeIn(otp, 'input', code);
    await settle(element);
    hangFirst('verifications/:id/mobile-code/confirm');
    $<HTMLButtonElement>(element, '[data-part="code-form"] button[type="submit"]').click();
    await cancelWhenSlow(element, 'confirm-code');
    const retry = await waitFor(() => element.querySelector<HTMLButtonElement>('[data-part="alert"] [data-action="retry"]'), 'the retry after the cancel');
    await waitFor(() => document.activeElement === retry, 'the focus on the retry');
    equal(otp.value, code, 'the code is kept');
    await expectAccessible(element);
    retry.click();
    await waitFor(() => element.dataset.step === 'done', 'verified after the retry');
  });
});
