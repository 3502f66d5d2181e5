import { html, type TemplateResult } from 'lit';
import type { MembershipError } from '../../../api/errors.ts';
import type { SiteConfig } from '../../../api/schemas.ts';
import type { TermsState } from '../consent-terms.ts';
import type { ConsentChoices } from '../../shared/consent-list.ts';
import { renderActions, renderFailure, renderPending, type StepContext } from './step-context.ts';

export interface ConsentStepProps {
  terms: TermsState;
  /** Every required document agreed. */
  ready: boolean;
  choices: ConsentChoices;
  siblingSites: SiteConfig['siblingSites'];
  /** A code after a refused submit (TERMS_REQUIRED, TERMS_OUTDATED). */
  error: string | undefined;
  errorText: (error: MembershipError) => string;
  onChoices: (choices: ConsentChoices) => void;
  onRetry: () => void;
  onBack: () => void;
  onSubmit: (event: Event) => void;
}

/** Step 2: the site's terms through mb-consent-list; "next" stays disabled until the required ones are agreed. */
export function renderConsentStep(ctx: StepContext, props: ConsentStepProps): TemplateResult {
  const { terms } = props;
  if (terms.status === 'error') return html`${renderFailure(ctx, props.errorText(terms.error), props.onRetry)}${renderBackOnly(ctx, props)}`;
  if (terms.status !== 'complete') return html`${renderPending(ctx.t('signup.consent.loading'))}${renderBackOnly(ctx, props)}`;
  const ready = props.ready;
  const hintId = ctx.id('consent-next-hint');
  const onChange = (event: Event) => props.onChoices({ ...(event.currentTarget as HTMLElement & { value: ConsentChoices }).value });
  return html`<form data-part="form consent-form" novalidate @submit=${props.onSubmit}>
    <p>${ctx.t('signup.consent.intro')}</p>
    <mb-consent-list .documents=${terms.documents} .value=${props.choices} .siblingSites=${props.siblingSites}
      .error=${props.error} .locale=${ctx.locale} @input=${onChange} @change=${onChange}></mb-consent-list>
    <p data-part="hint" id=${hintId}>${ctx.t('signup.consent.nextHint')}</p>
    ${renderActions(ctx, { back: props.onBack, nextDisabled: !ready, nextDescribedBy: hintId })}
  </form>`;
}

function renderBackOnly(ctx: StepContext, props: ConsentStepProps): TemplateResult {
  return html`<div data-part="actions"><button type="button" data-part="button back" @click=${props.onBack}>${ctx.t('common.previous')}</button></div>`;
}
