import type { CompanyRole, MemberType } from '../../api/schemas.ts';
import type { SignupStep } from '../../flows/signup/steps.ts';
import type { SignupFlowEvent } from '../../flows/signup/events.ts';

// The signup wizard's events: the host page's API. All bubble and are composed;
// none carries a password or a token.

export interface SignupStepChangeDetail {
  step: SignupStep;
  /** The step left; null on the first step shown. */
  previous: SignupStep | null;
}

/** The wizard shows another step (also after resuming a draft). */
export class SignupStepChangeEvent extends CustomEvent<SignupStepChangeDetail> {
  static readonly type = 'signup-step-change';
  constructor(detail: SignupStepChangeDetail) {
    super(SignupStepChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface SignupSubmitDetail {
  memberType: MemberType;
  loginId: string;
}

/** The member is about to be created; cancel it (`preventDefault()`) to stop the API call. */
export class SignupSubmitEvent extends CustomEvent<SignupSubmitDetail> {
  static readonly type = 'signup-submit';
  constructor(detail: SignupSubmitDetail) {
    super(SignupSubmitEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface SignupCompleteDetail {
  memberId: string;
  loginId: string;
  memberType: MemberType;
  /** Corporate members: `master` (registered the company) or `associate` (awaiting the MASTER). */
  companyRole: CompanyRole | null;
  /** Corporate: the registration certificate still has to be sent by fax or email. */
  certificatePending: boolean;
}

/**
 * The member was created. With `completion-url` set the wizard then navigates there; cancel this
 * event (`preventDefault()`) to stay on the completion screen.
 */
export class SignupCompleteEvent extends CustomEvent<SignupCompleteDetail> {
  static readonly type = 'signup-complete';
  constructor(detail: SignupCompleteDetail) {
    super(SignupCompleteEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface SignupErrorDetail {
  /** API, client or rule code (`LOGIN_ID_TAKEN`, `NETWORK_ERROR`, `UNDER_AGE`, …). */
  code: string;
  /** The step the error happened on. */
  step: SignupStep;
  /** Whether the same request may succeed later without a change. */
  retryable: boolean;
}

/** Something failed (an API call, or a refusal such as under-age); the wizard shows what to do. */
export class SignupErrorEvent extends CustomEvent<SignupErrorDetail> {
  static readonly type = 'signup-error';
  constructor(detail: SignupErrorDetail) {
    super(SignupErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'signup-step-change': SignupStepChangeEvent;
    'signup-submit': SignupSubmitEvent;
    'signup-complete': SignupCompleteEvent;
    'signup-error': SignupErrorEvent;
  }
}

/** The one place a flow event becomes its DOM event. */
export function signupDomEvent(event: SignupFlowEvent): Event {
  switch (event.type) {
    case 'step-change':
      return new SignupStepChangeEvent({ step: event.step, previous: event.previous });
    case 'submit':
      return new SignupSubmitEvent({ memberType: event.memberType, loginId: event.loginId });
    case 'error':
      return new SignupErrorEvent({ code: event.code, step: event.step, retryable: event.retryable });
    case 'complete': {
      const { type: _type, ...detail } = event;
      return new SignupCompleteEvent(detail);
    }
  }
}
