import { html, nothing, type TemplateResult } from 'lit';
import type { MemberType, TermsDocument } from '../../../api/schemas.ts';
import type { ConsentChoices } from '../../shared/consent-list.ts';
import { countryName } from '../../shared/countries.ts';
import type { Words } from '../../../flows/words.ts';
import type { FlowStep } from '../../../flows/signup/steps.ts';
import type { CompanyPart, DetailsValues, OptionalDetailField } from '../../../flows/signup/values.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import { dependencies, renderIdentityVerify } from './identity-step.ts';
import { renderJobStatus } from '../../shared/job-status.ts';
import { renderActions, renderFailure, submitTo, type SignupIntents, type StepContext } from './step-context.ts';

// The second verification of sites that ask again at submit needs identity-verify.
export { dependencies };

export interface ReviewStepProps {
  memberType: MemberType;
  documents: readonly TermsDocument[];
  choices: ConsentChoices;
  person: { name: string; nationality: 'domestic' | 'foreign' } | undefined;
  details: DetailsValues;
  shown: ReadonlySet<OptionalDetailField>;
  company: CompanyPart | undefined;
  /** The site asks for a fresh verification at submit; `reverified` once it is done. */
  reverify: boolean;
  reverified: boolean;
  submitting: boolean;
  /** The submit has run for a few seconds: "still working" and a cancel. */
  submitSlow?: boolean;
  onCancel?: () => void;
  /** What keeps the user here: a failed submit to retry, or the missing second verification. */
  failure: { words: Words; retry: boolean } | undefined;
  onEdit: (step: FlowStep) => void;
  onRetry: () => void;
  onBack: () => void;
  onSubmit: (event: Event) => void;
}

type Row = readonly [label: string, value: string | undefined];

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderReviewStep(ctx, {
    memberType: view.memberType ?? 'individual',
    documents: view.documents,
    choices: view.consentChoices,
    person: view.person,
    details: view.details.values,
    shown: view.shownFields,
    company: view.memberType === 'corporate' ? view.company.part : undefined,
    reverify: view.reverify,
    reverified: view.reverified,
    submitting: view.submitting,
    submitSlow: view.submitSlow,
    onCancel: () => intents.cancelSubmit(),
    failure: view.submitFailure,
    onEdit: (step) => intents.edit(step),
    onRetry: () => void intents.retry(),
    onBack: () => intents.back(),
    onSubmit: submitTo(() => intents.submit()),
  });
}

/** Step 6: everything typed (never the password), an edit button per section, and the submit. */
export function renderReviewStep(ctx: StepContext, props: ReviewStepProps): TemplateResult {
  const { details, shown } = props;
  const address = (value: DetailsValues['address']) => (value && value.base ? `(${value.postcode}) ${value.base} ${value.detail}`.trim() : undefined);
  const detailRows: Row[] = [
    [ctx.t('signup.details.loginId'), details.loginId],
    ...(shown.has('nameEn') || props.memberType === 'foreign' ? [[ctx.t('signup.details.nameEn'), details.nameEn] as const] : []),
    [ctx.t('signup.details.email'), details.email],
    ...(['mobile', 'phone', 'fax', 'department', 'position'] as const)
      .filter((name) => shown.has(name) || details[name] !== '')
      .map((name) => [ctx.t(`signup.details.${name}`), details[name]] as const),
    ...(shown.has('address') || details.address ? [[ctx.t('signup.details.address'), address(details.address)] as const] : []),
    ...(details.interestItems.length > 0
      ? [[ctx.t('signup.details.interestItems'), details.interestItems.map((item) => [item.nameKo, item.nameEn].filter(Boolean).join(' / ')).join(', ')] as const]
      : []),
    ...(details.interestRegions.length > 0
      ? [[ctx.t('signup.details.interestRegions'), details.interestRegions.map((code) => countryName(ctx.locale, code)).join(', ')] as const]
      : []),
  ];
  // The summary and the identity-verify (a form of its own) stay outside the submit form: forms do not nest.
  return html`<p>${ctx.t('signup.review.intro')}</p>
    ${section(ctx, 'memberType', 'type', props, [[ctx.t('signup.review.memberType'), ctx.t(`signup.memberType.${props.memberType}`)]])}
    ${section(ctx, 'consents', 'consent', props, props.documents.map((document) => [
      document.title[ctx.locale],
      ctx.t(props.choices[document.documentId] === true ? 'signup.review.agreed' : 'signup.review.notAgreed'),
    ]))}
    ${section(ctx, 'person', 'identity', props, props.person
      ? [[ctx.t(props.person.nationality === 'foreign' ? 'signup.details.name' : 'signup.details.nameKo'), props.person.name]]
      : [])}
    ${section(ctx, 'details', 'details', props, detailRows)}
    ${props.company ? section(ctx, 'company', 'company', props, companyRows(ctx, props.company)) : nothing}
    ${props.reverify ? renderReverify(ctx, props.reverified, props.person?.nationality ?? 'domestic') : nothing}
    <form data-part="form review-form" novalidate @submit=${props.onSubmit}>
    ${props.failure ? renderFailure(ctx, ctx.say(props.failure.words), props.failure.retry ? props.onRetry : undefined) : nothing}
    ${props.submitting ? renderJobStatus({ name: 'submit', label: ctx.t('signup.review.submitting'), slow: props.submitSlow ?? false, t: ctx.t, onCancel: props.onCancel }) : nothing}
    ${renderActions(ctx, { back: props.onBack, nextLabel: ctx.t('signup.review.submit'), busy: props.submitting, nextDisabled: props.submitting })}
  </form>`;
}

function companyRows(ctx: StepContext, company: CompanyPart): Row[] {
  const lookup = company.lookup;
  if (lookup?.status === 'registered') {
    return [
      [ctx.t('signup.review.company'), ctx.t('signup.review.companyLink')],
      [ctx.t('signup.company.businessNumber'), lookup.company.businessNumber],
      [ctx.t('signup.company.nameKo'), lookup.company.nameKo],
    ];
  }
  const values = company.values;
  return [
    [ctx.t('signup.review.company'), ctx.t('signup.review.companyRegister')],
    [ctx.t('signup.company.businessNumber'), values.businessNumber],
    [ctx.t('signup.company.nameKo'), values.nameKo],
    [ctx.t('signup.company.ceoNameKo'), values.ceoNameKo],
    [ctx.t('signup.company.phone'), values.phone],
    [ctx.t('signup.company.address'), values.address?.base ? `(${values.address.postcode}) ${values.address.base} ${values.address.detail}`.trim() : undefined],
    ...(lookup?.status === 'unknown'
      ? [[ctx.t('signup.company.certificate'), company.certificate?.fileName ?? ctx.t('signup.review.certificateLater')] as const]
      : []),
  ];
}

function section(
  ctx: StepContext,
  name: 'memberType' | 'consents' | 'person' | 'details' | 'company',
  step: FlowStep,
  props: ReviewStepProps,
  rows: readonly Row[],
): TemplateResult {
  // Each heading says what it heads: the verified person is not "본인인증" like the step and the second verification.
  const title = ctx.t(`signup.review.${name}`);
  const headingId = ctx.id(`review-${name}`);
  return html`<section data-part="review-section" data-section=${name} aria-labelledby=${headingId}>
    <h3 id=${headingId}>${title}</h3>
    <dl>
      ${rows.map(([label, value]) => html`<div data-part="review-row"><dt>${label}</dt><dd>${value || ctx.t('signup.review.empty')}</dd></div>`)}
    </dl>
    <button type="button" data-part="button edit" data-step=${step} @click=${() => props.onEdit(step)}>${ctx.t('signup.review.edit', { section: title })}</button>
  </section>`;
}

function renderReverify(ctx: StepContext, reverified: boolean, nationality: 'domestic' | 'foreign'): TemplateResult {
  return html`<section data-part="review-reverify" aria-labelledby=${ctx.id('review-reverify')}>
    <h3 id=${ctx.id('review-reverify')}>${ctx.t('signup.review.reverifyHeading')}</h3>
    ${reverified
      ? html`<p data-part="verified" role="status">${ctx.t('signup.review.reverified')}</p>`
      : html`<p>${ctx.t('signup.review.reverify')}</p>${renderIdentityVerify(ctx, nationality, 4)}`}
  </section>`;
}
