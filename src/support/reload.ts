/**
 * Firefox and WebKit keep a failed module import failed for the page's life (the HTML module map): a
 * part whose code failed to load and fails again on 다시 시도 while the browser is online will only load
 * after a reload. As the CDN entry does (src/cdn.ts, which keeps its own copy: it imports no chunk),
 * the host is asked first with a cancelable `membership-elements-reload` event on window, then the page
 * reloads; a wizard's draft (sessionStorage) resumes it where it was.
 */
export function reloadAfterFailedRetry(): void {
  if (typeof navigator === 'undefined' || !navigator.onLine) return;
  if (dispatchEvent(new Event('membership-elements-reload', { cancelable: true }))) location.reload();
}
