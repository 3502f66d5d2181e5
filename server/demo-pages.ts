import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';

// The demo host pages and the bundles they load (`npm start` only), with the headers an agency site
// should send: CSP as a header (a <meta> cannot say frame-ancestors), no sniffing, a strict referrer.

export const demoPageCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // The spoken security text (an <audio> from the API).
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

export const demoPageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('content-security-policy', demoPageCsp);
  c.res.headers.set('x-content-type-options', 'nosniff');
  c.res.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  // For browsers without frame-ancestors.
  c.res.headers.set('x-frame-options', 'SAMEORIGIN');
};

/** Serves `demo/` and `dist/` from the working directory under `app`, after the API routes. */
export function serveDemoPages(app: Hono): void {
  app.use('/dist/*', demoPageHeaders, serveStatic({ root: './' }));
  app.use('/*', demoPageHeaders, serveStatic({ root: './demo', rewriteRequestPath: (path) => (path.endsWith('/') ? `${path}index.html` : path) }));
}
