import type { CompanyRole, MemberType } from '../../api/schemas.ts';
import type { SignupStep } from './steps.ts';

/**
 * What the signup flow tells its host; the element dispatches each as a DOM event
 * (signup-step-change, signup-submit, signup-complete, signup-error). None carries a password or token.
 */
export type SignupFlowEvent =
  /** Another step is shown (also after resuming a draft); `previous` is null on the first. */
  | { type: 'step-change'; step: SignupStep; previous: SignupStep | null }
  /** The member is about to be created; the host may cancel (the sink returns false). */
  | { type: 'submit'; memberType: MemberType; loginId: string }
  /** The member was created. */
  | { type: 'complete'; memberId: string; loginId: string; memberType: MemberType; companyRole: CompanyRole | null; certificatePending: boolean }
  /** Something failed (an API call, or a refusal such as under-age). */
  | { type: 'error'; code: string; step: SignupStep; retryable: boolean };
