import type { MembershipError } from '../../api/errors.ts';
import type { VerificationMethod, VerificationResult } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { FlowStore, type FlowOptions } from '../store.ts';
import type { IdentityFlowEvent, IdentityFocus, IdentityOperation } from './events.ts';
import { availableMethods, type PartStatus } from './methods.ts';
import type { MobileModel, MobileModelOptions } from './mobile-model.ts';
import type { IdentitySettings, IdentityStep, IdentityView } from './view.ts';

export type { IdentitySettings, IdentityStep, IdentityView } from './view.ts';

/** Builds the mobile model once its code has loaded (it is its own chunk: the flow imports its type only). */
export type MobileFactory = (options: MobileModelOptions) => MobileModel;

/**
 * `<identity-verify>` with no DOM (see ../README.md): which methods are offered, the choice, the mobile
 * verification (its model arrives with its chunk), the result and the events. The provider window
 * (popup, postMessage, redirect) stays with the element; it reports here through `verified`/`failed`.
 */
export class IdentityFlow extends FlowStore<IdentityView, IdentityFlowEvent> {
  #settings: IdentitySettings = { client: undefined, siteConfig: { status: 'idle' }, purpose: 'signup', nationality: 'domestic', locale: 'ko', parts: {} };
  #methodId: string | undefined;
  #choice: string | undefined;
  #choiceMissing = false;
  #verified: VerificationResult | undefined;
  #mobile: MobileModel | undefined;
  #focus: { target: IdentityFocus | 'none'; seq: number } = { target: 'none', seq: 0 };
  /** The element's clock (countdowns, birth-date rule); tests pin it. */
  clock: () => number;

  constructor(options: FlowOptions<IdentityFlowEvent> & { clock?: () => number } = {}) {
    super(options);
    this.clock = options.clock ?? (() => Date.now());
  }

  /** What the host knows now (attributes, site config, loaded parts). A new purpose, reset id or methods list calls for `reset()`. */
  configure(settings: IdentitySettings): void {
    this.#settings = settings;
    this.notify();
  }

  get methods(): VerificationMethod[] {
    const config = this.#settings.siteConfig;
    return config.status === 'complete' ? availableMethods(config.value, this.#settings.methods) : [];
  }

  get method(): VerificationMethod | undefined {
    return this.methods.find((method) => method.id === this.#methodId);
  }

  get mobile(): MobileModel | undefined {
    return this.#mobile;
  }

  protected snapshot(): IdentityView {
    const mobile = this.#mobile;
    return {
      step: this.#step(),
      methods: this.methods,
      method: this.method,
      choice: this.#choice,
      choiceMissing: this.#choiceMissing,
      verifiedName: this.#verified?.person.name,
      configError: this.#settings.siteConfig.status === 'error' ? this.#settings.siteConfig.error : undefined,
      mobile,
      alternative: this.methods.find((m) => m.kind === 'provider'),
      focus: this.#focus,
    };
  }

  #step(): IdentityStep {
    if (this.#verified) return 'done';
    const config = this.#settings.siteConfig;
    if (config.status === 'error') return 'config-error';
    if (config.status !== 'complete') return config.status === 'idle' ? 'idle' : 'loading';
    if (this.methods.length === 0) return 'no-method';
    const method = this.method;
    if (!method) return 'choose';
    const part: PartStatus | undefined = this.#settings.parts[method.kind === 'otp' ? 'mobile' : 'provider'];
    if (part === 'error') return 'part-error';
    if (part !== 'ready') return 'part-loading';
    if (method.kind === 'provider') return 'provider';
    if (!this.#mobile) return 'part-loading';
    return this.#mobile.stage === 'code' ? 'mobile-code' : 'mobile-form';
  }

  /** A radio of the method choice was picked. */
  pick(methodId: string): void {
    this.#choice = methodId;
    this.#choiceMissing = false;
    this.notify();
  }

  /** "다음" on the method choice: the method to enter, or undefined (then the choice says it is missing). */
  submitChoice(): VerificationMethod | undefined {
    const method = this.methods.find((m) => m.id === this.#choice);
    if (!method) {
      this.#choiceMissing = true;
      this.requestFocus('choice');
    }
    return method;
  }

  /** The only method, entered at once (no choice to make). */
  singleMethod(): VerificationMethod | undefined {
    const [only, ...others] = this.methods;
    return only && others.length === 0 ? only : undefined;
  }

  /** Goes into a method; a mobile one starts as soon as its model is there. */
  enter(method: VerificationMethod): void {
    this.#methodId = method.id;
    if (method.kind === 'otp') this.#startMobile();
    else this.#mobile?.reset();
    this.notify();
  }

  /** The mobile chunk loaded: builds its model (once) and starts it when mobile is the method. */
  attachMobile(create: MobileFactory): void {
    this.#mobile ??= create({
      client: () => this.#settings.client,
      purpose: () => this.#settings.purpose,
      resetId: () => this.#settings.resetId,
      clock: () => this.clock(),
      nationality: () => this.#settings.nationality,
      locale: () => this.#settings.locale,
      onChange: () => this.notify(),
      onVerified: (result) => this.verified(result),
      onError: (error, operation) => this.failed(error, operation),
      announce: (key) => this.announce(key),
      focus: (target) => this.requestFocus(target),
    });
    if (this.method?.kind === 'otp') this.#startMobile();
    this.notify();
  }

  #startMobile(): void {
    const mobile = this.#mobile;
    if (!mobile || mobile.stage !== 'idle') return;
    mobile.reset(); // takes the current nationality (set after construction)
    void mobile.start();
  }

  /** "다른 인증 방법 선택": back to the choice, the mobile attempt forgotten. */
  back(): void {
    this.#mobile?.reset();
    this.#methodId = undefined;
    this.notify();
  }

  /** Forgets the current attempt and goes back to the method choice (the element then enters a single method). */
  reset(): void {
    this.#mobile?.reset();
    this.#methodId = undefined;
    this.#choice = undefined;
    this.#choiceMissing = false;
    this.#verified = undefined;
    this.notify();
  }

  /** Resumes a method entered elsewhere (back from a provider's redirect). */
  resumeMethod(methodId: string): void {
    this.#methodId = methodId;
    this.notify();
  }

  /** The person was verified (by either method): the typed details leave memory. */
  verified(result: VerificationResult): void {
    this.#verified = result;
    this.emit({ type: 'verified', result });
    this.#mobile?.reset();
    this.notify();
  }

  /** A failure the screen shows, reported to the host by code. */
  failed(error: MembershipError, operation: IdentityOperation): void {
    this.emit({ type: 'error', error, method: this.#methodId, operation });
  }

  announce(key: MessageKey): void {
    this.emit({ type: 'announce', key });
  }

  requestFocus(target: IdentityFocus): void {
    this.#focus = { target, seq: this.#focus.seq + 1 };
    this.notify();
  }

  /** The element left the document: running work stops (a start runs again on `resume`). */
  pause(): void {
    this.#mobile?.pause();
  }

  resume(): void {
    this.#mobile?.resume();
  }
}
