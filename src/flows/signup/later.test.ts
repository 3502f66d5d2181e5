// "Continue later" (이어서 작성하기) without a browser: nothing is kept unless the user chooses it;
// what is kept (never a password, token or the verified person); the 24-hour expiry after the last
// change; and a new visit that continues or discards the kept draft.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { verifyByMobile } from '../../../server/sandbox/testing.ts';
import { testServer, type TestServer } from '../../../server/testing.ts';
import type { DraftStorage } from './draft.ts';
import { keepForLaterHours, laterStorageKey } from './later.ts';
import { SignupFlow } from './signup-flow.ts';
import type { SignupView } from './view.ts';

const password = 'Passw0rd!2026';
const hour = 60 * 60 * 1000;

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

function until(flow: SignupFlow, check: (view: SignupView) => unknown, what: string): Promise<SignupView> {
  return new Promise((resolve, reject) => {
    if (check(flow.view)) return resolve(flow.view);
    const timer = setTimeout(() => (stop(), reject(new Error(`never: ${what} (step ${flow.view.step})`))), 5000);
    const stop = flow.subscribe(() => {
      if (!check(flow.view)) return;
      clearTimeout(timer);
      stop();
      resolve(flow.view);
    });
  });
}

/** One visit: a tab (its own sessionStorage) on a device (the shared localStorage), at a given time. */
async function visit(h: TestServer, device: ReturnType<typeof memoryStorage>, clock: { now: number }) {
  const client = h.client('trade');
  const siteConfig = await client.call('getSiteConfig', {});
  const tab = memoryStorage();
  const flow = new SignupFlow({ storage: tab, laterStorage: device, loginIdDebounceMs: 1, now: () => new Date(clock.now) });
  flow.configure({ client, siteConfig, policy: siteConfig.policy as MembershipPolicy, draftKey: 'later' });
  await until(flow, (view) => view.terms.status === 'complete', 'terms loaded');
  return { flow, client, tab };
}

const key = laterStorageKey('membership-elements:signup:trade:later');

/** Type, consent, identity (verified), details filled: a draft worth keeping. */
async function toDetails(h: TestServer, v: Awaited<ReturnType<typeof visit>>): Promise<string> {
  const { flow } = v;
  flow.choose('kind', 'individual');
  flow.choose('nationality', 'domestic');
  await flow.next();
  flow.chooseConsents(Object.fromEntries(flow.view.documents.map((document) => [document.documentId, document.required])));
  await flow.next();
  const result = await verifyByMobile(h, v.client, sandboxPersonIds.hong, 'signup');
  flow.verified(result);
  await until(flow, (view) => view.step === 'details', 'details');
  flow.update('loginId', 'honglater');
  flow.update('password', password);
  flow.update('passwordConfirmation', password);
  flow.update('email', 'honglater@example.com');
  return result.verificationToken;
}

describe('SignupFlow: continue later', () => {
  test('nothing is kept on the device unless the user chooses it', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const device = memoryStorage();
    const v = await visit(h, device, { now: Date.UTC(2026, 11, 1, 9) });
    await toDetails(h, v);
    assert.equal(device.data.size, 0, 'the device holds nothing');
    assert.ok(v.tab.data.size > 0, 'the tab has its draft as before');
  });

  test('kept by choice: no password, token, verified person, ID check, company lookup or certificate; updated on each change', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const device = memoryStorage();
    const v = await visit(h, device, { now: Date.UTC(2026, 11, 1, 9) });
    const token = await toDetails(h, v);
    v.flow.keepForLater(true);
    assert.equal(v.flow.view.keptForLater, true);
    const raw = device.data.get(key);
    assert.ok(raw, 'kept under its own key');
    for (const secret of [password, token, '홍길동']) assert.ok(!raw.includes(secret), `never ${secret}`);
    const kept = JSON.parse(raw) as { savedAt: number; expiresAt: number; draft: Record<string, unknown> };
    assert.equal(kept.expiresAt - kept.savedAt, keepForLaterHours * hour, `${keepForLaterHours} hours`);
    assert.equal(kept.draft['person'], undefined);
    assert.equal(kept.draft['loginIdAvailable'], undefined);
    assert.deepEqual(Object.keys(kept.draft['details'] as object).filter((name) => /password/i.test(name)), []);
    assert.equal((kept.draft['company'] as { lookup?: unknown; certificate?: unknown }).certificate, undefined);

    v.flow.update('email', 'changed@example.com');
    assert.ok(device.data.get(key)!.includes('changed@example.com'), 'follows the changes');
    v.flow.keepForLater(false);
    assert.equal(device.data.has(key), false, 'un-ticked: removed at once');
  });

  test('a new visit is offered the kept draft: continuing resumes at identity (verify again) with the values, no password', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const device = memoryStorage();
    const clock = { now: Date.UTC(2026, 11, 1, 9) };
    const first = await visit(h, device, clock);
    await toDetails(h, first);
    first.flow.keepForLater(true);

    clock.now += 23 * hour;
    const second = await visit(h, device, clock);
    assert.equal(second.flow.view.step, 'type');
    assert.deepEqual(second.flow.view.laterOffer, { savedAt: Date.UTC(2026, 11, 1, 9), expiresAt: Date.UTC(2026, 11, 1, 9) + keepForLaterHours * hour });
    second.flow.continueSaved();
    assert.equal(second.flow.view.step, 'identity', 'verify again first');
    assert.deepEqual(second.flow.view.notice, { key: 'signup.later.restored' });
    assert.equal(second.flow.view.laterOffer, undefined);
    assert.equal(second.flow.view.keptForLater, true, 'still kept');
    assert.equal(second.flow.view.details.values.loginId, 'honglater');
    assert.equal(second.flow.view.details.values.email, 'honglater@example.com');
    assert.equal(second.flow.view.details.values.password, '', 'no password');
    assert.equal(second.flow.view.person, undefined, 'no verified person');
    assert.equal(second.flow.view.type.values.kind, 'individual');
    assert.equal(second.flow.view.consentComplete, true, 'the consents answered');
  });

  test('discarding deletes it and starts afresh; an expired draft is never offered and is removed', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const device = memoryStorage();
    const clock = { now: Date.UTC(2026, 11, 1, 9) };
    const first = await visit(h, device, clock);
    await toDetails(h, first);
    first.flow.keepForLater(true);

    const second = await visit(h, device, clock);
    assert.ok(second.flow.view.laterOffer);
    second.flow.discardSaved();
    assert.equal(device.data.has(key), false, 'deleted');
    assert.equal(second.flow.view.laterOffer, undefined);
    assert.equal(second.flow.view.type.values.kind, '', 'a fresh start');

    first.flow.update('email', 'again@example.com');
    assert.ok(device.data.has(key), 'kept again by the first tab');
    clock.now += keepForLaterHours * hour + 1;
    const late = await visit(h, device, clock);
    assert.equal(late.flow.view.laterOffer, undefined, 'expired: not offered');
    assert.equal(device.data.has(key), false, 'and removed');
  });

  test('signing up removes the kept draft', async () => {
    const h = testServer({ config: { rateLimitScale: 100 } });
    const device = memoryStorage();
    const v = await visit(h, device, { now: Date.UTC(2026, 11, 1, 9) });
    await toDetails(h, v);
    v.flow.update('mobile', '010-1234-5678');
    v.flow.update('phone', '02-123-4567');
    v.flow.update('address', { postcode: '03154', base: '서울특별시 종로구 세종대로 209', detail: '1층' });
    v.flow.keepForLater(true);
    await v.flow.next();
    assert.equal(v.flow.view.step, 'review');
    await v.flow.submit();
    assert.equal(v.flow.view.step, 'done');
    assert.equal(device.data.has(key), false);
    assert.equal(v.flow.view.keptForLater, false);
  });
});
