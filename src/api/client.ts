import type { HTTPError, KyInstance } from 'ky';
import type * as z from 'zod/mini';
import type { OperationId, Operations } from './contract.ts';
import { MembershipError } from './errors.ts';
import { operationGroups } from './operation-groups.ts';
import { contractFieldErrors, fillPath, type Operation, type OperationBody, type OperationParams, type OperationQuery, type OperationResponse } from './operation.ts';

// ky, zod and the contract's shapes load on the first call (and start loading when a client is
// built), not with the page's first code: a page pays only for the operation groups it calls.
type Ky = typeof import('ky');
let kyModule: Ky | undefined;
let kyLoading: Promise<Ky> | undefined;
function loadKy(): Promise<Ky> {
  kyLoading ??= import('ky').then(
    (module) => (kyModule = module),
    (error: unknown) => {
      kyLoading = undefined; // a failed chunk load (offline) is tried again on the next call
      throw error;
    },
  );
  return kyLoading;
}
const isHTTPError = (error: unknown): error is HTTPError => kyModule?.isHTTPError(error) ?? false;
const isTimeoutError = (error: unknown): boolean => kyModule?.isTimeoutError(error) ?? false;
const isNetworkError = (error: unknown): boolean => kyModule?.isNetworkError(error) ?? false;

const loadedOperations = new Map<() => Promise<Record<string, Operation>>, Promise<Record<string, Operation>>>();
function loadOperation(id: OperationId): Promise<Operation> {
  const group = operationGroups[id];
  let pending = loadedOperations.get(group);
  if (!pending) {
    pending = group().catch((error: unknown) => {
      loadedOperations.delete(group);
      throw error;
    });
    loadedOperations.set(group, pending);
  }
  return pending.then((table) => table[id]!);
}

/** The contract error body, parsed with the error schema loaded beside ky (only ever needed after a request). */
let errorSchema: typeof import('./error-schema.ts') | undefined;
const loadErrorSchema = () => import('./error-schema.ts').then((module) => (errorSchema = module));

export interface MembershipClientOptions {
  /** Base URL of the membership API, e.g. `https://members.example.go.kr/api/v1/`. */
  apiBase: string | URL;
  /** The calling site's id, sent as `X-Site-Id` on every request. */
  siteId: string;
  /** Sent as `Accept-Language` so developer messages and documents come in the UI language. */
  lang?: string;
  /** Per-attempt timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** The whole call, retries and their waits included, gives up after this many milliseconds (default 15 000). */
  totalTimeoutMs?: number;
  /** Retries of safe requests — GETs, and POSTs that carry an Idempotency-Key (default 2). */
  retryLimit?: number;
  /** A `Retry-After` longer than this is not waited for: the error reaches the UI (default 5 000). */
  maxRetryAfterMs?: number;
  /** For tests and non-browser hosts. */
  fetch?: typeof globalThis.fetch;
}

type Input<O> = (OperationParams<O> extends undefined ? { params?: undefined } : { params: OperationParams<O> }) &
  (OperationQuery<O> extends undefined ? { query?: undefined } : { query: OperationQuery<O> }) &
  (OperationBody<O> extends undefined ? { body?: undefined } : { body: OperationBody<O> });

export type CallInput<K extends OperationId> = Input<Operations[K]>;
export type CallResult<K extends OperationId> = OperationResponse<Operations[K]>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Reuse the key of an earlier try of the same submit so the server replays, never repeats.
   *  Without one, each call of an idempotent operation gets a fresh key. */
  idempotencyKey?: string;
  /** A signup's verification token, sent as X-Verification-Token (uploadCertificate while signed out). */
  verificationToken?: string | undefined;
}

const jsonHeaders = { accept: 'application/json' };
/** Paths of getCaptchaImage and getCaptchaAudio (+ `/audio`), needed synchronously for `<img src>` (client.test.ts checks them against the contract). */
const captchaImagePath = '/verifications/{verificationId}/captcha';
/** Base for a relative `apiBase` where there is no `location`: a scheme no fetch can reach. */
const unresolvedBase = 'relative:/';

/**
 * Talks to any server that honours the contract: parses every answer with it, turns every failure
 * into a {@link MembershipError}, retries only what is safe, keeps the CSRF token in memory only.
 */
export class MembershipClient {
  readonly siteId: string;
  readonly apiBase: URL;
  #options: MembershipClientOptions;
  #kyInstance: Promise<KyInstance> | undefined;
  #csrfToken: string | null = null;

  constructor(options: MembershipClientOptions) {
    this.siteId = options.siteId;
    // Without a page (server-side import) a relative base has nothing to resolve against: construction
    // still succeeds, and calls fail as NETWORK_ERROR instead of the import throwing.
    this.apiBase = new URL(String(options.apiBase).replace(/\/?$/, '/'), globalThis.location?.href ?? unresolvedBase);
    this.#options = options;
    // Warm up: the first call (the site config, usually) then rarely waits for the code.
    void this.#http().catch(() => undefined);
  }

  /** The ky instance, made once its module has loaded. */
  #http(): Promise<KyInstance> {
    if (this.#kyInstance) return this.#kyInstance;
    const options = this.#options;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 5000;
    this.#kyInstance = Promise.all([loadKy(), loadErrorSchema()]).then(([{ default: ky }]) => ky.create({
      prefix: this.apiBase.href,
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
    }));
    // A failed chunk load (offline) is tried again on the next call.
    this.#kyInstance.catch(() => (this.#kyInstance = undefined));
    return this.#kyInstance;
  }

  /** Whether a CSRF token is held (i.e. a session was seen). */
  get hasSession(): boolean {
    return this.#csrfToken !== null;
  }

  /** Calls one operation of the contract with typed input and output. */
  async call<K extends OperationId>(id: K, input: CallInput<K>, options: CallOptions = {}): Promise<CallResult<K>> {
    let op: Operation;
    try {
      op = await loadOperation(id);
    } catch (error) {
      throw new MembershipError({ code: 'NETWORK_ERROR', operationId: id, message: `${id}: could not load the client code`, cause: error });
    }
    const { params, query, body } = input as { params?: unknown; query?: unknown; body?: unknown };
    const pathParams = checkInput(op, 'params', params) as Record<string, string> | undefined;
    // `.` and `..` survive URL encoding and would move the request to another path.
    const dotSegment = Object.entries(pathParams ?? {}).find(([, value]) => value === '.' || value === '..');
    if (dotSegment) throw new MembershipError({ code: 'VALIDATION_FAILED', message: `Invalid params for ${op.id}`, fields: [{ field: dotSegment[0], code: 'INVALID' }], operationId: op.id });
    const path = fillPath(op.path, pathParams);
    const searchParams = checkInput(op, 'query', query) as Record<string, string> | undefined;
    const headers: Record<string, string> = { ...jsonHeaders };
    if (op.idempotent) headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
    if (op.method !== 'GET' && this.#csrfToken) headers['x-csrf-token'] = this.#csrfToken;
    if (options.verificationToken) headers['x-verification-token'] = options.verificationToken;

    const json = op.bodyKind === 'json' ? checkInput(op, 'body', body) : undefined;
    const retriable = op.method === 'GET' || op.idempotent;
    let response: Response;
    let content: string | Blob | undefined;
    try {
      const http = await this.#http();
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
      throw await toMembershipError(error, op.id);
    }
    const result = readResponse(op, response, content);
    if (id === 'login' || id === 'getSession') this.#csrfToken = (result as { csrfToken: string | null }).csrfToken;
    if (id === 'logout') this.#csrfToken = null;
    return result as CallResult<K>;
  }

  /** URL of a fresh captcha image for `<img src>`; `refresh` makes the browser fetch a new one. */
  captchaUrl(verificationId: string, refresh = 0): string {
    const url = new URL(fillPath(captchaImagePath, { verificationId }).slice(1), this.apiBase);
    url.searchParams.set('site', this.siteId);
    url.searchParams.set('n', String(refresh));
    return url.href;
  }

  /** URL of the spoken security text (a WAV file) for an `<audio>` element: it reads the current text, never replaces it. */
  captchaAudioUrl(verificationId: string, lang: 'ko' | 'en', refresh = 0): string {
    const url = new URL(fillPath(`${captchaImagePath}/audio`, { verificationId }).slice(1), this.apiBase);
    url.searchParams.set('site', this.siteId);
    url.searchParams.set('lang', lang);
    url.searchParams.set('n', String(refresh));
    return url.href;
  }

  /**
   * Uploads a business registration certificate as multipart form data. Signed out (during signup), pass
   * the signup's `verificationToken`: the server stores files only for a session or a verified person.
   */
  uploadCertificate(file: File | Blob, options: CallOptions = {}) {
    const form = new FormData();
    form.set('file', file);
    return this.call('uploadCertificate', { body: form } as unknown as CallInput<'uploadCertificate'>, options);
  }
}

/** A random key for one logical submit; keep it to make a retry of that submit safe. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
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

/** Milliseconds a `Retry-After` header asks to wait: delay-seconds or an HTTP date. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** `retryAfterSeconds` of a contract error body, in milliseconds. */
function bodyRetryAfterMs(data: unknown): number | undefined {
  const parsed = errorSchema!.apiErrorSchema.safeParse(data);
  const seconds = parsed.success ? parsed.data.error.retryAfterSeconds : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

async function toMembershipError(error: unknown, operationId: string): Promise<MembershipError> {
  if (error instanceof MembershipError) return error;
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    const headerMs = retryAfterMs(headers);
    const retryAfterSeconds = headerMs === undefined ? undefined : Math.ceil(headerMs / 1000);
    const parsed = errorSchema!.apiErrorSchema.safeParse(error.data);
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
