/** Company homepage: an http(s) address, typed with or without the scheme. */
import { isBlank } from './digits.ts';
import { isValidDomainName } from './email.ts';
import { fieldMaxLengths } from './limits.ts';

export const homepageErrorCodes = ['HOMEPAGE_REQUIRED', 'HOMEPAGE_INVALID'] as const;
export type HomepageError = (typeof homepageErrorCodes)[number];

/** Trimmed, with `http://` added when no scheme was typed (the KOTRA form shows `http://` before the box). */
export function normalizeHomepage(value: string): string {
  const url = value.trim();
  // `host:8080` is a port, not a scheme; `javascript:` and `mailto:` are kept so the check refuses them.
  const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])/.test(url);
  // http, not https: an https site redirects from http, an http-only site fails over https.
  return url === '' || hasScheme ? url : `http://${url}`;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Why a homepage is refused, or null: only http(s), a public host name, no credentials, no spaces. */
export function checkHomepage(value: string): HomepageError | null {
  if (isBlank(value)) return 'HOMEPAGE_REQUIRED';
  const normalized = normalizeHomepage(value);
  if (normalized.length > fieldMaxLengths.homepage || /\s/.test(normalized)) return 'HOMEPAGE_INVALID';
  const url = parseUrl(normalized);
  const valid =
    url !== null &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    isValidDomainName(url.hostname);
  return valid ? null : 'HOMEPAGE_INVALID';
}
