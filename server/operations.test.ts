import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLogger } from './log.ts';
import { demoPassword, seedDemoData } from './seed.ts';
import { MemoryStore } from './store/memory.ts';
import { testServer } from './testing.ts';

// What an operator runs the server with: request ids, JSON logs without personal data, probes.

describe('request ids and logs', () => {
  test('each request gets an id, logged as one JSON line with the operation and status, and no personal data', async () => {
    const lines: string[] = [];
    const h = testServer({ logger: jsonLogger((line) => lines.push(line)) });
    await seedDemoData(h.deps);
    const body = JSON.stringify({ loginId: 'demomember', password: demoPassword });
    const login = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body });
    const check = await h.request('/api/v1/login-ids/hong2026/availability', { site: 'trade', headers: { 'x-request-id': 'lb-7f3a' } });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const id = login.headers.get('x-request-id');
    assert.match(id ?? '', /^[\w-]{12,}$/);
    assert.equal(check.headers.get('x-request-id'), 'lb-7f3a', "a proxy's request id is kept");
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(entries.map(({ event, requestId, operation, status, method }) => ({ event, requestId, operation, status, method })), [
      { event: 'request', requestId: id, operation: 'login', status: 200, method: 'POST' },
      { event: 'request', requestId: 'lb-7f3a', operation: 'checkLoginIdAvailability', status: 200, method: 'GET' },
    ]);
    const all = lines.join('\n');
    for (const secret of ['demomember', 'hong2026', demoPassword, cookie.split('=')[1]!]) assert.ok(!all.includes(secret), `the logs do not contain ${secret}`);
  });

  test('an unexpected error is logged with its request id and answered INTERNAL_ERROR without details', async () => {
    const lines: string[] = [];
    const store = new MemoryStore();
    store.findMemberByLoginKey = async () => {
      throw new Error('database on fire');
    };
    const h = testServer({ store, logger: jsonLogger((line) => lines.push(line)) });
    const response = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'someone1', password: 'whatever1!' }) });
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /fire/);
    const error = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.event === 'unexpected error');
    assert.equal(error?.requestId, response.headers.get('x-request-id'));
    assert.equal(error?.message, 'database on fire');
    assert.equal(error?.operation, 'login');
  });
});

describe('probes', () => {
  test('/health answers while the process runs; /ready only while the store answers and no shutdown is under way', async () => {
    const lifecycle = { draining: false };
    const store = new MemoryStore();
    const h = testServer({ store, lifecycle, logger: jsonLogger(() => {}) });
    assert.equal((await h.request('/health')).status, 200);
    assert.deepEqual(await (await h.request('/ready')).json(), { status: 'ready' });
    const getSession = store.getSession.bind(store);
    store.getSession = async () => {
      throw new Error('connection refused');
    };
    assert.equal((await h.request('/ready')).status, 503);
    store.getSession = getSession;
    lifecycle.draining = true;
    const draining = await h.request('/ready');
    assert.equal(draining.status, 503);
    assert.deepEqual(await draining.json(), { status: 'draining' });
    assert.equal((await h.request('/health')).status, 200);
  });
});
