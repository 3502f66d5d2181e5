import { css } from 'lit';

/** `<identity-verify>`: method cards, radio and checkbox groups, the captcha row, the done state. */
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
    :where(identity-verify) :where([data-part='choices']) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2) var(--mb-space-6);
    }
    :where(identity-verify) :where([data-part~='choice']) {
      display: inline-flex;
      align-items: center;
      gap: var(--mb-space-2);
      min-height: 2.75rem;
      cursor: pointer;
    }
    :where(identity-verify) :where([data-part='terms-list']) {
      list-style: none;
      margin: var(--mb-space-1) 0 0;
      padding: var(--mb-space-2) var(--mb-space-4);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface-subtle);
    }
    :where(identity-verify) :where([data-part='terms-document']) {
      margin: 0 0 var(--mb-space-2) calc(1.25rem + var(--mb-space-2));
      font-size: var(--mb-font-size-small);
    }
    :where(identity-verify) :where([data-part='terms-document'] > summary) {
      cursor: pointer;
      color: var(--mb-color-text);
      text-decoration: underline;
    }
    :where(identity-verify) :where([data-part='terms-text']) {
      margin: var(--mb-space-1) 0 0;
      color: var(--mb-color-text-subtle);
      word-break: keep-all;
    }
    :where(identity-verify) :where([data-part~='terms-all']) {
      font-weight: 600;
    }
    :where(identity-verify) :where([data-part='tag']) {
      font-weight: 600;
    }
    :where(identity-verify) :where([data-part='captcha']) {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--mb-space-2);
    }
    :where(identity-verify) :where([data-part='captcha-image']) {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 180px;
      height: 60px;
      border: 1px solid var(--mb-color-border);
      border-radius: var(--mb-radius-small);
      background: var(--mb-color-surface);
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
