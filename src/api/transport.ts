// The part of MembershipClient that talks HTTP: ky, the error schema, input and answer checks with the
// contract's zod shapes. Loaded on the client's first call (client.ts), so an element's first code
// carries none of it.
import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { apiErrorSchema } from './error-schema.ts';
import { MembershipError } from './errors.ts';
import { retryAfterMs } from './retry-after.ts';
import { contractFieldErrors, fillPath, type Operation } from './operation.ts';
import type { CallOptions, MembershipClientOptions } from './client-options.ts';

const jsonHeaders = { accept: 'application/json' };

/** A ky instance for one client: prefix, credentials, timeouts and the retries that are safe. */
export function createHttp(options: MembershipClientOptions, apiBase: URL): KyInstance {
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5000;
  return ky.create({
    prefix: apiBase.href,
    credentials: 'include',
    timeout: options.timeoutMs ?? 15_000,
    // A person waits about 15 s in all, not 15 s per try (a hung server used to take ~46 s to report).
    totalTimeout: options.totalTimeoutMs ?? 15_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { 'x-site-id': options.siteId, ...(options.lang ? { 'accept-language': options.lang } : {}) },
    retry: {
      limit: options.retryLimit ?? 2,
      methods: ['get', 'post'],
      statusCodes: [408, 429, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      retryOnTimeout: true,
      shouldRetry: ({ error }) => {
        // Never wait out a long Retry-After (delay-seconds or HTTP date, or the contract body's
        // retryAfterSeconds): the user should see the message instead.
        if (isHTTPError(error)) {
          const waitMs = retryAfterMs(error.response.headers) ?? bodyRetryAfterMs(error.data);
          if (waitMs !== undefined && waitMs > maxRetryAfterMs) return false;
        }
        // A failed fetch in words ky does not know (WebKit: "Response served by service worker is an error").
        if (error instanceof TypeError) return true;
        return undefined;
      },
    },
  });
}

/** One call: checks the input, sends it (idempotency key, CSRF and verification headers), reads and checks the answer. */
export async function request(http: KyInstance, op: Operation, input: { params?: unknown; query?: unknown; body?: unknown }, options: CallOptions, csrfToken: string | null, idempotencyKey: () => string): Promise<unknown> {
  const { params, query, body } = input;
  const pathParams = checkInput(op, 'params', params) as Record<string, string> | undefined;
  // `.` and `..` survive URL encoding and would move the request to another path.
  const dotSegment = Object.entries(pathParams ?? {}).find(([, value]) => value === '.' || value === '..');
  if (dotSegment) throw new MembershipError({ code: 'VALIDATION_FAILED', message: `Invalid params for ${op.id}`, fields: [{ field: dotSegment[0], code: 'INVALID' }], operationId: op.id });
  const path = fillPath(op.path, pathParams);
  const searchParams = checkInput(op, 'query', query) as Record<string, string> | undefined;
  const headers: Record<string, string> = { ...jsonHeaders };
  if (op.idempotent) headers['idempotency-key'] = options.idempotencyKey ?? idempotencyKey();
  if (op.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.verificationToken) headers['x-verification-token'] = options.verificationToken;

  const json = op.bodyKind === 'json' ? checkInput(op, 'body', body) : undefined;
  const retriable = op.method === 'GET' || op.idempotent;
  let response: Response;
  let content: string | Blob | undefined;
  try {
    const pending = http(path.slice(1), {
      method: op.method,
      headers,
      ...(searchParams ? { searchParams } : {}),
      ...(op.bodyKind === 'json' ? { json } : {}),
      ...(op.bodyKind === 'multipart' ? { body: body as FormData } : {}),
      ...(retriable ? {} : { retry: 0 }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    response = await pending;
    // Read the body through ky so the per-attempt timeout and the caller's signal cover it too:
    // a body that stalls after the headers is a TIMEOUT, an abort while reading is ABORTED.
    if (op.responseKind === 'json') content = await pending.text();
    else if (op.responseKind === 'image' || op.responseKind === 'audio') content = await pending.blob();
  } catch (error) {
    if (options.signal?.aborted) {
      // Whatever the abort reason was (fetch, retry wait or body read), the caller cancelled.
      throw new MembershipError({ code: 'ABORTED', operationId: op.id, message: `${op.id}: aborted`, cause: error });
    }
    throw toMembershipError(error, op.id);
  }
  return readResponse(op, response, content);
}

function checkInput(op: Operation, part: 'params' | 'query' | 'body', value: unknown): unknown {
  const schema = op[part] as z.ZodMiniType | undefined;
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new MembershipError({ code: 'VALIDATION_FAILED', message: `Invalid ${part} for ${op.id}`, fields: contractFieldErrors(parsed.error.issues), operationId: op.id });
}

function readResponse(op: Operation, response: Response, content: string | Blob | undefined): unknown {
  if (op.responseKind === 'empty') return undefined;
  if (op.responseKind === 'image' || op.responseKind === 'audio') return content;
  let body: unknown;
  try {
    body = JSON.parse(content as string);
  } catch (cause) {
    throw new MembershipError({ code: 'INVALID_RESPONSE', status: response.status, message: `${op.id}: response is not JSON`, operationId: op.id, cause });
  }
  const parsed = (op.response as z.ZodMiniType).safeParse(body);
  if (!parsed.success) {
    throw new MembershipError({ code: 'INVALID_RESPONSE', status: response.status, message: `${op.id}: response breaks the contract`, operationId: op.id, cause: parsed.error });
  }
  return parsed.data;
}

/** `retryAfterSeconds` of a contract error body, in milliseconds. */
function bodyRetryAfterMs(data: unknown): number | undefined {
  const parsed = apiErrorSchema.safeParse(data);
  const seconds = parsed.success ? parsed.data.error.retryAfterSeconds : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

function toMembershipError(error: unknown, operationId: string): MembershipError {
  if (error instanceof MembershipError) return error;
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    const headerMs = retryAfterMs(headers);
    const retryAfterSeconds = headerMs === undefined ? undefined : Math.ceil(headerMs / 1000);
    const parsed = apiErrorSchema.safeParse(error.data);
    if (parsed.success) {
      const { code, message, fields, guidance, attemptsLeft } = parsed.data.error;
      return new MembershipError({
        code, message, status, operationId,
        ...(fields ? { fields } : {}),
        ...(guidance ? { guidance } : {}),
        ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
        ...(parsed.data.error.retryAfterSeconds ?? retryAfterSeconds) === undefined
          ? {}
          : { retryAfterSeconds: parsed.data.error.retryAfterSeconds ?? retryAfterSeconds },
      });
    }
    // Not a contract error body (a proxy page, an empty 502): classify by status.
    const code = status === 429 ? 'RATE_LIMITED' : status === 503 || status === 502 || status === 504 ? 'SERVICE_UNAVAILABLE' : status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_RESPONSE';
    return new MembershipError({ code, status, operationId, message: `${operationId}: HTTP ${status}`, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
  }
  if (isTimeoutError(error)) return new MembershipError({ code: 'TIMEOUT', operationId, message: `${operationId}: timed out`, cause: error });
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new MembershipError({ code: 'ABORTED', operationId, message: `${operationId}: aborted`, cause: error });
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    return new MembershipError({ code: 'NETWORK_ERROR', operationId, message: `${operationId}: network error`, cause: error });
  }
  return new MembershipError({ code: 'NETWORK_ERROR', operationId, message: `${operationId}: request failed`, cause: error });
}
