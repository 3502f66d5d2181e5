// "Continue later" (이어서 작성하기) in the page: an opt-in under each step keeps the draft in
// localStorage; a new visit (a new tab: empty sessionStorage) is offered to continue or discard it.
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal } from '../../../test/browser/fixture.ts';
import { $, agreeToAll, chooseType, mountWizard, settle, waitFor, waitForStep } from './harness.browser.test.ts';
import { mockApiForFile } from '../../../test/browser/mock-api.ts';

const api = await mockApiForFile();
const { mock } = api;
const key = 'membership-elements:signup-later:trade:default';

/** A new visit: the tab's draft is gone, the device's kept one stays. */
function newTab(): void {
  cleanupFixtures();
  sessionStorage.clear();
}

describe('<signup-wizard> continue later', () => {
  afterEach(() => {
    newTab();
    localStorage.clear();
  });

  it('keeps nothing until the user ticks 이어서 작성하기; then a new visit offers to continue, at the step left', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'corporate');
    const keep = $<HTMLInputElement>(wizard, '[data-part="keep-later"] input[type="checkbox"]');
    equal(keep.checked, false, 'not kept by default');
    equal(localStorage.getItem(key), null, 'nothing on the device');
    assert($(wizard, '[data-part="keep-later"]').textContent?.includes('24시간'), 'says how long');
    keep.click();
    await settle(wizard);
    assert(localStorage.getItem(key), 'kept once chosen');
    await expectAccessible(wizard);
    await agreeToAll(wizard);

    newTab();
    const again = await mountWizard(mock);
    const offer = await waitFor(() => again.querySelector('[data-part="later-offer"]'), 'the offer');
    assert(offer.textContent?.includes('저장해 둔 가입 정보가 있습니다'), 'what it is');
    await expectAccessible(again);
    $<HTMLButtonElement>(offer, '[data-part~="later-continue"]').click();
    await waitForStep(again, 'identity');
    assert(again.querySelector('[data-part="notice"]')?.textContent?.includes('저장해 둔 내용을 불러왔습니다'), 'says what came back');
    equal(again.flow!.view.type.values.kind, 'corporate', 'the answers came back');
    equal(again.querySelector('[data-part="later-offer"]'), null, 'the offer is gone');
    equal($<HTMLInputElement>(again, '[data-part="keep-later"] input').checked, true, 'still kept');
  });

  it('지우고 새로 작성하기 deletes the kept draft and starts afresh', async () => {
    const wizard = await mountWizard(mock);
    await chooseType(wizard, 'individual');
    $<HTMLInputElement>(wizard, '[data-part="keep-later"] input').click();
    await settle(wizard);

    newTab();
    const again = await mountWizard(mock);
    const offer = await waitFor(() => again.querySelector('[data-part="later-offer"]'), 'the offer');
    $<HTMLButtonElement>(offer, '[data-part~="later-discard"]').click();
    await settle(again);
    equal(localStorage.getItem(key), null, 'deleted');
    equal(again.querySelector('[data-part="later-offer"]'), null, 'no offer');
    equal(again.step, 'type', 'the first step');
    await waitFor(() => document.activeElement === again.querySelector('[data-part~="step-heading"]'), 'focus on the heading');
    equal(again.flow!.view.type.values.kind, '', 'nothing carried over');
  });
});
