// A 다음 pressed before the signup flow's code arrives, on a site whose member-types leave only the
// nationality to ask (the animal demo site): the flow judges the press with the same narrowing as the
// first step did (a file of its own: the flow's module is held on its first load in the page).
import { equal } from '../../../test/browser/fixture.ts';
import { clickNext, holdFlowCode, mountEarly, radio, settle, waitFor, waitForStep } from './harness.browser.test.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();

describe('<signup-wizard> 다음 before the flow’s code, one kind offered', () => {
  it('goes on when member-types leaves only the nationality to ask (the flow judges it with the same narrowing)', async () => {
    const open = holdFlowCode(api.worker);
    const wizard = await mountEarly(api.mock, { 'member-types': 'individual,foreign' });
    await waitFor(() => wizard.querySelector('input[name="nationality"]'), 'the first step before the flow');
    equal(wizard.querySelector('input[name="memberKind"]'), null, 'one kind: not asked');
    radio(wizard, 'nationality', 'domestic').click();
    await settle(wizard);
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.flow, undefined, 'the flow is still loading');
    open();
    await waitForStep(wizard, 'consent');
    equal(wizard.flow?.memberType, 'individual', 'with the answer given before it arrived');
  });
});
