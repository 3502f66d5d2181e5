import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDemoPages } from './demo-pages.ts';
import { testServer } from './testing.ts';

describe('demo pages', () => {
  test('are sent with CSP as a header (frame-ancestors self), nosniff and a strict referrer policy', async () => {
    const h = testServer();
    serveDemoPages(h.app);
    for (const path of ['/', '/trade/', '/demo.css']) {
      const response = await h.request(path);
      assert.equal(response.status, 200, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'self'/, path);
      assert.match(csp, /script-src 'self'/, path);
      assert.match(csp, /require-trusted-types-for 'script'/, path);
      assert.match(csp, /media-src 'self'/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
    }
    // The API keeps its own answers (JSON, no page policy).
    const api = await h.request('/api/v1/site', { site: 'trade' });
    assert.equal(api.status, 200);
    assert.match(api.headers.get('content-type') ?? '', /application\/json/);
  });
});
