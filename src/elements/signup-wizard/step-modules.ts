import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeFailure, type Failure } from '../../flows/failure.ts';
import type { SignupStep } from '../../flows/signup/steps.ts';
import { stepMessages, type MessageArea } from '../../i18n/areas.ts';
import type { Locale } from '../../i18n/locale.ts';
import { loadLocale } from '../../i18n/registry.ts';
import { defineElement } from '../shared/define-element.ts';
import type { StepModule } from './steps/step-context.ts';
import * as typeStep from './steps/type-step.ts';

/**
 * Where the later steps' code comes from: dynamic imports, so a page pays for the first step only.
 * An object so tests can make a load fail (a page cannot make the bundler's import fail).
 */
type LaterStep = Exclude<SignupStep, 'type'>;

export const stepLoaders: Record<LaterStep, () => Promise<StepModule>> = {
  consent: () => import('./steps/consent-step.ts'),
  identity: () => import('./steps/identity-step.ts'),
  details: () => import('./steps/details-step.ts'),
  company: () => import('./steps/company-step.ts'),
  review: () => import('./steps/review-step.ts'),
  done: () => import('./steps/done-step.ts'),
  'under-age': () => import('./steps/done-step.ts'),
  'already-member': () => import('./steps/done-step.ts'),
};

/** The message areas a step's own templates add (i18n/areas.ts): they load with its code. */
const messagesOf = (step: LaterStep): readonly MessageArea[] =>
  stepMessages[step === 'under-age' || step === 'already-member' ? 'done' : step];

type Entry = { status: 'pending'; promise: Promise<void> } | { status: 'complete'; module: StepModule } | { status: 'error'; failure: Failure };

const idle = (callback: () => void): void => {
  // Safari has no requestIdleCallback: a short timeout still lets the first render finish first.
  if ('requestIdleCallback' in globalThis) requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 200);
};

/**
 * The step modules of one wizard: the first is in the element's own code; the others load on
 * demand, are prefetched when the browser is idle, and a failed load can be retried (the flow, and
 * so the draft, is untouched by it).
 */
export class StepModules implements ReactiveController {
  #host: ReactiveControllerHost;
  #locale: () => Locale;
  #entries = new Map<SignupStep, Entry>([
    ['type', { status: 'complete', module: typeStep }],
  ]);
  /** Steps that were shown: their failed load is shown too (a failed prefetch is just tried again later). */
  #wanted = new Set<SignupStep>();
  #prefetched = false;
  #shown: SignupStep | undefined;

  constructor(host: ReactiveControllerHost, locale: () => Locale) {
    this.#host = host;
    this.#locale = locale;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The module of a step, or its loading state (a load starts if none did). */
  get(step: SignupStep): Entry {
    this.#wanted.add(step);
    const entry = this.#entries.get(step);
    if (entry) return entry;
    this.#load(step);
    return this.#entries.get(step)!;
  }

  /** Loads these steps' code when the browser is idle, without re-rendering for it. */
  prefetch(steps: readonly SignupStep[]): void {
    idle(() => {
      for (const step of steps) if (!this.#entries.has(step)) this.#load(step);
    });
  }

  /**
   * Prefetches as the wizard moves: every later step once the first is shown (so "다음" never waits
   * for code), and the next step again whenever a step shows (in case a prefetch failed while offline).
   */
  follow(view: { readonly started: boolean; readonly step: SignupStep; readonly steps: readonly SignupStep[] }): void {
    if (!view.started) return;
    if (!this.#prefetched) {
      this.#prefetched = true;
      this.prefetch(Object.keys(stepLoaders) as SignupStep[]);
    }
    if (view.step === this.#shown) return;
    this.#shown = view.step;
    const next = view.steps[view.steps.indexOf(view.step) + 1];
    if (next) this.prefetch([next]);
  }

  /** The message areas of the steps whose code is in: the host's words in another language need them too. */
  areas(): MessageArea[] {
    return [...this.#entries].flatMap(([step, entry]) => (entry.status === 'complete' && step in stepLoaders ? messagesOf(step as LaterStep) : []));
  }

  /** Tries a failed step load again. */
  retry(step: SignupStep): void {
    this.#entries.delete(step);
    this.#load(step);
    this.#host.requestUpdate();
  }

  #load(step: SignupStep): void {
    const later = step as LaterStep;
    // The step's words in the language shown arrive with its code: it never renders in the fallback language.
    const promise = Promise.all([stepLoaders[later](), loadLocale(this.#locale(), messagesOf(later))]).then(
      ([module]) => {
        for (const [tag, element] of Object.entries(module.dependencies ?? {})) defineElement(tag, element);
        this.#entries.set(step, { status: 'complete', module });
      },
      (error: unknown) => {
        if (this.#wanted.has(step)) this.#entries.set(step, { status: 'error', failure: describeFailure(error) });
        else this.#entries.delete(step);
      },
    );
    this.#entries.set(step, { status: 'pending', promise });
    void promise.then(() => this.#host.requestUpdate());
  }
}
