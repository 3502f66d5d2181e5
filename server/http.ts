import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type * as z from 'zod/mini';
import { contractFieldErrors, errorStatus, type Operation } from '../src/api/index.ts';
import { cleanText } from '../src/rules/text.ts';
import type { ServerConfig, SiteSettings } from './config.ts';
import { ApiFailure, fail, type ServerDeps } from './context.ts';
import { safeEqual, sha256 } from './crypto.ts';
import { readJsonBody, refuseCrossSite } from './guards.ts';
import { operationOf } from './observe.ts';
import { rateRules } from './rate-limit.ts';
import type { MemberRecord, SessionRecord } from './store/types.ts';

export const sessionCookie = 'mb_session';

/** The session cookie's name: `__Host-` prefixed (Secure, host-only, Path=/) on an https origin. */
export function sessionCookieName(config: ServerConfig): string {
  return isHttpsOrigin(config) ? `__Host-${sessionCookie}` : sessionCookie;
}

export function isHttpsOrigin(config: ServerConfig): boolean {
  return config.origin.startsWith('https:');
}
/** The session header of the MSW home (`sessionTransport: 'mock-header'`). */
export const mockSessionHeader = 'x-membership-mock-session';

/** What a route handler receives: validated input, the calling site, the session when required. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  site: SiteSettings;
  siteId: string;
  /** Present for `auth: 'session'` operations (and whenever a valid session cookie came along). */
  session: { record: SessionRecord; member: MemberRecord } | null;
  /** Key of the calling client for rate limits. */
  clientKey: string;
  c: Context;
}

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;
type Handler<O extends Operation> = (
  input: RouteInput<Infer<O['params']>, Infer<O['query']>, Infer<O['body']>>,
) => Promise<(O['response'] extends z.ZodMiniType ? z.infer<O['response']> : void) | Response>;

/** Registers one contract operation: site, rate limit, session, CSRF, validation, idempotency, then the handler. */
export function mount<O extends Operation>(app: Hono, deps: ServerDeps, op: O, handler: Handler<O>): void {
  const path = op.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(op.method, path, async (c) => {
    operationOf.set(c.req.raw, op.id);
    const siteId = c.req.header('x-site-id') ?? c.req.query('site') ?? '';
    const site = deps.config.sites[siteId];
    if (!site) fail('SITE_UNKNOWN', { message: `Unknown site "${siteId}": send X-Site-Id.` });
    if (op.method !== 'GET') refuseCrossSite(c, deps.config);
    const clientKey = clientAddress(c, deps.config);

    const rule = rateRules[op.id];
    if (op.rateLimited && rule) {
      const wait = await deps.limiter.hit(`${op.id}:${clientKey}`, deps.config.rateLimitScale ? scale(rule, deps.config.rateLimitScale) : rule, deps.now());
      if (wait > 0) fail('RATE_LIMITED', { retryAfterSeconds: wait, message: 'Too many requests; try again later.' });
    }

    const session = await readSession(c, deps);
    if (op.auth === 'session') {
      if (!session) fail('UNAUTHENTICATED', { message: 'Sign in first.' });
      const token = c.req.header('x-csrf-token') ?? '';
      if (op.method !== 'GET' && !safeEqual(token, session.record.csrfToken)) fail('CSRF_INVALID', { message: 'Missing or wrong X-CSRF-Token.' });
    }

    const params = parse(op.params, c.req.param(), 'params');
    const query = parse(op.query, c.req.query(), 'query');
    const body = op.bodyKind === 'json' ? parse(op.body, cleanStrings(await readJsonBody(c)), 'body') : undefined;
    const input = { params, query, body, site, siteId, session, clientKey, c } as Parameters<Handler<O>>[0];

    if (!op.idempotent) return respond(c, op, await handler(input));
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 100) fail('VALIDATION_FAILED', { message: 'Idempotency-Key header required.', fields: [{ field: 'Idempotency-Key', code: 'REQUIRED' }] });
    return idempotent(c, deps, op, `${siteId}:${op.id}:${session?.member.memberId ?? '-'}:${key}`, body, () => handler(input));
  });
}

/** Runs a creating operation once per key: a repeat gets the first answer, a different body a conflict. */
async function idempotent<O extends Operation>(c: Context, deps: ServerDeps, op: O, scope: string, body: unknown, run: () => ReturnType<Handler<O>>) {
  // A multipart upload is compared by its bytes (read from a copy, bounded; the route reads its own).
  const requestHash = op.bodyKind === 'multipart' ? await hashUpload(c.req.raw.clone()) : await sha256(JSON.stringify(body ?? null));
  for (let waited = 0; ; waited += 25) {
    const earlier = await deps.store.claimIdempotency({ scope, requestHash, status: 0, body: '', createdAt: deps.now() });
    if (!earlier) break;
    if (earlier.requestHash !== requestHash) fail('IDEMPOTENCY_CONFLICT', { message: 'This Idempotency-Key was used with a different request.' });
    if (earlier.status !== 0) return new Response(earlier.body, { status: earlier.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
    // The first request with this key is still running: wait for its answer.
    if (waited > 15_000) fail('SERVICE_UNAVAILABLE', { retryAfterSeconds: 1, message: 'The same request is still being processed.' });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  try {
    const response = respond(c, op, await run());
    await deps.store.completeIdempotency(scope, response.status, await response.clone().text());
    return response;
  } catch (error) {
    // Nothing was created: let a retry with the same key run again.
    await deps.store.releaseIdempotency(scope);
    throw error;
  }
}

/** Uploads larger than this are not hashed in full (the route refuses them anyway). */
const maxHashedUploadBytes = 16 * 1024 * 1024;

async function hashUpload(request: Request): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Read the copy with a bound, so an oversized upload is never buffered whole here.
  const reader = request.body?.getReader();
  // Firefox's Request has no `body` stream (this server also runs there, under MSW): take it whole.
  if (request.body === undefined) chunks.push(new Uint8Array(await request.arrayBuffer()));
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxHashedUploadBytes) {
      await reader.cancel();
      return `oversized:${size}`;
    }
    chunks.push(value);
  }
  // Hash the parts, not the raw body: each retry of the same file has a new multipart boundary.
  const form = await new Response(new Blob(chunks as BlobPart[]), { headers: { 'content-type': request.headers.get('content-type') ?? '' } })
    .formData()
    .catch(() => null);
  if (!form) return 'unreadable';
  const parts: string[] = [];
  for (const [name, value] of form) {
    parts.push(typeof value === 'string' ? `${name}=${value}` : `${name}:${value.name}:${await sha256(await value.arrayBuffer())}`);
  }
  return sha256(parts.join('\n'));
}

function respond(c: Context, op: Operation, result: unknown): Response {
  if (result instanceof Response) return result;
  if (op.responseKind === 'empty') return c.body(null, 204);
  const checked = (op.response as z.ZodMiniType).safeParse(result);
  if (!checked.success) {
    // Thrown as a plain error: the app's error handler logs it (issue paths only, no values) and answers 500.
    throw new Error(`${op.id} produced a response outside the contract at ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  }
  return c.json(checked.data as object, op.successStatus as 200 | 201);
}

/**
 * Every string of a JSON body NFC-normalised and stripped of invisible characters, before validation;
 * passwords stay as typed (the hasher normalises them, and stripping would change the secret).
 */
export function cleanStrings(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return /password/i.test(key) ? value : cleanText(value);
  if (Array.isArray(value)) return value.map((item) => cleanStrings(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, cleanStrings(item, name)]));
  }
  return value;
}

function parse(schema: unknown, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = (schema as z.ZodMiniType).safeParse(value);
  if (result.success) return result.data;
  const fields = contractFieldErrors(result.error.issues, part === 'body' ? '' : part);
  fail('VALIDATION_FAILED', { message: `The request ${part} does not match the contract.`, fields });
}

export async function readSession(c: Context, deps: ServerDeps): Promise<RouteInput<unknown, unknown, unknown>['session']> {
  const token = deps.config.sessionTransport === 'mock-header' ? c.req.header(mockSessionHeader) : getCookie(c, sessionCookieName(deps.config));
  if (!token) return null;
  const record = await deps.store.getSession(await sha256(token));
  if (!record || record.expiresAt <= deps.now()) return null;
  const member = await deps.store.getMember(record.memberId);
  return member ? { record, member } : null;
}

/** The error body of the contract, with Retry-After where a wait is known. */
export function errorResponse(error: unknown): Response {
  const failure = error instanceof ApiFailure ? error : new ApiFailure('INTERNAL_ERROR', { message: 'Something went wrong on the server.' });
  const { fields, retryAfterSeconds, guidance, attemptsLeft } = failure.details;
  const body = {
    error: {
      code: failure.code,
      message: failure.message,
      ...(fields ? { fields } : {}),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...(guidance ? { guidance } : {}),
      ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
    },
  };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return new Response(JSON.stringify(body), { status: errorStatus[failure.code], headers });
}

/**
 * The client's address for rate limits: the socket's peer, or behind `trustProxyHops` proxies the entry
 * of X-Forwarded-For they appended (entries further left are the client's own claims, never believed).
 */
export function clientAddress(c: Context, config: ServerConfig): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress ?? 'local';
  const hops = config.trustProxyHops ?? 0;
  if (hops === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  // The last proxy appended the address it saw; with N proxies the client is N entries from the end.
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? socket;
}

/** The scheme the browser used: the socket's, or behind a trusted proxy its X-Forwarded-Proto. */
export function requestScheme(c: Context, config: ServerConfig): string {
  const socketScheme = new URL(c.req.url).protocol.replace(':', '');
  if (!config.trustProxyHops) return socketScheme;
  const forwarded = (c.req.header('x-forwarded-proto') ?? '').split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
  return forwarded[forwarded.length - config.trustProxyHops] ?? forwarded[0] ?? socketScheme;
}

function scale(rule: { limit: number; windowSeconds: number }, factor: number) {
  return { ...rule, limit: rule.limit * factor };
}
