import type { MemberType } from '../../api/schemas.ts';
import { FormModel } from '../form-model.ts';
import { say, type Words } from '../words.ts';
import { answeredType, narrowMemberTypes, offeredAnswers, standardMemberTypes, stepsFor, typeProblems } from './steps.ts';
import type { FocusTarget, SignupView, TypeValues } from './view.ts';

/** What the frame and the type step read of a view: a SignupView, or the first step's before the flow arrives. */
export type FirstView = Pick<
  SignupView,
  'started' | 'step' | 'steps' | 'policy' | 'offeredTypes' | 'offered' | 'type' | 'notice' | 'alert' | 'announcement' | 'focus' | 'keptForLater' | 'laterOffer'
>;

/** What takes the first step over: the signup flow (`SignupFlow.takeFirstStep`, its type form and 다음). */
export interface FirstStepTaker {
  takeFirstStep(first: { values: TypeValues; tried: boolean; pressedNext: boolean }): void;
  readonly typeForm: Pick<FormModel<TypeValues>, 'values' | 'set'>;
  next(): Promise<void>;
}

/**
 * The wizard's first step before the signup flow's code has arrived (it loads beside the first step,
 * src/flows/signup/signup-flow.ts): the member type answers, judged by the same rule, from the standard
 * member types (the site's once its settings are in) narrowed by `member-types`. The flow takes the answers over when it loads
 * (`SignupFlow.takeFirstStep`), and a 다음 pressed meanwhile goes on there.
 */
export class FirstStep {
  readonly form: FormModel<TypeValues>;
  /** 다음 was pressed (its errors show from then on). */
  tried = false;
  /** 다음 was pressed with valid answers: the flow goes on once it and the site's settings are in. */
  pressedNext = false;
  #memberTypes: () => string | undefined;
  #siteTypes: () => readonly MemberType[] | undefined;
  #onChange: () => void;
  #announcement: Words | undefined;
  #focus: { target: FocusTarget; seq: number } = { target: 'none', seq: 0 };
  /** The flow, once it took the answers over. */
  #flow: FirstStepTaker | undefined;

  /** `siteTypes`: the site's member types once its settings are in (before, the standard three). */
  constructor(options: { memberTypes: () => string | undefined; siteTypes: () => readonly MemberType[] | undefined; onChange: () => void }) {
    this.#memberTypes = options.memberTypes;
    this.#siteTypes = options.siteTypes;
    this.#onChange = options.onChange;
    this.form = new FormModel<TypeValues>({
      initial: { kind: '', nationality: '' },
      validate: (values) => typeProblems(this.offeredTypes, values),
      onChange: () => {
        this.#forward();
        options.onChange();
      },
    });
  }

  /**
   * The flow takes the answers over (and a 다음 already pressed). Until the element draws the flow's step,
   * which may wait for words still loading, the page still shows this step: an answer or a 다음 given
   * there meanwhile goes to the flow too, instead of being lost.
   */
  handOver(flow: FirstStepTaker): void {
    flow.takeFirstStep({ values: this.form.values, tried: this.tried, pressedNext: this.pressedNext });
    this.#flow = flow;
  }

  #forward(): void {
    const flow = this.#flow;
    if (!flow) return;
    for (const field of ['kind', 'nationality'] as const) {
      if (flow.typeForm.values[field] !== this.form.values[field]) flow.typeForm.set(field, this.form.values[field]);
    }
  }

  get offeredTypes(): MemberType[] {
    return narrowMemberTypes(this.#siteTypes() ?? standardMemberTypes, this.#memberTypes());
  }

  /** 다음: the answers are judged here; valid ones wait for the flow (said as "loading"). */
  next(): void {
    if (this.#flow) return void this.#flow.next();
    this.tried = true;
    if (!this.form.submit()) {
      this.#focus = { target: 'invalid', seq: this.#focus.seq + 1 };
    } else {
      this.pressedNext = true;
      this.#announcement = say('signup.loading');
    }
    this.#onChange();
  }

  get view(): FirstView {
    const offeredTypes = this.offeredTypes;
    const offered = offeredAnswers(offeredTypes);
    const steps = stepsFor(answeredType(offeredTypes, this.form.values).kind || undefined);
    return {
      started: false,
      step: 'type',
      steps,
      policy: undefined,
      offeredTypes,
      offered,
      type: this.form,
      notice: undefined,
      alert: undefined,
      announcement: this.#announcement,
      focus: this.#focus,
      keptForLater: false,
      laterOffer: undefined,
    };
  }
}
