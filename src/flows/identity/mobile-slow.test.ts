// The mobile verification's slow requests, with no DOM: "still working" after a few seconds (the
// timers are mocked), a cancel that ends the wait at once, keeps everything typed and offers the retry.
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MembershipClient } from '../../api/client.ts';
import type { MembershipError } from '../../api/errors.ts';
import { getSandboxPerson, sandboxPersonIds } from '../../../server/sandbox/people.ts';
import { deferred, type Deferred } from '../../../test/support/wait.ts';
import { slowAfterMs } from '../job.ts';
import type { IdentityOperation } from './events.ts';
import { MobileModel } from './mobile-model.ts';

const hong = getSandboxPerson(sandboxPersonIds.hong);

interface Call {
  operation: string;
  signal: AbortSignal | undefined;
  answer: Deferred<unknown>;
}

/** A client whose every answer the test gives (or never gives). */
function heldClient() {
  const calls: Call[] = [];
  const client = {
    call(operation: string, _args: unknown, init?: { signal?: AbortSignal }) {
      const answer = deferred<unknown>();
      calls.push({ operation, signal: init?.signal, answer });
      return answer.promise;
    },
    captchaUrl: () => '/captcha',
    captchaAudioUrl: () => '/captcha-audio',
  } as unknown as MembershipClient;
  return { calls, client };
}

async function started() {
  const { calls, client } = heldClient();
  const errors: [string, IdentityOperation][] = [];
  const verified: unknown[] = [];
  const mobile = new MobileModel({
    client: () => client,
    purpose: () => 'signup',
    resetId: () => undefined,
    clock: () => Date.parse('2026-12-01T00:00:00Z'),
    nationality: () => 'domestic',
    locale: () => 'ko',
    onChange: () => {},
    onVerified: (result) => verified.push(result),
    onError: (error: MembershipError, operation) => errors.push([error.code, operation]),
    announce: () => {},
    focus: () => {},
  });
  const start = mobile.start();
  calls.at(-1)!.answer.resolve({ kind: 'otp', verificationId: 'v-1' });
  await start;
  const form = mobile.form;
  form.set('carrier', hong.carrier);
  form.set('name', hong.name);
  form.set('birthDate', hong.birthDate.replaceAll('-', ''));
  form.set('gender', hong.gender);
  form.set('nationality', hong.nationality);
  form.set('mobile', hong.mobile);
  form.set('terms', ['privacy', 'uniqueId', 'carrier', 'service']);
  form.set('captchaAnswer', 'ABC123');
  return { mobile, calls, errors, verified };
}

const codeStatus = { maskedMobile: '010-****-5678', expiresAt: '2026-12-01T00:03:00Z', resendAvailableAt: '2026-12-01T00:00:30Z', resendsLeft: 4 };

describe('MobileModel slow requests', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  test('a code request that hangs: slow after a few seconds; the cancel ends it at once, keeps the entries, renews the security text; the retry goes on', async () => {
    const { mobile, calls, errors } = await started();
    const typed = { ...mobile.form.values, captchaAnswer: undefined };
    const captcha = mobile.captchaRefresh;
    const request = mobile.requestCode();
    assert.equal(mobile.busy, 'request-code');
    assert.equal(mobile.slow, false, 'not slow at first');
    mock.timers.tick(slowAfterMs);
    assert.equal(mobile.slow, true, 'slow after a few seconds');
    const { signal } = calls.at(-1)!;
    mobile.cancel();
    await request;
    assert.equal(signal?.aborted, true, 'the request itself is aborted');
    assert.equal(mobile.busy, undefined);
    assert.equal(mobile.slow, false);
    assert.equal(mobile.stage, 'form');
    assert.deepEqual({ operation: mobile.alert?.operation, code: mobile.alert?.error.code }, { operation: 'request-code', code: 'ABORTED' });
    assert.deepEqual(errors.at(-1), ['ABORTED', 'request-code']);
    assert.deepEqual({ ...mobile.form.values, captchaAnswer: undefined }, typed, 'every typed value is kept');
    assert.equal(mobile.captchaRefresh, captcha + 1, 'a new security text (the cancelled try may have used it)');
    mobile.form.set('captchaAnswer', 'XYZ789');
    const again = mobile.retry();
    assert.equal(mobile.alert, undefined);
    calls.at(-1)!.answer.resolve(codeStatus);
    await again;
    assert.equal(mobile.stage, 'code');
  });

  test('a code check that hangs: the cancel keeps the code and offers the retry, which verifies', async () => {
    const { mobile, calls, verified } = await started();
    const request = mobile.requestCode();
    calls.at(-1)!.answer.resolve(codeStatus);
    await request;
    mobile.setCode('123456');
    const confirm = mobile.confirm();
    assert.equal(mobile.busy, 'confirm-code');
    mock.timers.tick(slowAfterMs);
    assert.equal(mobile.slow, true);
    mobile.cancel();
    await confirm;
    assert.equal(mobile.busy, undefined);
    assert.equal(mobile.code, '123456', 'the code is kept');
    assert.deepEqual({ operation: mobile.alert?.operation, code: mobile.alert?.error.code }, { operation: 'confirm-code', code: 'ABORTED' });
    const again = mobile.retry();
    assert.equal(calls.at(-1)!.operation, 'confirmMobileCode');
    calls.at(-1)!.answer.resolve({ verificationToken: 't' });
    await again;
    assert.equal(verified.length, 1);
  });

  test('resend and more time are cancellable too; an answer after the cancel is ignored', async () => {
    const { mobile, calls } = await started();
    const request = mobile.requestCode();
    calls.at(-1)!.answer.resolve(codeStatus);
    await request;
    for (const [run, operation] of [[() => mobile.resend(), 'resend-code'], [() => mobile.extend(), 'extend-code']] as const) {
      const pending = run();
      assert.equal(mobile.busy, operation);
      mock.timers.tick(slowAfterMs);
      assert.equal(mobile.slow, true);
      mobile.cancel();
      await pending;
      calls.at(-1)!.answer.resolve({ ...codeStatus, resendsLeft: 0 });
      await Promise.resolve();
      assert.equal(mobile.codeStatus?.resendsLeft, 4, 'the late answer changes nothing');
      assert.deepEqual({ operation: mobile.alert?.operation, code: mobile.alert?.error.code }, { operation, code: 'ABORTED' });
    }
  });

  test('a start that hangs: cancelled, it says so with its retry; a reset stops it without a failure', async () => {
    const { calls, client } = heldClient();
    const mobile = new MobileModel({
      client: () => client, purpose: () => 'signup', resetId: () => undefined, clock: () => 0, nationality: () => 'domestic', locale: () => 'ko',
      onChange: () => {}, onVerified: () => {}, onError: () => {}, announce: () => {}, focus: () => {},
    });
    const start = mobile.start();
    mock.timers.tick(slowAfterMs);
    assert.equal(mobile.slow, true);
    mobile.cancel();
    await start;
    assert.deepEqual({ stage: mobile.stage, busy: mobile.busy, code: mobile.alert?.error.code }, { stage: 'form', busy: undefined, code: 'ABORTED' });
    const again = mobile.start();
    mobile.reset();
    await again;
    assert.deepEqual({ stage: mobile.stage, busy: mobile.busy, alert: mobile.alert, slow: mobile.slow }, { stage: 'idle', busy: undefined, alert: undefined, slow: false });
    assert.equal(calls.length, 2);
  });
});
