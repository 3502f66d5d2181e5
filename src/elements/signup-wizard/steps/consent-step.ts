import { html, nothing, type TemplateResult } from 'lit';
import type { SiteConfig, TermsDocument, TermsNotice } from '../../../api/schemas.ts';
import type { JobState } from '../../../flows/job.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import { ConsentList, type ConsentChoices } from '../../shared/consent-list.ts';
import { renderJobStatus } from '../../shared/job-status.ts';
import { renderActions, renderFailure, submitTo, type SignupIntents, type StepContext } from './step-context.ts';

export const dependencies = { 'mb-consent-list': ConsentList };

export interface ConsentStepProps {
  terms: JobState<TermsDocument[]>;
  /** Every required document agreed. */
  ready: boolean;
  choices: ConsentChoices;
  siblingSites: SiteConfig['siblingSites'];
  notices: readonly TermsNotice[];
  /** A code after a refused submit (TERMS_REQUIRED, TERMS_OUTDATED). */
  error: string | undefined;
  onChoices: (choices: ConsentChoices) => void;
  onRetry: () => void;
  /** Stops waiting for slow terms. */
  onCancel?: () => void;
  onBack: () => void;
  onSubmit: (event: Event) => void;
}

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderConsentStep(ctx, {
    terms: view.terms,
    ready: view.consentComplete,
    choices: view.consentChoices,
    siblingSites: view.siteConfig?.siblingSites ?? [],
    notices: view.notices,
    error: view.consentError,
    onChoices: (choices) => intents.chooseConsents(choices),
    onRetry: () => void intents.loadTerms(),
    onCancel: () => intents.cancelTerms(),
    onBack: () => intents.back(),
    onSubmit: submitTo(() => intents.next()),
  });
}

/** Step 2: the site's terms through mb-consent-list, their notices and extra summary rows; "next" stays enabled and says what is missing. */
export function renderConsentStep(ctx: StepContext, props: ConsentStepProps): TemplateResult {
  const { terms } = props;
  if (terms.status === 'error') return html`${renderFailure(ctx, ctx.say(terms.failure.words), props.onRetry)}${renderBackOnly(ctx, props)}`;
  if (terms.status !== 'complete') {
    const slow = terms.status === 'pending' && terms.slow === true;
    return html`${renderJobStatus({ name: 'terms', label: ctx.t('signup.consent.loading'), slow, t: ctx.t, onCancel: props.onCancel })}${renderBackOnly(ctx, props)}`;
  }
  const hintId = ctx.id('consent-next-hint');
  const onChange = (event: Event) => props.onChoices({ ...(event.currentTarget as HTMLElement & { value: ConsentChoices }).value });
  return html`<form data-part="form consent-form" novalidate @submit=${props.onSubmit}>
    <p>${ctx.t('signup.consent.intro')}</p>
    <mb-consent-list .documents=${terms.value} .value=${props.choices} .siblingSites=${props.siblingSites}
      .error=${props.error} .locale=${ctx.locale} @input=${onChange} @change=${onChange}></mb-consent-list>
    ${renderSummaryExtras(ctx, terms.value)}
    ${props.notices.length
      ? html`<section data-part="consent-notices" aria-labelledby=${ctx.id('consent-notices')}>
          <h3 id=${ctx.id('consent-notices')}>${ctx.t('signup.consent.notices')}</h3>
          ${props.notices.map((notice) => html`<p data-part="notice" data-notice=${notice.noticeId}>${notice.text[ctx.locale]}</p>`)}
        </section>`
      : nothing}
    <p data-part="hint" id=${hintId}>${ctx.t('signup.consent.nextHint')}</p>
    ${renderActions(ctx, { back: props.onBack, nextDescribedBy: props.ready ? undefined : hintId })}
  </form>`;
}

/** The summary rows the consent list does not show yet: optional items listed apart, and the recipient of a third-party item. */
function renderSummaryExtras(ctx: StepContext, documents: readonly TermsDocument[]): TemplateResult | typeof nothing {
  const extras = documents.filter((document) => document.summary?.optionalItems || document.summary?.recipient);
  if (!extras.length) return nothing;
  return html`${extras.map((document) => {
    const summary = document.summary!;
    const title = document.title[ctx.locale];
    return html`<dl data-part="consent-extra" data-document=${document.documentId} aria-label=${title}>
      ${summary.recipient ? html`<div data-part="review-row"><dt>${title} · ${ctx.t('signup.consent.recipient')}</dt><dd>${summary.recipient[ctx.locale]}</dd></div>` : nothing}
      ${summary.optionalItems ? html`<div data-part="review-row"><dt>${title} · ${ctx.t('signup.consent.optionalItems')}</dt><dd>${summary.optionalItems[ctx.locale]}</dd></div>` : nothing}
    </dl>`;
  })}`;
}

function renderBackOnly(ctx: StepContext, props: ConsentStepProps): TemplateResult {
  return html`<div data-part="actions"><button type="button" data-part="button back" @click=${props.onBack}>${ctx.t('common.previous')}</button></div>`;
}
