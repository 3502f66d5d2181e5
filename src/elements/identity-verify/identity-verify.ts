import { html, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { firstMessages, identityPartMessages, type MessageArea } from '../../i18n/areas.ts';
import type { Nationality, VerificationMethod, VerificationPurpose } from '../../api/schemas.ts';
import type { IdentityFlowEvent } from '../../flows/identity/events.ts';
import { IdentityFlow } from '../../flows/identity/identity-flow.ts';
import { toHeadingLevel } from '../shared/heading.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { adoptSheets, MembershipElement } from '../shared/membership-element.ts';
import { loadLocale } from '../../i18n/registry.ts';
import { defineElement } from '../shared/define-element.ts';
import { IdentityVerifiedEvent, IdentityVerifyErrorEvent } from './events.ts';
import { focusTarget, partStatus } from './focus.ts';
import { identityVerifyStyles } from './identity-verify.styles.ts';
import { ProviderPort, type VerifyMode } from './provider-port.ts';
import { renderStep } from './render-step.ts';

export type { VerifyMode } from './provider-port.ts';

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
 * @csspart job-status - A slow request's wait (`data-job` names it, `data-state`: `pending`, `slow`).
 * @csspart status - The wait's status line.
 * @csspart still-working - "Still working", once the request takes a few seconds.
 * @csspart cancel - The button to stop waiting (the alert then offers the retry).
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
 * @cssprop --mb-color-focus - Colour of the focus outline (and of the default halo around it).
 * @cssprop --mb-radius - Corner radius of fields, buttons and cards.
 * @cssprop --mb-radius-small - Corner radius of small controls and tags.
 * @cssprop --mb-space-1 - Spacing, smallest step (gaps inside a field).
 * @cssprop --mb-space-2 - Spacing, second step.
 * @cssprop --mb-space-3 - Spacing, third step.
 * @cssprop --mb-space-4 - Spacing, fourth step (between fields).
 * @cssprop --mb-space-6 - Spacing, sixth step (between sections).
 * @cssprop --mb-space-8 - Spacing, largest step.
 * @cssprop --mb-control-height - Minimum height of inputs and buttons.
 * @cssprop --mb-focus-ring - Halo around the focus outline (a box-shadow value, `none` for none; forced colors keep only the outline).
 * @cssprop --mb-max-width - Maximum width of the forms.
 *
 * @dependency mb-otp-input, mb-phone-input
 */
export class IdentityVerify extends MembershipElement {
  static override messages = firstMessages['identity-verify'];
  static override properties: PropertyDeclarations = {
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
    code: () => import('./code-part.ts'),
    provider: () => import('./provider-part.ts'),
  };

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

  /** @internal The journey's state and intents (no DOM): src/flows/identity. */
  readonly flow = new IdentityFlow({ emit: (event) => this.#dispatch(event), clock: () => this.clock() });
  // The mobile form's own elements (phone and code inputs) and its field errors come with its code, their
  // words with them, so they render with the form, not after it.
  readonly #mobilePart = new LazyPart(this, () =>
    Promise.all([IdentityVerify.parts.mobile(), loadLocale(this.membership.locale, identityPartMessages.mobile)]).then(([part]) => {
      for (const [tag, element] of Object.entries(part.dependencies ?? {})) defineElement(tag, element);
      adoptSheets(this, part.styles);
      return part;
    }),
  );
  // The code step (the OTP input): its own part, prefetched once the mobile form shows (the code is sent from there).
  readonly #codePart = new LazyPart(this, () =>
    IdentityVerify.parts.code().then((part) => {
      for (const [tag, element] of Object.entries(part.dependencies)) defineElement(tag, element);
      return part;
    }),
  );
  readonly #providerPart = new LazyPart(this, () => IdentityVerify.parts.provider());
  readonly #provider = new ProviderPort({
    host: this, part: this.#providerPart, flow: this.flow, runtime: () => this.membership.runtime,
    purpose: () => this.purpose, resetId: () => this.resetId, returnUrl: () => this.returnUrl, mode: () => this.mode,
    windowName: () => `${this.idPrefix}-identity-provider`, clock: () => this.clock(), openingText: () => this.t('identity.provider.opening'),
  });
  #unsubscribe: (() => void) | undefined;
  #prefetched = false;
  #atCode = false;
  #resumeChecked = false;
  #lastStep: string | undefined;
  #focusSeq = 0;
  #interacted = false;

  protected override messageAreas(): readonly MessageArea[] {
    return this.#mobilePart.value ? [...IdentityVerify.messages, ...identityPartMessages.mobile] : IdentityVerify.messages;
  }

  get #step(): string {
    const step = this.flow.view.step;
    // The code was sent before the code step's own code came in (it is prefetched with the form): wait, or offer the retry.
    if (step === 'mobile-code' && !this.#codePart.value) return this.#codePart.state.status === 'error' ? 'part-error' : 'part-loading';
    return step === 'provider' ? `provider-${this.#provider.stage}` : step;
  }

  constructor() {
    super();
    this.announcement = '';
    this.purpose = 'signup';
    this.mode = 'auto';
    this.nationality = 'domestic';
    this.headingLevel = 2;
    this.clock = () => Date.now();
    // Focus follows step changes only once the user has acted (never on page load).
    for (const type of ['click', 'submit']) this.addEventListener(type, () => (this.#interacted = true), { capture: true });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved to another document or shadow root: the mobile form's sheet goes along (the element's own do too).
    if (this.#mobilePart.value) adoptSheets(this, this.#mobilePart.value.styles);
    this.#unsubscribe = this.flow.subscribe(() => this.requestUpdate());
    this.flow.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.flow.pause();
  }

  /** Forgets the current attempt and starts over at the method choice. */
  reset(): void {
    this.#provider.reset();
    this.flow.reset();
    this.#enterSingleMethod();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const config = this.membership.siteConfig;
    const locale = this.membership.locale;
    this.flow.configure({
      client: this.membership.runtime?.client,
      siteConfig: config.status === 'complete' || config.status === 'error' ? config : { status: config.status === 'idle' ? 'idle' : 'loading' },
      purpose: this.purpose,
      methods: this.methods,
      resetId: this.resetId,
      nationality: this.nationality,
      locale: locale === 'en' ? 'en' : 'ko',
      parts: { mobile: partStatus(this.#mobilePart.state), provider: partStatus(this.#providerPart.state) },
    });
    // Reaching the code step loads its code (again, if the prefetch failed): a failure shows then, with the retry.
    const atCode = this.flow.view.step === 'mobile-code';
    if (atCode && !this.#atCode && !this.#codePart.value) void this.#codePart.load();
    this.#atCode = atCode;
    if (this.hasUpdated && (changed.has('purpose') || changed.has('resetId') || changed.has('methods'))) this.reset();
    if (config.status === 'complete' && !this.#resumeChecked) {
      this.#resumeChecked = true;
      if (this.#provider.resumeRedirect()) this.#interacted = true;
      else this.#enterSingleMethod();
    }
  }

  protected override updated(): void {
    if (this.#step === 'mobile-form') this.#codePart.prefetch();
    if (!this.#prefetched && this.membership.siteConfig.status === 'complete') {
      // After the first real render, when the browser is idle: the offered methods' code, so choosing one never waits.
      this.#prefetched = true;
      const kinds = new Set(this.flow.methods.map((method) => method.kind));
      if (kinds.has('otp')) this.#mobilePart.prefetch();
      if (kinds.has('provider')) this.#providerPart.prefetch();
    }
    const { focus } = this.flow.view;
    const step = this.#step;
    // A focus asked for while the code step's code still loads is kept for when that step shows (the code input).
    const waiting = step === 'part-loading' && this.flow.view.step === 'mobile-code';
    if (focus.seq !== this.#focusSeq && !waiting) {
      this.#focusSeq = focus.seq;
      if (focus.target !== 'none') void focusTarget(this, focus.target);
    }
    this.dataset.step = step;
    if (step === this.#lastStep) return;
    const first = this.#lastStep === undefined;
    this.#lastStep = step;
    // After this update: the blur it causes may touch a field, which must not land inside updated().
    if (!first && this.#interacted) void Promise.resolve().then(() => this.querySelector<HTMLElement>('[data-step-heading]')?.focus());
  }

  #enterSingleMethod(): void {
    const only = this.flow.singleMethod();
    if (only) this.#enter(only, { open: false });
  }

  /**
   * Goes into a method. For a provider in popup mode with `open`, the window opens right here: call
   * this synchronously from the click handler.
   */
  #enter(method: VerificationMethod, { open }: { open: boolean }): void {
    this.flow.enter(method);
    if (method.kind === 'otp') {
      this.#provider.reset();
      void this.#mobilePart.load().then((part) => {
        if (part) this.flow.attachMobile((options) => new part.MobileModel(options));
      });
      return;
    }
    this.#provider.enter(method, open);
  }

  /** The flow's events as DOM events (verified, error) or as words in the live region. */
  #dispatch(event: IdentityFlowEvent): boolean {
    if (event.type === 'announce') {
      void this.#announce(this.t(event.key));
      return true;
    }
    if (event.type === 'verified') return this.emit(new IdentityVerifiedEvent(event.result));
    const { error, method, operation } = event;
    return this.emit(new IdentityVerifyErrorEvent({ code: error.code, method, operation, retryable: error.retryable }));
  }

  async #announce(text: string): Promise<void> {
    // Cleared first, so the same sentence twice is spoken twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  override render(): TemplateResult {
    return html`${renderStep({
      view: this.flow.view, step: this.#step, idPrefix: this.idPrefix, headingLevel: toHeadingLevel(this.headingLevel), clock: this.clock,
      t: (key, params) => this.t(key, params),
      messageFor: (code, params) => this.messageFor(code, params),
      label: (method) => method.label[this.membership.locale],
      mobilePart: this.#mobilePart.value, codePart: this.#codePart.value, providerPart: this.#providerPart.value, provider: this.#provider.window, providerMode: this.#provider.mode(),
      retryConfig: () => void this.membership.loadSiteConfig(),
      retryPart: () => {
        // The code step's part: the code sent stays valid, only the part loads again.
        if (this.flow.view.step === 'mobile-code') return void this.#codePart.retry();
        const method = this.flow.method;
        if (!method) return;
        this.#enter(method, { open: false });
        // Failing again while online: only a reload loads it in Firefox and WebKit (reload.ts).
        void (method.kind === 'otp' ? this.#mobilePart : this.#providerPart).retry();
      },
      pick: (methodId) => {
        this.flow.pick(methodId);
        // Choosing a method is the surest sign its code is needed: started now if the idle prefetch has not
        // brought it yet (a popup opens from the press of 다음 only once the provider's code is in).
        const kind = this.flow.methods.find((method) => method.id === methodId)?.kind;
        const part = kind === 'otp' ? this.#mobilePart : kind === 'provider' ? this.#providerPart : undefined;
        if (part?.state.status === 'idle') void part.load();
      },
      submitChoice: (event) => {
        event.preventDefault();
        const method = this.flow.submitChoice();
        if (method) this.#enter(method, { open: true });
      },
      back: () => {
        this.#provider.reset();
        this.flow.back();
      },
      enter: (method) => this.#enter(method, { open: true }),
      openProvider: () => this.#provider.open(),
    })}
      <div data-part="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}
