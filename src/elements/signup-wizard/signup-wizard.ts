import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MembershipClient } from '../../api/client.ts';
import { MembershipError } from '../../api/errors.ts';
import type { ConsentAnswer, MemberType, SignupResult, SiteConfig, VerificationPerson } from '../../api/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { calendarDateOf, isOldEnough, parseBirthDate } from '../../rules/birth-date.ts';
import { fieldErrors } from '../../rules/form-fields.ts';
import { signupDetailsSchema } from '../../rules/forms.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { IdentityVerify } from '../identity-verify/identity-verify.ts';
import { MbAddressField } from '../shared/address-search/address-field.ts';
import { ConsentList, type ConsentChoices } from '../shared/consent-list.ts';
import { EmailInput } from '../shared/email-input.ts';
import { MbInterestItems, MbInterestRegions } from '../shared/interest-rows.ts';
import { PasswordField } from '../shared/password-field.ts';
import { PhoneInput } from '../shared/phone-input.ts';
import { StepIndicator } from '../shared/step-indicator.ts';
import { FormController, type FieldProblem } from '../shared/form-controller.ts';
import { MembershipElement } from '../shared/membership-element.ts';
import type { IdentityVerifiedEvent } from '../identity-verify/events.ts';
import { CompanyPartController } from './company-part.ts';
import { clearDraft, draftStorageKey, loadDraft, saveDraft } from './draft.ts';
import { SignupCompleteEvent, SignupErrorEvent, SignupStepChangeEvent } from './events.ts';
import { errorParams, fieldCodeParams } from './field-messages.ts';
import { isOffered, memberTypeOf, offeredAnswers, stepsFor, type FlowStep, type SignupStep } from './flow.ts';
import { LoginIdCheck } from './login-id-check.ts';
import { detailsSchemaInput, emptyDetails, optionalDetailFields, storedDetails, type DetailsValues, type OptionalDetailField } from './signup-values.ts';
import { signupWizardStyles } from './signup-wizard.styles.ts';
import { requiredAgreed, type TermsState } from './steps/consent-step.ts';
import type { StepContext } from './steps/step-context.ts';
import type { TypeValues } from './steps/type-step.ts';
import { WizardSubmit } from './wizard-submit.ts';
import { renderWizardStep } from './wizard-steps.ts';

/** How the wizard leaves the page for `completion-url`; a seam for tests (a page cannot stub `location.assign`). */
export const completionNavigation = {
  assign(url: string): void {
    location.assign(url);
  },
};

/**
 * @summary The membership signup (DOMAIN.md §1.1): member type → consent → identity → details →
 * company (corporate) → review → done, for domestic, foreign and corporate members, with a draft in
 * sessionStorage (never the password or tokens) so a reload or a provider redirect resumes the step.
 *
 * @event signup-step-change - {@link SignupStepChangeEvent}: another step is shown.
 * @event signup-submit - {@link SignupSubmitEvent}: cancelable, before the member is created.
 * @event signup-complete - {@link SignupCompleteEvent}: the member was created; cancel to stay instead of going to `completion-url`.
 * @event signup-error - {@link SignupErrorEvent}: an API call failed or the signup was refused.
 *
 * Parts (`data-part`): `wizard`, `step-heading`, `announcer`, `notice`, `alert`, `form` (with the step's
 * name: `type-form`, `consent-form`, …), `actions`, `back`, `next`, `choice-group`, `option`,
 * `login-id-control`, `login-id-check`, `login-id-status`, `business-number`, `company-search`,
 * `company-registered`, `company-summary`, `company-form`, `certificate`, `review-section`, `review-row`,
 * `edit`, `review-reverify`, `verified`, `welcome`, `company-role`, `refusal`, `find-account`, `continue`,
 * `status`, `failure`, `retry`.
 *
 * @cssproperty --mb-color-border - Review section separators.
 * @cssproperty --mb-color-success - "ID available".
 * @cssproperty --mb-color-danger - "ID taken".
 * @cssproperty --mb-color-text-subtle - Review labels, statuses.
 * @cssproperty --mb-space-1…--mb-space-6 - Spacing. @cssproperty --mb-font-size-small - ID status.
 */
export class SignupWizard extends MembershipElement {
  static override sheets = [signupWizardStyles];
  /** The elements it renders, registered with it by `defineElement` (identity-verify under its default tag). */
  static dependencies = {
    'mb-step-indicator': StepIndicator,
    'mb-consent-list': ConsentList,
    'mb-password-field': PasswordField,
    'mb-phone-input': PhoneInput,
    'mb-email-input': EmailInput,
    'mb-address-field': MbAddressField,
    'mb-interest-items': MbInterestItems,
    'mb-interest-regions': MbInterestRegions,
    'identity-verify': IdentityVerify,
  };

  readonly typeForm = new FormController<TypeValues>(this, { initial: { kind: '', nationality: '' }, validate: (values) => this.#typeProblems(values) });
  readonly detailsForm = new FormController<DetailsValues>(this, { initial: emptyDetails(), validate: (values) => this.#detailsProblems(values) });
  readonly company = new CompanyPartController(this, {
    client: () => this.membership.runtime?.client,
    siteConfig: () => this.siteConfig,
    onChange: () => this.requestUpdate(),
  });
  readonly loginIdCheck = new LoginIdCheck(this, { client: () => this.membership.runtime?.client, policy: () => this.membership.policy });
  readonly #submit = new WizardSubmit(this);

  /** The step shown. */
  @state() step: SignupStep = 'type';
  @state() terms: TermsState = { status: 'idle' };
  /** Consent answers with the version answered (answers to an older version do not count). */
  @state() answers: ConsentAnswer[] = [];
  /** Who was verified: from this visit's verification, or the draft's (display only). */
  @state() person: VerificationPerson | undefined;
  /** This visit's verification, with its token: memory only. */
  verification: IdentityVerifiedEvent['detail'] | undefined;
  /** The second verification of sites that ask again at submit: memory only. */
  submitVerification: IdentityVerifiedEvent['detail'] | undefined;
  /** "Next" goes back to the review (after an edit from it). */
  returnToReview = false;
  /** The password is not in a resumed draft: ask for it again. */
  passwordAgain = false;
  result: SignupResult | undefined;
  @state() private notice: string | undefined;
  @state() private alert: string | undefined;
  @state() private announcement = '';
  #resumed = false;
  #finished = false;

  /** Member types offered here, comma-separated (`individual,foreign,corporate`): narrows the site's own list. */
  @property({ attribute: 'member-types' }) memberTypes?: string;
  /** Optional member fields to show (`nameEn,phone,mobile,fax,department,position,address,interests`); default all. The policy's `required` fields always show. */
  @property() fields?: string;
  /** Where to go after the completion screen's event (the event can be cancelled to stay). */
  @property({ attribute: 'completion-url' }) completionUrl?: string;
  /** The site's find-account page, linked when the person already has an account. */
  @property({ attribute: 'find-account-url' }) findAccountUrl?: string;
  /** Names this wizard's draft (default: the element's `id`), for pages with two wizards. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('identity-verified', this.#onVerified);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('identity-verified', this.#onVerified);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#resumed && this.siteConfig && this.membership.policy) this.#resume();
    if (changed.has('fields') || changed.has('policy')) this.detailsForm.revalidate();
  }

  protected override updated(): void {
    if (this.#resumed && !this.#finished) this.#saveDraft();
  }

  // ------------------------------------------------------------------ state the steps read

  get siteConfig(): SiteConfig | undefined {
    const config = this.membership.siteConfig;
    return config.status === 'complete' ? config.value : undefined;
  }

  /** The client of this wizard's API and site. */
  get client(): MembershipClient | undefined {
    return this.membership.runtime?.client;
  }

  /** Member types offered here: the site's, narrowed by `member-types`. */
  get offeredTypes(): MemberType[] {
    const site = this.siteConfig?.memberTypes ?? [];
    const wanted = this.memberTypes?.split(',').map((type) => type.trim()).filter(Boolean);
    return wanted?.length ? site.filter((type) => wanted.includes(type)) : site;
  }

  get memberType(): MemberType | undefined {
    const { kind, nationality } = this.#typeAnswers();
    return kind ? memberTypeOf(kind, nationality, this.offeredTypes) : undefined;
  }

  get shownFields(): ReadonlySet<OptionalDetailField> {
    if (this.fields === undefined) return new Set(optionalDetailFields);
    return new Set(this.fields.split(',').map((name) => name.trim()).filter((name): name is OptionalDetailField => (optionalDetailFields as readonly string[]).includes(name)));
  }

  /** Foreign nationals (by the verification once known) give the English name. */
  get foreignNational(): boolean {
    return (this.person?.nationality ?? this.#typeAnswers().nationality) === 'foreign';
  }

  get choices(): ConsentChoices {
    const documents = this.terms.status === 'complete' ? this.terms.documents : [];
    const choices: ConsentChoices = {};
    for (const document of documents) {
      const answer = this.answers.find((entry) => entry.documentId === document.documentId && entry.version === document.version);
      if (answer) choices[document.documentId] = answer.agreed;
    }
    return choices;
  }

  set choices(choices: ConsentChoices) {
    const documents = this.terms.status === 'complete' ? this.terms.documents : [];
    this.answers = documents.flatMap(({ documentId, version }) => {
      const agreed = choices[documentId];
      return agreed === undefined ? [] : [{ documentId, version, agreed }];
    });
  }

  /** What the signup sends: every current document, unanswered counting as not agreed. */
  get consentAnswers(): ConsentAnswer[] {
    const choices = this.choices;
    return this.terms.status === 'complete' ? this.terms.documents.map(({ documentId, version }) => ({ documentId, version, agreed: choices[documentId] === true })) : [];
  }

  get steps(): FlowStep[] {
    return stepsFor(this.#typeAnswers().kind || undefined);
  }

  /** Whether a step has what the signup needs (the token aside: it is asked for at submit). */
  isComplete(step: FlowStep): boolean {
    switch (step) {
      case 'type':
        return this.memberType !== undefined;
      case 'consent':
        return this.terms.status === 'complete' && requiredAgreed(this.terms.documents, this.choices);
      case 'identity':
        return this.person !== undefined;
      case 'details':
        return this.detailsForm.valid;
      case 'company':
        return this.company.lookup?.status === 'registered' || (this.company.lookup !== undefined && this.company.form.valid);
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------ navigation

  /** Shows a step: moves focus to its heading (or `focus`), announces "단계 n/m: 제목", emits signup-step-change. */
  async goTo(step: SignupStep, options: { notice?: string; alert?: string; focus?: 'heading' | 'invalid' | 'none' } = {}): Promise<void> {
    const previous = this.step;
    this.step = step;
    this.notice = options.notice;
    this.alert = options.alert;
    if (step === 'review') this.returnToReview = true;
    this.announcement = this.#stepAnnouncement(step);
    this.emit(new SignupStepChangeEvent({ step, previous }));
    await this.updateComplete;
    const focus = options.focus ?? 'heading';
    const target = focus === 'invalid' ? this.querySelector<HTMLElement>('[aria-invalid="true"]') : undefined;
    if (focus !== 'none') (target ?? this.querySelector<HTMLElement>('[data-part~="step-heading"]'))?.focus();
  }

  /** The next step in order; after an edit from the review, the first unfinished one or the review. */
  next(options: { notice?: string } = {}): Promise<void> {
    const steps = this.steps;
    const later = steps.slice(steps.indexOf(this.step as FlowStep) + 1).filter((step) => step !== 'done');
    const target = this.returnToReview ? (later.find((step) => step !== 'review' && !this.isComplete(step)) ?? 'review') : (later[0] ?? 'review');
    return this.goTo(target, options);
  }

  back(): Promise<void> {
    const steps = this.steps;
    return this.goTo(steps[Math.max(0, steps.indexOf(this.step as FlowStep) - 1)] ?? 'type');
  }

  edit(step: FlowStep): Promise<void> {
    this.returnToReview = true;
    return this.goTo(step);
  }

  /** Reports a failure to the host (signup-error); the screen says what to do. */
  reportError(error: Pick<MembershipError, 'code' | 'retryable'>, step: SignupStep = this.step): void {
    this.emit(new SignupErrorEvent({ code: error.code, step, retryable: error.retryable }));
  }

  /** The sentence for an API error, with its numbers (seconds, attempts, minimum age). */
  errorText(error: MembershipError): string {
    return this.messageFor(error.code, errorParams(error, this.membership.policy));
  }

  /** The message for a field's rule or API code. */
  fieldMessage(code: string, field?: string): string {
    const policy = this.membership.policy;
    return this.messageFor(code, policy ? fieldCodeParams(code, field, policy) : {});
  }

  text(key: MessageKey, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }

  setServerErrors(form: 'details' | 'company', problems: FieldProblem[]): void {
    (form === 'details' ? this.detailsForm : this.company.form).setServerErrors(problems);
  }

  // ------------------------------------------------------------------ API calls

  async loadTerms(): Promise<void> {
    const client = this.membership.runtime?.client;
    if (!client) return;
    this.terms = { status: 'pending' };
    try {
      const { documents } = await client.call('listTerms', { query: { purpose: 'signup' } });
      this.terms = { status: 'complete', documents };
    } catch (error) {
      const failure = error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error });
      this.terms = { status: 'error', error: failure };
      this.reportError(failure, 'consent');
    }
  }

  submit(): Promise<void> {
    return this.#submit.run();
  }

  /** The member was created: completion screen, signup-complete, draft gone, then `completion-url`. */
  async finish(result: SignupResult, memberType: MemberType): Promise<void> {
    this.result = result;
    this.#finished = true;
    this.#clearDraft();
    await this.goTo('done');
    const { member } = result;
    const event = new SignupCompleteEvent({
      memberId: member.memberId, loginId: member.loginId, memberType, companyRole: member.companyRole, certificatePending: result.certificatePending,
    });
    if (this.emit(event) && this.completionUrl) completionNavigation.assign(this.completionUrl);
  }

  /** A refusal (under age, already a member): the screen, and no draft to come back to. */
  refuse(step: 'under-age' | 'already-member'): Promise<void> {
    this.#finished = true;
    this.#clearDraft();
    this.verification = undefined;
    return this.goTo(step);
  }

  // ------------------------------------------------------------------ handlers

  #onVerified = (event: IdentityVerifiedEvent): void => {
    const verification = event.detail;
    if (verification.purpose !== 'signup') return;
    if (this.step === 'review') {
      this.submitVerification = verification;
      this.requestUpdate();
      return;
    }
    if (this.step !== 'identity') return;
    this.verification = verification;
    this.person = verification.person;
    const policy = this.membership.policy;
    const birth = parseBirthDate(verification.person.birthDate);
    if (policy && (!birth || !isOldEnough(birth, policy.minAge, calendarDateOf(new Date())))) {
      this.reportError({ code: 'UNDER_AGE', retryable: false });
      void this.refuse('under-age');
      return;
    }
    const notice = this.#adoptNationality(verification.person.nationality);
    this.detailsForm.revalidate();
    if (this.#submit.resumeAfterVerification) {
      void this.goTo('review').then(() => this.submit());
      return;
    }
    void this.next(notice ? { notice } : {});
  };

  /** The verification says the nationality; the type step's answer follows it. */
  #adoptNationality(nationality: VerificationPerson['nationality']): string | undefined {
    const { kind } = this.#typeAnswers();
    const asked = this.typeForm.values.nationality;
    if (!kind || asked === nationality || !asked) return undefined;
    if (!isOffered(this.offeredTypes, kind, nationality)) return undefined;
    this.typeForm.set('nationality', nationality);
    return this.t('signup.identity.nationalityChanged', { nationality: this.t(`signup.type.nationality.${nationality}`) });
  }

  // ------------------------------------------------------------------ rules

  #typeAnswers(): { kind: TypeValues['kind']; nationality: 'domestic' | 'foreign' } {
    const offered = offeredAnswers(this.offeredTypes);
    const kind = offered.kinds.length === 1 ? offered.kinds[0]! : this.typeForm.values.kind;
    const nationality = offered.nationalities.length === 1 ? offered.nationalities[0]! : this.typeForm.values.nationality || 'domestic';
    return { kind, nationality };
  }

  #typeProblems(values: TypeValues): FieldProblem[] {
    const offered = offeredAnswers(this.offeredTypes);
    const problems: FieldProblem[] = [];
    if (offered.kinds.length > 1 && !values.kind) problems.push({ field: 'kind', code: 'CHOICE_REQUIRED' });
    if (offered.nationalities.length > 1 && !values.nationality) problems.push({ field: 'nationality', code: 'CHOICE_REQUIRED' });
    return problems;
  }

  #detailsProblems(values: DetailsValues): FieldProblem[] {
    const policy = this.membership.policy;
    if (!policy) return [];
    const memberType = this.foreignNational ? 'foreign' : (this.memberType ?? 'individual');
    const input = detailsSchemaInput(values, this.shownFields, this.person?.name ?? '');
    // Before a verification in this visit (a resumed draft) the Korean name is simply not known yet.
    return fieldErrors(signupDetailsSchema(policy, { memberType }).safeParse(input)).filter((problem) => this.person || problem.field !== 'nameKo');
  }

  // ------------------------------------------------------------------ draft

  get #draftKey(): string | undefined {
    const site = this.membership.runtime?.siteId;
    return site ? draftStorageKey(site, this.draftKey ?? this.id) : undefined;
  }

  #resume(): void {
    this.#resumed = true;
    void this.loadTerms();
    const key = this.#draftKey;
    const draft = key ? loadDraft(key) : undefined;
    if (draft) {
      this.typeForm.reset({ kind: draft.kind ?? '', nationality: draft.nationality ?? '' });
      this.answers = draft.consents;
      this.person = draft.person;
      this.detailsForm.reset({ ...emptyDetails(), ...draft.details });
      this.loginIdCheck.restore(draft.loginIdAvailable);
      this.company.restore(draft.company);
      this.returnToReview = draft.returnToReview;
      this.passwordAgain = true;
    }
    void this.goTo(draft?.step ?? 'type', { focus: 'none' });
  }

  #saveDraft(): void {
    const key = this.#draftKey;
    if (!key || this.step === 'done' || this.step === 'under-age' || this.step === 'already-member') return;
    const check = this.loginIdCheck.state;
    saveDraft(key, {
      step: this.step,
      kind: this.typeForm.values.kind || undefined,
      nationality: this.typeForm.values.nationality || undefined,
      consents: this.answers,
      person: this.person,
      details: storedDetails(this.detailsForm.values),
      loginIdAvailable: check.status === 'available' ? check.loginId : undefined,
      company: this.company.part,
      returnToReview: this.returnToReview,
    });
  }

  #clearDraft(): void {
    const key = this.#draftKey;
    if (key) clearDraft(key);
  }

  // ------------------------------------------------------------------ rendering

  #stepTitle(step: SignupStep): string {
    return this.t(`signup.step.${step}`);
  }

  #stepAnnouncement(step: SignupStep): string {
    const steps = this.steps;
    const index = steps.indexOf(step as FlowStep);
    const title = this.#stepTitle(step);
    return index < 0 ? title : this.t('signup.announce', { current: index + 1, total: steps.length, title });
  }

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
    };
  }

  protected override render(): TemplateResult {
    const config = this.membership.siteConfig;
    const policy = this.membership.policy;
    if (!this.membership.runtime) return html`<p data-part="alert" role="alert">${this.t('signup.notConfigured')}</p>`;
    if (config.status === 'error') {
      return html`<div data-part="failure"><p data-part="alert" role="alert">${this.errorText(config.error)}</p>
        <button type="button" data-part="button retry" @click=${() => void this.membership.loadSiteConfig()}>${this.t('common.retry')}</button></div>`;
    }
    if (config.status !== 'complete' || !policy) return html`<p data-part="status" role="status">${this.t('signup.loading')}</p>`;
    if (this.offeredTypes.length === 0) return html`<p data-part="alert" role="alert">${this.t('signup.noMemberTypes')}</p>`;
    const headingId = `${this.idPrefix}-heading`;
    const indicated = (this.steps as SignupStep[]).includes(this.step);
    return html`<section data-part="wizard" aria-labelledby=${headingId}>
      ${indicated
        ? html`<mb-step-indicator .steps=${this.steps.map((id) => ({ id, label: this.#stepTitle(id) }))} .current=${this.step} .locale=${this.membership.locale}></mb-step-indicator>`
        : nothing}
      <p data-part="visually-hidden" data-role="announcer" role="status">${this.announcement}</p>
      <h2 id=${headingId} data-part="step-heading" tabindex="-1">${this.#stepTitle(this.step)}</h2>
      ${this.notice ? html`<p data-part="notice">${this.notice}</p>` : nothing}
      ${this.alert ? html`<p data-part="alert" role="alert">${this.alert}</p>` : nothing}
      ${renderWizardStep(this, this.stepContext(policy), this.#submit)}
    </section>`;
  }
}
