import type { MembershipClient } from '../../api/client.ts';
import type { MemberType, SignupResult, SiteConfig } from '../../api/index.ts';
import { calendarDateOf, isOldEnough, parseBirthDate } from '../../rules/birth-date.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { describeFailure, type Failure } from '../failure.ts';
import { FormModel } from '../form-model.ts';
import { SubmitKey } from '../idempotency.ts';
import { FlowStore, type FlowOptions } from '../store.ts';
import { say, type Words } from '../words.ts';
import { CompanyModel } from './company.ts';
import { ConsentModel, type ConsentChoices } from './consent.ts';
import { clearDraft, draftStorageKey, loadDraft, saveDraft, type DraftStorage } from './draft.ts';
import type { SignupFlowEvent } from './events.ts';
import { LoginIdCheck } from './login-id-check.ts';
import { answeredType, isOffered, memberTypeOf, routeSubmitError, stepsFor, typeProblems, type FlowStep, type SignupStep } from './steps.ts';
import { detailsProblems, emptyDetails, optionalDetailFields, signupRequest, storedDetails, type DetailsValues, type OptionalDetailField } from './values.ts';
import { snapshotOf, type FocusTarget, type SignupView, type TypeValues, type Verification } from './view.ts';

/** What the host knows and may change at any time: settings from attributes, context and the API. */
export interface SignupSettings {
  client: MembershipClient | undefined;
  siteConfig: SiteConfig | undefined;
  policy: MembershipPolicy | undefined;
  /** `member-types`: narrows the site's member types (comma-separated). */
  memberTypes?: string | undefined;
  /** `fields`: optional member fields shown (comma-separated); default all. */
  fields?: string | undefined;
  /** Names this flow's draft (the element's `draft-key`, else its id). */
  draftKey?: string | undefined;
}

export interface SignupFlowOptions extends FlowOptions<SignupFlowEvent> {
  /** Where the draft is kept (sessionStorage in the browser); none: no draft. */
  storage?: DraftStorage | undefined;
  /** Today, for the minimum-age check (tests pin it). */
  now?: () => Date;
  loginIdDebounceMs?: number;
}

/**
 * The signup journey without a DOM: member type → consent → identity → details → company
 * (corporate) → review → done. Holds the steps and values, validates each step with the rules,
 * keeps the draft (never a password or token), submits with an idempotency key and emits the
 * events the element turns into DOM events. See src/flows/README.md for the pattern.
 */
export class SignupFlow extends FlowStore<SignupView, SignupFlowEvent> {
  readonly #options: SignupFlowOptions;
  #settings: SignupSettings = { client: undefined, siteConfig: undefined, policy: undefined };
  readonly typeForm: FormModel<TypeValues>;
  readonly detailsForm: FormModel<DetailsValues>;
  readonly consent: ConsentModel;
  readonly company: CompanyModel;
  readonly loginIdCheck: LoginIdCheck;
  readonly #key = new SubmitKey();
  step: SignupStep = 'type';
  started = false;
  #shown = false;
  person: { name: string; nationality: 'domestic' | 'foreign' } | undefined;
  /** This visit's verification, with its token: memory only. */
  verification: Verification | undefined;
  /** The second verification of sites that ask again at submit: memory only. */
  submitVerification: Verification | undefined;
  returnToReview = false;
  passwordAgain = false;
  consentError: string | undefined;
  result: SignupResult | undefined;
  notice: Words | undefined;
  alert: Words[] | undefined;
  announcement: Words | undefined;
  submitting = false;
  submitFailure: { words: Words; retry: boolean } | undefined;
  /** The submit waits for a new verification; once it arrives the submit goes on by itself. */
  resumeAfterVerification = false;
  /** Done or refused: the draft is gone and is not written again. */
  finished = false;
  #paused = false;
  focus: { target: FocusTarget; seq: number } = { target: 'none', seq: 0 };

  constructor(options: SignupFlowOptions = {}) {
    super(options);
    this.#options = options;
    const onChange = () => this.notify();
    this.typeForm = new FormModel<TypeValues>({ initial: { kind: '', nationality: '' }, validate: (values) => typeProblems(this.offeredTypes, values), onChange });
    this.detailsForm = new FormModel<DetailsValues>({
      initial: emptyDetails(),
      validate: (values) => {
        const policy = this.#settings.policy;
        return policy ? detailsProblems(policy, this.foreignNational ? 'foreign' : (this.memberType ?? 'individual'), values, this.shownFields, this.person?.name) : [];
      },
      onChange,
    });
    this.consent = new ConsentModel(onChange);
    this.company = new CompanyModel({ client: () => this.#settings.client, siteConfig: () => this.#settings.siteConfig, onChange });
    this.loginIdCheck = new LoginIdCheck({
      client: () => this.#settings.client,
      policy: () => this.#settings.policy,
      onChange,
      onError: (error) => this.#report(describeFailure(error)),
      ...(options.loginIdDebounceMs === undefined ? {} : { debounceMs: options.loginIdDebounceMs }),
    });
  }

  // ------------------------------------------------------------------ derived state

  get settings(): Readonly<SignupSettings> {
    return this.#settings;
  }

  /** Member types offered here: the site's, narrowed by `member-types`. */
  get offeredTypes(): MemberType[] {
    const site = this.#settings.siteConfig?.memberTypes ?? [];
    const wanted = this.#settings.memberTypes?.split(',').map((type) => type.trim()).filter(Boolean);
    return wanted?.length ? site.filter((type) => wanted.includes(type)) : site;
  }

  get typeAnswers(): ReturnType<typeof answeredType> {
    return answeredType(this.offeredTypes, this.typeForm.values);
  }

  get memberType(): MemberType | undefined {
    const { kind, nationality } = this.typeAnswers;
    return kind ? memberTypeOf(kind, nationality, this.offeredTypes) : undefined;
  }

  get shownFields(): ReadonlySet<OptionalDetailField> {
    const fields = this.#settings.fields;
    if (fields === undefined) return new Set(optionalDetailFields);
    const listed = fields.split(',').map((name) => name.trim());
    return new Set(optionalDetailFields.filter((name) => listed.includes(name)));
  }

  /** Foreign nationals (by the verification once known) give the English name. */
  get foreignNational(): boolean {
    return (this.person?.nationality ?? this.typeAnswers.nationality) === 'foreign';
  }

  get steps(): FlowStep[] {
    return stepsFor(this.typeAnswers.kind || undefined);
  }

  /** Whether a step has what the signup needs (the token aside: it is asked for at submit). */
  isComplete(step: FlowStep): boolean {
    if (step === 'type') return this.memberType !== undefined;
    if (step === 'consent') return this.consent.complete;
    if (step === 'identity') return this.person !== undefined;
    if (step === 'details') return this.detailsForm.valid;
    if (step === 'company') return this.company.complete;
    return false;
  }

  protected override snapshot(): SignupView {
    return snapshotOf(this);
  }

  // ------------------------------------------------------------------ lifecycle

  /** New settings: re-judge what depends on them; the first complete settings start the flow (draft, terms). */
  configure(settings: SignupSettings): void {
    const before = this.#settings;
    const keys = ['client', 'siteConfig', 'policy', 'memberTypes', 'fields', 'draftKey'] as const;
    if (keys.every((key) => before[key] === settings[key])) return;
    this.#settings = { ...settings };
    this.batch(() => {
      this.typeForm.revalidate();
      this.detailsForm.revalidate();
      if (!this.started && settings.siteConfig && settings.policy && settings.client) {
        this.started = true;
        void this.loadTerms();
        this.#goTo(this.#restore(), { focus: 'none' });
      }
    });
  }

  /** The host went away: late answers are ignored and the draft is left as it is. */
  pause(): void {
    this.#paused = true;
    this.loginIdCheck.stop();
    this.company.stop();
    this.consent.terms.abort(false);
  }

  resume(): void {
    this.#paused = false;
  }

  protected override changed(): void {
    // A removed wizard finishing late work must not write over a newer draft.
    if (this.started && !this.finished && !this.#paused) this.#writeDraft();
  }

  // ------------------------------------------------------------------ intents: moving

  /** Leaves the current step forward: validates it (and for the review, submits). */
  async next(): Promise<void> {
    switch (this.step) {
      case 'type': {
        if (!this.typeForm.submit()) return this.#focus('invalid');
        const { kind, nationality } = this.typeAnswers;
        if (!kind || !isOffered(this.offeredTypes, kind, nationality)) return this.#goTo('type', { alert: [say('signup.type.notOffered')], focus: 'none' });
        this.detailsForm.revalidate();
        return this.#advance();
      }
      case 'consent':
        if (this.isComplete('consent')) this.#advance();
        return;
      case 'identity':
        return this.#advance();
      case 'details': {
        const form = this.detailsForm;
        if (!form.submit()) return this.#focus('invalid');
        const answer = await this.loginIdCheck.check(form.values.loginId);
        if (answer.status === 'taken') {
          form.setServerErrors([{ field: 'loginId', code: 'LOGIN_ID_TAKEN' }]);
          return this.#focus('invalid');
        }
        // A failed check (network) does not block: the API decides at submit.
        return this.#advance();
      }
      case 'company':
        if (await this.#validateCompany()) this.#advance();
        return;
      case 'review':
        return this.submit();
      default:
    }
  }

  back(): void {
    this.#goTo(this.steps[Math.max(0, this.steps.indexOf(this.step as FlowStep) - 1)] ?? 'type');
  }

  /** From the review: change a section, then come back. */
  edit(step: FlowStep): void {
    this.returnToReview = true;
    this.#goTo(step);
  }

  /** Shows a step directly (the review's edit buttons, tests, a host's own navigation). */
  goTo(step: SignupStep): void {
    this.#goTo(step);
  }

  /** Tries again what failed on this step: the terms, the company search, or the submit. */
  retry(): Promise<unknown> {
    if (this.step === 'consent') return this.loadTerms();
    if (this.step === 'company') return this.searchCompany();
    if (this.step === 'review') return this.submit();
    return Promise.resolve();
  }

  // ------------------------------------------------------------------ intents: values

  /** The type step's answers (개인/기업, 내국인/외국인). */
  choose<K extends keyof TypeValues>(field: K, value: TypeValues[K]): void {
    this.typeForm.set(field, value);
  }

  update<K extends keyof DetailsValues>(field: K, value: DetailsValues[K]): void {
    if (field === 'loginId') this.loginIdCheck.typed(value as string);
    this.detailsForm.set(field, value);
  }

  chooseConsents(choices: ConsentChoices): void {
    this.consentError = undefined;
    this.consent.choose(choices);
  }

  async loadTerms(): Promise<void> {
    const client = this.#settings.client;
    if (!client) return;
    const state = await this.consent.load(client);
    if (state?.status === 'error') this.#report(state.failure, 'consent');
  }

  checkLoginId(): Promise<unknown> {
    this.detailsForm.touch('loginId');
    return this.loginIdCheck.check(this.detailsForm.values.loginId);
  }

  typeBusinessNumber(value: string): string {
    return this.company.typeBusinessNumber(value);
  }

  async searchCompany(): Promise<boolean> {
    const found = await this.company.search();
    const state = this.company.lookupJob.state;
    if (state.status === 'error') this.#report(state.failure);
    else if (!found && this.company.form.errorFor('businessNumber')) this.#focus('business-number');
    return found;
  }

  async uploadCertificate(file: File): Promise<void> {
    const failure = await this.company.upload(file);
    if (failure) this.#report(failure);
  }

  removeCertificate(): void {
    this.company.removeCertificate();
  }

  /**
   * A verification arrived: on the identity step it is the person signing up (refused when under
   * the policy's minimum age, checked with today in Seoul; the server checks again); on the review
   * it is the second verification of sites that ask again at submit.
   */
  verified(verification: Verification): void {
    if (verification.purpose !== 'signup') return;
    if (this.step === 'review') {
      this.submitVerification = verification;
      this.notify();
      return;
    }
    if (this.step !== 'identity') return;
    this.batch(() => {
      this.verification = verification;
      this.person = { name: verification.person.name, nationality: verification.person.nationality };
      const policy = this.#settings.policy;
      const birth = parseBirthDate(verification.person.birthDate);
      if (policy && (!birth || !isOldEnough(birth, policy.minAge, calendarDateOf(this.#options.now?.() ?? new Date())))) {
        this.#report({ code: 'UNDER_AGE', retryable: false }, 'identity');
        this.#refuse('under-age');
        return;
      }
      const notice = this.#adoptNationality(verification.person.nationality);
      this.detailsForm.revalidate();
      if (this.resumeAfterVerification) {
        this.#goTo('review');
        void this.submit();
        return;
      }
      this.#advance(notice);
    });
  }

  /** Verify again (another person, a mistake): the token is forgotten. */
  verifyAgain(): void {
    this.verification = undefined;
    this.notify();
  }

  // ------------------------------------------------------------------ intents: submit

  /**
   * Checks every part is there (the password and token are not in a resumed draft), emits the
   * cancelable submit event, creates the member with an Idempotency-Key, and sends the user to where
   * an error can be fixed without losing anything.
   */
  async submit(): Promise<void> {
    const client = this.#settings.client;
    const memberType = this.memberType;
    if (this.submitting || !client || !memberType) return;
    this.submitFailure = undefined;
    this.resumeAfterVerification = false;

    // Every part first, so a new verification (which expires) is the last thing asked for.
    const unfinished = this.steps.find((step) => step !== 'review' && step !== 'done' && step !== 'identity' && !this.isComplete(step));
    if (unfinished) {
      this.#goTo(unfinished);
      if (unfinished === 'details') this.detailsForm.submit();
      if (unfinished === 'company') await this.#validateCompany();
      return;
    }
    const verification = this.verification;
    if (!verification) {
      this.resumeAfterVerification = true;
      return this.#goTo('identity', { notice: say('signup.identity.again.notice') });
    }
    if (this.#settings.siteConfig?.reverifyAtSignupSubmit && !this.submitVerification) {
      this.submitFailure = { words: say('signup.review.reverifyFirst'), retry: false };
      return this.#focus('reverify');
    }

    const request = signupRequest({
      memberType,
      verificationToken: verification.verificationToken,
      submitVerificationToken: this.submitVerification?.verificationToken,
      consents: this.consent.request,
      details: this.detailsForm.values,
      shown: this.shownFields,
      company: this.company.part,
    });
    if (!this.emit({ type: 'submit', memberType, loginId: request.details.loginId })) return;

    this.submitting = true;
    this.notify();
    try {
      const result = await client.call('createMember', { body: request }, { idempotencyKey: this.#key.for(request) });
      this.#key.forget();
      this.submitting = false;
      this.#complete(result, memberType);
    } catch (error) {
      this.submitting = false;
      this.#failed(describeFailure(error, this.#settings.policy));
    }
  }

  #complete(result: SignupResult, memberType: MemberType): void {
    this.result = result;
    this.finished = true;
    this.#clearDraft();
    this.#goTo('done');
    const { member } = result;
    this.emit({ type: 'complete', memberId: member.memberId, loginId: member.loginId, memberType, companyRole: member.companyRole, certificatePending: result.certificatePending });
  }

  #failed(failure: Failure): void {
    const { error } = failure;
    this.#report(failure, 'review');
    const route = routeSubmitError(error);
    const message = failure.words;
    this.batch(() => {
      switch (route.kind) {
        case 'screen':
          return this.#refuse(route.step);
        case 'fields':
          if (route.fields.some((problem) => problem.code === 'LOGIN_ID_TAKEN')) this.loginIdCheck.markTaken(this.detailsForm.values.loginId);
          (route.step === 'details' ? this.detailsForm : this.company.form).setServerErrors(route.fields);
          return this.#goTo(route.step, { alert: [message], focus: 'invalid' });
        case 'company':
          this.company.forgetLookup(error.code !== 'CERTIFICATE_NOT_FOUND');
          return this.#goTo('company', { alert: [message, say('signup.company.researchNeeded')] });
        case 'reverify':
          this.verification = undefined;
          this.submitVerification = undefined;
          this.resumeAfterVerification = true;
          return this.#goTo('identity', { notice: message });
        case 'terms':
          this.consentError = error.code;
          void this.loadTerms();
          return this.#goTo('consent', { alert: [message] });
        case 'type':
          return this.#goTo('type', { alert: [message] });
        default:
          // The same body may be retried with the same key, unless the server refused that key.
          if (error.code === 'IDEMPOTENCY_CONFLICT') this.#key.forget();
          this.submitFailure = { words: message, retry: true };
          this.notify();
      }
    });
  }

  // ------------------------------------------------------------------ inner moves

  #goTo(step: SignupStep, options: { notice?: Words | undefined; alert?: Words[]; focus?: FocusTarget } = {}): void {
    // Until a step was shown (the site settings are loading) there is no previous step.
    const previous = this.#shown ? this.step : null;
    this.#shown = true;
    this.step = step;
    this.notice = options.notice;
    this.alert = options.alert;
    if (step === 'review') this.returnToReview = true;
    if (step !== previous) {
      const index = this.steps.indexOf(step as FlowStep);
      const title = say(`signup.step.${step}`);
      this.announcement = index < 0 ? title : say('signup.announce', { current: index + 1, total: this.steps.length, title });
      this.emit({ type: 'step-change', step, previous });
    }
    this.#focus(options.focus ?? 'heading');
  }

  /** The next step in order; after the review was reached, the first unfinished step or the review. */
  #advance(notice?: Words): void {
    const later = this.steps.slice(this.steps.indexOf(this.step as FlowStep) + 1).filter((step) => step !== 'done');
    const target = this.returnToReview ? (later.find((step) => step !== 'review' && !this.isComplete(step)) ?? 'review') : (later[0] ?? 'review');
    this.#goTo(target, { notice });
  }

  /** Asks the element to move focus after its next render. */
  #focus(target: FocusTarget): void {
    this.focus = { target, seq: this.focus.seq + 1 };
    this.notify();
  }

  async #validateCompany(): Promise<boolean> {
    if (!this.company.lookup) {
      await this.searchCompany();
      return false;
    }
    const valid = await this.company.validate();
    if (!valid) this.#focus('invalid');
    return valid;
  }

  /** A refusal (under age, already a member): its screen, and no draft to come back to. */
  #refuse(step: 'under-age' | 'already-member'): void {
    this.finished = true;
    this.#clearDraft();
    this.verification = undefined;
    this.#goTo(step);
  }

  /** The verification says the nationality; the type step's answer follows it (with a notice). */
  #adoptNationality(nationality: 'domestic' | 'foreign'): Words | undefined {
    const asked = this.typeForm.values.nationality;
    const { kind } = this.typeAnswers;
    if (!asked || !kind || asked === nationality || !isOffered(this.offeredTypes, kind, nationality)) return undefined;
    this.typeForm.set('nationality', nationality);
    return say('signup.identity.nationalityChanged', { nationality: say(`signup.type.nationality.${nationality}`) });
  }

  /** Tells the host (the error event); the screen says what to do. */
  #report(failure: Failure | { code: string; retryable: boolean }, step: SignupStep = this.step): void {
    const retryable = 'error' in failure ? failure.error.retryable : failure.retryable;
    this.emit({ type: 'error', code: failure.code, step, retryable });
  }

  // ------------------------------------------------------------------ draft

  get #draftKey(): string | undefined {
    const site = this.#settings.client?.siteId;
    return site ? draftStorageKey(site, this.#settings.draftKey) : undefined;
  }

  /** Restores a saved draft; returns the step to show. */
  #restore(): SignupStep {
    const key = this.#draftKey;
    const draft = key ? loadDraft(this.#options.storage, key) : undefined;
    if (!draft) return 'type';
    this.typeForm.reset({ kind: draft.kind ?? '', nationality: draft.nationality ?? '' });
    this.consent.restore(draft.consents);
    this.person = draft.person;
    this.detailsForm.reset({ ...emptyDetails(), ...draft.details });
    this.loginIdCheck.restore(draft.loginIdAvailable);
    this.company.restore(draft.company);
    this.returnToReview = draft.returnToReview;
    // Passwords are never stored: whoever comes back types theirs again.
    this.passwordAgain = true;
    return draft.step;
  }

  #writeDraft(): void {
    const key = this.#draftKey;
    const step = this.step;
    if (!key || step === 'done' || step === 'under-age' || step === 'already-member') return;
    const check = this.loginIdCheck.state;
    saveDraft(this.#options.storage, key, {
      step,
      kind: this.typeForm.values.kind || undefined,
      nationality: this.typeForm.values.nationality || undefined,
      consents: this.consent.answers,
      person: this.person,
      details: storedDetails(this.detailsForm.values),
      loginIdAvailable: check.status === 'available' ? check.loginId : undefined,
      company: this.company.part,
      returnToReview: this.returnToReview,
    });
  }

  #clearDraft(): void {
    const key = this.#draftKey;
    if (key) clearDraft(this.#options.storage, key);
  }
}
