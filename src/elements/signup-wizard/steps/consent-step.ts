import { html, type TemplateResult } from 'lit';
import type { SiteConfig, TermsDocument } from '../../../api/schemas.ts';
import type { JobState } from '../../../flows/job.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import type { ConsentChoices } from '../../shared/consent-list.ts';
import { renderActions, renderFailure, renderPending, submitTo, type SignupIntents, type StepContext } from './step-context.ts';

export interface ConsentStepProps {
  terms: JobState<TermsDocument[]>;
  /** Every required document agreed. */
  ready: boolean;
  choices: ConsentChoices;
  siblingSites: SiteConfig['siblingSites'];
  /** A code after a refused submit (TERMS_REQUIRED, TERMS_OUTDATED). */
  error: string | undefined;
  onChoices: (choices: ConsentChoices) => void;
  onRetry: () => void;
  onBack: () => void;
  onSubmit: (event: Event) => void;
}

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderConsentStep(ctx, {
    terms: view.terms,
    ready: view.consentComplete,
    choices: view.consentChoices,
    siblingSites: view.siteConfig?.siblingSites ?? [],
    error: view.consentError,
    onChoices: (choices) => intents.chooseConsents(choices),
    onRetry: () => void intents.loadTerms(),
    onBack: () => intents.back(),
    onSubmit: submitTo(() => intents.next()),
  });
}

/** Step 2: the site's terms through mb-consent-list; "next" stays disabled until the required ones are agreed. */
export function renderConsentStep(ctx: StepContext, props: ConsentStepProps): TemplateResult {
  const { terms } = props;
  if (terms.status === 'error') return html`${renderFailure(ctx, ctx.say(terms.failure.words), props.onRetry)}${renderBackOnly(ctx, props)}`;
  if (terms.status !== 'complete') return html`${renderPending(ctx.t('signup.consent.loading'))}${renderBackOnly(ctx, props)}`;
  const ready = props.ready;
  const hintId = ctx.id('consent-next-hint');
  const onChange = (event: Event) => props.onChoices({ ...(event.currentTarget as HTMLElement & { value: ConsentChoices }).value });
  return html`<form data-part="form consent-form" novalidate @submit=${props.onSubmit}>
    <p>${ctx.t('signup.consent.intro')}</p>
    <mb-consent-list .documents=${terms.value} .value=${props.choices} .siblingSites=${props.siblingSites}
      .error=${props.error} .locale=${ctx.locale} @input=${onChange} @change=${onChange}></mb-consent-list>
    <p data-part="hint" id=${hintId}>${ctx.t('signup.consent.nextHint')}</p>
    ${renderActions(ctx, { back: props.onBack, nextDisabled: !ready, nextDescribedBy: hintId })}
  </form>`;
}

function renderBackOnly(ctx: StepContext, props: ConsentStepProps): TemplateResult {
  return html`<div data-part="actions"><button type="button" data-part="button back" @click=${props.onBack}>${ctx.t('common.previous')}</button></div>`;
}
