import { html, nothing, type TemplateResult } from 'lit';
import type { SignupResult, SiteConfig } from '../../../api/index.ts';
import type { SignupView } from '../../../flows/signup/view.ts';
import { certificateSendText, renderHelpContacts } from './contacts.ts';
import type { SignupIntents, StepContext } from './step-context.ts';

/** The last screens: welcome, or one of the two refusals. */
export function render(ctx: StepContext, view: SignupView, _intents: SignupIntents): TemplateResult {
  if (view.step === 'under-age') return renderUnderAge(ctx, ctx.policy.minAge);
  if (view.step === 'already-member') return renderAlreadyMember(ctx);
  return renderDoneStep(ctx, { result: view.result!, siteConfig: view.siteConfig! });
}

export interface DoneStepProps {
  result: SignupResult;
  siteConfig: SiteConfig;
}

/** Step 7: what happened (ID, member type, company role), what comes next, and the way on, chosen by the user. */
export function renderDoneStep(ctx: StepContext, props: DoneStepProps): TemplateResult {
  const { member, certificatePending } = props.result;
  const company = member.company?.nameKo ?? '';
  const role = member.companyRole === 'master' || member.companyRole === 'associate' ? member.companyRole : undefined;
  const send = certificatePending ? certificateSendText(ctx, props.siteConfig) : undefined;
  const url = ctx.completionUrl;
  const onContinue = (event: MouseEvent) => {
    // A plain click goes through the wizard's one navigation path; new-tab clicks stay the browser's.
    if (!url || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    ctx.navigate(url);
  };
  return html`<p data-part="welcome">${ctx.t('signup.done.welcome', { name: member.name, loginId: member.loginId })}</p>
    <h3 data-part="done-heading">${ctx.t('signup.done.summary')}</h3>
    <dl data-part="done-summary">
      <div data-part="review-row" data-name="loginId"><dt>${ctx.t('signup.done.loginId')}</dt><dd>${member.loginId}</dd></div>
      <div data-part="review-row" data-name="memberType"><dt>${ctx.t('signup.done.memberType')}</dt><dd>${ctx.t(`signup.memberType.${member.memberType}`)}</dd></div>
      ${role
        ? html`<div data-part="review-row" data-name="companyRole"><dt>${ctx.t('signup.done.role')}</dt>
            <dd data-part="company-role" data-role=${role}>${company ? `${company} · ` : ''}${ctx.t(`signup.done.role.${role}`)}</dd></div>`
        : nothing}
    </dl>
    <h3 data-part="done-heading">${ctx.t('signup.done.next')}</h3>
    <ul data-part="done-next">
      ${role ? html`<li data-part="role-next" data-role=${role}>${ctx.t(`signup.done.next.${role}`)}</li>` : nothing}
      ${send ? html`<li data-part="notice certificate-pending">${send}</li>` : nothing}
      <li>${ctx.t('signup.done.next.login', { loginId: member.loginId })}</li>
    </ul>
    ${renderHelpContacts(ctx, props.siteConfig.contacts)}
    ${url
      ? html`<div data-part="actions">
          ${ctx.completionDelay !== undefined ? html`<p data-part="hint" role="status">${ctx.t('signup.done.autoContinue', { seconds: ctx.completionDelay })}</p>` : nothing}
          <a data-part="button button-primary continue" href=${url} @click=${onContinue}>${ctx.t('signup.done.continue')}</a>
        </div>`
      : nothing}`;
}

/** Refusal: under the site's minimum age (docs/domain.md: KOTRA refuses under-14 signups). */
export function renderUnderAge(ctx: StepContext, minAge: number): TemplateResult {
  return html`<p data-part="refusal">${ctx.t('signup.underAge.body', { minAge })}</p>`;
}

/** Refusal: the verified person already has an account (one per person, docs/domain.md): where to go instead. */
export function renderAlreadyMember(ctx: StepContext): TemplateResult {
  const links = [
    ctx.loginUrl ? html`<a data-part="button button-primary login" href=${ctx.loginUrl}>${ctx.t('signup.alreadyMember.login')}</a>` : nothing,
    ctx.findAccountUrl ? html`<a data-part="button find-account" data-mode="id" href=${findAccountLink(ctx.findAccountUrl, 'id')}>${ctx.t('signup.alreadyMember.findId')}</a>` : nothing,
    ctx.findAccountUrl ? html`<a data-part="button find-account" data-mode="password" href=${findAccountLink(ctx.findAccountUrl, 'password')}>${ctx.t('signup.alreadyMember.resetPassword')}</a>` : nothing,
  ];
  return html`<p data-part="refusal">${ctx.t('signup.alreadyMember.body')}</p>
    ${ctx.loginUrl || ctx.findAccountUrl ? html`<div data-part="actions">${links}</div>` : nothing}`;
}

/** The find-account page with the tab to open (`find-account`'s `mode`): `?mode=id` or `?mode=password`. */
function findAccountLink(url: string, mode: 'id' | 'password'): string {
  const [base, hash] = url.split('#', 2);
  return `${base}${base!.includes('?') ? '&' : '?'}mode=${mode}${hash === undefined ? '' : `#${hash}`}`;
}
