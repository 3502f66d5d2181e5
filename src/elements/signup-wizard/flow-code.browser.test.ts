// The signup flow's code loads beside the first step (src/flows/signup/browser-flow.ts): until it is in,
// the first step works on its own (answers, their errors, 다음), and the flow takes all of it over when it
// arrives; code that cannot be fetched says so with a retry, and nothing answered is lost. The flow's
// module is held or failed by MSW, so this file must be the first in its page to load it. Chromium (and
// WebKit today) fetch a failed module again on the next import; Firefox keeps it failed, so there 다시 시도
// asks the page for a reload (src/support/reload.ts), which this test checks and cancels, and the rest is
// flow-code-next.browser.test.ts's, which runs in every engine.
import { http, HttpResponse } from 'msw';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal } from '../../../test/browser/fixture.ts';
import { $, clickNext, flowModule, mountEarly, radio, settle, waitFor, waitForStep } from './harness.browser.test.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();

describe('<signup-wizard> while the flow’s code loads', () => {
  it('a flow that cannot be fetched offers a retry; the first step then works before the flow arrives, which takes it over as it is', async () => {
    let mode: 'fail' | 'hold' = 'fail';
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let requests = 0;
    api.worker.use(http.get(flowModule, async () => {
      requests += 1;
      if (mode === 'fail') return HttpResponse.error();
      await gate;
      return undefined;
    }));
    const wizard = await mountEarly(api.mock);

    // Offline, or a CDN error: said in the wizard, with 다시 시도.
    await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure of the flow code');
    equal(wizard.flow, undefined, 'no flow yet');
    await expectAccessible(wizard);

    // The retry: the first step shows while the code is still on its way.
    mode = 'hold';
    // An engine that keeps a failed module import failed (Firefox) does not fetch it again: there the retry
    // asks for a reload instead. Chromium (and WebKit today) fetch it again, and the fetch is held here.
    const failedRequests = requests;
    let reloadAsked = false;
    const cancelReload = (event: Event) => {
      event.preventDefault();
      reloadAsked = true;
    };
    addEventListener('membership-elements-reload', cancelReload);
    try {
      $<HTMLButtonElement>(wizard, '[data-part~="retry"]').click();
      await waitFor(() => reloadAsked || requests > failedRequests, 'the code fetched again, or a reload asked for');
      if (reloadAsked) {
        assert(!navigator.userAgent.includes('Chrome/'), 'Chromium fetches a failed module again: no reload there');
        equal(requests, failedRequests, 'asked for a reload only when the code was not fetched again');
        await waitFor(() => wizard.querySelector('[data-part="failure"] [data-part~="retry"]'), 'the failure stays, with its retry');
        equal(wizard.flow, undefined, 'no flow');
        return;
      }
      await waitFor(() => wizard.querySelector('input[name="memberKind"]'), 'the first step before the flow');
    } finally {
      removeEventListener('membership-elements-reload', cancelReload);
    }
    equal(reloadAsked, false, 'no reload: the code is on its way');
    clickNext(wizard);
    await settle(wizard);
    assert(wizard.querySelector('[aria-invalid="true"]'), '다음 with nothing chosen shows the errors');
    equal(document.activeElement, wizard.querySelector('[aria-invalid="true"]'), 'focus goes to the first unanswered question');
    await expectAccessible(wizard);
    const invalid = document.activeElement;
    const kind = radio(wizard, 'memberKind', 'corporate');
    equal(wizard.flow, undefined, 'the flow is still loading');

    // The code arrives: the flow has the answers' state, and the step stays as it was (same controls, focus, errors).
    open();
    await wizard.flowReady;
    await settle(wizard);
    equal(radio(wizard, 'memberKind', 'corporate'), kind, 'the same controls: the step was not drawn again');
    equal(document.activeElement, invalid, 'focus stays on the unanswered question');
    assert(wizard.querySelector('[aria-invalid="true"]'), 'the errors still show');
    radio(wizard, 'memberKind', 'corporate').click();
    radio(wizard, 'nationality', 'domestic').click();
    await settle(wizard);
    clickNext(wizard);
    await waitForStep(wizard, 'consent');
    equal(wizard.flow?.memberType, 'corporate', 'as a corporate member');
  });
});
