import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SiteConfig, SelectOption } from '../../../api/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { fieldMaxLengths } from '../../../rules/limits.ts';
import { faxPhoneKinds } from '../../../rules/phone.ts';
import { describedBy, renderField } from '../../shared/field.ts';
import type { FormPort } from '../../../flows/form-model.ts';
import type { CompanyValues } from '../../../flows/signup/values.ts';
import { touchTree } from './details-step.ts';
import { renderChoiceGroup, type StepContext } from './step-context.ts';

type TextName = 'nameKo' | 'nameEn' | 'ceoNameKo' | 'ceoNameEn' | 'corporateNumber' | 'tradeBusinessNumber' | 'businessType' | 'industry' | 'homepage';
type SelectName = 'companyType' | 'classification' | 'mainProduct' | 'tradeKind';
type YesNoName = 'innoBiz' | 'venture' | 'foreignInvested';

const textFields: readonly { name: TextName; required?: boolean; maxLength: number; autocomplete: string; hint?: MessageKey; inputmode?: string }[] = [
  { name: 'nameKo', required: true, maxLength: fieldMaxLengths.companyNameKo, autocomplete: 'organization' },
  { name: 'nameEn', maxLength: fieldMaxLengths.companyNameEn, autocomplete: 'off' },
  { name: 'ceoNameKo', required: true, maxLength: fieldMaxLengths.nameKo, autocomplete: 'off' },
  { name: 'ceoNameEn', maxLength: fieldMaxLengths.nameEn, autocomplete: 'off' },
  { name: 'corporateNumber', maxLength: 20, autocomplete: 'off', hint: 'signup.company.corporateNumber.hint', inputmode: 'numeric' },
  { name: 'tradeBusinessNumber', maxLength: fieldMaxLengths.tradeBusinessNumber, autocomplete: 'off' },
  { name: 'businessType', maxLength: fieldMaxLengths.businessType, autocomplete: 'off' },
  { name: 'industry', maxLength: fieldMaxLengths.industry, autocomplete: 'off' },
];

/** The company form of docs/domain.md (BRN is the searched number, shown read-only). */
export function renderCompanyForm(ctx: StepContext, form: FormPort<CompanyValues>, options: SiteConfig['companyOptions']): TemplateResult {
  const error = (field: string) => {
    const code = form.errorFor(field);
    return code ? ctx.messageFor(code, `company.${field}`) : undefined;
  };
  const text = (field: (typeof textFields)[number] | { name: 'homepage'; maxLength: number; autocomplete: string; hint: MessageKey; required?: boolean; inputmode?: string }) =>
    renderField({
      id: ctx.id(`company-${field.name}`), label: ctx.t(`signup.company.${field.name}`), hint: field.hint ? ctx.t(field.hint) : undefined,
      required: field.required, error: error(field.name), requiredText: ctx.t('common.requiredMark'),
      control: (wiring) => html`<input id=${wiring.id} name=${`company.${field.name}`} autocomplete=${field.autocomplete} maxlength=${field.maxLength}
        inputmode=${field.inputmode ?? nothing} aria-required=${field.required ? 'true' : nothing} aria-invalid=${wiring.invalid ? 'true' : nothing}
        aria-describedby=${describedBy(wiring)} .value=${live(form.values[field.name])}
        @input=${(event: Event) => form.set(field.name, (event.target as HTMLInputElement).value)} @blur=${() => form.touch(field.name)} />`,
    });
  const select = (name: SelectName, choices: readonly SelectOption[]) =>
    renderField({
      id: ctx.id(`company-${name}`), label: ctx.t(`signup.company.${name}`), error: error(name), requiredText: ctx.t('common.requiredMark'),
      control: (wiring) => html`<select id=${wiring.id} name=${`company.${name}`} aria-invalid=${wiring.invalid ? 'true' : nothing}
        aria-describedby=${describedBy(wiring)} @change=${(event: Event) => form.set(name, (event.target as HTMLSelectElement).value)} @blur=${() => form.touch(name)}>
          <option value="" ?selected=${form.values[name] === ''}>${ctx.t('signup.company.choose')}</option>
          ${choices.map((choice) => html`<option value=${choice.value} ?selected=${form.values[name] === choice.value}>${choice.label[ctx.locale]}</option>`)}
        </select>`,
    });
  const yesNo = (name: YesNoName) => {
    const value = form.values[name];
    const code = form.errorFor(name);
    return renderChoiceGroup({
      id: ctx.id(`company-${name}`), legend: ctx.t(`signup.company.${name}`), name: `company.${name}`, required: ctx.policy.required.companyYesNo === true, inline: true,
      options: [{ value: 'yes', label: ctx.t('signup.company.yes') }, { value: 'no', label: ctx.t('signup.company.no') }],
      value: value === undefined ? undefined : value ? 'yes' : 'no',
      error: code ? ctx.messageFor(code) : undefined, requiredText: ctx.t('common.requiredMark'),
      onChange: (answer) => form.set(name, answer === 'yes'),
    });
  };
  const phone = (name: 'phone' | 'fax') => html`<mb-phone-input name=${`company.${name}`} .label=${ctx.t(`signup.company.${name}`)} ?required=${name === 'phone'}
    .kinds=${name === 'fax' ? faxPhoneKinds : undefined} autocomplete=${name === 'fax' ? 'section-company fax tel-national' : 'section-company work tel-national'}
    .error=${form.errorFor(name)} .value=${form.values[name]} .locale=${ctx.locale}
    @input=${(event: Event) => form.set(name, (event.currentTarget as HTMLElement & { value: string }).value)}
    @change=${(event: Event) => form.set(name, (event.currentTarget as HTMLElement & { value: string }).value)}
    @focusout=${() => form.touch(name)}></mb-phone-input>`;
  const setEmail = (event: Event) => form.set('email', (event.currentTarget as HTMLElement & { value: string }).value);
  const setAddress = (event: Event) => form.set('address', (event.currentTarget as HTMLElement & { value: CompanyValues['address'] }).value);
  return html`<div data-part="company-form">
    ${textFields.map(text)}
    ${select('companyType', options.companyType)}
    ${yesNo('innoBiz')} ${yesNo('venture')}
    ${select('classification', options.classification)}
    ${yesNo('foreignInvested')}
    ${select('mainProduct', options.mainProduct)}
    ${select('tradeKind', options.tradeKind)}
    ${phone('phone')} ${phone('fax')}
    <mb-email-input name="company.email" .label=${ctx.t('signup.company.email')} .error=${form.errorFor('email')} .value=${form.values.email}
      .policy=${ctx.policy} .locale=${ctx.locale} @input=${setEmail} @change=${setEmail} @focusout=${() => form.touch('email')}></mb-email-input>
    ${text({ name: 'homepage', maxLength: fieldMaxLengths.homepage, autocomplete: 'url', hint: 'signup.company.homepage.hint', inputmode: 'url' })}
    <mb-address-field name="company.address" autocomplete-section="company" required .label=${ctx.t('signup.company.address')}
      .value=${form.values.address ?? { postcode: '', base: '', detail: '' }}
      .errors=${{ postcode: form.errorFor('address.postcode'), base: form.errorFor('address.base'), detail: form.errorFor('address.detail') }}
      .error=${form.errorFor('address')} .addressSearch=${ctx.addressSearch} .locale=${ctx.locale}
      @input=${setAddress} @change=${setAddress} @focusout=${() => touchTree(form as unknown as FormPort<object>, 'address')}></mb-address-field>
  </div>`;
}
