import type { Context, Hono } from 'hono';
import type { ServerDeps } from './context.ts';
import { randomToken } from './crypto.ts';
import { consoleLogger, type Logger } from './log.ts';

// Request ids and request logs, and the probes a load balancer or orchestrator asks: /health (the
// process answers) and /ready (it can serve: the store answers and no shutdown is under way).

/** The contract operation a request was routed to (set by `mount`), for logs without paths or data. */
export const operationOf = new WeakMap<Request, string>();

/** Shutdown state shared by the entry and the /ready probe. */
export interface Lifecycle {
  draining: boolean;
}

const acceptedRequestId = /^[\w.:-]{1,64}$/;

const requestIds = new WeakMap<Request, string>();

export function requestId(c: Context): string {
  return requestIds.get(c.req.raw) ?? '';
}

/** Gives each request an id (a proxy's X-Request-Id when it looks like one) and logs its outcome. */
export function observe(app: Hono, logger: Logger | undefined): void {
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && acceptedRequestId.test(incoming) ? incoming : randomToken(12);
    requestIds.set(c.req.raw, id);
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', id);
    // Probes come every few seconds: only their failures are worth a line.
    if ((c.req.path === '/health' || c.req.path === '/ready') && c.res.ok) return;
    logger?.log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      requestId: id,
      method: c.req.method,
      // The operation, never the path: paths carry login IDs and verification ids.
      operation: operationOf.get(c.req.raw) ?? (c.req.path.startsWith('/api/') ? 'unknown' : 'static'),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
}

export function healthRoutes(app: Hono, deps: ServerDeps, lifecycle: Lifecycle): void {
  const noStore = { 'cache-control': 'no-store' };
  app.get('/health', (c) => c.json({ status: 'ok' }, 200, noStore));
  app.get('/ready', async (c) => {
    if (lifecycle.draining) return c.json({ status: 'draining' }, 503, noStore);
    try {
      // Any read proves the store answers; this id never exists.
      await deps.store.getSession('readiness-probe');
      return c.json({ status: 'ready' }, 200, noStore);
    } catch (error) {
      (deps.logger ?? consoleLogger).log('error', 'store not ready', { error: error instanceof Error ? error.name : 'unknown' });
      return c.json({ status: 'store unavailable' }, 503, noStore);
    }
  });
}
