// IdentityFlow without a browser: the method choice, the mobile form's rules, the code with its timer,
// more time, errors and the result, against the reference server in memory (its fetch handler).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MembershipError } from '../../api/errors.ts';
import { getSandboxPerson, sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { currentCaptcha, latestSandboxCode } from '../../../server/sandbox/testing.ts';
import { testServer, type TestServer } from '../../../server/testing.ts';
import { codeTimer } from './code-timer.ts';
import type { IdentityFlowEvent } from './events.ts';
import { IdentityFlow, type IdentitySettings } from './identity-flow.ts';
import { MobileModel } from './mobile-model.ts';
import type { IdentityView } from './view.ts';

const hong = getSandboxPerson(sandboxPersonIds.hong);
/** The code under the code input (read through a function: assertions must not narrow the field). */
const codeErrorOf = (mobile: MobileModel) => (typeof mobile.codeError === 'string' ? mobile.codeError : mobile.codeError?.code);

/** Resolves once the view passes `check` (checked now and after every change). */
function until(flow: IdentityFlow, check: (view: IdentityView) => unknown, what: string): Promise<IdentityView> {
  return new Promise((resolve, reject) => {
    if (check(flow.view)) return resolve(flow.view);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`never: ${what} (step ${flow.view.step})`));
    }, 5000);
    const stop = flow.subscribe(() => {
      if (!check(flow.view)) return;
      clearTimeout(timer);
      stop();
      resolve(flow.view);
    });
  });
}

async function setup(options: { methods?: string; mobileLoaded?: boolean } = {}) {
  const h: TestServer = testServer({ config: { rateLimitScale: 100 } });
  const client = h.client('trade');
  const value = await client.call('getSiteConfig', {});
  const events: IdentityFlowEvent[] = [];
  const flow = new IdentityFlow({ emit: (event) => (events.push(event), true), clock: () => h.deps.now() });
  const settings: IdentitySettings = {
    client, siteConfig: { status: 'complete', value }, purpose: 'signup', methods: options.methods, nationality: 'domestic', locale: 'ko',
    parts: { mobile: options.mobileLoaded === false ? 'loading' : 'ready', provider: 'ready' },
  };
  flow.configure(settings);
  if (options.mobileLoaded !== false) flow.attachMobile((o) => new MobileModel(o));
  const only = flow.singleMethod();
  if (only) flow.enter(only);
  return { h, client, flow, events, settings };
}

/** The mobile form filled for `hong` with the current security text. */
async function fill(h: TestServer, flow: IdentityFlow, captcha?: string) {
  const mobile = await until(flow, (v) => v.mobile?.verificationId && v.step === 'mobile-form', 'the mobile form started').then((v) => v.mobile!);
  const form = mobile.form;
  form.set('carrier', hong.carrier);
  form.set('name', hong.name);
  form.set('birthDate', hong.birthDate.replaceAll('-', ''));
  form.set('gender', hong.gender);
  form.set('nationality', hong.nationality);
  form.set('mobile', hong.mobile);
  form.set('terms', ['privacy', 'uniqueId', 'carrier', 'service']);
  form.set('captchaAnswer', captcha ?? (await currentCaptcha(h, mobile.verificationId!)));
  return mobile;
}

describe('IdentityFlow', () => {
  test('two methods: a choice first; "다음" with none picked says so and asks for focus; picking enters', async () => {
    const { flow, settings } = await setup({ mobileLoaded: false });
    assert.equal(flow.view.step, 'choose');
    assert.deepEqual(flow.view.methods.map((m) => m.id), ['mobile', 'ipin']);
    const seq = flow.view.focus.seq;
    assert.equal(flow.submitChoice(), undefined);
    assert.equal(flow.view.choiceMissing, true);
    assert.deepEqual(flow.view.focus, { target: 'choice', seq: seq + 1 });
    flow.pick('mobile');
    assert.equal(flow.view.choiceMissing, false);
    const method = flow.submitChoice();
    assert.equal(method?.id, 'mobile');
    flow.enter(method!);
    assert.equal(flow.view.step, 'part-loading', 'the mobile chunk is not there yet');
    flow.attachMobile((o) => new MobileModel(o));
    flow.configure({ ...settings, parts: { ...settings.parts, mobile: 'ready' } });
    await until(flow, (v) => v.step === 'mobile-form' && v.mobile?.verificationId, 'the mobile verification started once its model arrived');
    flow.back();
    assert.equal(flow.view.step, 'choose');
    assert.equal(flow.view.mobile?.stage, 'idle', 'the attempt is forgotten');
  });

  test('one method (methods="mobile") is the single method to enter; after a new purpose and reset, a new verification', async () => {
    const { flow, settings } = await setup({ methods: 'mobile' });
    assert.deepEqual(flow.view.methods.map((m) => m.id), ['mobile']);
    const first = await until(flow, (v) => v.mobile?.verificationId, 'started').then((v) => v.mobile!.verificationId);
    flow.configure({ ...settings, purpose: 'find-id' });
    flow.reset();
    assert.equal(flow.view.step, 'choose', 'forgotten');
    flow.enter(flow.singleMethod()!);
    const second = await until(flow, (v) => v.mobile?.verificationId && v.mobile.verificationId !== first, 'a new verification for the new purpose');
    assert.equal(second.step, 'mobile-form');
  });

  test('the mobile form checks every field before calling the API and asks to focus the first invalid one', async () => {
    const { h, flow } = await setup({ methods: 'mobile' });
    const mobile = await until(flow, (v) => v.mobile?.verificationId, 'started').then((v) => v.mobile!);
    await mobile.requestCode();
    const shown = new Set(mobile.form.visibleProblems.map((p) => p.field));
    for (const field of ['carrier', 'name', 'birthDate', 'gender', 'mobile', 'captchaAnswer', 'terms']) assert.ok(shown.has(field), `${field} shown`);
    assert.equal(flow.view.focus.target, 'invalid');
    assert.equal(mobile.stage, 'form');
    assert.equal((await h.deps.store.listSandboxMessages(5)).length, 0, 'nothing sent');
  });

  test('CAPTCHA_MISMATCH: a new image, the answer cleared and focused, everything else kept', async () => {
    const { h, flow, events } = await setup({ methods: 'mobile' });
    const mobile = await fill(h, flow, 'nope00');
    const image = mobile.captchaRefresh;
    await mobile.requestCode();
    assert.equal(mobile.captchaRefresh, image + 1, 'a new image');
    assert.equal(mobile.form.values.captchaAnswer, '');
    assert.equal(mobile.form.errorFor('captchaAnswer'), 'CAPTCHA_MISMATCH');
    assert.equal(mobile.form.values.name, hong.name, 'typed values kept');
    assert.equal(flow.view.focus.target, 'captcha');
    assert.deepEqual(events.filter((e) => e.type === 'error').map((e) => e.type === 'error' && [e.error.code, e.operation, e.method]), [['CAPTCHA_MISMATCH', 'request-code', 'mobile']]);
  });

  test('code step: timer from the server, wrong code with tries left, more time, then the right code verifies', async () => {
    const { h, flow, events } = await setup({ methods: 'mobile' });
    const mobile = await fill(h, flow);
    await mobile.requestCode();
    assert.equal(flow.view.step, 'mobile-code');
    assert.ok(events.some((e) => e.type === 'announce' && e.key === 'identity.code.sent'), 'the code sent is said');
    assert.deepEqual(mobile.timer, { left: 180, resendWait: 30, expired: false, warning: false });
    const code = (await latestSandboxCode(h, hong.mobile))!;

    mobile.setCode('12');
    await mobile.confirm();
    assert.equal(codeErrorOf(mobile), 'CODE_INCOMPLETE');
    assert.equal(flow.view.focus.target, 'code');
    mobile.setCode(code === '000000' ? '000001' : '000000');
    await mobile.confirm();
    assert.equal(codeErrorOf(mobile), 'CODE_MISMATCH');
    assert.equal((mobile.codeError as MembershipError).attemptsLeft, 4, 'tries left');
    assert.equal(mobile.code, '', 'the wrong code is cleared');

    h.advance(130_000);
    assert.equal(mobile.timer.warning, true, 'the last minute');
    await mobile.extend();
    assert.deepEqual(mobile.timer, { left: 180, resendWait: 0, expired: false, warning: false });
    h.advance(170_000);
    assert.equal(mobile.timer.left, 10, 'past the first limit, still valid');

    mobile.setCode(code);
    await mobile.confirm();
    assert.equal(flow.view.step, 'done');
    assert.equal(flow.view.verifiedName, hong.name);
    const verified = events.find((e) => e.type === 'verified');
    assert.ok(verified?.type === 'verified' && verified.result.verificationToken && verified.result.method === 'mobile');
    assert.equal(flow.mobile?.form.values.name, '', 'the typed details left memory');
  });

  test('an expired code: CODE_EXPIRED under the input and focus on resend; more time is refused', async () => {
    const { h, flow } = await setup({ methods: 'mobile' });
    const mobile = await fill(h, flow);
    await mobile.requestCode();
    const code = (await latestSandboxCode(h, hong.mobile))!;
    h.advance(181_000);
    assert.equal(mobile.timer.expired, true);
    mobile.setCode(code);
    await mobile.confirm();
    assert.equal(codeErrorOf(mobile), 'CODE_EXPIRED');
    assert.equal(flow.view.focus.target, 'resend');
    await mobile.extend();
    assert.equal(mobile.alert?.error.code, 'CODE_EXPIRED');
    assert.equal(mobile.alert?.operation, 'extend-code');
    await mobile.resend();
    assert.equal(mobile.timer.left, 180, 'a new code, a new period');
    assert.equal(mobile.codeError, undefined);
  });

  test('codeTimer: nothing before a code; expired and warning at their moments', () => {
    assert.deepEqual(codeTimer(undefined, 0), { left: undefined, resendWait: 0, expired: false, warning: false });
    const status = { maskedMobile: '', expiresAt: new Date(100_000).toISOString(), resendAvailableAt: new Date(30_000).toISOString(), attemptsLeft: 5, resendsLeft: 4 };
    assert.deepEqual(codeTimer(status, 40_000), { left: 60, resendWait: 0, expired: false, warning: true });
    assert.deepEqual(codeTimer(status, 39_000), { left: 61, resendWait: 0, expired: false, warning: false });
    assert.deepEqual(codeTimer(status, 100_000), { left: 0, resendWait: 0, expired: true, warning: false });
  });
});
