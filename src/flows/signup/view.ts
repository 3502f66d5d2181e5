import type { MemberType, SignupResult, SiteConfig, TermsDocument, TermsNotice } from '../../api/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import type { LaterOffer } from './later.ts';
import type { FormPort } from '../form-model.ts';
import type { JobState } from '../job.ts';
import type { Words } from '../words.ts';
import type { ConsentChoices } from './consent.ts';
import type { LoginIdCheckState } from './login-id-check.ts';
import { offeredAnswers, type FlowStep, type MemberKind, type MemberNationality, type SignupStep } from './steps.ts';
import type { CompanyPart, CompanyValues, DetailsValues, OptionalDetailField } from './values.ts';

/** The type step's answers; blank until chosen (no default). */
export interface TypeValues {
  kind: MemberKind | '';
  nationality: MemberNationality | '';
}

/** A verification as the flow needs it (identity-verify's `identity-verified` detail fits). */
export interface Verification {
  verificationToken: string;
  purpose: string;
  person: { name: string; birthDate: string; nationality: 'domestic' | 'foreign' };
}

/** Where the element puts focus after the next render. */
export type FocusTarget = 'heading' | 'invalid' | 'error-summary' | 'business-number' | 'reverify' | 'none';

export interface CompanyView {
  form: FormPort<CompanyValues>;
  part: CompanyPart;
  lookup: CompanyPart['lookup'];
  lookupState: JobState<unknown>;
  certificate: CompanyPart['certificate'];
  uploadState: JobState<unknown>;
  uploading: string | undefined;
  fileError: string | undefined;
}

/** Everything a screen of the signup shows, read-only. Forms come with their two intents (set, touch). */
export interface SignupView {
  /** The settings arrived and the draft was read: steps can show. */
  readonly started: boolean;
  readonly step: SignupStep;
  /** The steps of the indicator, for the member kind chosen. */
  readonly steps: readonly FlowStep[];
  readonly siteConfig: SiteConfig | undefined;
  readonly policy: MembershipPolicy | undefined;
  readonly offeredTypes: readonly MemberType[];
  readonly offered: { kinds: MemberKind[]; nationalities: MemberNationality[] };
  readonly memberType: MemberType | undefined;
  readonly foreignNational: boolean;
  readonly shownFields: ReadonlySet<OptionalDetailField>;
  /** Which shown detail fields are mandatory (policy, and the English name for foreigners). */
  readonly required: Readonly<Record<'nameEn' | 'phone' | 'mobile' | 'address', boolean>>;
  readonly type: FormPort<TypeValues>;
  readonly details: FormPort<DetailsValues>;
  readonly terms: JobState<TermsDocument[]>;
  readonly documents: readonly TermsDocument[];
  /** The terms' notices, shown under the consent list. */
  readonly notices: readonly TermsNotice[];
  readonly consentChoices: ConsentChoices;
  readonly consentComplete: boolean;
  /** A code after a refused submit (TERMS_REQUIRED, TERMS_OUTDATED). */
  readonly consentError: string | undefined;
  readonly person: { name: string; nationality: 'domestic' | 'foreign' } | undefined;
  /** Who was verified in this visit (the token stays in the flow); undefined before. */
  readonly verified: { name: string } | undefined;
  readonly reverify: boolean;
  readonly reverified: boolean;
  readonly loginIdCheck: LoginIdCheckState;
  /** Ask for the password again (a resumed draft never has it). */
  readonly passwordAgain: boolean;
  readonly company: CompanyView;
  readonly notice: Words | undefined;
  readonly alert: readonly Words[] | undefined;
  /** "단계 n/m: 제목", said when the step changes. */
  readonly announcement: Words | undefined;
  readonly submitting: boolean;
  /** The submit has been running for a few seconds: say so and offer to cancel. */
  readonly submitSlow: boolean;
  /** Right after the verification: the server is asked whether the person already has an account. */
  readonly checkingAccount: boolean;
  /** After a failed submit of the details form: the problems listed at its top (error summary). */
  readonly detailsSummary: readonly { field: string; code: string }[] | undefined;
  readonly submitFailure: { words: Words; retry: boolean } | undefined;
  readonly result: SignupResult | undefined;
  readonly focus: { target: FocusTarget; seq: number };
  /** The user chose "continue later": the draft is kept on this device too (later.ts). */
  readonly keptForLater: boolean;
  /** A draft kept on an earlier visit, offered until the user continues or discards it. */
  readonly laterOffer: LaterOffer | undefined;
}

/** The flow's state the view is built from (SignupFlow satisfies it). */
export interface SignupState {
  started: boolean;
  step: SignupStep;
  steps: FlowStep[];
  settings: { siteConfig: SiteConfig | undefined; policy: MembershipPolicy | undefined };
  offeredTypes: MemberType[];
  memberType: MemberType | undefined;
  foreignNational: boolean;
  shownFields: ReadonlySet<OptionalDetailField>;
  typeForm: FormPort<TypeValues>;
  detailsForm: FormPort<DetailsValues>;
  consent: { state: JobState<TermsDocument[]>; documents: TermsDocument[]; notices: TermsNotice[]; choices: ConsentChoices; complete: boolean };
  consentError: string | undefined;
  person: SignupView['person'];
  verification: Verification | undefined;
  submitVerification: Verification | undefined;
  loginIdCheck: { state: LoginIdCheckState };
  passwordAgain: boolean;
  company: {
    form: FormPort<CompanyValues>;
    part: CompanyPart;
    lookup: CompanyPart['lookup'];
    certificate: CompanyPart['certificate'];
    lookupJob: { state: JobState<unknown> };
    uploadJob: { state: JobState<unknown> };
    uploading: string | undefined;
    fileError: string | undefined;
  };
  notice: Words | undefined;
  alert: Words[] | undefined;
  announcement: Words | undefined;
  submitting: boolean;
  submitJob: { slow: boolean };
  checkingAccount: boolean;
  detailsSummary: boolean;
  submitFailure: SignupView['submitFailure'];
  result: SignupResult | undefined;
  focus: SignupView['focus'];
  later: { kept: boolean; offer: LaterOffer | undefined };
}

export function snapshotOf(flow: SignupState): SignupView {
  const policy = flow.settings.policy;
  const company = flow.company;
  return {
    started: flow.started,
    step: flow.step,
    steps: flow.steps,
    siteConfig: flow.settings.siteConfig,
    policy,
    offeredTypes: flow.offeredTypes,
    offered: offeredAnswers(flow.offeredTypes),
    memberType: flow.memberType,
    foreignNational: flow.foreignNational,
    shownFields: flow.shownFields,
    required: {
      nameEn: (policy?.required.nameEn ?? false) || flow.foreignNational,
      phone: policy?.required.phone ?? false,
      mobile: policy?.required.mobile ?? false,
      address: policy?.required.address ?? false,
    },
    type: flow.typeForm,
    details: flow.detailsForm,
    terms: flow.consent.state,
    documents: flow.consent.documents,
    notices: flow.consent.notices,
    consentChoices: flow.consent.choices,
    consentComplete: flow.consent.complete,
    consentError: flow.consentError,
    person: flow.person,
    verified: flow.verification ? { name: flow.verification.person.name } : undefined,
    reverify: flow.settings.siteConfig?.reverifyAtSignupSubmit ?? false,
    reverified: flow.submitVerification !== undefined,
    loginIdCheck: flow.loginIdCheck.state,
    passwordAgain: flow.passwordAgain && flow.detailsForm.values.password === '',
    company: {
      form: company.form,
      part: company.part,
      lookup: company.lookup,
      lookupState: company.lookupJob.state,
      certificate: company.certificate,
      uploadState: company.uploadJob.state,
      uploading: company.uploading,
      fileError: company.fileError,
    },
    notice: flow.notice,
    alert: flow.alert,
    announcement: flow.announcement,
    submitting: flow.submitting,
    submitSlow: flow.submitJob.slow,
    checkingAccount: flow.checkingAccount,
    detailsSummary: flow.detailsSummary && flow.step === 'details' && flow.detailsForm.visibleProblems.length > 0 ? flow.detailsForm.visibleProblems : undefined,
    submitFailure: flow.submitFailure,
    result: flow.result,
    focus: flow.focus,
    keptForLater: flow.later.kept,
    laterOffer: flow.later.offer,
  };
}
