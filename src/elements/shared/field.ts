import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Directive, directive, PartType, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Ids and ARIA wiring of one field: the control points at its hint and its error message. */
export interface FieldWiring {
  id: string;
  hintId: string;
  errorId: string;
  invalid: boolean;
  /** For `aria-describedby` on the control. */
  describedBy: string;
  /** The field must be filled (the label's "*"); {@link wire} puts it on the control as `required`. */
  required: boolean;
}

export interface FieldOptions {
  /** Unique within the document (prefix with the element's idPrefix). */
  id: string;
  label: string;
  /** Format hint shown under the label (KRDS: in the label area, never only as placeholder). */
  hint?: string | undefined;
  required?: boolean | undefined;
  /** The message to show, already translated; undefined when the field is fine. */
  error?: string | undefined;
  /** Words for screen readers after the visible "*". */
  requiredText: string;
  /** Renders the control with the wiring applied. */
  control: (wiring: FieldWiring) => TemplateResult;
}

export function fieldWiring(id: string, hint: boolean, error: string | undefined, required = false): FieldWiring {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return {
    id,
    hintId,
    errorId,
    invalid: error !== undefined,
    describedBy: [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' '),
    required,
  };
}

/** The one way a labelled field renders: label, hint, control, error, wired for assistive tech. */
export function renderField(options: FieldOptions): TemplateResult {
  const wiring = fieldWiring(options.id, Boolean(options.hint), options.error, Boolean(options.required));
  return html`<div data-part="field">
    <label data-part="label" for=${options.id}>${options.label}${options.required ? requiredMark(options.requiredText) : nothing}</label>
    ${options.hint ? html`<div data-part="hint" id=${wiring.hintId}>${options.hint}</div>` : nothing}
    ${options.control(wiring)}
    <div data-part="error" id=${wiring.errorId}>${options.error ?? ''}</div>
  </div>`;
}

export function requiredMark(requiredText: string): TemplateResult {
  return html`<span data-part="required" aria-hidden="true">*</span><span data-part="visually-hidden">${requiredText}</span>`;
}

/** `aria-describedby` attribute value or nothing. */
export const describedBy = (wiring: FieldWiring) => ifDefined(wiring.describedBy || undefined);

/**
 * Puts a field's wiring on its control in one go (`<input ${wire(w)} …>`): id, `required`,
 * `aria-invalid` and `aria-describedby`, so no control can carry the label's "*" without saying so.
 */
class WireDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('wire() goes on an element: <input ${wire(w)}>');
  }

  render(_wiring: FieldWiring): void {}

  override update(part: ElementPart, [wiring]: [FieldWiring]): void {
    const control = part.element;
    control.id = wiring.id;
    control.toggleAttribute('required', wiring.required);
    control.setAttribute('aria-invalid', wiring.invalid ? 'true' : 'false');
    if (wiring.describedBy) control.setAttribute('aria-describedby', wiring.describedBy);
    else control.removeAttribute('aria-describedby');
  }
}

export const wire: (wiring: FieldWiring) => DirectiveResult<typeof WireDirective> = directive(WireDirective);
