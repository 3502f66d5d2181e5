// The options of MembershipClient and of its calls, apart from the client so that its transport
// (transport.ts, loaded on the first call) can use them without importing the client back.

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

export interface CallOptions {
  signal?: AbortSignal;
  /** Reuse the key of an earlier try of the same submit so the server replays, never repeats.
   *  Without one, each call of an idempotent operation gets a fresh key. */
  idempotencyKey?: string;
  /** A signup's verification token, sent as X-Verification-Token (uploadCertificate while signed out). */
  verificationToken?: string | undefined;
}
