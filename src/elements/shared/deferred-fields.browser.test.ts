import { html } from 'lit';
import { expectAccessible } from '../../../test/browser/axe.ts';
import { assert, cleanupFixtures, deferred, equal, fixture, settle, waitFor } from '../../../test/browser/fixture.ts';
import { DeferredFields } from './deferred-fields.ts';
import { defineElement } from './define-element.ts';

defineElement('mb-deferred-fields', DeferredFields);

const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/part.js'));

async function deferredFields(load: () => Promise<unknown>, lang = 'ko'): Promise<DeferredFields> {
  const element = document.createElement('mb-deferred-fields') as DeferredFields;
  element.load = load;
  element.content = () => html`<div data-part="field"><label for="deferred-name">이름</label><input id="deferred-name" name="name" /></div>`;
  return fixture(element, { lang });
}

describe('mb-deferred-fields', () => {
  afterEach(cleanupFixtures);

  it('says it is loading (busy) until the code is in, then renders the fields, again on every change of them', async () => {
    const code = deferred();
    const element = await deferredFields(() => code.promise);
    equal(element.getAttribute('aria-busy'), 'true', 'busy while loading');
    assert(element.querySelector('[data-part="status"]')?.textContent?.includes('불러오는 중'), 'a loading line');
    equal(element.querySelector('input'), null, 'no fields yet');
    await expectAccessible(element);
    code.resolve();
    await waitFor(() => element.querySelector('input[name="name"]'), 'the fields');
    equal(element.hasAttribute('aria-busy'), false, 'no longer busy');
    element.content = () => html`<div data-part="field"><label for="deferred-name">이름</label><input id="deferred-name" name="other" /></div>`;
    await settle(element);
    assert(element.querySelector('input[name="other"]'), 'the new content');
    await expectAccessible(element);
  });

  it('code that cannot be fetched: an alert with 다시 시도, in English too; the retry renders the fields', async () => {
    let fail = true;
    const element = await deferredFields(() => (fail ? offline() : Promise.resolve()), 'en');
    const alert = await waitFor(() => element.querySelector('[data-part="failure"] [role="alert"]'), 'the failure');
    assert(alert.textContent?.includes('Your entries are kept'), 'the network words, in English');
    equal($retry(element).textContent?.trim(), 'Try again', 'the retry button');
    equal(element.hasAttribute('aria-busy'), false, 'not busy');
    await expectAccessible(element);
    fail = false;
    $retry(element).focus();
    $retry(element).click();
    const input = await waitFor(() => element.querySelector<HTMLInputElement>('input[name="name"]'), 'the fields');
    await waitFor(() => document.activeElement === input, 'focus on the first field');
  });
});

function $retry(element: Element): HTMLButtonElement {
  const button = element.querySelector<HTMLButtonElement>('[data-part~="retry"]');
  if (!button) throw new Error('no retry button');
  return button;
}
