import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A field problem as rules and the API report it: dotted path + code. */
export interface FieldProblem {
  field: string;
  code: string;
}

export interface FormControllerOptions<Values> {
  initial: Values;
  /** Client-side rules (e.g. `fieldErrors(schema.safeParse(values))`); run on every change. */
  validate: (values: Values) => readonly FieldProblem[];
}

/**
 * The one field-validation path of every form: values, client rule codes, server field codes,
 * and when to show them (after the field's first blur, or after a submit). Rendering is in field.ts.
 */
export class FormController<Values extends object> implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #validate: (values: Values) => readonly FieldProblem[];
  #touched = new Set<string>();
  #server = new Map<string, string>();
  #submitted = false;
  values: Values;
  problems: readonly FieldProblem[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: FormControllerOptions<Values>) {
    this.#host = host;
    this.#validate = options.validate;
    this.values = options.initial;
    host.addController(this);
    this.problems = this.#validate(this.values);
  }

  hostConnected(): void {}

  /** Replaces values (e.g. a resumed draft) and re-validates. */
  reset(values: Values, { keepTouched = false } = {}): void {
    this.values = values;
    if (!keepTouched) {
      this.#touched.clear();
      this.#submitted = false;
    }
    this.#server.clear();
    this.revalidate();
  }

  /** Sets one top-level value; a server error on that field is cleared (the user changed it). */
  set<K extends keyof Values>(name: K, value: Values[K]): void {
    this.values = { ...this.values, [name]: value };
    for (const field of this.#server.keys()) if (field === name || field.startsWith(`${String(name)}.`)) this.#server.delete(field);
    this.revalidate();
  }

  /** Re-runs the client rules (when something they depend on changed, such as the policy). */
  revalidate(): void {
    this.problems = this.#validate(this.values);
    this.#host.requestUpdate();
  }

  /** The field lost focus: from now on its problems show. */
  touch(field: string): void {
    if (this.#touched.has(field)) return;
    this.#touched.add(field);
    this.#host.requestUpdate();
  }

  /** A field counts as touched when it or a group containing it (`address` for `address.postcode`) was left. */
  #isTouched(field: string): boolean {
    const parts = field.split('.');
    return parts.some((_, index) => this.#touched.has(parts.slice(0, index + 1).join('.')));
  }

  /** Problems from the API (`MembershipError.fields`), by path relative to this form. */
  setServerErrors(problems: readonly FieldProblem[]): void {
    this.#server.clear();
    for (const problem of problems) this.#server.set(problem.field, problem.code);
    this.#submitted = true;
    this.#host.requestUpdate();
  }

  /** The code to show for a field now (server first, then client rules once touched or submitted). */
  errorFor(field: string): string | undefined {
    const server = this.#server.get(field);
    if (server) return server;
    if (!this.#submitted && !this.#isTouched(field)) return undefined;
    return this.problems.find((problem) => problem.field === field)?.code;
  }

  /** Every problem to show now, in the rules' order. */
  get visibleProblems(): FieldProblem[] {
    const shown: FieldProblem[] = [...this.#server].map(([field, code]) => ({ field, code }));
    if (this.#submitted) for (const problem of this.problems) if (!this.#server.has(problem.field)) shown.push(problem);
    return shown;
  }

  get valid(): boolean {
    return this.problems.length === 0 && this.#server.size === 0;
  }

  /**
   * A submit attempt: shows every problem and, if there are any, moves focus to the first invalid
   * control after the next render. Returns whether the form may be sent.
   */
  async submit(): Promise<boolean> {
    this.#submitted = true;
    this.revalidate();
    if (this.valid) return true;
    await this.#host.updateComplete;
    const first = this.#host.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    return false;
  }
}
