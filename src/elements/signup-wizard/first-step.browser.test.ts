// The first step does not wait for the site's settings: it shows at once from the known defaults
// (the standard member types, the default policy), and when the settings arrive it updates in place
// without losing a choice or moving anything; a failed request shows the retry state as before.
import { http, HttpResponse } from 'msw';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal, fixture } from '../../../test/browser/fixture.ts';
import { $, clickNext, inOwnProvider, radio, settle, waitFor, waitForStep } from './harness.browser.test.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;

/** The site settings answer only when the test opens the gate. */
function holdSiteConfig(): () => void {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  api.worker.use(http.get(`${mock.apiBase}site`, async () => {
    await gate;
    return undefined;
  }));
  return open;
}

/** A wizard in a provider with a client of its own: a runtime with no site settings cached yet. */
async function mount(): Promise<SignupWizard> {
  const { provider, wizard } = inOwnProvider(mock);
  await fixture(provider);
  return wizard;
}
/** Where the visible parts of the first step are. */
const layout = (wizard: Element) =>
  ['[data-part~="step-heading"]', 'input[name="memberKind"][value="corporate"]', 'input[name="nationality"][value="foreign"]', '[data-part~="next"]']
    .map((selector) => {
      const box = $(wizard, selector).getBoundingClientRect();
      return `${selector} ${box.x},${box.y} ${box.width}x${box.height}`;
    })
    .join('\n');

describe('<signup-wizard> first step without waiting', () => {
  it('shows the member-type choice before the site settings arrive, then updates in place keeping the choice', async () => {
    const release = holdSiteConfig();
    const wizard = await mount();
    await waitFor(() => wizard.querySelector('input[name="memberKind"]'), 'the first step while the settings are on their way');
    equal(wizard.flow?.view.started ?? false, false, 'the settings have not arrived');
    equal($(wizard, '[data-part~="step-heading"]').textContent?.trim(), '회원 유형 선택', 'the heading');
    await expectAccessible(wizard);

    radio(wizard, 'memberKind', 'corporate').click();
    radio(wizard, 'nationality', 'domestic').click();
    await settle(wizard);
    const before = layout(wizard);
    const focused = document.activeElement;

    release();
    await waitFor(() => wizard.flow?.view.started, 'the settings arrived');
    await settle(wizard);
    assert(radio(wizard, 'memberKind', 'corporate').checked && radio(wizard, 'nationality', 'domestic').checked, 'the choice is kept');
    equal(layout(wizard), before, 'nothing moved');
    equal(document.activeElement, focused, 'focus stays where the user is');
    equal(wizard.step, 'type', 'still the first step');
  });

  it('다음 pressed before the settings arrive goes on once they do', async () => {
    const release = holdSiteConfig();
    const wizard = await mount();
    await waitFor(() => wizard.querySelector('input[name="memberKind"]'), 'the first step');
    radio(wizard, 'memberKind', 'individual').click();
    radio(wizard, 'nationality', 'domestic').click();
    await settle(wizard);
    clickNext(wizard);
    await settle(wizard);
    equal(wizard.step, 'type', 'waits for the settings');
    assert(wizard.querySelector('[data-role="announcer"]')?.textContent?.includes('준비하는 중'), 'says it is getting ready');
    release();
    await waitForStep(wizard, 'consent');
  });

  it('a site config that fails replaces the early step with the retry state; the choice survives the retry', async () => {
    let fail = true;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    api.worker.use(http.get(`${mock.apiBase}site`, async () => {
      await gate;
      return fail ? HttpResponse.error() : undefined;
    }));
    const wizard = await mount();
    await waitFor(() => wizard.querySelector('input[name="memberKind"]'), 'the first step');
    radio(wizard, 'memberKind', 'corporate').click();
    radio(wizard, 'nationality', 'domestic').click();
    await settle(wizard);
    open();
    await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure', 15000);
    assert(!wizard.querySelector('input[name="memberKind"]'), 'no half-working step beside it');
    await expectAccessible(wizard);
    fail = false;
    $<HTMLButtonElement>(wizard, '[data-part~="retry"]').click();
    await waitForStep(wizard, 'type');
    assert(radio(wizard, 'memberKind', 'corporate').checked, 'the choice survived');
  });
});
