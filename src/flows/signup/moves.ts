import { say, type Words } from '../words.ts';
import { loadSignupChecks } from './checks-loader.ts';
import { SignupState, type SignupSettings } from './state.ts';
import { resumeStep } from './later.ts';
import type { FlowStep, SignupStep } from './steps.ts';
import type { FocusTarget } from './view.ts';

/**
 * The signup flow's lifecycle and its moves between steps (configure, pause and resume; show a step
 * with its announcement and step-change event, advance, refuse); `SignupFlow` adds the intents.
 */
export abstract class SignupMoves extends SignupState {
  /** Leaves the current step forward (SignupFlow's intent). */
  abstract next(): Promise<void>;

  #shown = false;
  #paused = false;

  /** New settings: re-judge what depends on them; the first complete settings start the flow (draft, terms). */
  configure(settings: SignupSettings): void {
    const before = this.current;
    const keys = ['client', 'siteConfig', 'policy', 'memberTypes', 'fields', 'draftKey'] as const;
    if (keys.every((key) => before[key] === settings[key])) return;
    this.current = { ...settings };
    this.batch(() => {
      this.typeForm.revalidate();
      this.detailsForm.revalidate();
      this.company.form.revalidate();
      if (!this.started && settings.siteConfig && settings.policy && settings.client) {
        this.started = true;
        // The rules of the later steps, after the first step showed; the forms are judged once they are in.
        void loadSignupChecks().then(
          () => this.batch(() => (this.detailsForm.revalidate(), this.company.form.revalidate())),
          () => undefined, // tried again when the consent step is left
        );
        void this.loadTerms();
        const key = this.draftKey;
        const kept = key ? this.later.read(key) : undefined;
        // This tab's draft resumes as before (and stays kept if it was); a new visit is offered the kept one.
        if (this.hasDraft) this.later.kept = kept !== undefined;
        else this.later.offer = kept?.offer;
        this.moveTo(this.restoreDraft(), { focus: 'none' });
        if (this.nextWhenStarted && this.step === 'type') void this.next();
        this.nextWhenStarted = false;
      }
    });
  }

  /** The host went away: late answers are ignored and the draft is left as it is. */
  pause(): void {
    this.#paused = true;
    this.loginIdCheck.stop();
    this.company.stop();
    this.consent.terms.abort();
  }

  /** The host is back (moved in the page): what was aborted and is still needed is asked again. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    if (this.started && this.consent.state.status !== 'complete') void this.loadTerms();
  }

  protected override changed(): void {
    // A removed wizard finishing late work must not write over a newer draft.
    if (this.started && !this.finished && !this.#paused) this.writeDraft();
  }

  // ------------------------------------------------------------------ intents: continue later

  /** The user's choice to keep (or stop keeping) this draft on the device for later. */
  keepForLater(keep: boolean): void {
    const key = this.draftKey;
    if (!key) return;
    this.later.kept = keep;
    if (keep) this.writeDraft();
    else this.later.forget(key);
    this.notify();
  }

  /** Continues the kept draft of an earlier visit: its values, at its step (not past identity: verify again). */
  continueSaved(): void {
    const key = this.draftKey;
    const kept = key ? this.later.read(key) : undefined;
    this.later.offer = undefined;
    if (!kept) return this.notify();
    this.batch(() => {
      this.applyDraft(kept.draft);
      this.later.kept = true;
      this.moveTo(resumeStep(kept.draft.step), { notice: say('signup.later.restored') });
    });
  }

  /** Discards the kept draft of an earlier visit and starts afresh. */
  discardSaved(): void {
    const key = this.draftKey;
    if (key) this.later.forget(key);
    this.later.offer = undefined;
    this.announcement = say('signup.later.discarded');
    this.requestFocus('heading');
  }

  // ------------------------------------------------------------------ moves

  /** Shows a step: its notice or alert, the announcement, the step-change event and where focus goes. */
  protected moveTo(step: SignupStep, options: { notice?: Words | undefined; alert?: Words[]; focus?: FocusTarget } = {}): void {
    // Until a step was shown (the site settings are loading) there is no previous step.
    const previous = this.#shown ? this.step : null;
    this.#shown = true;
    this.step = step;
    // The offer of a kept draft is for the first step only: going on is starting afresh.
    if (step !== 'type') this.later.offer = undefined;
    if (step !== previous) this.detailsSummary = false;
    this.notice = options.notice;
    this.alert = options.alert;
    if (step === 'review') this.returnToReview = true;
    if (step !== previous) {
      const index = this.steps.indexOf(step as FlowStep);
      const title = say(`signup.step.${step}`);
      this.announcement = index < 0 ? title : say('signup.announce', { current: index + 1, total: this.steps.length, title });
      this.emit({ type: 'step-change', step, previous });
    }
    this.requestFocus(options.focus ?? 'heading');
  }

  /** The next step in order; after the review was reached, the first unfinished step or the review. */
  protected advance(notice?: Words): void {
    const later = this.steps.slice(this.steps.indexOf(this.step as FlowStep) + 1).filter((step) => step !== 'done');
    const target = this.returnToReview ? (later.find((step) => step !== 'review' && !this.isComplete(step)) ?? 'review') : (later[0] ?? 'review');
    this.moveTo(target, { notice });
  }

  protected async validateCompany(): Promise<boolean> {
    if (!this.company.lookup) {
      await this.searchCompany();
      return false;
    }
    const valid = await this.company.validate();
    if (!valid) this.requestFocus('invalid');
    return valid;
  }

  /** A refusal (under age, already a member): its screen, and no draft to come back to. */
  protected refuse(step: 'under-age' | 'already-member'): void {
    this.finished = true;
    this.clearDraft();
    this.verification = undefined;
    this.moveTo(step);
  }
}
