import { html, nothing, type TemplateResult } from 'lit';
import type { SignupStep } from '../../flows/signup/steps.ts';
import type { FirstView } from '../../flows/signup/first-step.ts';
import type { StepContext } from './steps/step-context.ts';

export interface FrameProps {
  /** The flow's view, or the first step's while the flow's code loads. */
  view: FirstView;
  /** The step's code is still loading. */
  busy: boolean;
  /** The step itself (or its loading state, or its load failure). */
  body: TemplateResult;
  onVerified: (event: Event) => void;
  /** "Continue later" (이어서 작성하기); absent where the device cannot keep anything (storage blocked). */
  later?: LaterProps | undefined;
}

export interface LaterProps {
  hours: number;
  onKeep: (keep: boolean) => void;
  onContinue: () => void;
  onDiscard: () => void;
}

type FrameContext = Pick<StepContext, 't' | 'say' | 'id' | 'locale'>;

const when = (ctx: FrameContext, time: number) => new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);

/** The offer of a draft kept on an earlier visit: continue it, or delete it and start afresh. */
function renderOffer(ctx: FrameContext, view: FirstView, later: LaterProps): TemplateResult | typeof nothing {
  const offer = view.laterOffer;
  if (!offer || view.step !== 'type') return nothing;
  const titleId = ctx.id('later-offer');
  return html`<section data-part="later-offer" aria-labelledby=${titleId}>
    <h3 id=${titleId}>${ctx.t('signup.later.offerTitle')}</h3>
    <p>${ctx.t('signup.later.offerBody', { savedAt: when(ctx, offer.savedAt), expiresAt: when(ctx, offer.expiresAt) })}</p>
    <div data-part="actions">
      <button type="button" data-part="button button-primary later-continue" @click=${later.onContinue}>${ctx.t('signup.later.continue')}</button>
      <button type="button" data-part="button later-discard" @click=${later.onDiscard}>${ctx.t('signup.later.discard')}</button>
    </div>
  </section>`;
}

/** The user's opt-in to keep the draft on the device, under every step that has something to keep. */
function renderKeep(ctx: FrameContext, view: FirstView, later: LaterProps): TemplateResult | typeof nothing {
  if (!view.started || view.laterOffer || !(view.steps as readonly SignupStep[]).includes(view.step) || view.step === 'done') return nothing;
  const id = ctx.id('keep-later');
  return html`<div data-part="keep-later">
    <input type="checkbox" id=${id} aria-describedby=${`${id}-hint`} .checked=${view.keptForLater}
      @change=${(event: Event) => later.onKeep((event.target as HTMLInputElement).checked)} />
    <label for=${id}>${ctx.t('signup.later.keep')}</label>
    <p data-part="hint" id=${`${id}-hint`}>${ctx.t('signup.later.keepHint', { hours: later.hours })}</p>
  </div>`;
}

/** What surrounds every step: the step indicator, the announcer, the focusable heading, notice and alert, continue later. */
export function renderFrame(ctx: FrameContext, props: FrameProps): TemplateResult {
  const { view } = props;
  const headingId = ctx.id('heading');
  const indicated = (view.steps as readonly SignupStep[]).includes(view.step);
  return html`<section data-part="wizard" data-step=${view.step} aria-labelledby=${headingId} aria-busy=${props.busy ? 'true' : nothing} @identity-verified=${props.onVerified}>
    ${indicated
      ? html`<mb-step-indicator .steps=${view.steps.map((id) => ({ id, label: ctx.t(`signup.step.${id}`) }))} .current=${view.step}
          .locale=${ctx.locale}></mb-step-indicator>`
      : nothing}
    <p data-part="visually-hidden" data-role="announcer" role="status">${view.announcement ? ctx.say(view.announcement) : ''}</p>
    <h2 id=${headingId} data-part="step-heading" tabindex="-1">${ctx.t(`signup.step.${view.step}`)}</h2>
    ${view.notice ? html`<p data-part="notice">${ctx.say(view.notice)}</p>` : nothing}
    ${view.alert ? html`<p data-part="alert" role="alert">${view.alert.map((words) => ctx.say(words)).join(' ')}</p>` : nothing}
    ${props.later ? renderOffer(ctx, view, props.later) : nothing}
    ${props.body}
    ${props.later ? renderKeep(ctx, view, props.later) : nothing}
  </section>`;
}
