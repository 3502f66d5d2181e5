import { describeFailure } from '../failure.ts';
import { SubmitKey } from '../idempotency.ts';
import { say } from '../words.ts';
import { loadSignupChecks, signupChecks } from './checks-loader.ts';
import { SignupMoves } from './moves.ts';
import { isOffered, type FlowStep, type SignupStep } from './steps.ts';
import type { SignupPort } from './submit.ts';
import type { TypeValues, Verification } from './view.ts';

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

  /**
   * Takes over the answers of the first step shown before this flow's code arrived (first-step.ts):
   * their values, their errors if 다음 was pressed, and that press. The press goes on once the flow
   * is started (`configure`), judged then by the site's types and `member-types`: the first step judged
   * it by the same narrowing, which a flow not yet configured does not know.
   */
  takeFirstStep(first: { values: TypeValues; tried: boolean; pressedNext: boolean }): void {
    if (this.step !== 'type' || this.started) return;
    this.batch(() => {
      this.typeForm.reset(first.values);
      if (first.tried) this.typeForm.submit();
      if (first.pressedNext) {
        this.nextWhenStarted = true;
        this.announcement = say('signup.loading');
      }
    });
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
    checks.personVerified(this.#port, verification);
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
   * an error can be fixed without losing anything (submit.ts, loaded with the rules).
   */
  async submit(): Promise<void> {
    const checks = signupChecks();
    if (!checks) return this.#withChecks(this.step, () => this.submit());
    return checks.submitSignup(this.#port);
  }

  /** The person stops waiting for the submit: it ends as a cancelled failure with a retry (same key). */
  cancelSubmit(): void {
    this.submitJob.cancel();
  }

  /** What the later moves (submit.ts) may do with this flow: its protected moves, bound. */
  readonly #port: SignupPort = {
    flow: this,
    key: this.#key,
    settings: () => this.current,
    now: () => this.options.now?.() ?? new Date(),
    moveTo: (step, options) => this.moveTo(step, options),
    advance: (notice) => this.advance(notice),
    refuse: (step) => this.refuse(step),
    report: (failure, step) => this.report(failure, step),
    requestFocus: (target) => this.requestFocus(target),
    validateCompany: () => this.validateCompany(),
    batch: (change) => this.batch(change),
    notify: () => this.notify(),
    emit: (event) => this.emit(event),
    clearDraft: () => this.clearDraft(),
  };
}
