import type { MembershipClient } from '../../api/client.ts';
import type { MemberType, SignupResult, SiteConfig } from '../../api/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import type { Failure } from '../failure.ts';
import { FormModel } from '../form-model.ts';
import { Job } from '../job.ts';
import { FlowStore, type FlowOptions } from '../store.ts';
import type { Words } from '../words.ts';
import { signupChecks } from './checks-loader.ts';
import { CompanyModel } from './company.ts';
import { ConsentModel, type ConsentChoices } from './consent.ts';
import { clearDraft as removeDraft, draftStorageKey, loadDraft, saveDraft, type DraftStorage, type SignupDraft } from './draft.ts';
import { LaterDraft } from './later.ts';
import type { SignupFlowEvent } from './events.ts';
import { LoginIdCheck } from './login-id-check.ts';
import { answeredType, memberTypeOf, narrowMemberTypes, standardMemberTypes, stepsFor, typeProblems, type FlowStep, type SignupStep } from './steps.ts';
import { emptyDetails, optionalDetailFields, storedDetails, type DetailsValues, type OptionalDetailField } from './values.ts';
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
  /** Where a draft the user chose to continue later is kept (localStorage in the browser); none: not offered. */
  laterStorage?: DraftStorage | undefined;
  /** Today, for the minimum-age check (tests pin it). */
  now?: () => Date;
  loginIdDebounceMs?: number;
}

/**
 * The signup flow's state: its parts (forms, terms, company, ID check), what follows from them and
 * the settings (steps, member type, shown fields), the view built from it, and the draft. The moves
 * between steps and the submit are SignupFlow's (signup-flow.ts); the value intents are here.
 */
export abstract class SignupState extends FlowStore<SignupView, SignupFlowEvent> {
  protected readonly options: SignupFlowOptions;
  protected current: SignupSettings = { client: undefined, siteConfig: undefined, policy: undefined };
  readonly typeForm: FormModel<TypeValues>;
  readonly detailsForm: FormModel<DetailsValues>;
  readonly consent: ConsentModel;
  readonly company: CompanyModel;
  readonly loginIdCheck: LoginIdCheck;
  /** "Continue later": the copy kept on the device by the user's choice (later.ts). */
  readonly later: LaterDraft;
  step: SignupStep = 'type';
  started = false;
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
  /** The final submit: pending, slow (still working / cancel), its answer. */
  readonly submitJob = new Job<SignupResult>({ onChange: () => this.notify() });
  get submitting(): boolean {
    return this.submitJob.pending;
  }
  /** The account check right after the verification is running. */
  checkingAccount = false;
  /** The details form failed a submit: its error summary shows until the step is left. */
  detailsSummary = false;
  submitFailure: { words: Words; retry: boolean } | undefined;
  /** The submit waits for a new verification; once it arrives the submit goes on by itself. */
  resumeAfterVerification = false;
  /** "다음" was pressed on the first step before the site's settings arrived: it goes on once they do. */
  nextWhenStarted = false;
  /** Done or refused: the draft is gone and is not written again. */
  finished = false;
  focus: { target: FocusTarget; seq: number } = { target: 'none', seq: 0 };

  constructor(options: SignupFlowOptions = {}) {
    super(options);
    this.options = options;
    this.later = new LaterDraft(options.laterStorage, options.now);
    const onChange = () => this.notify();
    this.typeForm = new FormModel<TypeValues>({ initial: { kind: '', nationality: '' }, validate: (values) => typeProblems(this.offeredTypes, values), onChange });
    this.detailsForm = new FormModel<DetailsValues>({
      initial: emptyDetails(),
      validate: (values) => {
        const policy = this.current.policy;
        const checks = signupChecks();
        // Not judged until the rules have loaded (they arrive before the details step can show).
        return policy && checks ? checks.detailsProblems(policy, this.foreignNational ? 'foreign' : (this.memberType ?? 'individual'), values, this.shownFields, this.person?.name) : [];
      },
      onChange,
    });
    this.consent = new ConsentModel(onChange);
    this.company = new CompanyModel({ client: () => this.current.client, siteConfig: () => this.current.siteConfig, policy: () => this.current.policy, verificationToken: () => this.verification?.verificationToken, onChange });
    this.loginIdCheck = new LoginIdCheck({
      client: () => this.current.client,
      policy: () => this.current.policy,
      onChange,
      onError: (failure) => this.report(failure),
      ...(options.loginIdDebounceMs === undefined ? {} : { debounceMs: options.loginIdDebounceMs }),
    });
  }

  // ------------------------------------------------------------------ derived state

  get settings(): Readonly<SignupSettings> {
    return this.current;
  }

  /**
   * Member types offered here: the site's, narrowed by `member-types`. Until the site's settings
   * arrive, the standard three (so the first step shows at once; the site's list replaces them).
   */
  get offeredTypes(): MemberType[] {
    return narrowMemberTypes(this.current.siteConfig?.memberTypes ?? standardMemberTypes, this.current.memberTypes);
  }

  get typeAnswers(): ReturnType<typeof answeredType> {
    return answeredType(this.offeredTypes, this.typeForm.values);
  }

  get memberType(): MemberType | undefined {
    const { kind, nationality } = this.typeAnswers;
    return kind ? memberTypeOf(kind, nationality, this.offeredTypes) : undefined;
  }

  get shownFields(): ReadonlySet<OptionalDetailField> {
    const fields = this.current.fields;
    if (fields === undefined) return new Set(optionalDetailFields);
    const listed = fields.split(',').map((name) => name.trim());
    // A field the policy requires (or the English name of a foreign national) is shown and sent whatever `fields` says.
    const required = this.current.policy?.required;
    const mandatory = (name: OptionalDetailField) =>
      name === 'nameEn' ? this.foreignNational || required?.nameEn === true : (name === 'phone' || name === 'mobile' || name === 'address') && required?.[name] === true;
    return new Set(optionalDetailFields.filter((name) => listed.includes(name) || mandatory(name)));
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

  /** Tells the host (the error event); the screen says what to do. */
  protected report(failure: Failure | { code: string; retryable: boolean }, step: SignupStep = this.step): void {
    const retryable = 'error' in failure ? failure.error.retryable : failure.retryable;
    this.emit({ type: 'error', code: failure.code, step, retryable });
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
    const client = this.current.client;
    if (!client) return;
    const state = await this.consent.load(client);
    if (state?.status === 'error') this.report(state.failure, 'consent');
  }

  /** Stops waiting for slow terms (the consent step then offers a retry). */
  cancelTerms(): void {
    this.consent.terms.cancel();
  }

  /** Stops waiting for a slow ID availability answer. */
  cancelLoginIdCheck(): void {
    this.loginIdCheck.cancel();
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
    if (state.status === 'error') this.report(state.failure);
    else if (!found && this.company.form.errorFor('businessNumber')) this.requestFocus('business-number');
    return found;
  }

  async uploadCertificate(file: File): Promise<void> {
    const failure = await this.company.upload(file);
    if (failure) this.report(failure);
  }

  removeCertificate(): void {
    this.company.removeCertificate();
  }

  /** Asks the element to move focus after its next render. */
  protected requestFocus(target: FocusTarget): void {
    this.focus = { target, seq: this.focus.seq + 1 };
    this.notify();
  }

  // ------------------------------------------------------------------ draft

  protected get draftKey(): string | undefined {
    const site = this.current.client?.siteId;
    return site ? draftStorageKey(site, this.current.draftKey) : undefined;
  }

  /** Whether a draft waits to be resumed (then the first step is not shown before the settings arrive). */
  get hasDraft(): boolean {
    const key = this.draftKey;
    return key !== undefined && loadDraft(this.options.storage, key) !== undefined;
  }

  /** Whether a draft kept for later (unexpired) will be offered once the settings arrive. */
  get hasKeptDraft(): boolean {
    const key = this.draftKey;
    return key !== undefined && this.later.read(key) !== undefined;
  }

  /** Restores the tab's draft; returns the step to show. */
  protected restoreDraft(): SignupStep {
    const key = this.draftKey;
    const draft = key ? loadDraft(this.options.storage, key) : undefined;
    if (!draft) return 'type';
    this.applyDraft(draft);
    return draft.step;
  }

  /** Takes a draft's values (the tab's, or one kept for later). */
  protected applyDraft(draft: SignupDraft): void {
    this.typeForm.reset({ kind: draft.kind ?? '', nationality: draft.nationality ?? '' });
    this.consent.restore(draft.consents);
    this.person = draft.person;
    this.detailsForm.reset({ ...emptyDetails(), ...draft.details });
    this.loginIdCheck.restore(draft.loginIdAvailable);
    this.company.restore(draft.company);
    this.returnToReview = draft.returnToReview;
    // Passwords are never stored: whoever comes back types theirs again.
    this.passwordAgain = true;
  }

  protected writeDraft(): void {
    const key = this.draftKey;
    const step = this.step;
    if (!key || step === 'done' || step === 'under-age' || step === 'already-member') return;
    const check = this.loginIdCheck.state;
    const draft: SignupDraft = {
      step,
      kind: this.typeForm.values.kind || undefined,
      nationality: this.typeForm.values.nationality || undefined,
      consents: this.consent.answers,
      person: this.person,
      details: storedDetails(this.detailsForm.values),
      loginIdAvailable: check.status === 'available' ? check.loginId : undefined,
      company: this.company.part,
      returnToReview: this.returnToReview,
    };
    saveDraft(this.options.storage, key, draft);
    if (this.later.kept) this.later.save(key, draft);
  }

  protected clearDraft(): void {
    const key = this.draftKey;
    if (key) removeDraft(this.options.storage, key);
    if (key) this.later.forget(key);
    this.later.kept = false;
  }
}
