// The signup flow's later moves — the person verified, the account check, the submit and its answer —
// loaded with the rules on demand (checks.ts, checks-loader.ts), so the wizard's first step does not
// carry them. SignupFlow (signup-flow.ts) keeps the intents and hands these functions a port to itself.
import type { MembershipClient } from '../../api/client.ts';
import type { ConsentAnswer, MemberType, SignupResult, SiteConfig } from '../../api/index.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { isBlank } from '../../rules/digits.ts';
import { calendarDateOf, isOldEnough, parseBirthDate } from '../../rules/birth-date.ts';
import { formatPhoneNumber } from '../../rules/phone.ts';
import { describeFailure, type Failure } from '../failure.ts';
import type { FormModel } from '../form-model.ts';
import type { SubmitKey } from '../idempotency.ts';
import type { Job } from '../job.ts';
import { say, type Words } from '../words.ts';
import type { SignupFlowEvent } from './events.ts';
import { isOffered, type FlowStep, type MemberKind, type MemberNationality, type SignupStep } from './steps.ts';
import { routeSubmitError } from './submit-route.ts';
import { signupRequest } from './request.ts';
import type { CompanyPart, CompanyValues, DetailsValues, OptionalDetailField } from './values.ts';
import type { FocusTarget, TypeValues, Verification } from './view.ts';

/**
 * What these moves read and change of the flow (SignupFlow has all of it). Written out here rather than
 * imported, so this module, loaded on demand by the flow, does not depend on the flow's own modules.
 */
export interface SignupSubject {
  step: SignupStep;
  person: { name: string; nationality: 'domestic' | 'foreign' } | undefined;
  verification: Verification | undefined;
  submitVerification: Verification | undefined;
  resumeAfterVerification: boolean;
  checkingAccount: boolean;
  detailsSummary: boolean;
  consentError: string | undefined;
  submitFailure: { words: Words; retry: boolean } | undefined;
  result: SignupResult | undefined;
  finished: boolean;
  readonly typeForm: FormModel<TypeValues>;
  readonly detailsForm: FormModel<DetailsValues>;
  readonly typeAnswers: { kind: MemberKind | ''; nationality: MemberNationality };
  readonly offeredTypes: MemberType[];
  readonly memberType: MemberType | undefined;
  readonly submitting: boolean;
  readonly steps: FlowStep[];
  readonly shownFields: ReadonlySet<OptionalDetailField>;
  readonly consent: { readonly request: ConsentAnswer[] };
  readonly company: { readonly part: CompanyPart; readonly form: FormModel<CompanyValues>; forgetLookup(keepCertificate?: boolean): void };
  readonly loginIdCheck: { markTaken(loginId: string): void };
  readonly submitJob: Job<SignupResult>;
  isComplete(step: FlowStep): boolean;
  submit(): Promise<void>;
  loadTerms(): Promise<void>;
}

/** What the later moves may do with the flow beyond its public surface (its protected moves). */
export interface SignupPort {
  readonly flow: SignupSubject;
  readonly key: SubmitKey;
  settings(): { client: MembershipClient | undefined; siteConfig: SiteConfig | undefined; policy: MembershipPolicy | undefined };
  now(): Date;
  moveTo(step: SignupStep, options?: { notice?: Words | undefined; alert?: Words[]; focus?: FocusTarget }): void;
  advance(notice?: Words): void;
  refuse(step: 'under-age' | 'already-member'): void;
  report(failure: Failure | { code: string; retryable: boolean }, step?: SignupStep): void;
  requestFocus(target: FocusTarget): void;
  validateCompany(): Promise<boolean>;
  batch<T>(change: () => T): T;
  notify(): void;
  emit(event: SignupFlowEvent): boolean;
  clearDraft(): void;
}

/**
 * A verification arrived on the identity step: the person signing up (refused when under the policy's
 * minimum age, checked with today in Seoul; the server checks again), then the account check.
 */
export function personVerified(port: SignupPort, verification: Verification): void {
  const { flow } = port;
  port.batch(() => {
    flow.verification = verification;
    flow.person = { name: verification.person.name, nationality: verification.person.nationality };
    const policy = port.settings().policy;
    const birth = parseBirthDate(verification.person.birthDate);
    if (policy && (!birth || !isOldEnough(birth, policy.minAge, calendarDateOf(port.now())))) {
      port.report({ code: 'UNDER_AGE', retryable: false }, 'identity');
      port.refuse('under-age');
      return;
    }
    const notice = adoptNationality(flow, verification.person.nationality);
    flow.detailsForm.revalidate();
    flow.checkingAccount = true;
    void checkAccount(port, verification).then((goOn) => {
      flow.checkingAccount = false;
      if (!goOn || flow.step !== 'identity' || flow.verification !== verification) return port.notify();
      if (flow.resumeAfterVerification) {
        port.moveTo('review');
        void flow.submit();
        return;
      }
      port.advance(notice);
    });
    port.notify();
  });
}

/**
 * One person, one account: asks the server at once whether the verified person already has one
 * (then the refusal screen with login and find-account links), and takes the verified mobile number
 * for 핸드폰 when the user has not typed one. A failed check does not block: the submit decides.
 */
async function checkAccount(port: SignupPort, verification: Verification): Promise<boolean> {
  const { flow } = port;
  const client = port.settings().client;
  if (!client) return true;
  try {
    const answer = await client.call('checkSignupVerification', { body: { verificationToken: verification.verificationToken } });
    if (flow.verification !== verification) return false;
    if (answer.existingAccount) {
      port.report({ code: 'ALREADY_MEMBER', retryable: false }, 'identity');
      port.refuse('already-member');
      return false;
    }
    if (answer.mobile && isBlank(flow.detailsForm.values.mobile)) flow.detailsForm.set('mobile', formatPhoneNumber(answer.mobile));
  } catch {
    // Network or a newer server without the check: the API still refuses a second account at submit.
  }
  return true;
}

/** The verification says the nationality; the type step's answer follows it (with a notice). */
function adoptNationality(flow: SignupSubject, nationality: 'domestic' | 'foreign'): Words | undefined {
  const asked = flow.typeForm.values.nationality;
  const { kind } = flow.typeAnswers;
  if (!asked || !kind || asked === nationality || !isOffered(flow.offeredTypes, kind, nationality)) return undefined;
  flow.typeForm.set('nationality', nationality);
  return say('signup.identity.nationalityChanged', { nationality: say(`signup.type.nationality.${nationality}`) });
}

/**
 * Checks every part is there (the password and token are not in a resumed draft), emits the
 * cancelable submit event, creates the member with an Idempotency-Key, and sends the user to where
 * an error can be fixed without losing anything.
 */
export async function submitSignup(port: SignupPort): Promise<void> {
  const { flow } = port;
  const settings = port.settings();
  const client = settings.client;
  const memberType = flow.memberType;
  if (flow.submitting || !client || !memberType) return;
  flow.submitFailure = undefined;
  flow.resumeAfterVerification = false;

  // Every part first, so a new verification (which expires) is the last thing asked for.
  const unfinished = flow.steps.find((step) => step !== 'review' && step !== 'done' && step !== 'identity' && !flow.isComplete(step));
  if (unfinished) {
    port.moveTo(unfinished);
    if (unfinished === 'details' && !flow.detailsForm.submit()) {
      flow.detailsSummary = true;
      port.requestFocus('error-summary');
    }
    if (unfinished === 'company') await port.validateCompany();
    return;
  }
  const verification = flow.verification;
  if (!verification) {
    flow.resumeAfterVerification = true;
    return port.moveTo('identity', { notice: say('signup.identity.again.notice') });
  }
  if (settings.siteConfig?.reverifyAtSignupSubmit && !flow.submitVerification) {
    flow.submitFailure = { words: say('signup.review.reverifyFirst'), retry: false };
    return port.requestFocus('reverify');
  }

  const request = signupRequest({
    memberType,
    verificationToken: verification.verificationToken,
    submitVerificationToken: flow.submitVerification?.verificationToken,
    consents: flow.consent.request,
    details: flow.detailsForm.values,
    shown: flow.shownFields,
    company: flow.company.part,
  });
  if (!port.emit({ type: 'submit', memberType, loginId: request.details.loginId })) return;

  const key = port.key.for(request);
  // A cancelled or failed submit keeps its key: the retry replays it, never makes a second account.
  const done = await flow.submitJob.run((signal) => client.call('createMember', { body: request }, { idempotencyKey: key, signal }));
  if (done?.status === 'complete') {
    port.key.forget();
    complete(port, done.value, memberType);
  } else if (done?.status === 'error') {
    failed(port, done.failure.kind === 'aborted' ? done.failure : describeFailure(done.failure.error, port.settings().policy));
  }
}

function complete(port: SignupPort, result: SignupResult, memberType: MemberType): void {
  const { flow } = port;
  flow.result = result;
  flow.finished = true;
  port.clearDraft();
  port.moveTo('done');
  const { member } = result;
  port.emit({ type: 'complete', memberId: member.memberId, loginId: member.loginId, memberType, companyRole: member.companyRole, certificatePending: result.certificatePending });
}

function failed(port: SignupPort, failure: Failure): void {
  const { flow } = port;
  const { error } = failure;
  port.report(failure, 'review');
  const route = routeSubmitError(error);
  const message = failure.words;
  port.batch(() => {
    switch (route.kind) {
      case 'screen':
        return port.refuse(route.step);
      case 'fields':
        if (route.fields.some((problem) => problem.code === 'LOGIN_ID_TAKEN')) flow.loginIdCheck.markTaken(flow.detailsForm.values.loginId);
        (route.step === 'details' ? flow.detailsForm : flow.company.form).setServerErrors(route.fields);
        return port.moveTo(route.step, { alert: [message], focus: 'invalid' });
      case 'company':
        flow.company.forgetLookup(error.code !== 'CERTIFICATE_NOT_FOUND');
        return port.moveTo('company', { alert: [message, say('signup.company.researchNeeded')] });
      case 'reverify':
        flow.verification = undefined;
        flow.submitVerification = undefined;
        flow.resumeAfterVerification = true;
        return port.moveTo('identity', { notice: message });
      case 'terms':
        flow.consentError = error.code;
        void flow.loadTerms();
        return port.moveTo('consent', { alert: [message] });
      case 'type':
        return port.moveTo('type', { alert: [message] });
      default:
        // The same body may be retried with the same key, unless the server refused that key.
        if (error.code === 'IDEMPOTENCY_CONFLICT') port.key.forget();
        flow.submitFailure = { words: message, retry: true };
        port.notify();
    }
  });
}
