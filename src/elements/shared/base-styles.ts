import { css } from 'lit';

/**
 * What every element shares: form layout, fields, buttons, messages. Scoped by `:where()` to the
 * membership elements so the page's own rules win; styling hooks are `data-part` attributes.
 */
export const baseStyles = css`
  @layer membership {
    :where([data-mb-root]) {
      display: block;
      max-width: var(--mb-max-width);
      font-family: var(--mb-font-family);
      font-size: var(--mb-font-size);
      line-height: var(--mb-line-height);
      color: var(--mb-color-text);
      background: var(--mb-color-surface);
      /* Korean wraps between words (어절), never inside one; an unbroken string (an e-mail) may still wrap. */
      word-break: keep-all;
      overflow-wrap: anywhere;
    }
    :where([data-mb-root]) :where(*, *::before, *::after) {
      box-sizing: border-box;
    }
    :where([data-mb-root]) :where(h2, h3) {
      margin: 0 0 var(--mb-space-4);
      line-height: 1.3;
    }
    :where([data-mb-root]) :where(h2) {
      font-size: var(--mb-font-size-title);
    }
    /* The focus ring is an outline, with the --mb-focus-ring halo (a box-shadow) around it: forced-colors
       mode drops shadows but draws outlines, even transparent ones. */
    :where([data-mb-root]) :where(h2, h3):focus {
      outline: 2px solid transparent;
      outline-offset: 2px;
    }
    :where([data-mb-root]) :where(h2, h3):focus-visible {
      outline-color: var(--mb-color-focus);
      box-shadow: var(--mb-focus-ring);
    }
    :where([data-part='field']) {
      display: grid;
      gap: var(--mb-space-1);
      margin-block-end: var(--mb-space-4);
    }
    :where([data-part='label']) {
      font-weight: 600;
    }
    :where([data-part='required']) {
      color: var(--mb-color-danger);
      margin-inline-start: var(--mb-space-1);
    }
    :where([data-part='hint']) {
      color: var(--mb-color-text-subtle);
      font-size: var(--mb-font-size-small);
    }
    :where([data-part='error']) {
      color: var(--mb-color-danger);
      font-size: var(--mb-font-size-small);
    }
    :where([data-part='error']:empty) {
      display: none;
    }
    :where([data-mb-root]) :where(input:not([type='checkbox'], [type='radio']), select, textarea) {
      min-height: var(--mb-control-height);
      padding: var(--mb-space-2) var(--mb-space-3);
      border: 1px solid var(--mb-color-border-strong);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface);
      color: inherit;
      font: inherit;
      width: 100%;
    }
    :where([data-mb-root]) :where(input, select, textarea, button, a, [tabindex]):focus-visible {
      outline: 2px solid var(--mb-color-focus);
      outline-offset: 2px;
      box-shadow: var(--mb-focus-ring);
    }
    @media (forced-colors: active) {
      :where([data-mb-root]) :where(h2, h3, input, select, textarea, button, a, [tabindex]):focus-visible {
        outline-color: Highlight;
      }
    }
    :where([data-mb-root]) :where([aria-invalid='true']) {
      border-color: var(--mb-color-danger);
    }
    :where([data-mb-root]) :where(input[readonly]) {
      background: var(--mb-color-surface-subtle);
    }
    :where([data-mb-root]) :where(input[type='checkbox'], input[type='radio']) {
      width: 1.25rem;
      height: 1.25rem;
      accent-color: var(--mb-color-primary);
    }
    :where([data-part~='button']) {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--mb-space-2);
      min-height: var(--mb-control-height);
      padding: 0 var(--mb-space-4);
      border: 1px solid var(--mb-color-border-strong);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface);
      color: var(--mb-color-text);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    :where([data-part~='button-primary']) {
      border-color: var(--mb-color-primary);
      background: var(--mb-color-primary);
      color: var(--mb-color-on-primary);
    }
    :where([data-part~='button-primary']):hover {
      background: var(--mb-color-primary-hover);
    }
    :where([data-part~='button']):disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    :where([data-part='actions']) {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2);
      justify-content: flex-end;
      margin-block-start: var(--mb-space-6);
    }
    :where([data-part='alert']) {
      padding: var(--mb-space-3) var(--mb-space-4);
      border: 1px solid var(--mb-color-danger);
      border-radius: var(--mb-radius);
      background: var(--mb-color-danger-surface);
      margin-block-end: var(--mb-space-4);
    }
    :where([data-part='alert']:empty) {
      display: none;
    }
    :where([data-part='notice']) {
      padding: var(--mb-space-3) var(--mb-space-4);
      border-radius: var(--mb-radius);
      background: var(--mb-color-surface-subtle);
      margin-block-end: var(--mb-space-4);
    }
    :where([data-part='visually-hidden']) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
