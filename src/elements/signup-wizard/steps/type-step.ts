import { html, nothing, type TemplateResult } from 'lit';
import type { FormPort } from '../../../flows/form-model.ts';
import type { MemberKind, MemberNationality } from '../../../flows/signup/steps.ts';
import type { SignupView, TypeValues } from '../../../flows/signup/view.ts';
import { renderActions, renderChoiceGroup, submitTo, type SignupIntents, type StepContext } from './step-context.ts';

export interface TypeStepProps {
  form: FormPort<TypeValues>;
  /** Answers the site offers; a question with one answer is not asked. */
  kinds: readonly MemberKind[];
  nationalities: readonly MemberNationality[];
  minAge: number;
  onSubmit: (event: Event) => void;
}

export function render(ctx: StepContext, view: SignupView, intents: SignupIntents): TemplateResult {
  return renderTypeStep(ctx, { form: view.type, kinds: view.offered.kinds, nationalities: view.offered.nationalities, minAge: ctx.policy.minAge, onSubmit: submitTo(() => intents.next()) });
}

/** Step 1 (docs/domain.md): 개인 / 기업, 내국인 / 외국인. */
export function renderTypeStep(ctx: StepContext, props: TypeStepProps): TemplateResult {
  const { form } = props;
  const error = (field: keyof TypeValues) => {
    const code = form.errorFor(field);
    return code ? ctx.messageFor(code) : undefined;
  };
  return html`<form data-part="form type-form" novalidate @submit=${props.onSubmit}>
    ${props.kinds.length > 1
      ? renderChoiceGroup({
          id: ctx.id('kind'),
          legend: ctx.t('signup.type.kind'),
          name: 'memberKind',
          options: props.kinds.map((kind) => ({ value: kind, label: ctx.t(`signup.type.kind.${kind}`), hint: ctx.t(`signup.type.kind.${kind}.hint`) })),
          value: form.values.kind || undefined,
          required: true,
          error: error('kind'),
          requiredText: ctx.t('common.requiredMark'),
          onChange: (kind) => form.set('kind', kind),
        })
      : nothing}
    ${props.nationalities.length > 1
      ? renderChoiceGroup({
          id: ctx.id('nationality'),
          legend: ctx.t('signup.type.nationality'),
          name: 'nationality',
          options: props.nationalities.map((nationality) => ({
            value: nationality,
            label: ctx.t(`signup.type.nationality.${nationality}`),
            ...(nationality === 'foreign' ? { hint: ctx.t('signup.type.nationality.foreign.hint') } : {}),
          })),
          value: form.values.nationality || undefined,
          required: true,
          error: error('nationality'),
          requiredText: ctx.t('common.requiredMark'),
          onChange: (nationality) => form.set('nationality', nationality),
        })
      : nothing}
    <p data-part="notice">${ctx.t('signup.type.age', { minAge: props.minAge })}</p>
    ${renderActions(ctx)}
  </form>`;
}
