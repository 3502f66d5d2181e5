import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Ids and ARIA wiring of one field: the control points at its hint and its error message. */
export interface FieldWiring {
  id: string;
  hintId: string;
  errorId: string;
  invalid: boolean;
  /** For `aria-describedby` on the control. */
  describedBy: string;
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

export function fieldWiring(id: string, hint: boolean, error: string | undefined): FieldWiring {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return {
    id,
    hintId,
    errorId,
    invalid: error !== undefined,
    describedBy: [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' '),
  };
}

/** The one way a labelled field renders: label, hint, control, error, wired for assistive tech. */
export function renderField(options: FieldOptions): TemplateResult {
  const wiring = fieldWiring(options.id, Boolean(options.hint), options.error);
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
