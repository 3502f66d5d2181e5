import type { VerificationPurpose } from '../../api/schemas.ts';

// Full-page redirect mode (docs/domain.md "Identity verification": popups break on iOS Safari and in-app browsers): before
// leaving, the element keeps which verification it started in sessionStorage — id, method and
// purpose only, never a token or personal data — and on the way back reads the provider's
// `mv_verification` + `mv_result` (or `mv_cancelled=1`) from the address, exchanges the result,
// then removes those parameters with history.replaceState.

export interface PendingRedirect {
  verificationId: string;
  method: string;
  purpose: VerificationPurpose;
  /** When the element left the page (ms since epoch); stale entries are dropped. */
  startedAt: number;
}

export type RedirectReturn =
  | { verificationId: string; resultId: string; cancelled: false }
  | { verificationId: string; resultId: null; cancelled: true };

const storageKey = 'membership-elements:identity-verify:pending';
/** A verification lives 10 minutes on the reference server; older entries cannot resume. */
const pendingLifetimeMs = 30 * 60 * 1000;
const returnParams = ['mv_verification', 'mv_result', 'mv_cancelled'] as const;

/**
 * How the element sends a window somewhere: this page (redirect mode) or the popup it opened. A seam
 * for tests (a page cannot stub `location.assign`); sites have no reason to replace it.
 */
export const navigation = {
  assign(url: string): void {
    location.assign(url);
  },
  /** Replace, not assign: the popup's blank first page stays out of its history. */
  load(popup: Window, url: string): void {
    popup.location.replace(url);
  },
};

export function savePendingRedirect(pending: PendingRedirect): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(pending));
  } catch {
    // Storage off (private mode, quota): the return still carries the verification id; resuming
    // then fails safely with "start again".
  }
}

export function readPendingRedirect(now = Date.now()): PendingRedirect | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PendingRedirect>;
    const fresh = typeof value.startedAt === 'number' && now - value.startedAt < pendingLifetimeMs;
    if (typeof value.verificationId === 'string' && typeof value.method === 'string' && typeof value.purpose === 'string' && fresh) {
      return value as PendingRedirect;
    }
  } catch {
    // Unreadable: treated as absent.
  }
  clearPendingRedirect();
  return null;
}

export function clearPendingRedirect(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing to clear.
  }
}

/** The provider's answer in the current address, if any. */
export function readRedirectReturn(href = location.href): RedirectReturn | null {
  const params = new URL(href).searchParams;
  const verificationId = params.get('mv_verification');
  if (!verificationId) return null;
  if (params.get('mv_cancelled') === '1') return { verificationId, resultId: null, cancelled: true };
  const resultId = params.get('mv_result');
  return resultId ? { verificationId, resultId, cancelled: false } : null;
}

/** `href` without the provider's return parameters (the default return URL, and the cleaned address). */
export function withoutReturnParams(href = location.href): string {
  const url = new URL(href);
  for (const name of returnParams) url.searchParams.delete(name);
  return url.href;
}

/** Removes the provider's parameters from the address bar and history entry (the result id is single-use). */
export function cleanReturnParams(): void {
  const clean = withoutReturnParams();
  if (clean !== location.href) history.replaceState(history.state, '', clean);
}

/**
 * `mode="auto"`: redirect where popups are known to break, popup elsewhere. The sniffing is kept to
 * two facts and may be wrong both ways, which costs only convenience (redirect works everywhere):
 * - iOS/iPadOS (incl. iPadOS's desktop user agent: "Macintosh" with a touch screen), where Safari
 *   opens window.open as a tab and in-app views drop the opener;
 * - in-app browsers that lose `window.opener` or block popups: KakaoTalk, NAVER, LINE, Instagram,
 *   Facebook, Daum, and Android WebViews (`; wv)`).
 */
export function prefersRedirect(userAgent = navigator.userAgent, maxTouchPoints = navigator.maxTouchPoints): boolean {
  const iOS = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const inApp = /KAKAOTALK|NAVER\(inapp|Line\/|Instagram|FBAN|FBAV|DaumApps|; wv\)/i.test(userAgent);
  return iOS || inApp;
}
