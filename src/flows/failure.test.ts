import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MembershipError } from '../api/errors.ts';
import { defaultPolicy } from '../rules/policy.ts';
import { describeFailure } from './failure.ts';
import { Job } from './job.ts';

test('every kind of failure becomes one message code, its numbers and a retry decision', () => {
  const cases: [unknown, string, string, boolean][] = [
    [new MembershipError({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }), 'api', 'RATE_LIMITED', true],
    [new MembershipError({ code: 'LOGIN_ID_TAKEN' }), 'api', 'LOGIN_ID_TAKEN', false],
    [new MembershipError({ code: 'NETWORK_ERROR' }), 'network', 'NETWORK_ERROR', true],
    [new MembershipError({ code: 'TIMEOUT' }), 'timeout', 'TIMEOUT', true],
    [new MembershipError({ code: 'INVALID_RESPONSE' }), 'malformed', 'INVALID_RESPONSE', true],
    [new TypeError('Failed to fetch'), 'network', 'NETWORK_ERROR', true],
    [new DOMException('signal timed out', 'TimeoutError'), 'timeout', 'TIMEOUT', true],
    [new SyntaxError('Unexpected token < in JSON'), 'malformed', 'INVALID_RESPONSE', true],
    // Chromium, Firefox and Safari word a failed dynamic import differently.
    [new TypeError('Failed to fetch dynamically imported module: https://cdn.example/details-step-1a2b.js'), 'chunk', 'NETWORK_ERROR', true],
    [new TypeError('error loading dynamically imported module: https://cdn.example/x.js'), 'chunk', 'NETWORK_ERROR', true],
    [new TypeError('Importing a module script failed.'), 'chunk', 'NETWORK_ERROR', true],
    [new Error('something odd'), 'unknown', 'UNKNOWN', true],
    ['a string', 'unknown', 'UNKNOWN', true],
  ];
  for (const [thrown, kind, code, retry] of cases) {
    const failure = describeFailure(thrown, defaultPolicy);
    assert.equal(failure.kind, kind, String(thrown));
    assert.equal(failure.retry, retry, String(thrown));
    assert.equal('code' in failure.words && failure.words.code, kind === 'unknown' ? 'UNKNOWN' : code, String(thrown));
    assert.ok(failure.error instanceof MembershipError);
  }
  const limited = describeFailure(new MembershipError({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }), defaultPolicy);
  assert.deepEqual(limited.words, { code: 'RATE_LIMITED', params: { seconds: 42, minAge: defaultPolicy.minAge } });
  assert.equal(describeFailure(new TypeError('Importing a module script failed.')).code, 'NETWORK_ERROR', 'a chunk failure is reported as a network error');
});

test('Job: pending, complete, error with the failure described, and a newer run wins', async () => {
  const seen: string[] = [];
  const job = new Job<number>({ onChange: () => seen.push(job.state.status) });
  let release!: (value: number) => void;
  let firstSignal!: AbortSignal;
  const first = job.run((signal) => {
    firstSignal = signal;
    return new Promise<number>((resolve) => (release = resolve));
  });
  assert.equal(job.pending, true);
  const second = await job.run(async () => 2);
  assert.equal(firstSignal.aborted, true, 'the older run is aborted');
  release(1);
  assert.equal(await first, undefined, 'the older answer is ignored');
  assert.deepEqual(second, { status: 'complete', value: 2 });
  assert.deepEqual(job.state, { status: 'complete', value: 2 });
  const failed = await job.run(async () => {
    throw new MembershipError({ code: 'SERVICE_UNAVAILABLE' });
  });
  assert.equal(failed?.status === 'error' && failed.failure.retry, true);
  assert.deepEqual(seen, ['pending', 'pending', 'complete', 'pending', 'error']);
  job.reset();
  assert.deepEqual(job.state, { status: 'idle' });
});
