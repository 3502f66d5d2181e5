import type { KyInstance } from 'ky';
import type { OperationId, Operations } from './contract.ts';
import { MembershipError } from './errors.ts';
import type { CallOptions, MembershipClientOptions } from './client-options.ts';
import { operationGroups } from './operation-groups.ts';
import { fillPath, type Operation, type OperationBody, type OperationParams, type OperationQuery, type OperationResponse } from './operation.ts';

// ky, zod and the contract's shapes load on the first call (and start loading when a client is
// built), not with the page's first code: transport.ts holds the HTTP part, and a page pays only for
// the operation groups it calls.
type Transport = typeof import('./transport.ts');
let transportLoading: Promise<Transport> | undefined;
function loadTransport(): Promise<Transport> {
  transportLoading ??= import('./transport.ts').catch((error: unknown) => {
    transportLoading = undefined; // a failed chunk load (offline) is tried again on the next call
    throw error;
  });
  return transportLoading;
}

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

export type { MembershipClientOptions } from './client-options.ts';

type Input<O> = (OperationParams<O> extends undefined ? { params?: undefined } : { params: OperationParams<O> }) &
  (OperationQuery<O> extends undefined ? { query?: undefined } : { query: OperationQuery<O> }) &
  (OperationBody<O> extends undefined ? { body?: undefined } : { body: OperationBody<O> });

export type CallInput<K extends OperationId> = Input<Operations[K]>;
export type CallResult<K extends OperationId> = OperationResponse<Operations[K]>;

export type { CallOptions } from './client-options.ts';

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
    // No warm-up here: the first call loads the transport (an element makes its first call, the site
    // config, when it connects or right after its first render).
  }

  /** The ky instance, made once the transport has loaded. */
  #http(): Promise<KyInstance> {
    this.#kyInstance ??= loadTransport().then((transport) => transport.createHttp(this.#options, this.apiBase));
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
    let transport: Transport;
    let http: KyInstance;
    try {
      [op, transport, http] = await Promise.all([loadOperation(id), loadTransport(), this.#http()]);
    } catch (error) {
      throw new MembershipError({ code: 'NETWORK_ERROR', operationId: id, message: `${id}: could not load the client code`, cause: error });
    }
    const result = await transport.request(http, op, input as { params?: unknown; query?: unknown; body?: unknown }, options, this.#csrfToken, newIdempotencyKey);
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

