import { css } from 'lit';

/** The wizard's own layout; fields, buttons and messages come from the shared base styles. */
export const signupWizardStyles = css`
  @layer membership {
    :where(signup-wizard) :where([data-part~='choice-group']) {
      margin: 0 0 var(--mb-space-4);
      padding: 0;
      border: 0;
    }
    :where(signup-wizard) :where([data-part~='choice-group'] legend) {
      margin-block-end: var(--mb-space-2);
    }
    :where(signup-wizard) :where([data-part='option']) {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: var(--mb-space-2);
      align-items: center;
      margin-block-end: var(--mb-space-2);
    }
    :where(signup-wizard) :where([data-part='option'] [data-part='hint']) {
      grid-column: 2;
      margin: 0;
    }
    :where(signup-wizard) :where([data-part='login-id-control'], [data-part='business-number']) {
      display: flex;
      gap: var(--mb-space-2);
    }
    :where(signup-wizard) :where([data-part='login-id-control'] input, [data-part='business-number'] input) {
      flex: 1 1 auto;
      min-width: 0;
    }
    :where(signup-wizard) :where([data-part='login-id-control'] button, [data-part='business-number'] button) {
      flex: none;
      white-space: nowrap;
    }
    :where(signup-wizard) :where([data-part~='choice-group'][data-layout='inline']) {
      display: flex;
      flex-wrap: wrap;
      column-gap: var(--mb-space-6);
    }
    :where(signup-wizard) :where([data-part~='choice-group'][data-layout='inline'] legend, [data-part~='choice-group'][data-layout='inline'] [data-part='error']) {
      flex-basis: 100%;
    }
    :where(signup-wizard) :where([data-part='login-id-status']) {
      margin: 0;
      font-size: var(--mb-font-size-small);
    }
    :where(signup-wizard) :where([data-part='login-id-status'][data-state='available']) {
      color: var(--mb-color-success);
    }
    :where(signup-wizard) :where([data-part='login-id-status'][data-state='taken']) {
      color: var(--mb-color-danger);
    }
    :where(signup-wizard) :where([data-part='review-section']) {
      margin-block-end: var(--mb-space-6);
      padding-block-end: var(--mb-space-4);
      border-block-end: 1px solid var(--mb-color-border);
    }
    :where(signup-wizard) :where([data-part='review-row']) {
      display: grid;
      grid-template-columns: minmax(6rem, 1fr) minmax(0, 2fr);
      gap: var(--mb-space-2);
      margin-block-end: var(--mb-space-1);
    }
    :where(signup-wizard) :where([data-part='review-row'] dd) {
      margin: 0;
    }
    :where(signup-wizard) :where([data-part='review-row'] dt) {
      color: var(--mb-color-text-subtle);
    }
    :where(signup-wizard) :where([data-part='company-summary']) {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--mb-space-1) var(--mb-space-4);
    }
    :where(signup-wizard) :where([data-part='company-summary'] dd) {
      margin: 0;
    }
    :where(signup-wizard) :where(a[data-part~='button']) {
      text-decoration: none;
    }
    :where(signup-wizard) :where([data-part='status']) {
      color: var(--mb-color-text-subtle);
    }
    :where(signup-wizard) :where([data-part='later-offer']) {
      margin-block-end: var(--mb-space-6);
      padding: var(--mb-space-4);
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface-subtle);
    }
    :where(signup-wizard) :where([data-part='keep-later']) {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--mb-space-1) var(--mb-space-2);
      align-items: center;
      margin-block-start: var(--mb-space-6);
    }
    :where(signup-wizard) :where([data-part='keep-later'] [data-part='hint']) {
      grid-column: 2;
      margin: 0;
    }
  }
`;
