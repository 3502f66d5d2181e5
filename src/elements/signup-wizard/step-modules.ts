import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeFailure, type Failure } from '../../flows/failure.ts';
import type { SignupStep } from '../../flows/signup/steps.ts';
import { stepMessages, type MessageArea } from '../../i18n/areas.ts';
import type { Locale } from '../../i18n/locale.ts';
import { loadLocale } from '../../i18n/registry.ts';
import { reloadAfterFailedRetry } from '../../support/reload.ts';
import { defineElement } from '../shared/define-element.ts';
import { whenIdle } from '../shared/lazy-part.ts';
import type { StepModule, StepPartsView } from './steps/step-context.ts';
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
  #shown: SignupStep | undefined;
  /** Steps to prefetch, first first; one loads at a time. */
  #queue: SignupStep[] = [];
  #draining = false;
  #connected = false;
  /** The view last followed: which parts the steps ahead will show (the site's fields). */
  #view: StepPartsView = {};

  constructor(host: ReactiveControllerHost, locale: () => Locale) {
    this.#host = host;
    this.#locale = locale;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#drain();
  }

  // A removed wizard prefetches nothing more (the queue waits for it to come back): nothing holds it then.
  hostDisconnected(): void {
    this.#connected = false;
  }

  /** The module of a step, or its loading state (a load starts if none did). */
  get(step: SignupStep): Entry {
    this.#wanted.add(step);
    const entry = this.#entries.get(step);
    if (entry) return entry;
    this.#load(step);
    return this.#entries.get(step)!;
  }

  /** Resolves once a step's code is in, or failed to load (its retry then shows); a load starts if none did. */
  async settled(step: SignupStep): Promise<void> {
    const entry = this.get(step);
    if (entry.status === 'pending') await entry.promise;
  }

  /**
   * Loads these steps' code when the browser is idle, without re-rendering for it: one step at a time,
   * each started in its own idle period once the one before has arrived and run, so no task of the page
   * evaluates several chunks at once (each step's chunk and words evaluate when they arrive).
   */
  prefetch(steps: readonly SignupStep[]): void {
    this.#queue = [...new Set([...steps, ...this.#queue])];
    this.#drain();
  }

  #drain(): void {
    if (this.#draining || !this.#connected || this.#queue.length === 0) return;
    this.#draining = true;
    whenIdle(() => {
      if (!this.#connected) return void (this.#draining = false);
      const step = this.#queue.find((candidate) => !this.#entries.has(candidate));
      this.#queue = this.#queue.filter((candidate) => candidate !== step && !this.#entries.has(candidate));
      if (!step) return void (this.#draining = false);
      this.#load(step);
      const entry = this.#entries.get(step);
      void (entry?.status === 'pending' ? entry.promise : Promise.resolve()).then(() => {
        this.#prefetchParts([step]);
        this.#draining = false;
        this.#drain();
      });
    });
  }

  /**
   * Prefetches as the wizard moves: once the first step is shown, the next step first, then the rest
   * of the journey in order, then the other steps (the member type may still change), so "다음" never
   * waits for code; again from the step shown whenever it changes (in case a prefetch failed while offline).
   */
  follow(view: StepPartsView & { readonly started: boolean; readonly step: SignupStep; readonly steps: readonly SignupStep[] }): void {
    this.#view = view;
    if (!view.started || view.step === this.#shown) return;
    this.#shown = view.step;
    const ahead = view.steps.slice(view.steps.indexOf(view.step) + 1);
    this.#queue = [];
    this.prefetch([...ahead, ...(Object.keys(stepLoaders) as SignupStep[])].filter((step) => step !== view.step));
    // Steps ahead whose code came before the site's fields were known: their parts, now.
    whenIdle(() => this.#connected && this.#prefetchParts(ahead));
  }

  #prefetchParts(steps: readonly SignupStep[]): void {
    for (const step of steps) {
      const entry = this.#entries.get(step);
      if (entry?.status === 'complete') entry.module.prefetchParts?.(this.#view);
    }
  }

  /** The message areas of the steps whose code is in: the host's words in another language need them too. */
  areas(): MessageArea[] {
    return [...this.#entries].flatMap(([step, entry]) => (entry.status === 'complete' && step in stepLoaders ? messagesOf(step as LaterStep) : []));
  }

  /** Tries a failed step load again; failing again while online, asks to reload the page (reload.ts). */
  retry(step: SignupStep): void {
    this.#entries.delete(step);
    this.#load(step);
    this.#host.requestUpdate();
    const entry = this.#entries.get(step);
    if (entry?.status === 'pending') void entry.promise.then(() => this.#entries.get(step)?.status === 'error' && reloadAfterFailedRetry());
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
    // A prefetched step nobody asked for yet needs no render (its words count in areas() all the same).
    void promise.then(() => this.#wanted.has(step) && this.#host.requestUpdate());
  }
}
