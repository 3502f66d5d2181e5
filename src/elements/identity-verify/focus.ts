import type { IdentityFocus } from '../../flows/identity/events.ts';
import type { PartStatus } from '../../flows/identity/methods.ts';
import type { LazyPartState } from '../shared/lazy-part.ts';
import type { OtpInput } from '../shared/otp-input.ts';

const selectors: Record<Exclude<IdentityFocus, 'code' | 'resend'>, string> = {
  heading: '[data-step-heading]',
  choice: 'input[name="method"]',
  captcha: '[data-field="captchaAnswer"]',
  invalid: '[aria-invalid="true"]',
};

/** Puts focus where the flow asked, once the code input (its own element) has rendered too. */
export async function focusTarget(root: HTMLElement, target: IdentityFocus): Promise<void> {
  if (target === 'code' || target === 'resend') {
    const otp = root.querySelector<OtpInput>('mb-otp-input');
    await otp?.updateComplete;
    if (target === 'code') otp?.focus();
    else otp?.focusResend();
    return;
  }
  root.querySelector<HTMLElement>(selectors[target])?.focus();
}

/** A lazy part's state as the flow's settings name it. */
export function partStatus(state: LazyPartState<unknown>): PartStatus {
  return state.status === 'ready' || state.status === 'error' || state.status === 'idle' ? state.status : 'loading';
}
