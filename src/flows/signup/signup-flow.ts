import type { MemberType, SignupResult } from '../../api/index.ts';
import { isBlank } from '../../rules/digits.ts';
import { describeFailure, type Failure } from '../failure.ts';
import { SubmitKey } from '../idempotency.ts';
import { say, type Words } from '../words.ts';
import { loadSignupChecks, signupChecks } from './checks-loader.ts';
import { SignupMoves } from './moves.ts';
import { isOffered, routeSubmitError, type FlowStep, type SignupStep } from './steps.ts';
import { signupRequest } from './values.ts';
import type { FocusTarget, Verification } from './view.ts';

export type { SignupFlowOptions, SignupSettings } from './state.ts';

/**
 * The signup journey without a DOM: member type → consent → identity → details → company
 * (corporate) → review → done. Holds the steps and values, validates each step with the rules,
 * keeps the draft (never a password or token), submits with an idempotency key and emits the
 * events the element turns into DOM events. See src/flows/README.md for the pattern.
 */
export class SignupFlow extends SignupMoves {
  readonly #key = new SubmitKey();

  // ------------------------------------------------------------------ intents: moving

  /** Leaves the current step forward: validates it (and for the review, submits). */
  override async next(): Promise<void> {
    // Later steps are judged with the rules: a draft resumed past the consent step may still wait for them.
    if (this.step !== 'type' && this.step !== 'consent' && !signupChecks()) return this.#withChecks(this.step, () => this.next());
    switch (this.step) {
      case 'type': {
        if (!this.typeForm.submit()) return this.requestFocus('invalid');
        // Answered before the site's settings arrived: judged against the site's own types once they do.
        if (!this.started) {
          this.nextWhenStarted = true;
          this.announcement = say('signup.loading');
          return this.notify();
        }
        const { kind, nationality } = this.typeAnswers;
        if (!kind || !isOffered(this.offeredTypes, kind, nationality)) return this.moveTo('type', { alert: [say('signup.type.notOffered')], focus: 'none' });
        this.detailsForm.revalidate();
        return this.advance();
      }
      case 'consent':
        if (this.isComplete('consent')) return this.#withChecks('consent', () => this.advance());
        // "다음" is never disabled: pressing it says what is missing and goes to the first unagreed item.
        if (this.consent.state.status !== 'complete') return;
        this.consentError = 'TERMS_REQUIRED';
        return this.moveTo('consent', { alert: [say('signup.consent.nextHint')], focus: 'invalid' });
      case 'identity':
        return this.advance();
      case 'details': {
        const form = this.detailsForm;
        // The long form: an error summary at its top (KRDS / GOV.UK) takes focus and links to each field.
        this.detailsSummary = !form.submit();
        if (this.detailsSummary) return this.requestFocus('error-summary');
        const answer = await this.loginIdCheck.check(form.values.loginId);
        if (answer.status === 'taken') {
          form.setServerErrors([{ field: 'loginId', code: 'LOGIN_ID_TAKEN' }]);
          return this.requestFocus('invalid');
        }
        // A failed check (network) does not block: the API decides at submit.
        return this.advance();
      }
      case 'company':
        if (await this.validateCompany()) this.advance();
        return;
      case 'review':
        return this.submit();
      default:
    }
  }

  /** Runs `then` once the rules the later steps need are in; a failed load (offline) is said on `step`, and pressing again retries. */
  async #withChecks(step: SignupStep, then: () => unknown): Promise<void> {
    if (!signupChecks()) {
      try {
        await loadSignupChecks();
      } catch (error) {
        return this.report(describeFailure(error), step);
      }
      this.batch(() => {
        this.detailsForm.revalidate();
        this.company.form.revalidate();
      });
    }
    // Awaited, so whoever awaits next() or submit() waits for the whole move.
    await then();
  }

  back(): void {
    this.moveTo(this.steps[Math.max(0, this.steps.indexOf(this.step as FlowStep) - 1)] ?? 'type');
  }

  /** From the review: change a section, then come back. */
  edit(step: FlowStep): void {
    this.returnToReview = true;
    this.moveTo(step);
  }

  /** Shows a step directly (the review's edit buttons, tests, a host's own navigation). */
  goTo(step: SignupStep): void {
    this.moveTo(step);
  }

  /** Tries again what failed on this step: the terms, the company search, or the submit. */
  retry(): Promise<unknown> {
    if (this.step === 'consent') return this.loadTerms();
    if (this.step === 'company') return this.searchCompany();
    if (this.step === 'review') return this.submit();
    return Promise.resolve();
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
    const checks = signupChecks();
    // The rules normally loaded before the identity step showed; a draft resumed here may still wait for them.
    if (!checks) return void this.#withChecks('identity', () => this.verified(verification));
    const { parseBirthDate, isOldEnough, calendarDateOf } = checks;
    this.batch(() => {
      this.verification = verification;
      this.person = { name: verification.person.name, nationality: verification.person.nationality };
      const policy = this.current.policy;
      const birth = parseBirthDate(verification.person.birthDate);
      if (policy && (!birth || !isOldEnough(birth, policy.minAge, calendarDateOf(this.options.now?.() ?? new Date())))) {
        this.report({ code: 'UNDER_AGE', retryable: false }, 'identity');
        this.refuse('under-age');
        return;
      }
      const notice = this.#adoptNationality(verification.person.nationality);
      this.detailsForm.revalidate();
      this.checkingAccount = true;
      void this.#checkAccount(verification).then((goOn) => {
        this.checkingAccount = false;
        if (!goOn || this.step !== 'identity' || this.verification !== verification) return this.notify();
        if (this.resumeAfterVerification) {
          this.moveTo('review');
          void this.submit();
          return;
        }
        this.advance(notice);
      });
      this.notify();
    });
  }

  /**
   * One person, one account: asks the server at once whether the verified person already has one
   * (then the refusal screen with login and find-account links), and takes the verified mobile number
   * for 핸드폰 when the user has not typed one. A failed check does not block: the submit decides.
   */
  async #checkAccount(verification: Verification): Promise<boolean> {
    const client = this.current.client;
    if (!client) return true;
    try {
      const answer = await client.call('checkSignupVerification', { body: { verificationToken: verification.verificationToken } });
      if (this.verification !== verification) return false;
      if (answer.existingAccount) {
        this.report({ code: 'ALREADY_MEMBER', retryable: false }, 'identity');
        this.refuse('already-member');
        return false;
      }
      if (answer.mobile && isBlank(this.detailsForm.values.mobile)) this.detailsForm.set('mobile', signupChecks()?.formatPhoneNumber(answer.mobile) ?? answer.mobile);
    } catch {
      // Network or a newer server without the check: the API still refuses a second account at submit.
    }
    return true;
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
    if (!signupChecks()) return this.#withChecks(this.step, () => this.submit());
    const client = this.current.client;
    const memberType = this.memberType;
    if (this.submitting || !client || !memberType) return;
    this.submitFailure = undefined;
    this.resumeAfterVerification = false;

    // Every part first, so a new verification (which expires) is the last thing asked for.
    const unfinished = this.steps.find((step) => step !== 'review' && step !== 'done' && step !== 'identity' && !this.isComplete(step));
    if (unfinished) {
      this.moveTo(unfinished);
      if (unfinished === 'details' && !this.detailsForm.submit()) {
        this.detailsSummary = true;
        this.requestFocus('error-summary');
      }
      if (unfinished === 'company') await this.validateCompany();
      return;
    }
    const verification = this.verification;
    if (!verification) {
      this.resumeAfterVerification = true;
      return this.moveTo('identity', { notice: say('signup.identity.again.notice') });
    }
    if (this.current.siteConfig?.reverifyAtSignupSubmit && !this.submitVerification) {
      this.submitFailure = { words: say('signup.review.reverifyFirst'), retry: false };
      return this.requestFocus('reverify');
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

    const key = this.#key.for(request);
    // A cancelled or failed submit keeps its key: the retry replays it, never makes a second account.
    const done = await this.submitJob.run((signal) => client.call('createMember', { body: request }, { idempotencyKey: key, signal }));
    if (done?.status === 'complete') {
      this.#key.forget();
      this.#complete(done.value, memberType);
    } else if (done?.status === 'error') {
      this.#failed(done.failure.kind === 'aborted' ? done.failure : describeFailure(done.failure.error, this.current.policy));
    }
  }

  /** The person stops waiting for the submit: it ends as a cancelled failure with a retry (same key). */
  cancelSubmit(): void {
    this.submitJob.cancel();
  }

  #complete(result: SignupResult, memberType: MemberType): void {
    this.result = result;
    this.finished = true;
    this.clearDraft();
    this.moveTo('done');
    const { member } = result;
    this.emit({ type: 'complete', memberId: member.memberId, loginId: member.loginId, memberType, companyRole: member.companyRole, certificatePending: result.certificatePending });
  }

  #failed(failure: Failure): void {
    const { error } = failure;
    this.report(failure, 'review');
    const route = routeSubmitError(error);
    const message = failure.words;
    this.batch(() => {
      switch (route.kind) {
        case 'screen':
          return this.refuse(route.step);
        case 'fields':
          if (route.fields.some((problem) => problem.code === 'LOGIN_ID_TAKEN')) this.loginIdCheck.markTaken(this.detailsForm.values.loginId);
          (route.step === 'details' ? this.detailsForm : this.company.form).setServerErrors(route.fields);
          return this.moveTo(route.step, { alert: [message], focus: 'invalid' });
        case 'company':
          this.company.forgetLookup(error.code !== 'CERTIFICATE_NOT_FOUND');
          return this.moveTo('company', { alert: [message, say('signup.company.researchNeeded')] });
        case 'reverify':
          this.verification = undefined;
          this.submitVerification = undefined;
          this.resumeAfterVerification = true;
          return this.moveTo('identity', { notice: message });
        case 'terms':
          this.consentError = error.code;
          void this.loadTerms();
          return this.moveTo('consent', { alert: [message] });
        case 'type':
          return this.moveTo('type', { alert: [message] });
        default:
          // The same body may be retried with the same key, unless the server refused that key.
          if (error.code === 'IDEMPOTENCY_CONFLICT') this.#key.forget();
          this.submitFailure = { words: message, retry: true };
          this.notify();
      }
    });
  }

  /** The verification says the nationality; the type step's answer follows it (with a notice). */
  #adoptNationality(nationality: 'domestic' | 'foreign'): Words | undefined {
    const asked = this.typeForm.values.nationality;
    const { kind } = this.typeAnswers;
    if (!asked || !kind || asked === nationality || !isOffered(this.offeredTypes, kind, nationality)) return undefined;
    this.typeForm.set('nationality', nationality);
    return say('signup.identity.nationalityChanged', { nationality: say(`signup.type.nationality.${nationality}`) });
  }

}
