import { html, nothing, type TemplateResult } from 'lit';
import { stepHeading, type HeadingLevel } from '../shared/heading.ts';
import { live } from 'lit/directives/live.js';
// The plain list, not the schemas barrel: importing that would build every shape of the contract.
import { carriers } from '../../api/shapes/lists.ts';
import type { Carrier } from '../../api/schemas.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
import { fieldMaxLengths } from '../../rules/limits.ts';
import { renderField, requiredMark, wire } from '../shared/field.ts';
import type { PhoneInput } from '../shared/phone-input.ts';
import type { MobileModel } from '../../flows/identity/mobile-model.ts';
import { mobileKinds, providerTerms, type MobileFormValues, type ProviderTerm } from '../../flows/identity/mobile-values.ts';
import { renderJobStatus } from '../shared/job-status.ts';
import { errorText, isTransient, needsRestart, renderAlert, type AlertAction, type MessageForCode } from './problem.ts';

export interface MobileView {
  flow: MobileModel;
  idPrefix: string;
  headingLevel: HeadingLevel;
  t: (key: MessageKey, params?: MessageParams) => string;
  messageFor: MessageForCode;
  /** Another method to offer when the carrier refuses (a company phone): i-PIN. */
  alternative: { label: string; choose: () => void } | undefined;
  restart: () => void;
}

/** Step 1 of the mobile method: who, which phone, security text, provider terms. */
export function renderMobileForm(view: MobileView): TemplateResult {
  const { flow, t, idPrefix } = view;
  const form = flow.form;
  const values = form.values;
  const id = (name: string) => `${idPrefix}-mobile-${name}`;
  const errorOf = (field: keyof MobileFormValues) => {
    const code = form.errorFor(field);
    if (!code) return undefined;
    return code === 'CAPTCHA_REQUIRED' ? t('identity.captcha.required') : view.messageFor(code);
  };
  const onText = (field: 'name' | 'birthDate' | 'captchaAnswer') => (event: Event) => form.set(field, (event.target as HTMLInputElement).value);
  const touch = (field: string) => () => form.touch(field);
  const busy = flow.busy === 'request-code';

  return html`<form novalidate data-part="mobile-form" aria-labelledby=${id('heading')} aria-busy=${busy ? 'true' : 'false'} @submit=${(event: Event) => {
    event.preventDefault();
    void flow.requestCode();
  }}>
    ${stepHeading(view.headingLevel, id('heading'), t('identity.mobile.title'))}
    <p data-part="intro">${t('identity.mobile.intro')}</p>
    ${flow.alert ? renderMobileAlert(view) : nothing}
    ${renderField({
      id: id('carrier'),
      label: t('identity.mobile.carrier'),
      required: true,
      requiredText: t('common.requiredMark'),
      error: errorOf('carrier'),
      control: (w) => html`<select ${wire(w)} name="carrier" data-field="carrier"
        @change=${(event: Event) => { form.set('carrier', (event.target as HTMLSelectElement).value as Carrier); form.touch('carrier'); }}>
        <option value="" ?selected=${values.carrier === ''}>${t('identity.mobile.carrierPlaceholder')}</option>
        ${carriers.map((carrier) => html`<option value=${carrier} ?selected=${values.carrier === carrier}>${t(`identity.carrier.${carrier}`)}</option>`)}
      </select>`,
    })}
    ${renderField({
      id: id('name'),
      label: t('identity.mobile.name'),
      hint: t('identity.mobile.nameHint'),
      required: true,
      requiredText: t('common.requiredMark'),
      error: errorOf('name'),
      control: (w) => html`<input ${wire(w)} name="name" data-field="name" type="text" autocomplete="name" maxlength=${fieldMaxLengths.nameKo}
        .value=${live(values.name)}
        @input=${onText('name')} @blur=${touch('name')} />`,
    })}
    ${renderField({
      id: id('birth-date'),
      label: t('identity.mobile.birthDate'),
      hint: t('identity.mobile.birthDateHint'),
      required: true,
      requiredText: t('common.requiredMark'),
      error: errorOf('birthDate'),
      control: (w) => html`<input ${wire(w)} name="birthDate" data-field="birthDate" type="text" inputmode="numeric" autocomplete="bday" maxlength="14"
        .value=${live(values.birthDate)}
        @input=${onText('birthDate')} @blur=${touch('birthDate')} />`,
    })}
    ${renderChoice(view, 'gender', id('gender'), t('identity.mobile.gender'), [
      ['male', t('identity.gender.male')],
      ['female', t('identity.gender.female')],
    ], errorOf('gender'))}
    ${renderChoice(view, 'nationality', id('nationality'), t('identity.mobile.nationality'), [
      ['domestic', t('identity.nationality.domestic')],
      ['foreign', t('identity.nationality.foreign')],
    ], errorOf('nationality'))}
    <mb-phone-input name="mobile" autocomplete="tel-national" required
      .kinds=${mobileKinds} .value=${values.mobile} .label=${t('identity.mobile.number')} .hint=${t('identity.mobile.numberHint')}
      .error=${form.errorFor('mobile')}
      @input=${(event: Event) => form.set('mobile', (event.currentTarget as PhoneInput).value)}
      @focusout=${touch('mobile')}></mb-phone-input>
    ${renderField({
      id: id('captcha'),
      label: t('identity.captcha.label'),
      hint: view.alternative ? `${t('identity.captcha.hint')} ${t('identity.captcha.alternative', { method: view.alternative.label })}` : t('identity.captcha.hint'),
      required: true,
      requiredText: t('common.requiredMark'),
      error: errorOf('captchaAnswer'),
      control: (w) => html`<div data-part="captcha">
          ${flow.captchaSrc
            ? html`<img data-part="captcha-image" src=${flow.captchaSrc} alt=${t('identity.captcha.alt')} width="180" height="60" />`
            : html`<span data-part="captcha-image" data-empty>${flow.alert?.operation === 'start' ? '' : t('common.loading')}</span>`}
          <button type="button" data-part="button captcha-refresh" ?disabled=${!flow.verificationId} @click=${() => flow.refreshCaptcha({ announce: true })}>
            ${t('identity.captcha.refresh')}
          </button>
          <button type="button" data-part="button captcha-listen" ?disabled=${!flow.verificationId} @click=${(event: Event) => playCaptcha(event, flow)}>
            ${t('identity.captcha.listen')}
          </button>
          <audio data-part="captcha-audio" preload="none" @error=${() => flow.setCaptchaAudioFailed(true)}></audio>
        </div>
        ${flow.captchaAudioFailed ? html`<p data-part="error" data-kind="captcha-audio">${t('identity.captcha.audioFailed')}</p>` : nothing}
        <input ${wire(w)} name="captchaAnswer" data-field="captchaAnswer" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="20"
          .value=${live(values.captchaAnswer)}
          @input=${onText('captchaAnswer')} @blur=${touch('captchaAnswer')} />`,
    })}
    ${renderTerms(view, id('terms'), errorOf('terms'))}
    <div data-part="actions">
      <button type="submit" data-part="button button-primary" ?disabled=${!flow.verificationId}>
        ${busy ? t('identity.mobile.sending') : t('identity.mobile.submit')}
      </button>
    </div>
  </form>${renderMobileWait(view)}`;
}

const waitLabels: Partial<Record<NonNullable<MobileModel['busy']>, MessageKey>> = {
  'request-code': 'identity.mobile.sending',
  'confirm-code': 'identity.code.confirming',
  'resend-code': 'identity.code.resending',
  'extend-code': 'identity.code.extending',
};

/**
 * "Still working… / stop waiting" for the running request, after its form (a busy form's changes may
 * go unannounced). After a cancel the focus goes to the alert's retry, or to the alert itself when
 * the code request asks for the new security text first.
 */
export function renderMobileWait(view: MobileView): TemplateResult | typeof nothing {
  const { flow, t } = view;
  const operation = flow.busy;
  if (!operation) return nothing;
  return renderJobStatus({
    name: operation,
    label: t(waitLabels[operation] ?? 'common.loading'),
    slow: flow.slow,
    t,
    onCancel: () => flow.cancel(),
    focusAfterCancel: operation === 'request-code' ? '[role="alert"]' : '[data-part~="alert"] [data-action="retry"]',
  });
}

/** Plays the spoken security text in the click (browsers let audio start from a user's action only). */
function playCaptcha(event: Event, flow: MobileModel): void {
  const audio = (event.currentTarget as HTMLElement).parentElement?.querySelector('audio');
  const src = flow.captchaAudioUrl();
  if (!audio || !src) return;
  flow.setCaptchaAudioFailed(false);
  audio.src = src;
  audio.play().catch((error: unknown) => {
    // Replaced by a newer play (AbortError) is no failure; the element's `error` event reports load failures.
    if ((error as { name?: string }).name !== 'AbortError') flow.setCaptchaAudioFailed(true);
  });
}

/** A radio group (fieldset + legend) wired like `renderField`: hint/error described, invalid marked. */
function renderChoice<V extends string>(
  view: MobileView,
  field: 'gender' | 'nationality',
  id: string,
  legend: string,
  options: [V, string][],
  error: string | undefined,
): TemplateResult {
  const form = view.flow.form;
  const errorId = `${id}-error`;
  return html`<fieldset data-part="field" data-kind="choice" data-field-group=${field}>
    <legend data-part="label">${legend}${requiredMark(view.t('common.requiredMark'))}</legend>
    <div data-part="choices">
      ${options.map(([value, label], index) => html`<label data-part="choice">
        <input type="radio" name=${id} value=${value} data-field=${index === 0 ? field : nothing} required
          .checked=${live(form.values[field] === value)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? errorId : nothing}
          @change=${() => { form.set(field, value as never); form.touch(field); }} />
        <span>${label}</span>
      </label>`)}
    </div>
    <div data-part="error" id=${errorId}>${error ?? ''}</div>
  </fieldset>`;
}

/** "전체 동의" plus the four provider terms, each its own checkbox; all are required. */
function renderTerms(view: MobileView, id: string, error: string | undefined): TemplateResult {
  const { t, flow } = view;
  const form = flow.form;
  const agreed = form.values.terms;
  const all = providerTerms.every((term) => agreed.includes(term));
  const errorId = `${id}-error`;
  const set = (terms: readonly ProviderTerm[]) => {
    form.set('terms', providerTerms.filter((term) => terms.includes(term)));
    form.touch('terms');
  };
  return html`<fieldset data-part="field" data-kind="terms" data-field-group="terms">
    <legend data-part="label">${t('identity.terms.legend')}${requiredMark(t('common.requiredMark'))}</legend>
    <label data-part="choice terms-all">
      <input type="checkbox" data-field="termsAll" .checked=${live(all)} .indeterminate=${agreed.length > 0 && !all}
        aria-describedby=${error ? errorId : nothing} @change=${(event: Event) => set((event.target as HTMLInputElement).checked ? providerTerms : [])} />
      <span>${t('identity.terms.all')}</span>
    </label>
    <ul data-part="terms-list" role="list">
      ${providerTerms.map((term) => {
        const checked = agreed.includes(term);
        const invalid = Boolean(error) && !checked;
        return html`<li><label data-part="choice">
          <input type="checkbox" name="providerTerms" value=${term} data-field=${`terms.${term}`} .checked=${live(checked)} required
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${error ? errorId : nothing}
            @change=${(event: Event) => set((event.target as HTMLInputElement).checked ? [...agreed, term] : agreed.filter((x) => x !== term))} />
          <span><span data-part="tag">${t('identity.terms.required')}</span> ${t(`identity.terms.${term}`)}</span>
        </label>
        <details data-part="terms-document">
          <summary>${t('identity.terms.read', { term: t(`identity.terms.${term}`) })}</summary>
          <p data-part="terms-text">${t(`identity.terms.${term}.text`)}</p>
        </details></li>`;
      })}
    </ul>
    <div data-part="error" id=${errorId}>${error ?? ''}</div>
  </fieldset>`;
}

/** The alert of either mobile step, with the way forward as buttons. */
export function renderMobileAlert(view: MobileView): TemplateResult | typeof nothing {
  const alert = view.flow.alert;
  if (!alert) return nothing;
  const { t, flow } = view;
  const { error, operation } = alert;
  const actions: AlertAction[] = [];
  let extra: string | undefined;
  // No more time to give: the code on screen still works until its countdown ends.
  if (operation === 'extend-code' && error.code === 'ATTEMPTS_EXCEEDED') return renderAlert(t('identity.code.noMoreTime'));
  if (operation === 'start' && !needsRestart(error)) actions.push({ name: 'retry', label: t('common.retry'), run: () => void flow.start() });
  else if (needsRestart(error) || (error.code === 'ATTEMPTS_EXCEEDED' && operation !== 'confirm-code')) {
    actions.push({ name: 'restart', label: t('identity.restart'), run: view.restart });
  } else if (isTransient(error) && operation === 'request-code') extra = t('identity.mobile.retryHint');
  else if (isTransient(error)) actions.push({ name: 'retry', label: t('common.retry'), run: () => void flow.retry() });
  if (error.code === 'PROVIDER_REFUSED' && view.alternative) {
    const { label, choose } = view.alternative;
    actions.push({ name: 'use-alternative', label: t('identity.useMethod', { method: label }), run: choose });
  }
  return renderAlert(errorText(view.messageFor, error), actions, extra);
}
