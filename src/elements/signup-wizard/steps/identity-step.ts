import { html, nothing, type TemplateResult } from 'lit';
import type { SignupView } from '../../../flows/signup/view.ts';
import { IdentityVerify } from '../../identity-verify/identity-verify.ts';
import { renderActions, renderPending, submitTo, type SignupIntents, type StepContext } from './step-context.ts';

/** Registered when this step's code loads (identity-verify under its default tag). */
export const dependencies = { 'identity-verify': IdentityVerify };

export interface IdentityStepProps {
  /** The nationality answered on the type step: the mobile form starts there. */
  nationality: 'domestic' | 'foreign';
  /** Who was verified in this visit (the token is held in memory); undefined before. */
  verified: { name: string } | undefined;
  /** The server is asked whether the person already has an account. */
  checking: boolean;
  onVerifyAgain: () => void;
  onBack: () => void;
  onSubmit: (event: Event) => void;
}

/**
 * The embedded `<identity-verify>` (purpose signup); its `identity-verified` event bubbles to the wizard.
 * Its headings sit one level below the heading of the section embedding it.
 */
export function renderIdentityVerify(ctx: StepContext, nationality: 'domestic' | 'foreign', headingLevel: 3 | 4 = 3): TemplateResult {
  return html`<identity-verify purpose="signup" heading-level=${headingLevel} .nationality=${nationality} .methods=${ctx.verifyMethods} .mode=${ctx.verifyMode}
    .apiBase=${ctx.apiBase} .site=${ctx.site} .locale=${ctx.locale}></identity-verify>`;
}

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderIdentityStep(ctx, {
    verified: view.verified,
    checking: view.checkingAccount,
    nationality: view.foreignNational ? 'foreign' : 'domestic',
    onVerifyAgain: () => intents.verifyAgain(),
    onBack: () => intents.back(),
    onSubmit: submitTo(() => intents.next()),
  });
}

/** Step 3 (docs/domain.md): mobile or provider verification through `<identity-verify>`. */
export function renderIdentityStep(ctx: StepContext, props: IdentityStepProps): TemplateResult {
  if (props.verified) {
    return html`<form data-part="form identity-form" novalidate @submit=${props.onSubmit}>
      <p data-part="verified" role="status">${ctx.t('signup.identity.verified', { name: props.verified.name })}</p>
      ${props.checking ? renderPending(ctx.t('signup.alreadyMember.checking')) : nothing}
      <button type="button" data-part="button verify-again" @click=${props.onVerifyAgain}>${ctx.t('signup.identity.again')}</button>
      ${renderActions(ctx, { back: props.onBack })}
    </form>`;
  }
  return html`<p>${ctx.t('signup.identity.intro')}</p>
    ${renderIdentityVerify(ctx, props.nationality)}
    <div data-part="actions">
      <button type="button" data-part="button back" @click=${props.onBack}>${ctx.t('common.previous')}</button>
    </div>`;
}
