import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldMaxLengths } from '../../../rules/limits.ts';
import { faxPhoneKinds } from '../../../rules/phone.ts';
import { describedBy, renderField } from '../../shared/field.ts';
import { renderJobStatus } from '../../shared/job-status.ts';
import type { FormPort, FormView } from '../../../flows/form-model.ts';
import type { LoginIdCheckState } from '../../../flows/signup/login-id-check.ts';
import type { DetailsValues, OptionalDetailField } from '../../../flows/signup/values.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import { MbAddressField } from '../../shared/address-search/address-field.ts';
import { DeferredFields } from '../../shared/deferred-fields.ts';
import { defineElement } from '../../shared/define-element.ts';
import { EmailInput } from '../../shared/email-input.ts';
import { PasswordField } from '../../shared/password-field.ts';
import { PhoneInput } from '../../shared/phone-input.ts';
import { renderErrorSummary } from './error-summary.ts';
import { renderActions, submitTo, type SignupIntents, type StepContext, type StepPartsView } from './step-context.ts';

/** Registered when this step's code loads. */
export const dependencies = {
  'mb-password-field': PasswordField,
  'mb-phone-input': PhoneInput,
  'mb-email-input': EmailInput,
  'mb-address-field': MbAddressField,
  'mb-deferred-fields': DeferredFields,
};

/**
 * @internal The interest lists' code: a chunk of its own, as only some sites ask for interests (and
 * they come last in the form): prefetched with the step's code where the site shows them, loaded when
 * the step shows them otherwise. Tests replace `load` to simulate a failed load (and reset `ready`).
 */
export const interestLists = {
  load: (): Promise<void> =>
    import('../../shared/interest-rows.ts').then(({ MbInterestItems, MbInterestRegions }) => {
      defineElement('mb-interest-items', MbInterestItems);
      defineElement('mb-interest-regions', MbInterestRegions);
    }),
  /** Their code is in (prefetched with the step's, or loaded when shown): the step draws them at once. */
  ready: false,
};
const loadInterestLists = () =>
  interestLists.load().then(() => {
    interestLists.ready = true;
  });
const interestListsReady = () => interestLists.ready;

/** With the step's own prefetch: the interest lists' code, where the site shows them (a failure shows with the step). */
export function prefetchParts(view: StepPartsView): void {
  if (view.shownFields?.has('interests') && !interestListsReady()) void loadInterestLists().catch(() => undefined);
}

export interface DetailsStepProps {
  form: FormPort<DetailsValues>;
  shown: ReadonlySet<OptionalDetailField>;
  /** Which shown fields are mandatory (policy, and the English name for foreigners). */
  required: Readonly<Record<'nameEn' | 'phone' | 'mobile' | 'address', boolean>>;
  /** From the verification; undefined after a reload until the user verifies again. */
  nameKo: string | undefined;
  /** A foreign national: the verified name is labelled "이름", not "이름(한글)". */
  foreignNational: boolean;
  loginIdCheck: LoginIdCheckState;
  loginIdErrorText: (state: LoginIdCheckState & { status: 'error' }) => string;
  /** Ask for the password again (the draft never keeps it). */
  passwordAgain: boolean;
  /** After a failed submit: the problems listed at the top of the form. */
  summary?: readonly { field: string; code: string }[] | undefined;
  onLoginIdInput: (value: string) => void;
  onLoginIdCheck: () => void;
  /** Stops waiting for a slow availability answer. */
  onLoginIdCancel?: () => void;
  onBack: () => void;
  onSubmit: (event: Event) => void;
}

type Value<K extends keyof DetailsValues> = (element: HTMLElement & { value: unknown }) => DetailsValues[K];

/** Marks a field and every nested path with a problem (`address.postcode`, `interestItems.0.nameKo`) as touched. */
export function touchTree(form: FormView<object> & { touch(field: string): void }, name: string): void {
  form.touch(name);
  for (const problem of form.problems) if (problem.field.startsWith(`${name}.`)) form.touch(problem.field);
}

/** Wires an inner element or input to one form value: set on input/change, shown errors after it loses focus. */
function bind<K extends keyof DetailsValues>(form: FormPort<DetailsValues>, name: K, read: Value<K> = (element) => element.value as DetailsValues[K]) {
  const update = (event: Event) => form.set(name, read(event.currentTarget as HTMLElement & { value: unknown }));
  return { update, touch: () => touchTree(form as unknown as FormPort<object>, name) };
}

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderDetailsStep(ctx, {
    form: view.details,
    shown: view.shownFields,
    required: view.required,
    nameKo: view.person?.name,
    foreignNational: view.foreignNational,
    loginIdCheck: view.loginIdCheck,
    loginIdErrorText: (state) => ctx.say(state.failure.words),
    passwordAgain: view.passwordAgain,
    summary: view.detailsSummary,
    onLoginIdInput: (value) => intents.update('loginId', value),
    onLoginIdCheck: () => void intents.checkLoginId(),
    onLoginIdCancel: () => intents.cancelLoginIdCheck(),
    onBack: () => intents.back(),
    onSubmit: submitTo(() => intents.next()),
  });
}

/** Step 4 (docs/domain.md): the member details. */
export function renderDetailsStep(ctx: StepContext, props: DetailsStepProps): TemplateResult {
  const { form, shown, required } = props;
  const error = (field: string) => {
    const code = form.errorFor(field);
    return code ? ctx.messageFor(code, field) : undefined;
  };
  const text = (name: 'nameEn' | 'department' | 'position', label: string, options: { required?: boolean; hint?: string; autocomplete: string; maxLength: number }) => {
    const field = bind(form, name);
    return renderField({
      id: ctx.id(name), label, hint: options.hint, required: options.required, error: error(name), requiredText: ctx.t('common.requiredMark'),
      control: (wiring) => html`<input id=${wiring.id} name=${name} autocomplete=${options.autocomplete} maxlength=${options.maxLength}
        aria-required=${options.required ? 'true' : nothing} aria-invalid=${wiring.invalid ? 'true' : nothing} aria-describedby=${describedBy(wiring)}
        .value=${live(form.values[name])} @input=${field.update} @blur=${field.touch} />`,
    });
  };
  const phone = (name: 'mobile' | 'phone' | 'fax', label: string, options: { required: boolean; hint?: string; autocomplete: string }) => {
    const field = bind(form, name);
    return html`<mb-phone-input name=${name} .label=${label} .hint=${options.hint} ?required=${options.required} .error=${form.errorFor(name)}
      .kinds=${name === 'mobile' ? ['mobile'] : name === 'fax' ? faxPhoneKinds : undefined} autocomplete=${options.autocomplete}
      .value=${form.values[name]} .locale=${ctx.locale} @input=${field.update} @change=${field.update} @focusout=${field.touch}></mb-phone-input>`;
  };
  const email = bind(form, 'email');
  const address = bind(form, 'address');
  return html`<form data-part="form details-form" novalidate @submit=${props.onSubmit}>
    ${renderErrorSummary(ctx, props.summary)}
    ${renderLoginId(ctx, props, error('loginId'))}
    ${props.passwordAgain ? html`<p data-part="notice">${ctx.t('signup.details.password.again')}</p>` : nothing}
    ${renderPassword(ctx, props)}
    ${renderField({
      id: ctx.id('nameKo'), label: ctx.t(props.foreignNational ? 'signup.details.name' : 'signup.details.nameKo'),
      hint: ctx.t(props.nameKo ? 'signup.details.nameKo.hint' : 'signup.details.nameKo.pending'), requiredText: ctx.t('common.requiredMark'),
      control: (wiring) => html`<input id=${wiring.id} name="nameKo" readonly autocomplete="name" aria-describedby=${describedBy(wiring)} .value=${props.nameKo ?? ''} />`,
    })}
    ${shown.has('nameEn') || required.nameEn
      ? text('nameEn', ctx.t('signup.details.nameEn'), { required: required.nameEn, hint: ctx.t('signup.details.nameEn.hint'), autocomplete: 'off', maxLength: fieldMaxLengths.nameEn })
      : nothing}
    <mb-email-input name="email" required .error=${form.errorFor('email')} .value=${form.values.email} .policy=${ctx.policy} .locale=${ctx.locale}
      @input=${email.update} @change=${email.update} @focusout=${email.touch}></mb-email-input>
    ${shown.has('mobile') || required.mobile
      ? phone('mobile', ctx.t('signup.details.mobile'), { required: required.mobile, hint: ctx.t(required.mobile ? 'signup.details.mobile.recoveryHint' : 'signup.details.mobile.hint'), autocomplete: 'tel-national' })
      : nothing}
    ${shown.has('phone') || required.phone ? phone('phone', ctx.t('signup.details.phone'), { required: required.phone, autocomplete: 'work tel-national' }) : nothing}
    ${shown.has('fax') ? phone('fax', ctx.t('signup.details.fax'), { required: false, autocomplete: 'fax tel-national' }) : nothing}
    ${shown.has('department') ? text('department', ctx.t('signup.details.department'), { autocomplete: 'off', maxLength: fieldMaxLengths.department }) : nothing}
    ${shown.has('position') ? text('position', ctx.t('signup.details.position'), { autocomplete: 'organization-title', maxLength: fieldMaxLengths.position }) : nothing}
    ${shown.has('address') || required.address
      ? html`<mb-address-field name="address" ?required=${required.address} .value=${form.values.address ?? { postcode: '', base: '', detail: '' }}
          .errors=${{ postcode: form.errorFor('address.postcode'), base: form.errorFor('address.base'), detail: form.errorFor('address.detail') }}
          .error=${form.errorFor('address')} .addressSearch=${ctx.addressSearch} .locale=${ctx.locale}
          @input=${address.update} @change=${address.update} @focusout=${address.touch}></mb-address-field>`
      : nothing}
    ${shown.has('interests') ? renderInterests(ctx, form) : nothing}
    ${renderActions(ctx, { back: props.onBack })}
  </form>`;
}

/** Codes of `prefix.<rest>` paths keyed by `<rest>` (the interest lists' `errors`). */
function errorsUnder(form: FormView<DetailsValues>, prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of [...form.problems, ...form.visibleProblems]) {
    if (!problem.field.startsWith(`${prefix}.`)) continue;
    const code = form.errorFor(problem.field);
    if (code) errors[problem.field.slice(prefix.length + 1)] = code;
  }
  return errors;
}

function renderInterests(ctx: StepContext, form: FormPort<DetailsValues>): TemplateResult {
  const items = bind(form, 'interestItems');
  const regions = bind(form, 'interestRegions');
  const lists = () => html`<mb-interest-items .value=${form.values.interestItems.map((item) => ({ productCode: '', ...item }))}
      .errors=${errorsUnder(form, 'interestItems')} .error=${form.errorFor('interestItems')} .policy=${ctx.policy} .locale=${ctx.locale}
      @input=${items.update} @change=${items.update} @focusout=${items.touch}></mb-interest-items>
    <mb-interest-regions .value=${form.values.interestRegions} .errors=${errorsUnder(form, 'interestRegions')}
      .error=${form.errorFor('interestRegions')} .policy=${ctx.policy} .locale=${ctx.locale}
      @input=${regions.update} @change=${regions.update} @focusout=${regions.touch}></mb-interest-regions>`;
  return html`<mb-deferred-fields .load=${loadInterestLists} .ready=${interestListsReady} .content=${lists} .locale=${ctx.locale}></mb-deferred-fields>`;
}

function renderLoginId(ctx: StepContext, props: DetailsStepProps, message: string | undefined): TemplateResult {
  const { form, loginIdCheck: check } = props;
  const policy = ctx.policy.loginId;
  const statusId = ctx.id('loginId-status');
  const status =
    check.status === 'checking' ? ctx.t('signup.details.loginId.checking')
    : check.status === 'available' ? ctx.t('signup.details.loginId.available')
    : check.status === 'taken' && !message ? ctx.messageFor('LOGIN_ID_TAKEN')
    : check.status === 'error' ? props.loginIdErrorText(check)
    : '';
  return renderField({
    id: ctx.id('loginId'),
    label: ctx.t('signup.details.loginId'),
    hint: ctx.t(policy.mustStartWithLetter ? 'signup.details.loginId.hint' : 'signup.details.loginId.hintAny', { min: policy.minLength, max: policy.maxLength }),
    required: true,
    error: message,
    requiredText: ctx.t('common.requiredMark'),
    control: (wiring) => html`<div data-part="login-id-control">
        <input id=${wiring.id} name="loginId" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="40" aria-required="true"
          aria-invalid=${wiring.invalid ? 'true' : nothing} aria-describedby=${[wiring.describedBy, statusId].filter(Boolean).join(' ')}
          .value=${live(form.values.loginId)} @input=${(event: Event) => props.onLoginIdInput((event.target as HTMLInputElement).value)}
          @blur=${() => form.touch('loginId')} />
        <button type="button" data-part="button login-id-check" @click=${props.onLoginIdCheck}>${ctx.t('signup.details.loginId.check')}</button>
      </div>
      <p data-part="login-id-status" id=${statusId} role="status" data-state=${check.status}>${status}</p>
      ${check.status === 'checking' && check.slow
        ? renderJobStatus({ name: 'login-id', label: '', slow: true, t: ctx.t, onCancel: props.onLoginIdCancel, focusAfterCancel: '[data-part~="login-id-check"]' })
        : nothing}`,
  });
}

function renderPassword(ctx: StepContext, props: DetailsStepProps): TemplateResult {
  const { form } = props;
  const onInput = (event: Event) => {
    const field = event.currentTarget as HTMLElement & { value: string; confirmationValue: string };
    if (field.value !== form.values.password) form.set('password', field.value);
    if (field.confirmationValue !== form.values.passwordConfirmation) form.set('passwordConfirmation', field.confirmationValue);
  };
  const onFocusOut = (event: FocusEvent) => {
    const target = event.target as HTMLInputElement;
    form.touch(target.name.endsWith('-confirmation') ? 'passwordConfirmation' : 'password');
  };
  return html`<mb-password-field name="password" required confirmation .value=${form.values.password}
    .confirmationValue=${form.values.passwordConfirmation} .loginId=${form.values.loginId} .error=${form.errorFor('password')}
    .confirmationError=${form.errorFor('passwordConfirmation')} .policy=${ctx.policy} .locale=${ctx.locale}
    @input=${onInput} @focusout=${onFocusOut}></mb-password-field>`;
}
