import { html, nothing, type TemplateResult } from 'lit';
import type { SignupResult, SiteConfig } from '../../../api/index.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import type { SignupIntents, StepContext } from './step-context.ts';

/** The last screens: welcome, or one of the two refusals. */
export function render(ctx: StepContext, view: SignupView, _intents: SignupIntents): TemplateResult {
  if (view.step === 'under-age') return renderUnderAge(ctx, ctx.policy.minAge);
  if (view.step === 'already-member') return renderAlreadyMember(ctx, ctx.findAccountUrl);
  return renderDoneStep(ctx, { result: view.result!, certificate: view.siteConfig!.certificate, completionUrl: ctx.completionUrl });
}

export interface DoneStepProps {
  result: SignupResult;
  certificate: SiteConfig['certificate'];
  completionUrl: string | undefined;
}

/** Step 7: welcome, the company role, and what is left to do (certificate by fax/email). */
export function renderDoneStep(ctx: StepContext, props: DoneStepProps): TemplateResult {
  const { member, certificatePending } = props.result;
  const company = member.company?.nameKo ?? '';
  return html`<p data-part="welcome">${ctx.t('signup.done.welcome', { name: member.name, loginId: member.loginId })}</p>
    ${member.companyRole === 'master' ? html`<p data-part="company-role" data-role="master">${ctx.t('signup.done.master', { company })}</p>` : nothing}
    ${member.companyRole === 'associate' ? html`<p data-part="company-role" data-role="associate">${ctx.t('signup.done.associate', { company })}</p>` : nothing}
    ${certificatePending
      ? html`<p data-part="notice certificate-pending">${ctx.t('signup.done.certificatePending', { fax: props.certificate.fax ?? '-', email: props.certificate.email ?? '-' })}</p>`
      : nothing}
    ${props.completionUrl
      ? html`<div data-part="actions"><a data-part="button button-primary continue" href=${props.completionUrl}>${ctx.t('signup.done.continue')}</a></div>`
      : nothing}`;
}

/** Refusal: under the site's minimum age (docs/domain.md: KOTRA refuses under-14 signups). */
export function renderUnderAge(ctx: StepContext, minAge: number): TemplateResult {
  return html`<p data-part="refusal">${ctx.t('signup.underAge.body', { minAge })}</p>`;
}

/** Refusal: the verified person already has an account (one per person, docs/domain.md). */
export function renderAlreadyMember(ctx: StepContext, findAccountUrl: string | undefined): TemplateResult {
  return html`<p data-part="refusal">${ctx.t('signup.alreadyMember.body')}</p>
    ${findAccountUrl
      ? html`<div data-part="actions"><a data-part="button button-primary find-account" href=${findAccountUrl}>${ctx.t('signup.alreadyMember.findAccount')}</a></div>`
      : nothing}`;
}
