import type * as z from 'zod/mini';
import type { ApiErrorCode, FieldError } from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

type AnySchema = z.ZodMiniType;

/** One operation of the membership API: the single description the client, server, OpenAPI
 *  document and contract test kit are all built from. */
export interface Operation<
  Params extends AnySchema | undefined = AnySchema | undefined,
  Query extends AnySchema | undefined = AnySchema | undefined,
  Body extends AnySchema | undefined = AnySchema | undefined,
  Response extends AnySchema | undefined = AnySchema | undefined,
  Kind extends ResponseKind = ResponseKind,
> {
  readonly id: string;
  readonly method: HttpMethod;
  /** OpenAPI-style path below the API base, e.g. `/verifications/{verificationId}/captcha`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  /** `json` bodies are parsed with `body`; `multipart` carries one `file` part. */
  readonly bodyKind: 'none' | 'json' | 'multipart';
  /** JSON response schema; undefined with `responseKind` `empty` (204), `image` or `audio`. */
  readonly response: Response;
  readonly responseKind: Kind;
  readonly successStatus: 200 | 201 | 204;
  /** `session`: needs the session cookie; state changes then also need the CSRF header. */
  readonly auth: 'public' | 'session';
  /** Creating POST: the client sends an `Idempotency-Key`, the server replays the first answer. */
  readonly idempotent: boolean;
  /** Rate-limited per client: may answer RATE_LIMITED with `Retry-After`. */
  readonly rateLimited: boolean;
  /** Codes this operation may answer besides the ones every operation may answer. */
  readonly errors: readonly ApiErrorCode[];
}

/** `image`: an SVG; `audio`: a WAV file (both come back as a Blob). */
export type ResponseKind = 'json' | 'empty' | 'image' | 'audio';

/** Codes any operation may answer. */
export const commonErrorCodes = [
  'VALIDATION_FAILED',
  'SITE_UNKNOWN',
  // A state-changing request from a page of a site that is not allowed (login CSRF and the like).
  'CSRF_INVALID',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const satisfies readonly ApiErrorCode[];

interface OperationInit<
  Params extends AnySchema | undefined,
  Query extends AnySchema | undefined,
  Body extends AnySchema | undefined,
  Response extends AnySchema | undefined,
  Image extends boolean,
  Audio extends boolean = false,
> {
  id: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  params?: Params;
  query?: Query;
  body?: Body;
  multipart?: boolean;
  response?: Response;
  image?: Image;
  audio?: Audio;
  created?: boolean;
  auth?: 'public' | 'session';
  idempotent?: boolean;
  rateLimited?: boolean;
  errors?: readonly ApiErrorCode[];
}

// @__NO_SIDE_EFFECTS__ (an unused operation is dropped by bundlers, with its shapes)
export function defineOperation<
  Params extends AnySchema | undefined = undefined,
  Query extends AnySchema | undefined = undefined,
  Body extends AnySchema | undefined = undefined,
  Response extends AnySchema | undefined = undefined,
  Image extends boolean = false,
  Audio extends boolean = false,
>(init: OperationInit<Params, Query, Body, Response, Image, Audio>): Operation<Params, Query, Body, Response, KindOf<Response, Image, Audio>> {
  const responseKind = (init.image ? 'image' : init.audio ? 'audio' : init.response ? 'json' : 'empty') as KindOf<Response, Image, Audio>;
  return {
    id: init.id,
    method: init.method,
    path: init.path,
    tag: init.tag,
    summary: init.summary,
    params: init.params as Params,
    query: init.query as Query,
    body: init.body as Body,
    bodyKind: init.multipart ? 'multipart' : init.body ? 'json' : 'none',
    response: init.response as Response,
    responseKind,
    successStatus: responseKind === 'empty' ? 204 : init.created ? 201 : 200,
    auth: init.auth ?? 'public',
    idempotent: init.idempotent ?? false,
    rateLimited: init.rateLimited ?? false,
    // A repeated key with another body is refused on every idempotent operation.
    errors: init.idempotent ? [...new Set([...(init.errors ?? []), 'IDEMPOTENCY_CONFLICT' as const])] : (init.errors ?? []),
  };
}

type KindOf<Response, Image, Audio = false> = Image extends true ? 'image' : Audio extends true ? 'audio' : Response extends AnySchema ? 'json' : 'empty';

type Infer<S> = S extends AnySchema ? z.infer<S> : undefined;

export type OperationParams<O> = O extends Operation<infer P, any, any, any> ? Infer<P> : never;
export type OperationQuery<O> = O extends Operation<any, infer Q, any, any> ? Infer<Q> : never;
export type OperationBody<O> = O extends Operation<any, any, infer B, any> ? Infer<B> : never;
export type OperationResponse<O> = O extends Operation<any, any, any, infer R, infer K>
  ? K extends 'image' | 'audio'
    ? Blob
    : R extends AnySchema
      ? z.infer<R>
      : void
  : never;

/** Fills `{name}` placeholders of a path, encoding each value. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

/**
 * A request part that broke the contract, as field errors (`REQUIRED` when missing, else `INVALID`):
 * one mapping for the client, which refuses to send it, and the server, which answers it.
 */
export function contractFieldErrors(issues: readonly { code: string; path: readonly PropertyKey[]; input?: unknown }[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    code: issue.code === 'invalid_type' && issue.input === undefined ? 'REQUIRED' : 'INVALID',
  }));
}
