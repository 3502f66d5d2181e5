import { html, nothing, type TemplateResult } from 'lit';
import { hasMessage, type MessageKey } from '../../../i18n/index.ts';
import type { StepContext } from './step-context.ts';

/** The label a field has in the form, for the summary's links. */
function labelOf(ctx: StepContext, field: string): string {
  const root = field.split('.')[0]!;
  if (root === 'password') return ctx.t('widgets.password.label');
  if (root === 'passwordConfirmation') return ctx.t('widgets.password.confirmationLabel');
  const key = `signup.details.${root}`;
  return hasMessage(key) ? ctx.t(key as MessageKey) : root;
}

/** Focuses the control of `field` in `form`: the input of that name, else the invalid (or first) control of its element. */
function focusField(form: Element, field: string): void {
  const exact = form.querySelector<HTMLElement>(`input[name="${CSS.escape(field)}"], select[name="${CSS.escape(field)}"], textarea[name="${CSS.escape(field)}"]`);
  const holder = exact ?? form.querySelector<HTMLElement>(`[name="${CSS.escape(field.split('.')[0]!)}"]`);
  const control = exact ?? holder?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? holder?.querySelector<HTMLElement>('input, select, textarea') ?? holder;
  control?.focus();
  control?.scrollIntoView?.({ block: 'center' });
}

/**
 * The error summary of a long form (KRDS / GOV.UK pattern): after a failed submit, at the top, focused
 * and announced, one link per invalid field that moves focus to it.
 */
export function renderErrorSummary(ctx: StepContext, problems: readonly { field: string; code: string }[] | undefined): TemplateResult | typeof nothing {
  if (!problems?.length) return nothing;
  const titleId = ctx.id('error-summary-title');
  const seen = new Set<string>();
  const unique = problems.filter((problem) => !seen.has(problem.field) && seen.add(problem.field));
  const go = (field: string) => (event: Event) => {
    event.preventDefault();
    const form = (event.currentTarget as Element).closest('form');
    if (form) focusField(form, field);
  };
  return html`<div data-part="error-summary" role="alert" tabindex="-1" aria-labelledby=${titleId}>
    <h3 id=${titleId}>${ctx.t('signup.errorSummary.title', { count: unique.length })}</h3>
    <ul>
      ${unique.map((problem) => html`<li><a href=${`#${ctx.id(problem.field.split('.')[0]!)}`} data-field=${problem.field} @click=${go(problem.field)}>
        ${labelOf(ctx, problem.field)}: ${ctx.messageFor(problem.code, problem.field)}</a></li>`)}
    </ul>
  </div>`;
}
