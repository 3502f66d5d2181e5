// The LocaleController redraws its host when words it shows arrive or change, and only then.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReactiveController } from 'lit';
import { LocaleController } from './locale-controller.ts';
import { loadLocale, overrideMessages } from './registry.ts';

function host() {
  const host = {
    updates: 0,
    controllers: [] as ReactiveController[],
    addController(controller: ReactiveController) {
      host.controllers.push(controller);
    },
    removeController() {},
    requestUpdate() {
      host.updates += 1;
    },
    updateComplete: Promise.resolve(true),
    querySelectorAll: () => [],
  };
  return host;
}

test('a host redraws when a part it shows arrives or a message is overridden, not for another area or language', async () => {
  const element = host();
  const words = new LocaleController(element as never, () => 'en', () => ['core', 'widgets']);
  words.hostConnected();
  await loadLocale('en', ['identity']);
  assert.equal(element.updates, 0, 'an area it does not show');
  await loadLocale('ko', ['address']);
  assert.equal(element.updates, 0, 'another language, and an area it does not show');
  await loadLocale('en', ['widgets']);
  assert.equal(element.updates, 1, 'an area it shows');
  await loadLocale('ko', ['widgets']);
  assert.equal(element.updates, 2, 'the Korean beneath it (a site locale reads missing keys in Korean)');
  overrideMessages('en', { 'common.next': 'Continue' });
  assert.equal(element.updates, 3, "a site's own wording: any message may differ");
  words.hostDisconnected();
  await loadLocale('en', ['core']);
  assert.equal(element.updates, 3, 'gone from the page: not told');
});
