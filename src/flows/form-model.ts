/** A field problem as rules and the API report it: dotted path + code. */
export interface FieldProblem {
  field: string;
  code: string;
}

/** What a screen reads of a form. */
export interface FormView<Values extends object> {
  readonly values: Values;
  readonly problems: readonly FieldProblem[];
  readonly visibleProblems: FieldProblem[];
  readonly valid: boolean;
  errorFor(field: string): string | undefined;
}

/** What a screen may do to a form: change a value, mark a field as left. */
export interface FormIntents<Values extends object> {
  set<K extends keyof Values>(name: K, value: Values[K]): void;
  touch(field: string): void;
}

export type FormPort<Values extends object> = FormView<Values> & FormIntents<Values>;

/**
 * The host-less form of a flow: values, client rule codes, server field codes and when to show them
 * (after the field's first blur or a submit). Change notices go to `onChange`; `FormController` binds it
 * to a Lit host (re-render, focus on a failed submit).
 */
export class FormModel<Values extends object> implements FormPort<Values> {
  #validate: (values: Values) => readonly FieldProblem[];
  #onChange: () => void;
  #touched = new Set<string>();
  #server = new Map<string, string>();
  #submitted = false;
  values: Values;
  problems: readonly FieldProblem[] = [];

  constructor(options: { initial: Values; validate: (values: Values) => readonly FieldProblem[]; onChange: () => void }) {
    this.#validate = options.validate;
    this.#onChange = options.onChange;
    this.values = options.initial;
    this.problems = this.#validate(this.values);
  }

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
    this.#onChange();
  }

  touch(field: string): void {
    if (this.#touched.has(field)) return;
    this.#touched.add(field);
    this.#onChange();
  }

  #isTouched(field: string): boolean {
    const parts = field.split('.');
    return parts.some((_, index) => this.#touched.has(parts.slice(0, index + 1).join('.')));
  }

  /** Problems from the API (`MembershipError.fields`), by path relative to this form. */
  setServerErrors(problems: readonly FieldProblem[]): void {
    this.#server.clear();
    for (const problem of problems) this.#server.set(problem.field, problem.code);
    this.#submitted = true;
    this.#onChange();
  }

  errorFor(field: string): string | undefined {
    const server = this.#server.get(field);
    if (server) return server;
    if (!this.#submitted && !this.#isTouched(field)) return undefined;
    return this.problems.find((problem) => problem.field === field)?.code;
  }

  get visibleProblems(): FieldProblem[] {
    const shown: FieldProblem[] = [...this.#server].map(([field, code]) => ({ field, code }));
    if (this.#submitted) for (const problem of this.problems) if (!this.#server.has(problem.field)) shown.push(problem);
    return shown;
  }

  get valid(): boolean {
    return this.problems.length === 0 && this.#server.size === 0;
  }

  /** A submit attempt: every problem shows from now on. Returns whether the form may be sent. */
  submit(): boolean {
    this.#submitted = true;
    this.revalidate();
    return this.valid;
  }
}
