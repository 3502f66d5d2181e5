import { html, nothing, type TemplateResult } from 'lit';
import type { FormController } from '../../shared/form-controller.ts';
import type { MemberKind, MemberNationality } from '../flow.ts';
import { renderActions, renderChoiceGroup, type StepContext } from './step-context.ts';

/** The type step's answers; blank until chosen (no default). */
export interface TypeValues {
  kind: MemberKind | '';
  nationality: MemberNationality | '';
}

export interface TypeStepProps {
  form: FormController<TypeValues>;
  /** Answers the site offers; a question with one answer is not asked. */
  kinds: readonly MemberKind[];
  nationalities: readonly MemberNationality[];
  minAge: number;
  onSubmit: (event: Event) => void;
}

/** Step 1 (DOMAIN.md §1.1): 개인 / 기업, 내국인 / 외국인. */
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
