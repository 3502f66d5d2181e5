import { css } from 'lit';

export const stepIndicatorStyles = css`
  @layer membership {
    :where(mb-step-indicator) [data-part='steps'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--mb-space-2);
      margin: 0 0 var(--mb-space-6);
      padding: 0;
      list-style: none;
      font-size: var(--mb-font-size-small);
    }
    :where(mb-step-indicator) [data-part='step'] {
      display: flex;
      align-items: center;
      gap: var(--mb-space-2);
      color: var(--mb-color-text-subtle);
    }
    :where(mb-step-indicator) [data-part='step-number'] {
      display: inline-grid;
      place-items: center;
      min-width: 1.75rem;
      height: 1.75rem;
      border: 1px solid var(--mb-color-border-strong);
      border-radius: 50%;
      background: var(--mb-color-surface);
    }
    :where(mb-step-indicator) [data-part='step'][data-state='current'] {
      color: var(--mb-color-text);
      font-weight: 700;
    }
    :where(mb-step-indicator) [data-state='current'] [data-part='step-number'] {
      border-color: var(--mb-color-primary);
      background: var(--mb-color-primary);
      color: var(--mb-color-on-primary);
    }
    :where(mb-step-indicator) [data-state='done'] [data-part='step-number'] {
      border-color: var(--mb-color-primary);
      color: var(--mb-color-primary);
    }
  }
`;
