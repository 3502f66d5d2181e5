import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MembershipClient } from '../../api/client.ts';
import type { MembershipError } from '../../api/errors.ts';
import type { MemberType, SignupResult, SiteConfig } from '../../api/index.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import type { IdentityVerifiedDetail, IdentityVerifiedEvent } from '../identity-verify/events.ts';
import { FormController } from '../shared/form-controller.ts';
import { MembershipElement } from '../shared/membership-element.ts';
import { CompanyPartController } from './company-part.ts';
import { ConsentTerms } from './consent-terms.ts';
import { signupWizardDependencies } from './dependencies.ts';
import type { DraftPerson } from './draft.ts';
import { SignupErrorEvent, SignupStepChangeEvent } from './events.ts';
import { errorParams, fieldCodeParams } from './field-messages.ts';
import { answeredType, memberTypeOf, stepsFor, typeProblems, type FlowStep, type MemberKind, type MemberNationality, type SignupStep } from './flow.ts';
import { LoginIdCheck } from './login-id-check.ts';
import { detailsProblems, emptyDetails, optionalDetailFields, type DetailsValues, type OptionalDetailField } from './signup-values.ts';
import { signupWizardStyles } from './signup-wizard.styles.ts';
import type { StepContext } from './steps/step-context.ts';
import type { TypeValues } from './steps/type-step.ts';
import { removeDraft, restoreDraft, writeDraft } from './wizard-draft.ts';
import { acceptVerification } from './wizard-identity.ts';
import { renderWizardStep } from './wizard-steps.ts';
import { WizardSubmit } from './wizard-submit.ts';

/**
 * @summary The membership signup (DOMAIN.md §1.1): member type → consent → identity → details →
 * company (corporate) → review → done, for domestic, foreign and corporate members, with a draft in
 * sessionStorage (never the password or a token) so a reload or a provider redirect resumes the step.
 *
 * @event signup-step-change - {@link SignupStepChangeEvent}: another step is shown.
 * @event signup-submit - {@link SignupSubmitEvent}: cancelable, before the member is created.
 * @event signup-complete - {@link SignupCompleteEvent}: the member was created; cancel it to stay instead of going to `completion-url`.
 * @event signup-error - {@link SignupErrorEvent}: an API call failed or the signup was refused.
 * @dependency mb-step-indicator, mb-consent-list, mb-password-field, mb-phone-input, mb-email-input, mb-address-field, mb-interest-items, mb-interest-regions, identity-verify
 *
 * Parts (`data-part`): `wizard`, `step-heading`, `notice`, `alert`, `form` (with the step: `type-form`,
 * `consent-form`, `identity-form`, `details-form`, `company-form`, `review-form`), `actions`, `back`,
 * `next`, `choice-group`, `option`, `login-id-control`, `login-id-check`, `login-id-status`,
 * `business-number`, `company-search`, `company-registered`, `company-summary`, `certificate`,
 * `certificate-attached`, `certificate-remove`, `review-section` (`data-section`), `review-row`, `edit`
 * (`data-step`), `review-reverify`, `verified`, `verify-again`, `welcome`, `company-role` (`data-role`),
 * `certificate-pending`, `refusal`, `find-account`, `continue`, `status`, `failure`, `retry`.
 *
 * @cssproperty --mb-color-border - Review section separators.
 * @cssproperty --mb-color-success - "ID available". @cssproperty --mb-color-danger - "ID taken".
 * @cssproperty --mb-color-text-subtle - Review labels, statuses.
 * @cssproperty --mb-space-1…--mb-space-6 - Spacing. @cssproperty --mb-font-size-small - ID status.
 */
export class SignupWizard extends MembershipElement {
  static override sheets = [signupWizardStyles];
  static dependencies = signupWizardDependencies;

  readonly typeForm = new FormController<TypeValues>(this, { initial: { kind: '', nationality: '' }, validate: (values) => typeProblems(this.offeredTypes, values) });
  readonly detailsForm = new FormController<DetailsValues>(this, {
    initial: emptyDetails(),
    validate: (values) => {
      const policy = this.policyInForce;
      const memberType = this.foreignNational ? 'foreign' : (this.memberType ?? 'individual');
      return policy ? detailsProblems(policy, memberType, values, this.shownFields, this.person?.name) : [];
    },
  });
  readonly consent = new ConsentTerms(this, { client: () => this.client, onError: (error) => this.reportError(error, 'consent') });
  readonly company = new CompanyPartController(this, {
    client: () => this.client,
    siteConfig: () => this.siteConfig,
    verificationToken: () => this.verification?.verificationToken,
    onChange: () => this.requestUpdate(),
    onError: (error) => this.reportError(error),
  });
  readonly loginIdCheck = new LoginIdCheck(this, { client: () => this.client, policy: () => this.policyInForce, onError: (error) => this.reportError(error) });
  readonly submission = new WizardSubmit(this);

  /** The step shown. */
  @state() step: SignupStep = 'type';
  /** Who was verified (name, nationality): from this visit's verification, or the draft's. */
  @state() person: DraftPerson | undefined;
  /** This visit's verification, with its token: memory only. */
  verification: IdentityVerifiedDetail | undefined;
  /** The second verification of sites that ask again at submit: memory only. */
  submitVerification: IdentityVerifiedDetail | undefined;
  /** "Next" goes back to the review (after an edit from it, or once it was reached). */
  returnToReview = false;
  /** The password is not in a resumed draft: ask for it again. */
  passwordAgain = false;
  /** The API refused the consents (TERMS_REQUIRED, TERMS_OUTDATED): shown at the first item to answer. */
  consentError: string | undefined;
  result: SignupResult | undefined;
  @state() private notice: string | undefined;
  @state() private alert: string | undefined;
  @state() private announcement = '';
  #resumed = false;
  /** Done or refused: the draft is gone and is not written again. */
  finished = false;

  /** Member types offered here, comma-separated (`individual,foreign,corporate`): narrows the site's own list. */
  @property({ attribute: 'member-types' }) memberTypes?: string;
  /** Optional member fields shown (`nameEn,phone,mobile,fax,department,position,address,interests`); default all. Fields the policy requires always show. */
  @property() fields?: string;
  /** Where to go after the completion event (cancel the event to stay). */
  @property({ attribute: 'completion-url' }) completionUrl?: string;
  /** The site's find-account page, linked when the person already has an account. */
  @property({ attribute: 'find-account-url' }) findAccountUrl?: string;
  /** Names this wizard's draft (default: the element's `id`), for pages with two wizards. */
  @property({ attribute: 'draft-key' }) draftKey?: string;
  /** Verification methods offered (`mobile,ipin`), narrowing the site's: identity-verify's `methods`. */
  @property({ attribute: 'verify-methods' }) verifyMethods?: string;
  /** Provider windows (`popup`, `redirect`, `auto`): identity-verify's `mode`. */
  @property({ attribute: 'verify-mode' }) verifyMode?: 'popup' | 'redirect' | 'auto';

  #shown = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#resumed && this.siteConfig && this.policyInForce) {
      this.#resumed = true;
      void this.consent.load();
      void this.goTo(restoreDraft(this), { focus: 'none' });
    }
    if (changed.has('fields') || changed.has('policy') || changed.has('memberTypes')) this.detailsForm.revalidate();
  }

  protected override updated(): void {
    // A removed wizard finishing late work (a pending check) must not write over a newer draft.
    if (this.#resumed && !this.finished && this.isConnected) writeDraft(this);
  }

  // ------------------------------------------------------------------ what the steps read

  get client(): MembershipClient | undefined {
    return this.membership.runtime?.client;
  }

  get siteConfig(): SiteConfig | undefined {
    const config = this.membership.siteConfig;
    return config.status === 'complete' ? config.value : undefined;
  }

  get policyInForce(): MembershipPolicy | undefined {
    return this.membership.policy;
  }

  /** Member types offered here: the site's, narrowed by `member-types`. */
  get offeredTypes(): MemberType[] {
    const site = this.siteConfig?.memberTypes ?? [];
    const wanted = this.memberTypes?.split(',').map((type) => type.trim()).filter(Boolean);
    return wanted?.length ? site.filter((type) => wanted.includes(type)) : site;
  }

  /** The type step's answers; a question with one possible answer answers itself. */
  typeAnswers(): { kind: MemberKind | ''; nationality: MemberNationality } {
    return answeredType(this.offeredTypes, this.typeForm.values);
  }

  get memberType(): MemberType | undefined {
    const { kind, nationality } = this.typeAnswers();
    return kind ? memberTypeOf(kind, nationality, this.offeredTypes) : undefined;
  }

  get shownFields(): ReadonlySet<OptionalDetailField> {
    if (this.fields === undefined) return new Set(optionalDetailFields);
    const listed = this.fields.split(',').map((name) => name.trim());
    return new Set(optionalDetailFields.filter((name) => listed.includes(name)));
  }

  /** Foreign nationals (by the verification once known) give the English name. */
  get foreignNational(): boolean {
    return (this.person?.nationality ?? this.typeAnswers().nationality) === 'foreign';
  }

  get steps(): FlowStep[] {
    return stepsFor(this.typeAnswers().kind || undefined);
  }

  /** Whether a step has what the signup needs (the token aside: it is asked for at submit). */
  isComplete(step: FlowStep): boolean {
    if (step === 'type') return this.memberType !== undefined;
    if (step === 'consent') return this.consent.complete;
    if (step === 'identity') return this.person !== undefined;
    if (step === 'details') return this.detailsForm.valid;
    if (step === 'company') return this.company.lookup?.status === 'registered' || (this.company.lookup !== undefined && this.company.form.valid);
    return false;
  }

  // ------------------------------------------------------------------ navigation

  /** Shows a step: focus to its heading (or the first invalid field), "단계 n/m: 제목" announced, signup-step-change. */
  async goTo(step: SignupStep, options: { notice?: string; alert?: string; focus?: 'heading' | 'invalid' | 'none' } = {}): Promise<void> {
    // Until a step was shown (the site settings are loading) there is no previous step.
    const previous = this.#shown ? this.step : null;
    this.#shown = true;
    this.step = step;
    this.notice = options.notice;
    this.alert = options.alert;
    if (step === 'review') this.returnToReview = true;
    if (step !== previous) {
      const index = this.steps.indexOf(step as FlowStep);
      const title = this.t(`signup.step.${step}`);
      this.announcement = index < 0 ? title : this.t('signup.announce', { current: index + 1, total: this.steps.length, title });
      this.emit(new SignupStepChangeEvent({ step, previous }));
    }
    await this.updateComplete;
    const focus = options.focus ?? 'heading';
    const invalid = focus === 'invalid' ? this.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    if (focus !== 'none') (invalid ?? this.querySelector<HTMLElement>('[data-part~="step-heading"]'))?.focus();
  }

  /** The next step in order; after the review was reached, the first unfinished step or the review. */
  next(options: { notice?: string } = {}): Promise<void> {
    const later = this.steps.slice(this.steps.indexOf(this.step as FlowStep) + 1).filter((step) => step !== 'done');
    const target = this.returnToReview ? (later.find((step) => step !== 'review' && !this.isComplete(step)) ?? 'review') : (later[0] ?? 'review');
    return this.goTo(target, options);
  }

  back(): Promise<void> {
    return this.goTo(this.steps[Math.max(0, this.steps.indexOf(this.step as FlowStep) - 1)] ?? 'type');
  }

  edit(step: FlowStep): Promise<void> {
    this.returnToReview = true;
    return this.goTo(step);
  }

  submit(): Promise<void> {
    return this.submission.run();
  }

  /** A refusal (under age, already a member): its screen, and no draft to come back to. */
  refuse(step: 'under-age' | 'already-member'): Promise<void> {
    this.finished = true;
    removeDraft(this);
    this.verification = undefined;
    return this.goTo(step);
  }

  // ------------------------------------------------------------------ messages and errors

  /** Reports a failure to the host (signup-error); the screen says what to do. */
  reportError(error: Pick<MembershipError, 'code' | 'retryable'>, step: SignupStep = this.step): void {
    this.emit(new SignupErrorEvent({ code: error.code, step, retryable: error.retryable }));
  }

  /** The sentence for an API error, with its numbers (seconds to wait, attempts, minimum age). */
  errorText(error: MembershipError): string {
    return this.messageFor(error.code, errorParams(error, this.policyInForce));
  }

  /** The message for a field's rule or API code (`field`: the form path, for length limits). */
  fieldMessage(code: string, field?: string): string {
    const policy = this.policyInForce;
    return this.messageFor(code, policy ? fieldCodeParams(code, field, policy) : {});
  }

  text(key: MessageKey, params?: MessageParams): string {
    return this.t(key, params);
  }

  // Moves on once the event has reached the page too, so the host hears identity-verified before the step change.
  #onVerified = (event: IdentityVerifiedEvent): void => queueMicrotask(() => acceptVerification(this, event.detail));

  // ------------------------------------------------------------------ rendering

  stepContext(policy: MembershipPolicy): StepContext {
    return {
      t: (key, params) => this.t(key, params),
      messageFor: (code, field) => this.fieldMessage(code, field),
      id: (suffix) => `${this.idPrefix}-${suffix}`,
      locale: this.membership.locale,
      policy,
      apiBase: this.apiBase,
      site: this.site,
      addressSearch: this.membership.addressSearch,
      verifyMethods: this.verifyMethods,
      verifyMode: this.verifyMode ?? 'auto',
    };
  }

  protected override render(): TemplateResult {
    const config = this.membership.siteConfig;
    const policy = this.policyInForce;
    if (!this.membership.runtime) return html`<p data-part="alert" role="alert">${this.t('signup.notConfigured')}</p>`;
    if (config.status === 'error') {
      return html`<div data-part="failure"><p data-part="alert" role="alert">${this.errorText(config.error)}</p>
        <button type="button" data-part="button retry" @click=${() => void this.membership.loadSiteConfig()}>${this.t('common.retry')}</button></div>`;
    }
    if (config.status !== 'complete' || !policy) return html`<p data-part="status" role="status">${this.t('signup.loading')}</p>`;
    if (this.offeredTypes.length === 0) return html`<p data-part="alert" role="alert">${this.t('signup.noMemberTypes')}</p>`;
    const headingId = `${this.idPrefix}-heading`;
    const indicated = (this.steps as SignupStep[]).includes(this.step);
    return html`<section data-part="wizard" aria-labelledby=${headingId} @identity-verified=${this.#onVerified}>
      ${indicated
        ? html`<mb-step-indicator .steps=${this.steps.map((id) => ({ id, label: this.t(`signup.step.${id}`) }))} .current=${this.step}
            .locale=${this.membership.locale}></mb-step-indicator>`
        : nothing}
      <p data-part="visually-hidden" data-role="announcer" role="status">${this.announcement}</p>
      <h2 id=${headingId} data-part="step-heading" tabindex="-1">${this.t(`signup.step.${this.step}`)}</h2>
      ${this.notice ? html`<p data-part="notice">${this.notice}</p>` : nothing}
      ${this.alert ? html`<p data-part="alert" role="alert">${this.alert}</p>` : nothing}
      ${renderWizardStep(this, this.stepContext(policy))}
    </section>`;
  }
}
