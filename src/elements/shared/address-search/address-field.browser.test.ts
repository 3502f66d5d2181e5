// mb-address-field with the fake adapters: search fills the address and moves on to the detail,
// busy state and cancel, fallback to manual entry, per-part errors, the contract with host forms.
import { expectAccessible } from '../../../../test/browser/axe.ts';
import { assert, cleanupFixtures, equal, fixture } from '../../../../test/browser/fixture.ts';
import { waitFor } from './harness.browser.test.ts';
import { MembershipProvider } from '../../../context/membership-provider.ts';
import { translate } from '../../../i18n/index.ts';
import { defineElement } from '../define-element.ts';
import { MbAddressField } from './address-field.ts';
import { fakeAddressAdapter, sampleAddresses } from './fake.ts';

defineElement('mb-address-field', MbAddressField);
defineElement('membership-provider', MembershipProvider);

const [coex, gangnam] = sampleAddresses as [(typeof sampleAddresses)[0], (typeof sampleAddresses)[0]];

function part<T extends HTMLElement = HTMLInputElement>(field: Element, name: string): T {
  const element = field.querySelector<T>(`[data-part~='${name}']`);
  assert(element, `[data-part~='${name}'] is rendered`);
  return element;
}
const has = (field: Element, name: string) => field.querySelector(`[data-part~='${name}']`) !== null;
const status = (field: Element) => part(field, 'status').textContent?.trim() ?? '';

async function mount(properties: Partial<MbAddressField> = {}, lang = 'ko'): Promise<MbAddressField> {
  const field = Object.assign(document.createElement('mb-address-field') as MbAddressField, properties);
  return fixture(field, { lang });
}

/** Counts the events of `type` that reach the field's parent (what a host form listens to). */
function listen(field: Element, type: string): Event[] {
  const seen: Event[] = [];
  field.parentElement!.addEventListener(type, (event) => seen.push(event));
  return seen;
}

describe('mb-address-field', () => {
  afterEach(cleanupFixtures);

  it('is accessible: search mode, filled with errors, manual mode, busy', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex]), required: true });
    await expectAccessible(field);

    field.value = { postcode: '06164', base: coex.base, detail: '', extra: '(삼성동)' };
    field.errors = { detail: 'ADDRESS_DETAIL_TOO_LONG', postcode: 'ADDRESS_POSTCODE_INVALID' };
    field.error = 'ADDRESS_REQUIRED';
    await field.updateComplete;
    await expectAccessible(field);

    const manual = await mount();
    await expectAccessible(manual);

    const slow = await mount({ addressSearch: fakeAddressAdapter([coex], { delayMs: 5000 }) });
    part(slow, 'search-button').click();
    await waitFor(() => has(slow, 'cancel-button'), 'busy');
    await expectAccessible(slow);
  });

  it('marks the empty 우편번호 and 기본주소 invalid when the whole address is missing, described by the error', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex]), required: true, value: { postcode: '', base: '', detail: '' } });
    field.error = 'ADDRESS_REQUIRED';
    await field.updateComplete;
    const error = field.querySelector<HTMLElement>('fieldset > [data-part="error"]')!;
    equal(error.textContent?.trim(), translate('ko', 'rule.ADDRESS_REQUIRED'), 'the group error is shown once');
    for (const name of ['postcode', 'base']) {
      const input = part(field, name);
      equal(input.getAttribute('aria-invalid'), 'true', `${name} is invalid`);
      assert(input.getAttribute('aria-describedby')!.split(' ').includes(error.id), `${name} is described by the error`);
    }
    equal(part(field, 'detail').getAttribute('aria-invalid'), 'false', 'the optional detail is not');
    await expectAccessible(field);

    field.value = { postcode: '06164', base: coex.base, detail: '' };
    field.error = undefined;
    await field.updateComplete;
    equal(part(field, 'postcode').getAttribute('aria-invalid'), 'false', 'filled: valid again');
  });

  it('fills postcode and base address (read-only) from the search and moves focus to the detail', async () => {
    const adapter = fakeAddressAdapter([coex]);
    const field = await mount({ addressSearch: adapter, value: { postcode: '', base: '', detail: '' } });
    const changes = listen(field, 'change');
    part(field, 'search-button').click();
    await waitFor(() => field.value.postcode === '06164', 'the search result is applied');
    await field.updateComplete;

    equal(JSON.stringify(field.value), JSON.stringify({ postcode: '06164', base: coex.base, detail: '', extra: '(삼성동)', jibun: coex.jibun, english: coex.english }), 'value');
    equal(part(field, 'postcode').value, '06164', 'postcode input shows it');
    equal(part(field, 'base').value, coex.base, 'base input shows it');
    assert(part(field, 'postcode').readOnly && part(field, 'base').readOnly, 'postcode and base are read-only');
    assert(!part(field, 'detail').readOnly, 'detail is typed');
    equal(part(field, 'extra').value, '(삼성동)', '참고항목 shown');
    await waitFor(() => document.activeElement === part(field, 'detail'), 'focus on the detail input');
    equal(changes.length, 1, 'one change event reached the host');
    assert(changes[0]!.bubbles && changes[0]!.target === field, 'change bubbles from the element');
    equal(status(field), translate('ko', 'address.filled', { postcode: '06164', address: coex.base }), 'the fill is announced');
    equal(adapter.calls.searches[0]?.locale, 'ko', 'the adapter gets the locale');
    assert(adapter.calls.searches[0]?.container instanceof HTMLElement, 'and a container for an embedded search');
  });

  it('names the inner inputs and gives them autofill tokens (with a section when asked)', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex]), name: 'company.address', autocompleteSection: 'company' });
    equal(part(field, 'postcode').name, 'company.address.postcode', 'postcode name');
    equal(part(field, 'postcode').getAttribute('autocomplete'), 'section-company postal-code', 'postcode token');
    equal(part(field, 'base').getAttribute('autocomplete'), 'section-company address-line1', 'base token');
    equal(part(field, 'detail').getAttribute('autocomplete'), 'section-company address-line2', 'detail token');
    equal(part(field, 'detail').name, 'company.address.detail', 'detail name');
  });

  it('announces the busy search, ignores a second click, and cancel leaves the value as it was', async () => {
    const adapter = fakeAddressAdapter([coex], { delayMs: 5000 });
    const before = { postcode: '06236', base: gangnam.base, detail: '10층' };
    const field = await mount({ addressSearch: adapter, value: before });
    const search = part<HTMLButtonElement>(field, 'search-button');
    search.focus();
    search.click();
    await waitFor(() => status(field) === translate('ko', 'address.searching'), 'busy announced');
    equal(search.getAttribute('aria-disabled'), 'true', 'the button says it is busy');
    equal(document.activeElement, search, 'and keeps focus (not disabled)');
    search.click();
    equal(adapter.calls.searches.length, 1, 'a second click does not start another search');

    part<HTMLButtonElement>(field, 'cancel-button').click();
    await field.updateComplete;
    assert(adapter.calls.searches[0]!.signal?.aborted, 'the pending search is aborted');
    equal(search.getAttribute('aria-disabled'), 'false', 'no longer busy');
    assert(!has(field, 'cancel-button'), 'cancel is gone');
    equal(field.value, before, 'value untouched');
    equal(status(field), translate('ko', 'address.searchClosed'), 'closing announced');
    await waitFor(() => document.activeElement === search, 'focus back on the search button');
  });

  it('keeps the detail when the same building is chosen again, clears it for another one', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex]), value: { postcode: '06164', base: coex.base, detail: 'B1' } });
    part(field, 'search-button').click();
    await waitFor(() => field.value.extra === '(삼성동)', 'searched');
    equal(field.value.detail, 'B1', 'same base: detail kept');

    field.addressSearch = fakeAddressAdapter([gangnam]);
    await field.updateComplete;
    part(field, 'search-button').click();
    await waitFor(() => field.value.postcode === '06236', 'searched again');
    equal(field.value.detail, '', 'another building: the old detail is cleared');
    equal(part(field, 'detail').value, '', 'and the input shows it');
  });

  it('falls back to manual entry when the adapter is unavailable, with a message and focus on the postcode', async () => {
    const adapter = fakeAddressAdapter([coex], { available: false });
    const field = await mount({ addressSearch: adapter });
    assert(part(field, 'postcode').readOnly, 'search mode at first');
    part(field, 'search-button').click();
    await waitFor(() => has(field, 'notice'), 'the notice appears');
    equal(adapter.calls.searches.length, 0, 'an unavailable search is not even opened');
    equal(part(field, 'notice').textContent?.trim(), translate('ko', 'address.unavailable'), 'says why and what to do');
    assert(!part(field, 'postcode').readOnly && !part(field, 'base').readOnly, 'postcode and base are editable');
    await waitFor(() => document.activeElement === part(field, 'postcode'), 'focus on the postcode');
    assert(part(field, 'address').getAttribute('aria-describedby')!.includes(part(field, 'notice').id), 'the notice describes the group');

    const inputs = listen(field, 'input');
    const postcode = part(field, 'postcode');
    postcode.value = '03171';
    postcode.dispatchEvent(new Event('input', { bubbles: true }));
    const base = part(field, 'base');
    base.value = '서울특별시 종로구 세종대로 209';
    base.dispatchEvent(new Event('input', { bubbles: true }));
    equal(JSON.stringify(field.value), JSON.stringify({ postcode: '03171', base: '서울특별시 종로구 세종대로 209', detail: '' }), 'typed value');
    equal(inputs.length, 2, 'native input events reach the host');
    assert(has(field, 'search-button'), 'the search can still be tried again');
  });

  it('checks the search when the user comes near the field: unavailable turns into manual entry, focus stays put', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex], { available: false }) });
    const detail = part(field, 'detail');
    detail.focus();
    // A background page (wtr runs two files at once) gets no focus events: send the one focus() would.
    detail.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await waitFor(() => has(field, 'notice'), 'manual entry offered before any click');
    assert(!part(field, 'base').readOnly, 'base editable');
    equal(document.activeElement, detail, 'focus not moved');
  });

  it('falls back to manual entry when the search fails, saying it failed', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex], { fail: true }) });
    part(field, 'search-button').click();
    await waitFor(() => has(field, 'notice'), 'the notice appears');
    equal(part(field, 'notice').textContent?.trim(), translate('ko', 'address.failed'), 'failure message');
    assert(!part(field, 'base').readOnly, 'manual entry');
    equal(part(field, 'search-button').getAttribute('aria-disabled'), 'false', 'not stuck busy');
  });

  it('a busy search says how long to wait (or only to wait, when the search did not say), in manual entry', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex], { busySeconds: 30 }) });
    part(field, 'search-button').click();
    await waitFor(() => has(field, 'notice'), 'the notice appears');
    equal(part(field, 'notice').textContent?.trim(), translate('ko', 'address.busy', { seconds: 30 }), 'the wait said');
    assert(!part(field, 'base').readOnly, 'manual entry');
    field.addressSearch = fakeAddressAdapter([coex], { busySeconds: 0 });
    await field.updateComplete;
    part(field, 'search-button').click();
    await waitFor(() => part(field, 'notice').textContent?.trim() === translate('ko', 'address.busy.plain'), 'no wait said: only to wait');
  });

  it('without an adapter offers manual entry from the start and no search button', async () => {
    const field = await mount();
    assert(!has(field, 'search-button'), 'no search button');
    assert(!part(field, 'postcode').readOnly && !part(field, 'base').readOnly, 'editable');
    equal(part(field, 'hint').textContent?.trim(), translate('ko', 'address.manualHint'), 'says to type it');
  });

  it('"직접 입력" switches to typing; a typed base address drops what the search said about the old one', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex]) });
    part(field, 'search-button').click();
    await waitFor(() => field.value.jibun !== undefined, 'searched');
    part<HTMLButtonElement>(field, 'manual-button').click();
    await waitFor(() => document.activeElement === part(field, 'postcode'), 'focus on the postcode');
    const base = part(field, 'base');
    assert(!base.readOnly, 'base editable');
    base.value = '서울특별시 강남구 영동대로 511';
    base.dispatchEvent(new Event('input', { bubbles: true }));
    equal(JSON.stringify(field.value), JSON.stringify({ postcode: '06164', base: '서울특별시 강남구 영동대로 511', detail: '' }), 'jibun, english and extra dropped');
  });

  it('shows each part\'s error code as a message on that input', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex]), errors: { postcode: 'ADDRESS_POSTCODE_REQUIRED', detail: 'ADDRESS_DETAIL_TOO_LONG' } });
    const postcode = part(field, 'postcode');
    equal(postcode.getAttribute('aria-invalid'), 'true', 'postcode invalid');
    const message = document.getElementById(`${postcode.id}-error`)!;
    equal(message.textContent?.trim(), translate('ko', 'rule.ADDRESS_POSTCODE_REQUIRED'), 'postcode message');
    assert(postcode.getAttribute('aria-describedby')!.includes(message.id), 'wired to the input');
    equal(part(field, 'base').getAttribute('aria-invalid'), 'false', 'base fine');
    equal(part(field, 'detail').getAttribute('aria-invalid'), 'true', 'detail invalid');
  });

  it('takes the adapter from <membership-provider>', async () => {
    const provider = document.createElement('membership-provider') as MembershipProvider;
    provider.addressSearch = fakeAddressAdapter([gangnam]);
    const field = document.createElement('mb-address-field') as MbAddressField;
    provider.append(field);
    await fixture(provider);
    await field.updateComplete;
    part(field, 'search-button').click();
    await waitFor(() => field.value.postcode === '06236', 'searched through the provider adapter');
  });

  it('speaks English', async () => {
    const field = await mount({ addressSearch: fakeAddressAdapter([coex], { available: false }) }, 'en');
    equal(part(field, 'legend').textContent?.trim(), 'Address', 'legend');
    equal(part(field, 'search-button').textContent?.trim(), 'Find address', 'button');
    part(field, 'search-button').click();
    await waitFor(() => has(field, 'notice'), 'notice');
    equal(part(field, 'notice').textContent?.trim(), translate('en', 'address.unavailable'), 'English notice');
  });
});
