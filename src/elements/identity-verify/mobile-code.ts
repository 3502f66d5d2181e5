import { html, nothing, type TemplateResult } from 'lit';
import { stepHeading, type HeadingLevel } from '../shared/heading.ts';
import type { OtpInput } from '../shared/otp-input.ts';
import type { MobileView, renderMobileAlert, renderMobileWait } from './mobile-form.ts';
import { errorText } from './problem.ts';

/** The mobile form's alert and wait line, which this step shows too: from the mobile part, loaded before this one. */
export interface MobileAlerts {
  renderMobileAlert: typeof renderMobileAlert;
  renderMobileWait: typeof renderMobileWait;
}

/** Step 2 of the mobile method: the 6-digit code with its countdown and resend (mb-otp-input). */
export function renderMobileCode(view: MobileView, clock: () => number, { renderMobileAlert, renderMobileWait }: MobileAlerts): TemplateResult {
  const { flow, t, idPrefix } = view;
  const status = flow.codeStatus;
  const headingId = `${idPrefix}-code-heading`;
  const confirming = flow.busy === 'confirm-code';
  const noResends = status?.resendsLeft === 0;
  return html`<form novalidate data-part="code-form" aria-labelledby=${headingId} aria-busy=${confirming ? 'true' : 'false'} @submit=${(event: Event) => {
    event.preventDefault();
    void flow.confirm();
  }}>
    ${stepHeading(view.headingLevel, headingId, t('identity.code.title'))}
    <p data-part="intro">${t('identity.code.sentTo', { mobile: status?.maskedMobile ?? '' })}</p>
    ${renderMobileAlert(view)}
    <mb-otp-input
      .value=${flow.code}
      .expiresAt=${status?.expiresAt}
      .resendAvailableAt=${status?.resendAvailableAt}
      .error=${flow.codeError === 'CODE_INCOMPLETE' ? t('identity.code.incomplete') : flow.codeError ? errorText(view.messageFor, flow.codeError) : undefined}
      .clock=${clock}
      ?resend-disabled=${noResends || flow.busy === 'resend-code'}
      ?extendable=${flow.extendable}
      ?extend-disabled=${flow.busy === 'extend-code'}
      @input=${(event: Event) => flow.setCode((event.currentTarget as OtpInput).value)}
      @otp-resend=${() => void flow.resend()}
      @otp-extend=${() => void flow.extend()}
    ></mb-otp-input>
    ${noResends ? html`<p data-part="hint">${t('identity.code.noResends')}</p>` : nothing}
    <p data-part="hint">${t('identity.code.help')}</p>
    <div data-part="actions">
      <button type="button" data-part="button" data-action="edit-details" @click=${() => flow.editDetails()}>${t('identity.code.edit')}</button>
      <button type="submit" data-part="button button-primary">${confirming ? t('identity.code.confirming') : t('identity.code.confirm')}</button>
    </div>
  </form>${renderMobileWait(view)}`;
}
