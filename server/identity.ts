import type { Hono } from 'hono';
import type { LocalizedText } from '../src/api/index.ts';
import type { ServerDeps } from './context.ts';
import type { VerificationRecord, VerifiedPerson } from './store/types.ts';

// The identity provider behind verification, as the server sees it. The sandbox is one implementation
// (server/sandbox/identity.ts); an agency plugs in its contracted NICE / KCB / PASS-style provider with
// its own implementation, server side only: the browser sends the claim to this server, this server
// talks to the provider, and personal data (CI/DI) never passes through the browser.
//
// This server keeps the flow (verification ids, the security text, code attempts and expiry, one-use
// tokens); the provider answers two questions for mobile verification and hosts its own pages for
// page-based methods (i-PIN).

/** What the user typed on the mobile form: to be checked against the carrier's subscriber record. */
export type MobileClaim = NonNullable<VerificationRecord['claimed']>;

export type MobileCheck =
  | { ok: true; person: VerifiedPerson }
  | { ok: false; code: 'IDENTITY_MISMATCH' | 'PROVIDER_REFUSED'; message: string };

/** A method verified on the provider's own page (popup or redirect), e.g. i-PIN. */
export interface ProviderPageMethod {
  id: string;
  label: LocalizedText;
  /** Origin of the provider's page (the origin its result message comes from). */
  origin: string;
  /** The page to open; the server adds `verification`, `mode` and `opener` / `return`. */
  pageUrl: string;
  modes: ('popup' | 'redirect')[];
}

export interface IdentityProvider {
  /** Shown in logs and the start line, e.g. "sandbox" or "nice". */
  readonly name: string;
  /**
   * Asks the carrier whether the claim is its subscriber's (name, birth date, gender, nationality,
   * number, carrier): the verified person with CI/DI, or IDENTITY_MISMATCH / PROVIDER_REFUSED
   * (e.g. a corporate line).
   */
  checkMobileClaim(claim: MobileClaim): Promise<MobileCheck>;
  /** Sends the one-time code to the number by SMS (the server makes it and keeps only its HMAC). */
  sendCode(mobile: string, code: string): Promise<void>;
  /** Page-based methods offered (may be empty). */
  pageMethods(): ProviderPageMethod[];
  /**
   * Routes of the provider's side on this server, if any: the sandbox mounts its pages here; a real
   * provider mounts its return/callback endpoint, which finishes the verification with
   * `completeProviderVerification` (server/routes/verification.ts).
   */
  mount?(app: Hono, deps: ServerDeps): void;
}
