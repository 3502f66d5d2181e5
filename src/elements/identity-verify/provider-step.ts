import { html, nothing, type TemplateResult } from 'lit';
import { stepHeading, type HeadingLevel } from '../shared/heading.ts';
import { renderJobStatus } from '../shared/job-status.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import { errorText, isTransient, renderAlert, type AlertAction, type MessageForCode } from './problem.ts';
import type { ProviderFlow, ProviderStage } from './provider-flow.ts';

export interface ProviderView {
  flow: ProviderFlow;
  idPrefix: string;
  headingLevel: HeadingLevel;
  t: (key: MessageKey, params?: MessageParams) => string;
  messageFor: MessageForCode;
  /** The method's name in the UI language, e.g. "아이핀(I-PIN) 인증". */
  label: string;
  mode: 'popup' | 'redirect';
  /** Opens the provider (popup in the click, or redirect). */
  open: () => void;
}

const headings: Record<ProviderStage, MessageKey> = {
  idle: 'identity.provider.idle.title',
  starting: 'identity.provider.waiting.title',
  waiting: 'identity.provider.waiting.title',
  blocked: 'identity.provider.blocked.title',
  closed: 'identity.provider.closed.title',
  cancelled: 'identity.provider.cancelled.title',
  redirecting: 'identity.provider.redirecting.title',
  exchanging: 'identity.provider.exchanging.title',
  failed: 'identity.provider.failed.title',
};

/** The provider method's one step: open the window, wait for it, or say what went wrong and what next. */
export function renderProviderStep(view: ProviderView): TemplateResult {
  const { flow, t, label } = view;
  const stage = flow.stage;
  const headingId = `${view.idPrefix}-provider-heading`;
  const canRedirect = flow.method?.modes.includes('redirect') ?? false;
  const retry: AlertAction = { name: 'retry', label: t('common.retry'), run: view.open };
  const redirect: AlertAction = { name: 'use-redirect', label: t('identity.provider.useRedirect'), run: () => void flow.startRedirect() };
  const busy = stage === 'starting' || stage === 'redirecting' || stage === 'exchanging';

  let body: TemplateResult | typeof nothing = nothing;
  switch (stage) {
    case 'idle':
      body = html`<p>${t(view.mode === 'redirect' ? 'identity.provider.idle.redirect' : 'identity.provider.idle.popup', { method: label })}</p>
        <div data-part="actions">
          <button type="button" data-part="button button-primary" data-action="open" @click=${view.open}>
            ${t(view.mode === 'redirect' ? 'identity.provider.goTo' : 'identity.provider.open', { method: label })}
          </button>
        </div>`;
      break;
    case 'starting':
    case 'waiting':
      body = html`<p>${t('identity.provider.waiting.body', { method: label })}</p>
        <div data-part="actions">
          <button type="button" data-part="button" data-action="cancel" @click=${() => flow.reset()}>${t('common.cancel')}</button>
          <button type="button" data-part="button button-primary" data-action="show-window" @click=${() => flow.focusPopup()}>${t('identity.provider.showWindow')}</button>
        </div>`;
      break;
    case 'blocked':
      body = renderAlert(t('identity.provider.blocked.body'), canRedirect ? [retry, redirect] : [retry]);
      break;
    case 'closed':
      body = renderAlert(t('identity.provider.closed.body'), canRedirect && view.mode === 'popup' ? [retry, redirect] : [retry]);
      break;
    case 'cancelled':
      body = html`<p>${t('identity.provider.cancelled.body')}</p>
        <div data-part="actions"><button type="button" data-part="button button-primary" data-action="retry" @click=${view.open}>${t('common.retry')}</button></div>`;
      break;
    case 'redirecting':
      body = html`<p>${t('common.loading')}</p>`;
      break;
    case 'exchanging':
      // After a few seconds: "still working" and a way to stop waiting (the result id is kept for the retry).
      body = renderJobStatus({
        name: 'exchange', label: t('common.loading'), slow: flow.slow, t, onCancel: () => flow.cancelExchange(),
        focusAfterCancel: '[data-part~="alert"] [data-action="retry"]',
      });
      break;
    case 'failed': {
      const error = flow.error;
      const again = flow.errorOperation === 'exchange' && error && isTransient(error)
        ? { name: 'retry', label: t('common.retry'), run: () => void flow.retryExchange() }
        : retry;
      body = error ? renderAlert(errorText(view.messageFor, error), [again]) : nothing;
      break;
    }
  }

  return html`<section data-part="provider" data-stage=${stage} aria-labelledby=${headingId} aria-busy=${busy ? 'true' : 'false'}>
    ${stepHeading(view.headingLevel, headingId, t(headings[stage], { method: label }))}
    ${body}
  </section>`;
}
