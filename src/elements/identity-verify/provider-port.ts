import type { ReactiveControllerHost } from 'lit';
import type { VerificationMethod, VerificationPurpose } from '../../api/schemas.ts';
import type { MembershipRuntime } from '../../context/runtime.ts';
import type { IdentityFlow } from '../../flows/identity/identity-flow.ts';
import type { LazyPart } from '../shared/lazy-part.ts';
import type { ProviderFlow, ProviderMethod } from './provider-flow.ts';
import { prefersRedirect, readPendingRedirect, readRedirectReturn, withoutReturnParams } from './redirect.ts';

export type VerifyMode = 'popup' | 'redirect' | 'auto';
type ProviderPart = typeof import('./provider-part.ts');

export interface ProviderPortOptions {
  host: ReactiveControllerHost & HTMLElement;
  part: LazyPart<ProviderPart>;
  flow: IdentityFlow;
  runtime: () => MembershipRuntime | undefined;
  purpose: () => VerificationPurpose;
  resetId: () => string | undefined;
  returnUrl: () => string | undefined;
  mode: () => VerifyMode;
  /** Unique per element: a second click reuses the same window. */
  windowName: () => string;
  clock: () => number;
  openingText: () => string;
}

/**
 * The provider window of `<identity-verify>` (popup, its messages, or a full-page redirect): the one
 * part of the journey that needs a browser, so it stays with the element. It reports the result and
 * failures to the IdentityFlow.
 */
export class ProviderPort {
  #options: ProviderPortOptions;
  #window: ProviderFlow | undefined;

  constructor(options: ProviderPortOptions) {
    this.#options = options;
  }

  /** The window flow, built once its part has loaded. */
  get window(): ProviderFlow | undefined {
    const part = this.#options.part.value;
    const o = this.#options;
    this.#window ??= part
      ? new part.ProviderFlow(o.host, {
          runtime: o.runtime,
          purpose: o.purpose,
          resetId: o.resetId,
          returnUrl: () => o.returnUrl() ?? withoutReturnParams(),
          windowName: o.windowName(),
          clock: o.clock,
          openingText: o.openingText,
          onVerified: (result) => {
            o.flow.verified(result);
            this.#window?.reset();
          },
          onError: (error, operation) => o.flow.failed(error, operation),
        })
      : undefined;
    return this.#window;
  }

  /** The step's suffix: `idle`, `waiting`, `blocked`, … */
  get stage(): string {
    return this.#window?.stage ?? 'idle';
  }

  reset(): void {
    this.#window?.reset();
  }

  /** Selects a provider method; with `open` (in a click) its popup opens right there. */
  enter(method: VerificationMethod, open: boolean): void {
    const window = this.window;
    if (window) {
      window.select(method as ProviderMethod);
      if (open) this.open();
      return;
    }
    // Not loaded yet (the idle prefetch has not run, or a slow network): the step shows its own open
    // button once it is. A redirect needs no click of its own (only a popup must open inside one), so
    // one asked for with the press that chose the method goes on as soon as the code is in.
    void this.#options.part.load().then(() => {
      if (this.#options.flow.method?.id !== method.id) return;
      this.window?.select(method as ProviderMethod);
      if (open && this.mode() === 'redirect') this.open();
    });
  }

  open(): void {
    const window = this.window;
    if (this.mode() === 'redirect') void window?.startRedirect();
    else window?.openPopup();
  }

  mode(): 'popup' | 'redirect' {
    const method = this.#window?.method;
    const mode = this.#options.mode();
    const wanted = mode === 'auto' ? (prefersRedirect() ? 'redirect' : 'popup') : mode === 'redirect' ? 'redirect' : 'popup';
    if (!method || method.modes.includes(wanted)) return wanted;
    return method.modes[0] ?? 'popup';
  }

  /** Back from a provider's full-page redirect: resumes the verification this page started. */
  resumeRedirect(): boolean {
    const { flow, purpose } = this.#options;
    const answer = readRedirectReturn();
    const pending = readPendingRedirect();
    if (!answer || !pending || pending.verificationId !== answer.verificationId || pending.purpose !== purpose()) return false;
    const method = flow.methods.find((m): m is ProviderMethod => m.id === pending.method && m.kind === 'provider');
    flow.resumeMethod(pending.method);
    void this.#options.part.load().then(() => {
      const window = this.window;
      if (window && flow.method?.id === pending.method) void window.resume(method, answer);
    });
    return true;
  }
}
