import { html, nothing, type TemplateResult } from 'lit';
import { stepHeading, type HeadingLevel } from '../shared/heading.ts';
import type { VerificationMethod } from '../../api/schemas.ts';
import { hasMessage, type MessageKey, type MessageParams } from '../../i18n/index.ts';

export interface MethodChoiceView {
  methods: readonly VerificationMethod[];
  /** The radio picked so far. */
  choice: string | undefined;
  /** "다음" was pressed with nothing picked. */
  missing: boolean;
  idPrefix: string;
  headingLevel: HeadingLevel;
  t: (key: MessageKey, params?: MessageParams) => string;
  label: (method: VerificationMethod) => string;
  pick: (methodId: string) => void;
  /** The form's submit: runs in the click, so a provider popup may open right there. */
  submit: (event: Event) => void;
}

/** The first step when the site offers several methods: radio cards (휴대폰 / 아이핀 …) and "다음". */
export function renderMethodChoice(view: MethodChoiceView): TemplateResult {
  const { t, idPrefix } = view;
  const headingId = `${idPrefix}-choice-heading`;
  const errorId = `${idPrefix}-choice-error`;
  return html`<form novalidate data-part="method-choice" aria-labelledby=${headingId} @submit=${view.submit}>
    ${stepHeading(view.headingLevel, headingId, t('identity.choice.title'))}
    <fieldset data-part="field" data-kind="methods">
      <legend data-part="label">${t('identity.choice.legend')}</legend>
      <div data-part="method-cards">
        ${view.methods.map((method) => {
          const descriptionKey = `identity.method.${method.id}.description`;
          const descriptionId = `${idPrefix}-method-${method.id}-description`;
          const nameId = `${idPrefix}-method-${method.id}-name`;
          // Methods this version has no words for (a new provider) show their name only.
          const description = hasMessage(descriptionKey) ? t(descriptionKey as MessageKey) : undefined;
          const describedBy = [description ? descriptionId : '', view.missing ? errorId : ''].filter(Boolean).join(' ');
          // Named by the method alone; the description is read as a description, not as part of the name.
          return html`<label data-part="method-card">
            <input type="radio" name="method" value=${method.id} .checked=${view.choice === method.id} aria-labelledby=${nameId}
              aria-invalid=${view.missing ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
              @change=${() => view.pick(method.id)} />
            <span data-part="method-name" id=${nameId}>${view.label(method)}</span>
            ${description ? html`<span data-part="method-description" id=${descriptionId}>${description}</span>` : nothing}
          </label>`;
        })}
      </div>
      <div data-part="error" id=${errorId}>${view.missing ? t('identity.choice.required') : ''}</div>
    </fieldset>
    <div data-part="actions">
      <button type="submit" data-part="button button-primary">${t('common.next')}</button>
    </div>
  </form>`;
}
