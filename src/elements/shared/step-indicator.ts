import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { MessageArea } from '../../i18n/areas.ts';
import { MembershipElement } from './membership-element.ts';
import { stepIndicatorStyles } from './step-indicator.styles.ts';

/** One step of a multi-step flow. */
export interface StepIndicatorStep {
  id: string;
  label: string;
}

/**
 * @summary Where the user is in a multi-step flow (KRDS step indicator): an ordered list, the current
 * step marked `aria-current="step"`, finished steps announced as done. Not interactive.
 *
 * Styling hooks are `data-part` attributes (light DOM, no shadow parts):
 * @csspart steps - The `<ol>`.
 * @csspart step - Each `<li>`, with `data-state="done | current | upcoming"`.
 * @csspart step-number - The number in its marker (hidden from assistive tech).
 * @csspart step-label - The step's name.
 * @csspart visually-hidden - The "전체 5단계 중 2단계: …" text and the "완료" of finished steps.
 *
 * @cssproperty --mb-color-primary - Current and finished step markers.
 * @cssproperty --mb-color-on-primary - Number on the current step's marker.
 * @cssproperty --mb-color-text - Current step label.
 * @cssproperty --mb-color-text-subtle - Other step labels.
 * @cssproperty --mb-color-border-strong - Upcoming step markers.
 * @cssproperty --mb-color-surface - Marker background.
 * @cssproperty --mb-space-2 - Gaps.
 * @cssproperty --mb-space-6 - Space below the list.
 * @cssproperty --mb-font-size-small - Text size.
 */
export class StepIndicator extends MembershipElement {
  static override messages: readonly MessageArea[] = ['core'];
  static override properties: PropertyDeclarations = {
    steps: { attribute: false },
    current: {},
    label: {},
  };

  static override sheets = [stepIndicatorStyles];

  /** The flow's steps, in order. */
  declare steps: readonly StepIndicatorStep[];
  /** Id of the step the user is on. */
  declare current: string;
  /** Accessible name of the list; default "진행 단계". */
  declare label?: string;

  constructor() {
    super();
    this.steps = [];
    this.current = '';
  }

  protected override render(): TemplateResult {
    const currentIndex = this.steps.findIndex((step) => step.id === this.current);
    const currentStep = this.steps[currentIndex];
    return html`${currentStep
        ? html`<p data-part="visually-hidden">
            ${this.t('widgets.steps.position', { current: currentIndex + 1, total: this.steps.length, label: currentStep.label })}
          </p>`
        : nothing}
      <ol data-part="steps" aria-label=${this.label ?? this.t('widgets.steps.label')}>
        ${this.steps.map((step, index) => {
          const state = index === currentIndex ? 'current' : currentIndex >= 0 && index < currentIndex ? 'done' : 'upcoming';
          return html`<li data-part="step" data-state=${state} aria-current=${state === 'current' ? 'step' : nothing}>
            <span data-part="step-number" aria-hidden="true">${index + 1}</span>
            <span data-part="step-label">${step.label}</span>
            ${state === 'done' ? html`<span data-part="visually-hidden">${this.t('widgets.steps.done')}</span>` : nothing}
          </li>`;
        })}
      </ol>`;
  }
}
