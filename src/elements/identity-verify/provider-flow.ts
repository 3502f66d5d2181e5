import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey } from '../../api/client.ts';
import type { VerificationStart } from '../../api/contract.ts';
import { MembershipError } from '../../api/errors.ts';
import type { VerificationMethod, VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { MembershipRuntime } from '../../context/runtime.ts';
import type { IdentityVerifyErrorDetail } from './events.ts';
import { toMembershipError } from './problem.ts';
import { clearPendingRedirect, cleanReturnParams, navigation, savePendingRedirect, type RedirectReturn } from './redirect.ts';

export type ProviderMethod = Extract<VerificationMethod, { kind: 'provider' }>;
export type ProviderStage =
  | 'idle' // ready to open (needs a click: popup blockers)
  | 'starting' // window open, asking the API for the provider URL
  | 'waiting' // the user is in the provider window
  | 'blocked' // window.open gave nothing
  | 'closed' // the window was closed without a result
  | 'cancelled' // the provider reported a cancel
  | 'redirecting' // leaving the page for the provider
  | 'exchanging' // trading the result id for the token
  | 'failed'; // an API error (see `error`)

type Operation = IdentityVerifyErrorDetail['operation'];

export interface ProviderFlowOptions {
  runtime: () => MembershipRuntime | undefined;
  purpose: () => VerificationPurpose;
  resetId: () => string | undefined;
  /** Where the provider sends the browser back in redirect mode. */
  returnUrl: () => string;
  /** Unique per element: a second click reuses the same window. */
  windowName: string;
  clock: () => number;
  /** Text shown in the blank window while the provider URL is on its way. */
  openingText: () => string;
  onVerified: (result: VerificationResult) => void;
  onError: (error: MembershipError, operation: Operation) => void;
}

/** What the provider page posts to its opener (server/sandbox/routes.ts shows the shape). */
interface ProviderMessage {
  type: 'membership-verification';
  verificationId: string;
  resultId?: string;
  cancelled?: true;
}

function isProviderMessage(data: unknown): data is ProviderMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  if (message.type !== 'membership-verification' || typeof message.verificationId !== 'string') return false;
  if (message.cancelled === true) return true;
  return typeof message.resultId === 'string' && message.resultId.length > 0 && message.resultId.length <= 200;
}

/** An exchange pending this long says "still working" (as flows/job.ts's default; not imported: its code stays out of this part). */
const slowAfterMs = 3000;
const popupWidth = 480;
const popupHeight = 720;
const pollMs = 500;

/**
 * Provider methods (i-PIN and the like, docs/domain.md "Identity verification"): opens the provider page in a popup — or leaves
 * the page for it in redirect mode — and exchanges the opaque result id for the verification token.
 * A message counts only when it comes from the provider's origin AND from the window this flow opened
 * AND names this verification; nothing the provider says is trusted beyond that id.
 */
export class ProviderFlow implements ReactiveController {
  stage: ProviderStage = 'idle';
  method: ProviderMethod | undefined;
  error: MembershipError | undefined;
  errorOperation: Operation | undefined;
  /** The exchange has been running for a few seconds: say "still working" and offer to stop waiting. */
  slow = false;

  #host: ReactiveControllerHost;
  #options: ProviderFlowOptions;
  #popup: Window | null = null;
  #verificationId: string | undefined;
  #origin: string | undefined;
  #expiresAt = Infinity;
  #resultId: string | undefined;
  /** The Idempotency-Key of the exchange of one result: its retries repeat the same request. */
  #exchangeKey: { resultId: string; key: string } | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #closedPolls = 0;
  #exchangeAbort: AbortController | undefined;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: ProviderFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.stage === 'waiting' || this.stage === 'starting') this.#watch();
  }

  hostDisconnected(): void {
    this.#unwatch();
  }

  /** Chooses the method without opening anything yet (the open needs the user's click). */
  select(method: ProviderMethod): void {
    this.reset();
    this.method = method;
    this.#host.requestUpdate();
  }

  /**
   * Popup mode. Call it synchronously in the click handler: popup blockers allow a window only inside
   * the user's gesture, so a blank window opens first and goes to the provider once the API answers.
   */
  openPopup(): void {
    const method = this.method;
    if (!method) return;
    this.#closePopup();
    this.#unwatch();
    this.error = undefined;
    const popup = window.open('', this.#options.windowName, popupFeatures());
    if (!popup) {
      this.#setStage('blocked');
      return;
    }
    this.#popup = popup;
    try {
      popup.document.title = this.#options.openingText();
      popup.document.body.textContent = this.#options.openingText();
    } catch {
      // A window of another origin left open by an earlier attempt: it is navigated below anyway.
    }
    this.#setStage('starting');
    this.#watch();
    void this.#startPopup(method, popup);
  }

  async #startPopup(method: ProviderMethod, popup: Window): Promise<void> {
    try {
      const start = await this.#start(method, 'popup');
      if (this.#popup !== popup) return;
      if (popup.closed) {
        this.#setStage('closed');
        return;
      }
      this.#verificationId = start.verificationId;
      this.#origin = new URL(start.origin).origin;
      this.#expiresAt = Date.parse(start.expiresAt);
      navigation.load(popup, start.providerUrl);
      this.#setStage('waiting');
    } catch (error) {
      if (this.#popup !== popup) return;
      this.#closePopup();
      this.#unwatch();
      this.#fail(toMembershipError(error), 'start');
    }
  }

  /** Brings the provider window to the front (it may be behind the page). */
  focusPopup(): void {
    this.#popup?.focus();
  }

  /** Redirect mode: leaves the page for the provider; {@link resume} picks up on the way back. */
  async startRedirect(): Promise<void> {
    const method = this.method;
    if (!method) return;
    this.#closePopup();
    this.#unwatch();
    this.error = undefined;
    this.#setStage('redirecting');
    try {
      const start = await this.#start(method, 'redirect');
      savePendingRedirect({ verificationId: start.verificationId, method: method.id, purpose: this.#options.purpose(), startedAt: Date.now() });
      navigation.assign(start.providerUrl);
    } catch (error) {
      this.#fail(toMembershipError(error), 'start');
    }
  }

  /** Back from a redirect: the provider's answer for the verification this page started. */
  async resume(method: ProviderMethod | undefined, answer: RedirectReturn): Promise<void> {
    this.reset();
    this.method = method;
    this.#verificationId = answer.verificationId;
    clearPendingRedirect();
    if (answer.cancelled) {
      cleanReturnParams();
      this.#setStage('cancelled');
      return;
    }
    try {
      await this.#exchange(answer.resultId);
    } finally {
      cleanReturnParams();
    }
  }

  /** After a transient failure of the exchange: the same result id again (it was not used). */
  retryExchange(): Promise<void> {
    return this.#resultId ? this.#exchange(this.#resultId) : Promise.resolve();
  }

  /** The person stops waiting for the exchange: it ends as a cancelled failure whose retry exchanges again. */
  cancelExchange(): void {
    if (this.stage === 'exchanging') this.#exchangeAbort?.abort();
  }

  /** Closes the window and forgets the attempt; the method stays chosen. */
  reset(): void {
    this.#stopExchange();
    this.#closePopup();
    this.#unwatch();
    this.#verificationId = undefined;
    this.#origin = undefined;
    this.#resultId = undefined;
    this.#expiresAt = Infinity;
    this.error = undefined;
    this.errorOperation = undefined;
    this.stage = 'idle';
    this.#host.requestUpdate();
  }

  async #start(method: ProviderMethod, mode: 'popup' | 'redirect'): Promise<Extract<VerificationStart, { kind: 'provider' }>> {
    const runtime = this.#options.runtime();
    if (!runtime) throw new MembershipError({ code: 'SITE_UNKNOWN', message: 'identity-verify: no membership API configured' });
    const resetId = this.#options.resetId();
    const start = await runtime.client.call('startVerification', {
      body: {
        method: method.id,
        purpose: this.#options.purpose(),
        mode,
        ...(mode === 'redirect' ? { returnUrl: this.#options.returnUrl() } : {}),
        ...(resetId ? { resetId } : {}),
      },
    });
    if (start.kind !== 'provider') throw new MembershipError({ code: 'INVALID_RESPONSE', message: `${method.id} did not start as a provider verification` });
    return start;
  }

  async #exchange(resultId: string): Promise<void> {
    const runtime = this.#options.runtime();
    const verificationId = this.#verificationId;
    if (!runtime || !verificationId) return;
    this.#resultId = resultId;
    this.error = undefined;
    this.#stopExchange();
    const abort = (this.#exchangeAbort = new AbortController());
    this.#slowTimer = setTimeout(() => {
      if (this.#exchangeAbort !== abort) return;
      this.slow = true;
      this.#host.requestUpdate();
    }, slowAfterMs);
    this.#setStage('exchanging');
    try {
      // One key per result: a retry after a lost or cancelled answer is the same request, so the server
      // answers it again instead of refusing a second exchange.
      if (this.#exchangeKey?.resultId !== resultId) this.#exchangeKey = { resultId, key: newIdempotencyKey() };
      const result = await runtime.client.call('exchangeProviderResult', { params: { verificationId }, body: { resultId } }, { signal: abort.signal, idempotencyKey: this.#exchangeKey.key });
      if (this.#exchangeAbort !== abort || abort.signal.aborted) throw abort.signal.reason;
      this.#stopExchange();
      this.#resultId = undefined;
      this.#options.onVerified(result);
    } catch (error) {
      if (this.#exchangeAbort !== abort) return; // reset, or a newer exchange
      this.#stopExchange();
      // A cancel keeps the result id and its key: the retry is the same request (the server answers it again).
      this.#fail(abort.signal.aborted ? new MembershipError({ code: 'ABORTED', message: 'cancelled by the user' }) : toMembershipError(error), 'exchange');
    }
  }

  #stopExchange(): void {
    clearTimeout(this.#slowTimer);
    this.#exchangeAbort = undefined;
    this.slow = false;
  }

  #onMessage = (event: MessageEvent): void => {
    if (this.stage !== 'waiting' || !this.#popup || !this.#origin) return;
    if (event.origin !== this.#origin || event.source !== this.#popup) return;
    const data: unknown = event.data;
    if (!isProviderMessage(data) || data.verificationId !== this.#verificationId) return;
    this.#unwatch();
    this.#popup = null;
    if (data.cancelled) this.#setStage('cancelled');
    else void this.#exchange(data.resultId!);
  };

  #watch(): void {
    if (this.#poll !== undefined) return;
    window.addEventListener('message', this.#onMessage);
    this.#closedPolls = 0;
    this.#poll = setInterval(() => this.#check(), pollMs);
  }

  #unwatch(): void {
    window.removeEventListener('message', this.#onMessage);
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  #check(): void {
    if (this.stage === 'waiting' && this.#options.clock() >= this.#expiresAt) {
      this.#closePopup();
      this.#unwatch();
      this.#fail(new MembershipError({ code: 'VERIFICATION_EXPIRED' }), 'provider');
      return;
    }
    // Two polls in a row: the result page posts, then closes itself — let its message arrive first.
    this.#closedPolls = this.#popup?.closed ? this.#closedPolls + 1 : 0;
    if (this.#closedPolls < 2) return;
    this.#unwatch();
    this.#popup = null;
    if (this.stage === 'waiting' || this.stage === 'starting') this.#setStage('closed');
  }

  #closePopup(): void {
    const popup = this.#popup;
    this.#popup = null;
    try {
      if (popup && !popup.closed) popup.close();
    } catch {
      // Already gone.
    }
  }

  #fail(error: MembershipError, operation: Operation): void {
    this.error = error;
    this.errorOperation = operation;
    this.#options.onError(error, operation);
    this.#setStage('failed');
  }

  #setStage(stage: ProviderStage): void {
    this.stage = stage;
    this.#host.requestUpdate();
  }
}

/** A centred popup of a provider window's usual size. */
function popupFeatures(): string {
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - popupWidth) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - popupHeight) / 2));
  return `popup=yes,width=${popupWidth},height=${popupHeight},left=${left},top=${top}`;
}
