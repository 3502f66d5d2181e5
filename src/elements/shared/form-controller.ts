import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FormModel, type FieldProblem } from '../../flows/form-model.ts';

export type { FieldProblem } from '../../flows/form-model.ts';

export interface FormControllerOptions<Values> {
  initial: Values;
  /** Client-side rules (e.g. `fieldErrors(schema.safeParse(values))`); run on every change. */
  validate: (values: Values) => readonly FieldProblem[];
}

/**
 * The one field-validation path of every form (`FormModel`: values, client rule codes, server field
 * codes, when to show them), bound to a Lit host: a change re-renders it, and a failed submit moves
 * focus to the first invalid control. Rendering is in field.ts.
 */
export class FormController<Values extends object> extends FormModel<Values> implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FormControllerOptions<Values>) {
    super({ ...options, onChange: () => host.requestUpdate() });
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * A submit attempt: shows every problem and, if there are any, moves focus to the first invalid
   * control after the next render. Returns whether the form may be sent.
   */
  async submitAndFocus(): Promise<boolean> {
    if (this.submit()) return true;
    await this.#host.updateComplete;
    this.#host.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return false;
  }
}
