import type { FocusTarget } from '../../flows/signup/view.ts';

/**
 * Moves focus where the flow asked, inside the wizard (after inner elements rendered, as their
 * inputs carry aria-invalid): the error summary, the second verification, the first invalid field
 * (of the business-number search only, for `business-number`), else the step heading.
 */
export function moveFocus(root: ParentNode, target: FocusTarget): void {
  if (target === 'none') return;
  if (target === 'error-summary') {
    root.querySelector<HTMLElement>('[data-part~="error-summary"]')?.focus();
    return;
  }
  if (target === 'reverify') {
    root.querySelector<HTMLElement>('[data-part~="review-reverify"] h3')?.scrollIntoView?.({ block: 'nearest' });
    return;
  }
  const invalid = target === 'heading' ? null
    : root.querySelector<HTMLElement>(target === 'business-number'
      ? '[data-part="business-number"] [aria-invalid="true"], [data-part="business-number"][aria-invalid="true"]'
      : '[aria-invalid="true"]');
  if (invalid) invalid.focus();
  else if (target !== 'business-number') root.querySelector<HTMLElement>('[data-part~="step-heading"]')?.focus();
}
