import { MembershipError } from '../../api/errors.ts';
import type { MemberType, SignupResult } from '../../api/index.ts';
import { SignupCompleteEvent, SignupSubmitEvent } from './events.ts';
import { routeSubmitError } from './flow.ts';
import { signupRequest } from './signup-values.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { SubmitKey } from './submit-key.ts';
import { removeDraft } from './wizard-draft.ts';

/** How the wizard leaves the page for `completion-url`; a seam for tests (a page cannot stub `location.assign`). */
export const completionNavigation = {
  assign(url: string): void {
    location.assign(url);
  },
};

/**
 * The signup submit: check every part is there (the password and token are not in a resumed draft),
 * emit the cancelable signup-submit, create the member with an Idempotency-Key, and send the user to
 * where an error can be fixed without losing anything (DESIGN.md decisions 2 and 4).
 */
export class WizardSubmit {
  #wizard: SignupWizard;
  #key = new SubmitKey();
  submitting = false;
  /** What keeps the user on the review: a failure to retry (network, server, rate limit), or a missing step. */
  failure: { text: string; retry: boolean } | undefined;
  /** The submit waits for a new verification; once it arrives the submit goes on by itself. */
  resumeAfterVerification = false;

  constructor(wizard: SignupWizard) {
    this.#wizard = wizard;
  }

  async run(): Promise<void> {
    const wizard = this.#wizard;
    const client = wizard.client;
    const memberType = wizard.memberType;
    if (this.submitting || !client || !memberType) return;
    this.failure = undefined;
    this.resumeAfterVerification = false;

    // Every part first, so a new verification (which expires) is the last thing asked for.
    const unfinished = wizard.steps.find((step) => step !== 'review' && step !== 'done' && step !== 'identity' && !wizard.isComplete(step));
    if (unfinished) {
      await wizard.goTo(unfinished);
      if (unfinished === 'details') await wizard.detailsForm.submit();
      if (unfinished === 'company') await wizard.company.validate();
      return;
    }
    const verification = wizard.verification;
    if (!verification) {
      this.resumeAfterVerification = true;
      await wizard.goTo('identity', { notice: wizard.text('signup.identity.again.notice') });
      return;
    }
    if (wizard.siteConfig?.reverifyAtSignupSubmit && !wizard.submitVerification) {
      this.failure = { text: wizard.text('signup.review.reverifyFirst'), retry: false };
      wizard.requestUpdate();
      await wizard.updateComplete;
      wizard.querySelector<HTMLElement>('[data-part~="review-reverify"] h3')?.scrollIntoView?.({ block: 'nearest' });
      return;
    }

    const request = signupRequest({
      memberType,
      verificationToken: verification.verificationToken,
      submitVerificationToken: wizard.submitVerification?.verificationToken,
      consents: wizard.consent.request,
      details: wizard.detailsForm.values,
      shown: wizard.shownFields,
      company: wizard.company.part,
    });
    if (!wizard.dispatchEvent(new SignupSubmitEvent({ memberType, loginId: request.details.loginId }))) return;

    this.submitting = true;
    wizard.requestUpdate();
    try {
      const result = await client.call('createMember', { body: request }, { idempotencyKey: this.#key.for(request) });
      this.#key.forget();
      this.submitting = false;
      await this.#complete(result, memberType);
    } catch (error) {
      this.submitting = false;
      await this.#failed(error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error }));
    }
  }

  /** The member was created: completion screen, draft gone, signup-complete, then `completion-url`. */
  async #complete(result: SignupResult, memberType: MemberType): Promise<void> {
    const wizard = this.#wizard;
    wizard.result = result;
    wizard.finished = true;
    removeDraft(wizard);
    await wizard.goTo('done');
    const { member } = result;
    const event = new SignupCompleteEvent({
      memberId: member.memberId, loginId: member.loginId, memberType, companyRole: member.companyRole, certificatePending: result.certificatePending,
    });
    if (wizard.dispatchEvent(event) && wizard.completionUrl) completionNavigation.assign(wizard.completionUrl);
  }

  async #failed(error: MembershipError): Promise<void> {
    const wizard = this.#wizard;
    wizard.reportError(error, 'review');
    const route = routeSubmitError(error);
    const message = wizard.errorText(error);
    switch (route.kind) {
      case 'screen':
        return wizard.refuse(route.step);
      case 'fields':
        if (route.fields.some((problem) => problem.code === 'LOGIN_ID_TAKEN')) wizard.loginIdCheck.markTaken(wizard.detailsForm.values.loginId);
        (route.step === 'details' ? wizard.detailsForm : wizard.company.form).setServerErrors(route.fields);
        return wizard.goTo(route.step, { alert: message, focus: 'invalid' });
      case 'company':
        wizard.company.forgetLookup(error.code !== 'CERTIFICATE_NOT_FOUND');
        return wizard.goTo('company', { alert: `${message} ${wizard.text('signup.company.researchNeeded')}` });
      case 'reverify':
        wizard.verification = undefined;
        wizard.submitVerification = undefined;
        this.resumeAfterVerification = true;
        return wizard.goTo('identity', { notice: message });
      case 'terms':
        wizard.consentError = error.code;
        void wizard.consent.load();
        return wizard.goTo('consent', { alert: message });
      case 'type':
        return wizard.goTo('type', { alert: message });
      default:
        // The same body may be retried with the same key, unless the server refused that key.
        if (error.code === 'IDEMPOTENCY_CONFLICT') this.#key.forget();
        this.failure = { text: message, retry: true };
        wizard.requestUpdate();
    }
  }
}
