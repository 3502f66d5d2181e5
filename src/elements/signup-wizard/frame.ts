import { html, nothing, type TemplateResult } from 'lit';
import type { SignupStep } from '../../flows/signup/steps.ts';
import type { SignupView } from '../../flows/signup/view.ts';
import type { StepContext } from './steps/step-context.ts';

export interface FrameProps {
  view: SignupView;
  /** The step's code is still loading. */
  busy: boolean;
  /** The step itself (or its loading state, or its load failure). */
  body: TemplateResult;
  onVerified: (event: Event) => void;
}

/** What surrounds every step: the step indicator, the announcer, the focusable heading, notice and alert. */
export function renderFrame(ctx: Pick<StepContext, 't' | 'say' | 'id' | 'locale'>, props: FrameProps): TemplateResult {
  const { view } = props;
  const headingId = ctx.id('heading');
  const indicated = (view.steps as readonly SignupStep[]).includes(view.step);
  return html`<section data-part="wizard" aria-labelledby=${headingId} aria-busy=${props.busy ? 'true' : nothing} @identity-verified=${props.onVerified}>
    ${indicated
      ? html`<mb-step-indicator .steps=${view.steps.map((id) => ({ id, label: ctx.t(`signup.step.${id}`) }))} .current=${view.step}
          .locale=${ctx.locale}></mb-step-indicator>`
      : nothing}
    <p data-part="visually-hidden" data-role="announcer" role="status">${view.announcement ? ctx.say(view.announcement) : ''}</p>
    <h2 id=${headingId} data-part="step-heading" tabindex="-1">${ctx.t(`signup.step.${view.step}`)}</h2>
    ${view.notice ? html`<p data-part="notice">${ctx.say(view.notice)}</p>` : nothing}
    ${view.alert ? html`<p data-part="alert" role="alert">${view.alert.map((words) => ctx.say(words)).join(' ')}</p>` : nothing}
    ${props.body}
  </section>`;
}
