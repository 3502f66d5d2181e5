import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { drain, listen } from './node-server.ts';
import { testServer } from './testing.ts';

describe('graceful shutdown', () => {
  test('a request in flight is answered; /ready is 503 meanwhile; then the server stops taking connections', async () => {
    const lifecycle = { draining: false };
    const h = testServer({ lifecycle });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // A slow handler standing in for a login that is still hashing.
    h.app.get('/slow', async (c) => {
      entered();
      await released;
      return c.text('finished');
    });
    const { server, port } = await listen(h.app, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    assert.equal((await fetch(`${base}/ready`)).status, 200);

    const inFlight = fetch(`${base}/slow`);
    await inside;
    let stopped = false;
    const stopping = drain(server, { lifecycle }).then(() => {
      stopped = true;
    });
    assert.equal(lifecycle.draining, true);
    assert.equal((await h.app.fetch(new Request(`${base}/ready`))).status, 503, 'not ready while draining');
    assert.equal(stopped, false, 'still waiting for the request in flight');
    release();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'finished');
    await stopping;
    await assert.rejects(fetch(`${base}/health`), 'no new connections after the drain');
  });
});
