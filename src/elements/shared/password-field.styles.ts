import { css } from 'lit';

// Comments here, not in the CSS (it ships as written). The checklist mark (`[data-part='rule']::before`) is
// decoration (alt text ""): the item's own words say met / not met.
export const passwordFieldStyles = css`
  @layer membership {
    :where(mb-password-field) :where([data-part='password-control']) {
      display: flex;
      gap: var(--mb-space-2);
    }
    :where(mb-password-field) :where([data-part='password-control'] input) {
      flex: 1;
      min-width: 0;
    }
    :where(mb-password-field) :where([data-part~='toggle']) {
      flex: none;
      font-size: var(--mb-font-size-small);
    }
    :where(mb-password-field) :where([data-part~='toggle'][aria-pressed='true']) {
      border-color: var(--mb-color-primary);
      background: var(--mb-color-primary);
      color: var(--mb-color-on-primary);
    }
    :where(mb-password-field) :where([data-part='checklist']) {
      font-size: var(--mb-font-size-small);
    }
    :where(mb-password-field) :where([data-part='checklist-title']) {
      margin: 0;
      color: var(--mb-color-text-subtle);
    }
    :where(mb-password-field) :where([data-part='checklist'] ul) {
      display: grid;
      gap: var(--mb-space-1);
      margin: var(--mb-space-1) 0 0;
      padding: 0;
      list-style: none;
    }
    :where(mb-password-field) :where([data-part='rule']) {
      color: var(--mb-color-text-subtle);
    }
    :where(mb-password-field) :where([data-part='rule'])::before {
      content: '\\2715' / '';
      display: inline-block;
      width: 1.25em;
    }
    :where(mb-password-field) :where([data-part='rule'][data-passed='true']) {
      color: var(--mb-color-success);
    }
    :where(mb-password-field) :where([data-part='rule'][data-passed='true'])::before {
      content: '\\2713' / '';
    }
    :where(mb-password-field) :where([data-part='match']) {
      margin: 0;
      font-size: var(--mb-font-size-small);
      color: var(--mb-color-danger);
    }
    :where(mb-password-field) :where([data-part='match'][data-matches='true']) {
      color: var(--mb-color-success);
    }
  }
`;
