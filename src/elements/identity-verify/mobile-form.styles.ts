import { css } from 'lit';

/** identity-verify's mobile form: radio and checkbox groups, the provider terms, the captcha row. Adopted when the mobile part loads. */
export const mobileFormStyles = css`
  @layer membership {
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
  }
`;
