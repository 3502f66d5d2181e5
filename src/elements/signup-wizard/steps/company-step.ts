import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SiteConfig } from '../../../api/schemas.ts';
import type { CompanyView, SignupView } from '../../../flows/signup/view.ts';
import { MbAddressField } from '../../shared/address-search/address-field.ts';
import { EmailInput } from '../../shared/email-input.ts';
import { describedBy, renderField } from '../../shared/field.ts';
import { PhoneInput } from '../../shared/phone-input.ts';
import { renderCompanyForm } from './company-form.ts';
import { certificateSendText } from './contacts.ts';
import { renderActions, renderFailure, renderPending, submitTo, type SignupIntents, type StepContext } from './step-context.ts';

/** Registered when this step's code loads. */
export const dependencies = { 'mb-phone-input': PhoneInput, 'mb-email-input': EmailInput, 'mb-address-field': MbAddressField };

export interface CompanyStepProps {
  company: CompanyView;
  siteConfig: SiteConfig;
  intents: SignupIntents;
  onSubmit: (event: Event) => void;
}

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderCompanyStep(ctx, { company: view.company, siteConfig: view.siteConfig!, intents, onSubmit: submitTo(() => intents.next()) });
}

/** What the lookup found, said once it arrives (a live region present before the answer). */
function lookupAnnouncement(ctx: StepContext, lookup: NonNullable<CompanyView['lookup']>): string {
  if (lookup.status === 'registered') return `${lookup.company.nameKo}: ${ctx.t('signup.company.registered')}`;
  return ctx.t(lookup.status === 'registry' ? 'signup.company.registry' : 'signup.company.unknown');
}

/** Step 5, corporate only (docs/domain.md): search the BRN, then link, or register with the form. */
export function renderCompanyStep(ctx: StepContext, props: CompanyStepProps): TemplateResult {
  const { company, intents } = props;
  const lookup = company.lookup;
  return html`<form data-part="form company-form" novalidate @submit=${props.onSubmit}>
    ${renderSearch(ctx, props)}
    ${company.lookupState.status === 'pending' ? renderPending(ctx.t('signup.company.searching')) : nothing}
    <p data-part="visually-hidden" data-role="lookup-result" role="status">${lookup && company.lookupState.status !== 'pending' ? lookupAnnouncement(ctx, lookup) : ''}</p>
    ${company.lookupState.status === 'error' ? renderFailure(ctx, ctx.say(company.lookupState.failure.words), () => void intents.searchCompany()) : nothing}
    ${lookup?.status === 'registered'
      ? html`<div data-part="company-registered">
          <p data-part="notice">${ctx.t('signup.company.registered')}</p>
          <dl data-part="company-summary">
            <dt>${ctx.t('signup.company.nameKo')}</dt><dd>${lookup.company.nameKo}${lookup.company.nameEn ? ` (${lookup.company.nameEn})` : ''}</dd>
            <dt>${ctx.t('signup.company.ceo')}</dt><dd>${lookup.company.ceoNameKo}</dd>
            <dt>${ctx.t('signup.company.address')}</dt><dd>${lookup.company.address.base} ${lookup.company.address.detail}</dd>
          </dl>
        </div>`
      : nothing}
    ${lookup && lookup.status !== 'registered'
      ? html`<p data-part="notice">${ctx.t(lookup.status === 'registry' ? 'signup.company.registry' : 'signup.company.unknown')}</p>
          ${renderCompanyForm(ctx, company.form, props.siteConfig.companyOptions)}
          ${lookup.status === 'unknown' ? renderCertificate(ctx, props) : nothing}`
      : nothing}
    ${renderActions(ctx, { back: () => intents.back() })}
  </form>`;
}

function renderSearch(ctx: StepContext, props: CompanyStepProps): TemplateResult {
  const { company, intents } = props;
  const code = company.form.errorFor('businessNumber');
  const onKeyDown = (event: KeyboardEvent) => {
    // Enter in the search box searches instead of submitting the step.
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    void intents.searchCompany();
  };
  return renderField({
    id: ctx.id('businessNumber'),
    label: ctx.t('signup.company.businessNumber'),
    hint: ctx.t('signup.company.businessNumber.hint'),
    required: true,
    error: code ? ctx.messageFor(code) : undefined,
    requiredText: ctx.t('common.requiredMark'),
    control: (wiring) => html`<div data-part="business-number">
      <input id=${wiring.id} name="company.businessNumber" inputmode="numeric" autocomplete="off" maxlength="20" aria-required="true"
        aria-invalid=${wiring.invalid ? 'true' : nothing} aria-describedby=${describedBy(wiring)} .value=${live(company.form.values.businessNumber)}
        @input=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          const formatted = intents.typeBusinessNumber(input.value);
          if (formatted !== input.value && input.selectionStart === input.value.length) input.value = formatted;
        }}
        @keydown=${onKeyDown} @blur=${() => company.form.touch('businessNumber')} />
      <button type="button" data-part="button company-search" @click=${() => void intents.searchCompany()}>${ctx.t('signup.company.search')}</button>
    </div>`,
  });
}

function formatSize(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes)}MB`;
}

function renderCertificate(ctx: StepContext, props: CompanyStepProps): TemplateResult {
  const { company, siteConfig, intents } = props;
  const limits = siteConfig.certificate;
  const fileError = company.fileError ? ctx.messageFor(company.fileError) : undefined;
  const upload = company.uploadState;
  const send = certificateSendText(ctx, siteConfig);
  const sendTo = send ? html`<p data-part="notice certificate-send">${ctx.t('signup.company.certificate.ifNotAttached')} ${send}</p>` : nothing;
  if (company.certificate) {
    return html`<div data-part="certificate">
      <p data-part="certificate-attached" role="status">${ctx.t('signup.company.certificate.attached', { fileName: company.certificate.fileName })}</p>
      <button type="button" data-part="button certificate-remove" @click=${() => intents.removeCertificate()}>${ctx.t('signup.company.certificate.remove')}</button>
    </div>`;
  }
  return html`<div data-part="certificate">
    ${renderField({
      id: ctx.id('certificate'),
      label: ctx.t('signup.company.certificate'),
      hint: ctx.t('signup.company.certificate.hint', { size: formatSize(limits.maxBytes, ctx.locale) }),
      error: fileError,
      requiredText: ctx.t('common.requiredMark'),
      control: (wiring) => html`<input type="file" id=${wiring.id} name="certificate" accept=${limits.contentTypes.join(',')}
        aria-invalid=${wiring.invalid ? 'true' : nothing} aria-describedby=${describedBy(wiring)}
        @change=${(event: Event) => {
          const file = (event.target as HTMLInputElement).files?.[0];
          if (file) void intents.uploadCertificate(file);
        }} />`,
    })}
    ${upload.status === 'pending' ? renderPending(ctx.t('signup.company.certificate.uploading')) : nothing}
    ${upload.status === 'error' ? renderFailure(ctx, ctx.say(upload.failure.words)) : nothing}
    ${sendTo}
  </div>`;
}
