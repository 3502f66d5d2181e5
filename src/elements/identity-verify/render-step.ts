import { html, nothing, type TemplateResult } from 'lit';
import type { VerificationMethod } from '../../api/schemas.ts';
import type { IdentityView } from '../../flows/identity/view.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import { stepHeading, type HeadingLevel } from '../shared/heading.ts';
import { renderMethodChoice } from './method-choice.ts';
import type { MobileView } from './mobile-form.ts';
import { errorText, renderAlert, type MessageForCode } from './problem.ts';
import type { ProviderFlow } from './provider-flow.ts';

type MobilePart = typeof import('./mobile-part.ts');
type CodePart = typeof import('./code-part.ts');
type ProviderPart = typeof import('./provider-part.ts');

/** What a step's template needs: the flow's view, the loaded parts, words, and the intents as callbacks. */
export interface StepContext {
  view: IdentityView;
  /** The flow's step, with the provider window's stage for `provider` (`provider-waiting`, …). */
  step: string;
  idPrefix: string;
  headingLevel: HeadingLevel;
  t: (key: MessageKey, params?: MessageParams) => string;
  messageFor: MessageForCode;
  label: (method: VerificationMethod) => string;
  clock: () => number;
  mobilePart: MobilePart | undefined;
  /** The mobile method's code step (its own part, loaded after the form). */
  codePart: CodePart | undefined;
  providerPart: ProviderPart | undefined;
  provider: ProviderFlow | undefined;
  providerMode: 'popup' | 'redirect';
  retryConfig: () => void;
  retryPart: () => void;
  pick: (methodId: string) => void;
  /** The choice form's submit: runs in the click, so a provider popup may open right there. */
  submitChoice: (event: Event) => void;
  back: () => void;
  /** Enters a method from a click (a provider popup opens in it). */
  enter: (method: VerificationMethod) => void;
  openProvider: () => void;
}

/** The element's one template switch: each step of the flow's view as the user sees it. */
export function renderStep(ctx: StepContext): TemplateResult | typeof nothing {
  const { view, step, t } = ctx;
  if (step === 'idle') return nothing;
  if (step === 'loading') return html`<p data-part="notice" role="status">${t('common.loading')}</p>`;
  if (step === 'config-error') {
    const message = view.configError ? errorText(ctx.messageFor, view.configError) : '';
    return renderAlert(message, [{ name: 'retry', label: t('common.retry'), run: ctx.retryConfig }]);
  }
  if (step === 'no-method') return renderAlert(ctx.messageFor('METHOD_NOT_AVAILABLE'));
  if (step === 'done') return renderDone(ctx);
  if (step === 'choose') {
    return renderMethodChoice({
      methods: view.methods,
      choice: view.choice,
      missing: view.choiceMissing,
      idPrefix: ctx.idPrefix,
      headingLevel: ctx.headingLevel,
      t,
      label: ctx.label,
      pick: ctx.pick,
      submit: ctx.submitChoice,
    });
  }
  const back = view.methods.length > 1 ? renderBack(ctx) : nothing;
  if (step === 'part-loading') return html`<p data-part="notice" role="status">${t('common.loading')}</p>${back}`;
  if (step === 'part-error') return html`${renderAlert(t('identity.part.failed'), [{ name: 'retry', label: t('common.retry'), run: ctx.retryPart }])}${back}`;
  const mobile = view.mobile;
  if (step === 'mobile-form' && ctx.mobilePart && mobile) return html`${ctx.mobilePart.renderMobileForm(mobileView(ctx))}${back}`;
  if (step === 'mobile-code' && ctx.mobilePart && ctx.codePart && mobile) return html`${ctx.codePart.renderMobileCode(mobileView(ctx), ctx.clock, ctx.mobilePart)}${back}`;
  const { providerPart, provider } = ctx;
  if (!providerPart || !provider) return nothing;
  return html`${providerPart.renderProviderStep({
    flow: provider,
    idPrefix: ctx.idPrefix,
    headingLevel: ctx.headingLevel,
    t,
    messageFor: ctx.messageFor,
    label: provider.method ? ctx.label(provider.method) : '',
    mode: ctx.providerMode,
    open: ctx.openProvider,
  })}${back}`;
}

function mobileView(ctx: StepContext): MobileView {
  const alternative = ctx.view.alternative;
  const mobile = ctx.view.mobile!;
  return {
    flow: mobile,
    idPrefix: ctx.idPrefix,
    headingLevel: ctx.headingLevel,
    t: ctx.t,
    messageFor: ctx.messageFor,
    alternative: alternative ? { label: ctx.label(alternative), choose: () => ctx.enter(alternative) } : undefined,
    restart: () => void mobile.start(),
  };
}

function renderBack(ctx: StepContext): TemplateResult {
  return html`<p data-part="other-method">
    <button type="button" data-part="button button-link" data-action="choose-method" @click=${ctx.back}>${ctx.t('identity.choice.other')}</button>
  </p>`;
}

function renderDone(ctx: StepContext): TemplateResult {
  const headingId = `${ctx.idPrefix}-done-heading`;
  return html`<section data-part="done" aria-labelledby=${headingId}>
    ${stepHeading(ctx.headingLevel, headingId, ctx.t('identity.done.title'))}
    <p>${ctx.t('identity.done.body', { name: ctx.view.verifiedName ?? '' })}</p>
  </section>`;
}
