import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { stepHeading, toHeadingLevel } from '../shared/heading.ts';
import type { Nationality, VerificationMethod, VerificationPurpose, VerificationResult } from '../../api/schemas.ts';
import type { MembershipError } from '../../api/errors.ts';
import { MembershipElement } from '../shared/membership-element.ts';
import { OtpInput } from '../shared/otp-input.ts';
import { PhoneInput } from '../shared/phone-input.ts';
import { IdentityVerifiedEvent, IdentityVerifyErrorEvent, type IdentityVerifyErrorDetail } from './events.ts';
import { identityVerifyStyles } from './identity-verify.styles.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { renderMethodChoice } from './method-choice.ts';
import type { MobileFlow } from './mobile-flow.ts';
import type { MobileView } from './mobile-form.ts';
import { errorText, renderAlert } from './problem.ts';
import type { ProviderFlow, ProviderMethod } from './provider-flow.ts';
import { prefersRedirect, readPendingRedirect, readRedirectReturn, withoutReturnParams } from './redirect.ts';

export type VerifyMode = 'popup' | 'redirect' | 'auto';

/**
 * Identity verification (본인인증) by mobile OTP or a provider window (i-PIN), as the site offers them
 * (docs/domain.md, "Identity verification"). Hands the host an opaque, single-use verification token;
 * personal data from the provider never passes through the browser. Renders in the light DOM: parts
 * are `data-part` attributes (style them with `[data-part~="…"]`), not shadow parts.
 *
 * @tag identity-verify
 * @summary Verifies who the user is (mobile phone or i-PIN) and emits the verification token.
 *
 * @fires {IdentityVerifiedEvent} identity-verified - The person was verified: token, method, purpose and display-safe person facts (never CI/DI or the mobile number).
 * @fires {IdentityVerifyErrorEvent} identity-verify-error - An error was shown to the user (codes only, for logging).
 *
 * @method reset - Forgets the current attempt and starts over at the method choice.
 *
 * @csspart method-choice - The method choice form.
 * @csspart method-cards - The list of methods.
 * @csspart method-card - One method (radio, name, description).
 * @csspart method-name - A method's name.
 * @csspart method-description - A method's description.
 * @csspart tag - A small label on a method card.
 * @csspart mobile-form - The mobile verification form (carrier, name, birth date, number, captcha).
 * @csspart intro - The sentence opening a form.
 * @csspart choices - A group of radio choices (carrier, nationality, gender).
 * @csspart choice - One radio choice.
 * @csspart captcha - The security text block.
 * @csspart captcha-image - The security text image.
 * @csspart captcha-refresh - The button showing another image.
 * @csspart captcha-listen - The button reading the security text aloud.
 * @csspart captcha-audio - The (hidden) audio element playing it.
 * @csspart terms-list - The provider terms to agree to.
 * @csspart terms-all - The "agree to all" provider terms choice.
 * @csspart terms-document - One provider term's disclosure (its summary opens the text).
 * @csspart terms-text - A provider term's text.
 * @csspart code-form - The 6-digit code form with its countdown.
 * @csspart provider - The provider (i-PIN) step: open the window, wait, retry.
 * @csspart other-method - The link back to the method choice.
 * @csspart done - The "verified" message.
 * @csspart notice - An informative message (loading).
 * @csspart alert - An error with what to do next (`role="alert"`).
 * @csspart alert-message - The alert's sentence.
 * @csspart alert-extra - The alert's extra guidance.
 * @csspart alert-actions - The alert's buttons.
 * @csspart actions - A form's buttons.
 * @csspart button - Every button; `button-primary` and `button-link` mark kinds.
 * @csspart button-primary - The main button of a form.
 * @csspart button-link - A button drawn as a link.
 * @csspart field - A labelled field with its hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart visually-hidden - Text for screen readers only (announcements).
 *
 * @cssprop --mb-font-family - Font of every text.
 * @cssprop --mb-font-size - Body text size.
 * @cssprop --mb-font-size-small - Hints, statuses, errors, labels in the review.
 * @cssprop --mb-font-size-title - Step and section headings.
 * @cssprop --mb-line-height - Line height of text.
 * @cssprop --mb-color-text - Text.
 * @cssprop --mb-color-text-subtle - Secondary text: hints, statuses, review labels.
 * @cssprop --mb-color-surface - Background of fields, cards and buttons.
 * @cssprop --mb-color-surface-subtle - Background of notices, terms text and secondary panels.
 * @cssprop --mb-color-border - Borders of fields and cards, separators.
 * @cssprop --mb-color-border-strong - Borders of controls that need more contrast (checkboxes, radios).
 * @cssprop --mb-color-primary - Primary buttons, links, checked choices, the current step.
 * @cssprop --mb-color-primary-hover - Primary buttons on hover.
 * @cssprop --mb-color-on-primary - Text on primary buttons.
 * @cssprop --mb-color-danger - Errors and invalid fields.
 * @cssprop --mb-color-danger-surface - Background of alerts.
 * @cssprop --mb-color-success - Success statuses (ID available, identity verified).
 * @cssprop --mb-color-success-surface - Background of success statuses.
 * @cssprop --mb-color-focus - Colour of the focus ring.
 * @cssprop --mb-radius - Corner radius of fields, buttons and cards.
 * @cssprop --mb-radius-small - Corner radius of small controls and tags.
 * @cssprop --mb-space-1 - Spacing, smallest step (gaps inside a field).
 * @cssprop --mb-space-2 - Spacing, second step.
 * @cssprop --mb-space-3 - Spacing, third step.
 * @cssprop --mb-space-4 - Spacing, fourth step (between fields).
 * @cssprop --mb-space-6 - Spacing, sixth step (between sections).
 * @cssprop --mb-space-8 - Spacing, largest step.
 * @cssprop --mb-control-height - Minimum height of inputs and buttons.
 * @cssprop --mb-focus-ring - Focus ring (a box-shadow value).
 * @cssprop --mb-max-width - Maximum width of the forms.
 *
 * @dependency mb-otp-input, mb-phone-input
 */
export class IdentityVerify extends MembershipElement {
  static override properties: PropertyDeclarations = {
    methodId: { state: true },
    choice: { state: true },
    choiceError: { state: true },
    verifiedName: { state: true },
    announcement: { state: true },
    purpose: {},
    methods: {},
    mode: {},
    returnUrl: { attribute: 'return-url' },
    resetId: { attribute: 'reset-id' },
    nationality: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    clock: { attribute: false },
  };

  static override sheets = [identityVerifyStyles];
  /** @internal The on-demand parts (own chunks); tests replace them to simulate a failed load. */
  static parts = {
    mobile: () => import('./mobile-part.ts'),
    provider: () => import('./provider-part.ts'),
  };
  static dependencies = { 'mb-otp-input': OtpInput, 'mb-phone-input': PhoneInput };

  declare private methodId: string | undefined;
  declare private choice: string | undefined;
  declare private choiceError: boolean;
  declare private verifiedName: string | undefined;
  declare private announcement: string;

  /** What the verification is for; the API binds the token to it. */
  declare purpose: VerificationPurpose;
  /** Comma list narrowing the site's methods, e.g. `mobile` or `ipin,mobile` (the site's order stays). */
  declare methods?: string;
  /** Provider windows: `popup`, `redirect`, or `auto` (redirect on iOS and in-app browsers). */
  declare mode: VerifyMode;
  /** Redirect mode: where the provider returns to (default: this page without the `mv_*` parameters). */
  declare returnUrl?: string;
  /** reset-password: the password reset this verification proves. */
  declare resetId?: string;
  /** The mobile form's nationality at first; carriers' own forms start at domestic too. */
  declare nationality: Nationality;
  /** Level of this element's headings (2–6), so they fit under the page's own heading. */
  declare headingLevel: number;
  /** The clock countdowns read (tests pass their own); the device clock by default. */
  declare clock: () => number;

  readonly #mobilePart = new LazyPart(this, () => IdentityVerify.parts.mobile());
  readonly #providerPart = new LazyPart(this, () => IdentityVerify.parts.provider());
  // Built when their part has loaded.
  #mobile: MobileFlow | undefined;
  #provider: ProviderFlow | undefined;
  #prefetched = false;

  #resumeChecked = false;
  #lastStep: string | undefined;
  #interacted = false;

  /** The methods offered here: the site's, narrowed by `methods`. */
  get #available(): VerificationMethod[] {
    const config = this.membership.siteConfig;
    if (config.status !== 'complete') return [];
    const wanted = this.methods?.split(',').map((id) => id.trim()).filter(Boolean);
    return config.value.verificationMethods.filter((method) => !wanted?.length || wanted.includes(method.id));
  }

  get #step(): string {
    if (this.verifiedName !== undefined) return 'done';
    const config = this.membership.siteConfig;
    if (config.status === 'error') return 'config-error';
    if (config.status !== 'complete') return config.status === 'idle' ? 'idle' : 'loading';
    if (this.#available.length === 0) return 'no-method';
    if (!this.methodId) return 'choose';
    const part = this.methodId === 'mobile' ? this.#mobilePart.state : this.#providerPart.state;
    if (part.status === 'error') return 'part-error';
    if (part.status !== 'ready') return 'part-loading';
    if (this.methodId === 'mobile') return this.#mobileFlow()?.stage === 'code' ? 'mobile-code' : 'mobile-form';
    return `provider-${this.#providerFlow()?.stage ?? 'idle'}`;
  }

  constructor() {
    super();
    this.choiceError = false;
    this.announcement = '';
    this.purpose = 'signup';
    this.mode = 'auto';
    this.nationality = 'domestic';
    this.headingLevel = 2;
    this.clock = () => Date.now();
    // Focus follows step changes only once the user has acted (never on page load).
    for (const type of ['click', 'submit']) this.addEventListener(type, () => (this.#interacted = true), { capture: true });
  }

  /** The mobile flow, built once its part has loaded. */
  #mobileFlow(): MobileFlow | undefined {
    const part = this.#mobilePart.value;
    this.#mobile ??= part
      ? new part.MobileFlow(this, {
          runtime: () => this.membership.runtime,
          purpose: () => this.purpose,
          resetId: () => this.resetId,
          clock: () => this.clock(),
          nationality: () => this.nationality,
          locale: () => this.membership.locale,
          onVerified: (result) => this.#verified(result),
          onError: (error, operation) => this.#reportError(error, operation),
          announce: (key) => this.#announce(this.t(key)),
        })
      : undefined;
    return this.#mobile;
  }

  /** The provider flow, built once its part has loaded. */
  #providerFlow(): ProviderFlow | undefined {
    const part = this.#providerPart.value;
    this.#provider ??= part
      ? new part.ProviderFlow(this, {
          runtime: () => this.membership.runtime,
          purpose: () => this.purpose,
          resetId: () => this.resetId,
          returnUrl: () => this.returnUrl ?? withoutReturnParams(),
          windowName: `${this.idPrefix}-identity-provider`,
          clock: () => this.clock(),
          openingText: () => this.t('identity.provider.opening'),
          onVerified: (result) => this.#verified(result),
          onError: (error, operation) => this.#reportError(error, operation),
        })
      : undefined;
    return this.#provider;
  }

  /** Runs with a flow once its part has loaded, unless the user went elsewhere meanwhile. */
  async #with<F>(part: LazyPart<unknown>, flow: () => F | undefined, methodId: string, run: (flow: F) => void): Promise<void> {
    await part.load();
    const ready = flow();
    if (ready && this.methodId === methodId) run(ready);
  }

  /** Forgets the current attempt and starts over at the method choice. */
  reset(): void {
    this.#mobile?.reset();
    this.#provider?.reset();
    this.methodId = undefined;
    this.choice = undefined;
    this.choiceError = false;
    this.verifiedName = undefined;
    this.#enterSingleMethod();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('purpose') || changed.has('resetId') || changed.has('methods'))) this.reset();
    if (this.membership.siteConfig.status === 'complete' && !this.#resumeChecked) {
      this.#resumeChecked = true;
      if (!this.#resumeRedirect()) this.#enterSingleMethod();
    }
  }

  protected override updated(): void {
    if (!this.#prefetched && this.membership.siteConfig.status === 'complete') {
      // After the first real render, when the browser is idle: the offered methods' code, so choosing one never waits.
      this.#prefetched = true;
      const kinds = new Set(this.#available.map((method) => method.kind));
      if (kinds.has('otp')) this.#mobilePart.prefetch();
      if (kinds.has('provider')) this.#providerPart.prefetch();
    }
    const step = this.#step;
    this.dataset.step = step;
    if (step === this.#lastStep) return;
    const first = this.#lastStep === undefined;
    this.#lastStep = step;
    // After this update: the blur it causes may touch a field, which must not land inside updated().
    if (!first && this.#interacted) void Promise.resolve().then(() => this.querySelector<HTMLElement>('[data-step-heading]')?.focus());
  }

  /** Back from a provider's full-page redirect: resume the verification this page started. */
  #resumeRedirect(): boolean {
    const answer = readRedirectReturn();
    const pending = readPendingRedirect();
    if (!answer || !pending || pending.verificationId !== answer.verificationId || pending.purpose !== this.purpose) return false;
    const method = this.#available.find((m): m is ProviderMethod => m.id === pending.method && m.kind === 'provider');
    this.methodId = pending.method;
    this.#interacted = true;
    void this.#with(this.#providerPart, () => this.#providerFlow(), pending.method, (flow) => void flow.resume(method, answer));
    return true;
  }

  #enterSingleMethod(): void {
    const [only, ...others] = this.#available;
    if (only && others.length === 0) this.#enter(only, { open: false });
  }

  /**
   * Goes into a method. For a provider in popup mode with `open`, the window opens right here: call
   * this synchronously from the click handler.
   */
  #enter(method: VerificationMethod, { open }: { open: boolean }): void {
    this.methodId = method.id;
    if (method.kind === 'otp') {
      this.#provider?.reset();
      void this.#with(this.#mobilePart, () => this.#mobileFlow(), method.id, (mobile) => {
        if (mobile.stage !== 'idle') return;
        mobile.reset(); // takes the current `nationality` (set after construction)
        void mobile.start();
      });
      return;
    }
    this.#mobile?.reset();
    const provider = this.#providerFlow();
    if (provider) {
      provider.select(method);
      if (open) this.#openProvider();
      return;
    }
    // Not loaded yet (rare after the idle prefetch): the step shows its own open button once it is.
    void this.#with(this.#providerPart, () => this.#providerFlow(), method.id, (flow) => flow.select(method));
  }

  /** Loads the part of the chosen method again after a failed load. */
  #retryPart = (): void => {
    const method = this.#available.find((m) => m.id === this.methodId);
    if (method) this.#enter(method, { open: false });
  };

  #openProvider(): void {
    const provider = this.#providerFlow();
    if (this.#providerMode() === 'redirect') void provider?.startRedirect();
    else provider?.openPopup();
  }

  #providerMode(): 'popup' | 'redirect' {
    const method = this.#provider?.method;
    const wanted = this.mode === 'auto' ? (prefersRedirect() ? 'redirect' : 'popup') : this.mode === 'redirect' ? 'redirect' : 'popup';
    if (!method || method.modes.includes(wanted)) return wanted;
    return method.modes[0] ?? 'popup';
  }

  #verified(result: VerificationResult): void {
    this.verifiedName = result.person.name;
    this.emit(new IdentityVerifiedEvent(result));
    // Nothing typed is needed any more: the personal details leave memory with the step.
    this.#mobile?.reset();
    this.#provider?.reset();
  }

  #reportError(error: MembershipError, operation: IdentityVerifyErrorDetail['operation']): void {
    this.emit(new IdentityVerifyErrorEvent({ code: error.code, method: this.methodId, operation, retryable: error.retryable }));
  }

  async #announce(text: string): Promise<void> {
    // Cleared first, so the same sentence twice is spoken twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  #label(method: VerificationMethod): string {
    return method.label[this.membership.locale];
  }

  #onChoose = (event: Event): void => {
    event.preventDefault();
    const method = this.#available.find((m) => m.id === this.choice);
    if (!method) {
      this.choiceError = true;
      void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('input[name="method"]')?.focus());
      return;
    }
    this.#enter(method, { open: true });
  };

  #backToChoice = (): void => {
    this.#mobile?.reset();
    this.#provider?.reset();
    this.methodId = undefined;
  };

  override render() {
    const step = this.#step;
    return html`${this.#renderStep(step)}
      <div data-part="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  #renderStep(step: string): TemplateResult | typeof nothing {
    if (step === 'idle') return nothing;
    if (step === 'loading') return html`<p data-part="notice" role="status">${this.t('common.loading')}</p>`;
    if (step === 'config-error') {
      const config = this.membership.siteConfig;
      const message = config.status === 'error' ? errorText(this.messageFor.bind(this), config.error) : '';
      return renderAlert(message, [{ name: 'retry', label: this.t('common.retry'), run: () => void this.membership.loadSiteConfig() }]);
    }
    if (step === 'no-method') return renderAlert(this.messageFor('METHOD_NOT_AVAILABLE'));
    if (step === 'done') return this.#renderDone();
    if (step === 'choose') {
      return renderMethodChoice({
        methods: this.#available,
        choice: this.choice,
        missing: this.choiceError,
        idPrefix: this.idPrefix,
        headingLevel: toHeadingLevel(this.headingLevel),
        t: (key, params) => this.t(key, params),
        label: (method) => this.#label(method),
        pick: (methodId) => {
          this.choice = methodId;
          this.choiceError = false;
        },
        submit: this.#onChoose,
      });
    }
    const back = this.#available.length > 1 ? this.#renderBack() : nothing;
    if (step === 'part-loading') return html`<p data-part="notice" role="status">${this.t('common.loading')}</p>${back}`;
    if (step === 'part-error') {
      return html`${renderAlert(this.t('identity.part.failed'), [{ name: 'retry', label: this.t('common.retry'), run: this.#retryPart }])}${back}`;
    }
    const mobilePart = this.#mobilePart.value;
    const mobile = this.#mobile;
    if (step === 'mobile-form' && mobilePart && mobile) return html`${mobilePart.renderMobileForm(this.#mobileView(mobile))}${back}`;
    if (step === 'mobile-code' && mobilePart && mobile) return html`${mobilePart.renderMobileCode(this.#mobileView(mobile), this.clock)}${back}`;
    const providerPart = this.#providerPart.value;
    const provider = this.#provider;
    if (!providerPart || !provider) return nothing;
    return html`${providerPart.renderProviderStep({
      flow: provider,
      idPrefix: this.idPrefix,
      headingLevel: toHeadingLevel(this.headingLevel),
      t: (key, params) => this.t(key, params),
      messageFor: (code, params) => this.messageFor(code, params),
      label: provider.method ? this.#label(provider.method) : '',
      mode: this.#providerMode(),
      open: () => this.#openProvider(),
    })}${back}`;
  }

  #mobileView(mobile: MobileFlow): MobileView {
    const alternative = this.#available.find((m) => m.kind === 'provider');
    return {
      flow: mobile,
      idPrefix: this.idPrefix,
      headingLevel: toHeadingLevel(this.headingLevel),
      t: (key, params) => this.t(key, params),
      messageFor: (code, params) => this.messageFor(code, params),
      alternative: alternative ? { label: this.#label(alternative), choose: () => this.#enter(alternative, { open: true }) } : undefined,
      restart: () => void mobile.start(),
    };
  }

  #renderBack(): TemplateResult {
    return html`<p data-part="other-method">
      <button type="button" data-part="button button-link" data-action="choose-method" @click=${this.#backToChoice}>${this.t('identity.choice.other')}</button>
    </p>`;
  }

  #renderDone(): TemplateResult {
    const headingId = `${this.idPrefix}-done-heading`;
    return html`<section data-part="done" aria-labelledby=${headingId}>
      ${stepHeading(toHeadingLevel(this.headingLevel), headingId, this.t('identity.done.title'))}
      <p>${this.t('identity.done.body', { name: this.verifiedName ?? '' })}</p>
    </section>`;
  }
}
