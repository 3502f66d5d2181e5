import { css } from 'lit';

/** `<identity-verify>`: method cards, alerts, the done state (the mobile form's own rules come with its code: mobile-form.styles.ts). */
export const identityVerifyStyles = css`
  @layer membership {
    :where(identity-verify) :where(fieldset[data-part='field']) {
      margin: 0 0 var(--mb-space-4);
      padding: 0;
      border: 0;
      min-width: 0;
    }
    :where(identity-verify) :where(legend[data-part='label']) {
      padding: 0;
      margin-block-end: var(--mb-space-2);
    }
    :where(identity-verify) :where([data-part='intro']) {
      margin: 0 0 var(--mb-space-4);
      color: var(--mb-color-text-subtle);
    }
    :where(identity-verify) :where([data-part='method-cards']) {
      display: grid;
      gap: var(--mb-space-3);
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    }
    :where(identity-verify) :where([data-part='method-card']) {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--mb-space-1) var(--mb-space-3);
      align-items: center;
      padding: var(--mb-space-4);
      border: 1px solid var(--mb-color-border-strong);
      border-radius: var(--mb-radius);
      cursor: pointer;
    }
    :where(identity-verify) :where([data-part='method-card']:has(input:checked)) {
      border-color: var(--mb-color-primary);
      box-shadow: inset 0 0 0 1px var(--mb-color-primary);
    }
    :where(identity-verify) :where([data-part='method-name']) {
      font-weight: 600;
    }
    :where(identity-verify) :where([data-part='method-description']) {
      grid-column: 2;
      color: var(--mb-color-text-subtle);
      font-size: var(--mb-font-size-small);
    }
    :where(identity-verify) :where([data-part='alert'] p) {
      margin: 0;
    }
    :where(identity-verify) :where([data-part='alert-actions']) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2);
      margin-block-start: var(--mb-space-3);
    }
    :where(identity-verify) :where([data-part='alert-extra']) {
      margin-block-start: var(--mb-space-2);
    }
    :where(identity-verify) :where([data-part~='button-link']) {
      min-height: auto;
      padding: var(--mb-space-1) 0;
      border: 0;
      background: transparent;
      color: var(--mb-color-primary);
      text-decoration: underline;
    }
    :where(identity-verify) :where([data-part='other-method']) {
      margin: var(--mb-space-4) 0 0;
    }
    :where(identity-verify) :where([data-part='done']) {
      padding: var(--mb-space-6);
      border: 1px solid var(--mb-color-success);
      border-radius: var(--mb-radius);
      background: var(--mb-color-success-surface);
    }
  }
`;
