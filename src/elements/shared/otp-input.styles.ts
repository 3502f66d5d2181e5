import { css } from 'lit';

/** `mb-otp-input`: the code input and its countdown on one row, the resend button below. */
export const otpInputStyles = css`
  @layer membership {
    :where(mb-otp-input) {
      background: transparent;
    }
    :where(mb-otp-input) :where([data-part='otp-row']) {
      display: flex;
      align-items: center;
      gap: var(--mb-space-3);
    }
    :where(mb-otp-input) :where([data-part='otp-input']) {
      flex: 1 1 auto;
      max-width: 14rem;
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.3em;
    }
    :where(mb-otp-input) :where([data-part='countdown']) {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      color: var(--mb-color-danger);
      white-space: nowrap;
    }
    :where(mb-otp-input) :where([data-part='resend-row']) {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--mb-space-2) var(--mb-space-3);
    }
    :where(mb-otp-input) :where([data-part='resend-hint']) {
      color: var(--mb-color-text-subtle);
      font-size: var(--mb-font-size-small);
      font-variant-numeric: tabular-nums;
    }
  }
`;
