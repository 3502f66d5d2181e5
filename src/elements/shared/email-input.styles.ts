import { css } from 'lit';

export const emailInputStyles = css`
  @layer membership {
    :where(mb-email-input) :where(fieldset[data-part='field']) {
      min-width: 0;
      margin-inline: 0;
      padding: 0;
      border: 0;
    }
    :where(mb-email-input) :where([data-part='email-control']) {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--mb-space-2);
    }
    :where(mb-email-input) :where([data-part='email-control'] :is(input, select)) {
      flex: 1 1 10rem;
      width: auto;
      min-width: 0;
    }
    :where(mb-email-input) :where([data-part='at']) {
      flex: none;
      color: var(--mb-color-text-subtle);
    }
  }
`;
