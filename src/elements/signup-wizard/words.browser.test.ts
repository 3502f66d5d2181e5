// The wizard's API-error and field-rule words are areas of their own (src/i18n/areas.ts), loaded after
// its first render (errors) and with the steps that have fields (rules): in English they still read in
// English when they show — a failed site config on the first screen, a details field left empty.
import { http, HttpResponse } from 'msw';
import { sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { isLocaleReady, translate } from '../../i18n/index.ts';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, equal, fixture } from '../../../test/browser/fixture.ts';
import { $, agreeToAll, chooseType, clickNext, inOwnProvider, loadJourneyCode, mountWizard, verifyAs, waitFor, waitForStep } from './harness.browser.test.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;

const hangul = /[\uAC00-\uD7A3]/;
const shown = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((node) => node.textContent?.trim() ?? '').filter(Boolean);

describe('<signup-wizard> error and rule words in English', () => {
  it('a site config that fails says so in English, though the first step showed before the error words', async () => {
    assert(!isLocaleReady('en', ['errors']), 'the first test of the page: no English error words yet');
    api.worker.use(http.get(`${mock.apiBase}site`, () => HttpResponse.error()));
    // A client of its own: no site config cached in the page.
    const { provider, wizard } = inOwnProvider(mock, 'en');
    // Every text the failure ever shows: its words are in before it renders (no generic sentence first).
    const texts: string[] = [];
    const observer = new MutationObserver(() => {
      const text = wizard.querySelector('[data-part="failure"] [role="alert"]')?.textContent?.trim();
      if (text && texts.at(-1) !== text) texts.push(text);
    });
    observer.observe(wizard, { subtree: true, childList: true, characterData: true });
    await fixture(provider);
    const alert = await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure');
    observer.disconnect();
    equal(texts.join(' | '), translate('en', 'error.NETWORK_ERROR'), 'the network error in English, and only it');
    assert(/check your internet connection/.test(alert.textContent ?? ''), `its own sentence, not the generic one: ${alert.textContent}`);
    assert(!hangul.test(wizard.textContent ?? ''), `no Korean: ${wizard.textContent}`);
    await expectAccessible(wizard);
  });

  it('a details field left empty says what to do in English once the rules are in', async () => {
    await loadJourneyCode();
    const wizard = await mountWizard(mock, {}, 'en');
    await chooseType(wizard, 'individual');
    await agreeToAll(wizard);
    await verifyAs(wizard, mock, sandboxPersonIds.hong);
    await waitForStep(wizard, 'details');
    assert(isLocaleReady('en', ['rules']), 'the rules came with the steps that have fields');
    clickNext(wizard);
    await waitFor(() => wizard.querySelector('[data-part~="error-summary"]'), 'the error summary');
    const loginId = $(wizard, 'input[name="loginId"]').closest('[data-part~="field"]');
    assert(loginId, 'the login ID field');
    await waitFor(() => shown(loginId, '[data-part~="error"]').includes(translate('en', 'rule.LOGIN_ID_REQUIRED')), `the login ID error in English (${shown(loginId, '[data-part~="error"]').join(' | ')})`);
    const errors = shown(wizard, '[data-part~="error"], [data-part~="error-summary"] li');
    assert(errors.length > 1, 'several fields say what is missing');
    for (const text of errors) assert(!hangul.test(text) && !/\b(?:rule|error)\.[A-Z]/.test(text), `in English, no key: ${text}`);
  });
});
