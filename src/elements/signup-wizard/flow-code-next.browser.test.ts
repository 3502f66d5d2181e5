// A 다음 pressed with valid answers before the signup flow's code arrives goes on once it has (see
// flow-code.browser.test.ts; a file of its own: the flow's module is held on its first load in the page).
import { assert, equal } from '../../../test/browser/fixture.ts';
import { runtimeFor } from '../../context/runtime.ts';
import { clickNext, holdFlowCode, mountEarly, radio, settle, waitFor, waitForStep } from './harness.browser.test.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();

describe('<signup-wizard> 다음 before the flow’s code', () => {
  it('goes on with the answers once the flow has arrived', async () => {
    const open = holdFlowCode(api.worker);
    const wizard = await mountEarly(api.mock);
    await waitFor(() => wizard.querySelector('input[name="memberKind"]'), 'the first step before the flow');
    radio(wizard, 'memberKind', 'individual').click();
    radio(wizard, 'nationality', 'foreign').click();
    await settle(wizard);
    clickNext(wizard);
    await settle(wizard);
    assert(wizard.querySelector('[data-role="announcer"]')?.textContent?.includes('준비하는 중'), 'says it is getting ready');
    equal(wizard.step, 'type', 'waits for the flow');
    equal(wizard.flow, undefined, 'the flow is still loading');
    open();
    await waitForStep(wizard, 'consent');
    equal(wizard.flow?.memberType, 'foreign', 'with the answers given before it arrived');
  });

  it('a wizard removed before its flow arrives does not start it: no terms asked, no draft written', async () => {
    const wizard = await mountEarly(api.mock);
    wizard.remove();
    const flow = await wizard.flowReady;
    // The settings arrive while it is away (the same runtime answers the page's request).
    await runtimeFor(api.mock.apiBase, 'trade').siteConfig();
    await settle(wizard);
    equal(flow.view.started, false, 'the flow did not start');
    equal(flow.view.terms.status, 'idle', 'no terms asked');
    equal(sessionStorage.length, 0, 'no draft written');

    // Back in the page, it starts.
    document.body.append(wizard);
    await waitFor(() => flow.view.started && flow.view.terms.status !== 'idle', 'the flow started once the wizard is back');
    wizard.remove();
  });
});
