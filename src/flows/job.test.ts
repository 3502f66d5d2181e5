import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Job, type JobState } from './job.ts';

/** Resolves once the job's state satisfies `ready` (checked on every change). */
function changeTo<T>(job: Job<T>, seen: JobState<T>[], ready: (state: JobState<T>) => boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const check = () => (ready(job.state) ? resolve() : setImmediate(check));
    check();
  }).then(() => assert.ok(seen.includes(job.state)));
}

test('Job: a run still pending after slowAfterMs is marked slow (say "still working", offer cancel)', async () => {
  const seen: JobState<number>[] = [];
  const job: Job<number> = new Job<number>({ onChange: () => seen.push(job.state), slowAfterMs: 5 });
  let release!: (value: number) => void;
  const run = job.run(() => new Promise<number>((resolve) => (release = resolve)), 'saving');
  assert.equal(job.slow, false, 'not slow at first');
  await changeTo(job, seen, (state) => state.status === 'pending' && state.slow === true);
  assert.deepEqual(job.state, { status: 'pending', label: 'saving', slow: true });
  release(7);
  assert.deepEqual(await run, { status: 'complete', value: 7 });
  assert.equal(job.slow, false);
});

test('Job: a quick answer never turns slow', async () => {
  const seen: JobState<number>[] = [];
  const job: Job<number> = new Job<number>({ onChange: () => seen.push(job.state), slowAfterMs: 60_000 });
  await job.run(async () => 1);
  assert.deepEqual(seen.map((state) => state.status), ['pending', 'complete']);
});

test('Job: cancel() aborts the request and ends the run as a retryable ABORTED failure at once', async () => {
  const job: Job<number> = new Job<number>({ onChange: () => {} });
  let signal!: AbortSignal;
  // Work that never answers and ignores its signal: the cancel must not wait for it.
  const run = job.run((given) => {
    signal = given;
    return new Promise<number>(() => {});
  });
  job.cancel();
  const done = await run;
  assert.equal(signal.aborted, true, 'the request was aborted');
  assert.ok(done?.status === 'error');
  assert.equal(done.failure.kind, 'aborted');
  assert.equal(done.failure.code, 'ABORTED');
  assert.equal(done.failure.retry, true, 'a retry is offered');
  assert.deepEqual(job.state, done);
  // A retry runs normally afterwards.
  assert.deepEqual(await job.run(async () => 2), { status: 'complete', value: 2 });
});

test('Job: cancel() of an idle job does nothing; a newer run is not overwritten by an older cancel', async () => {
  const job: Job<number> = new Job<number>({ onChange: () => {} });
  job.cancel();
  assert.deepEqual(job.state, { status: 'idle' });
  const older = job.run(() => new Promise<number>(() => {}));
  job.cancel();
  const newer = job.run(async () => 3);
  assert.equal(await older, undefined, 'the cancelled run was superseded before it ended');
  assert.deepEqual(await newer, { status: 'complete', value: 3 });
  assert.deepEqual(job.state, { status: 'complete', value: 3 });
});
