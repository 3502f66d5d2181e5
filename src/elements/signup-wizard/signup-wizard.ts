import { html, type TemplateResult } from 'lit';
import { afterFirstRenderMessages, firstMessages, type MessageArea } from '../../i18n/areas.ts';
import type { SignupFlowEvent } from '../../flows/signup/events.ts';
import { describeFailure } from '../../flows/failure.ts';
import { Job } from '../../flows/job.ts';
import { mayHaveDraft } from '../../flows/signup/draft-key.ts';
import { FirstStep, type FirstView } from '../../flows/signup/first-step.ts';
import type { SignupFlow, SignupSettings } from '../../flows/signup/signup-flow.ts';
import type { SignupStep } from '../../flows/signup/steps.ts';
import { fieldCodeParams } from '../../flows/message-params.ts';
import type { Words } from '../../flows/words.ts';
import type { MessageParams } from '../../i18n/index.ts';
import { defaultPolicy, type MembershipPolicy } from '../../rules/policy.ts';
import type { IdentityVerifiedEvent } from '../identity-verify/events.ts';
import { FlowLoader } from '../shared/flow-loader.ts';
import { MembershipElement } from '../shared/membership-element.ts';
import { renderConfigWait, renderProvisionalWait, type ConfigWaitProps } from './config-wait.ts';
import { signupWizardDependencies } from './dependencies.ts';
import { signupDomEvent } from './events.ts';
import { moveFocus } from './focus.ts';
import { renderFrame, type LaterProps } from './frame.ts';
import { CompletionController, completionDelayOf } from './navigation.ts';
import { StepModules } from './step-modules.ts';
import { renderFailure, submitTo, type StepContext } from './steps/step-context.ts';
import { renderTypeStep } from './steps/type-step.ts';
import { signupWizardStyles } from './signup-wizard.styles.ts';

/**
 * The membership signup: member type → consent → identity → details → company (corporate) → review
 * → done, for domestic, foreign and corporate members (docs/domain.md, "Signup"). A draft in
 * sessionStorage (never the password or a token) lets a reload or a provider redirect resume the step;
 * on the user's choice (이어서 작성하기) a narrower copy stays in localStorage for 24 hours.
 * Renders in the light DOM: parts are `data-part` attributes (style them with `[data-part~="…"]`),
 * not shadow parts.
 *
 * @tag signup-wizard
 * @summary Signs up a member: individual, foreign or corporate, in steps, with identity verification.
 *
 * @fires {SignupStepChangeEvent} signup-step-change - Another step is shown (also after resuming a draft).
 * @fires {SignupSubmitEvent} signup-submit - Cancelable: the member is about to be created; `preventDefault()` stops the API call.
 * @fires {SignupCompleteEvent} signup-complete - Cancelable: the member was created; `preventDefault()` cancels the automatic move to `completion-url` after `completion-delay`.
 * @fires {SignupErrorEvent} signup-error - An API call failed or the signup was refused (under age, already a member); the wizard shows what to do.
 * @fires {IdentityVerifiedEvent} identity-verified - From the identity step's `<identity-verify>`: the person was verified.
 *
 * @csspart wizard - The whole wizard; `data-step` names the step shown.
 * @csspart step-heading - The heading of the step shown (focused on each step change).
 * @csspart notice - An informative message above the step.
 * @csspart alert - An error message above the step (`role="alert"`).
 * @csspart status - A status line: loading, submitting, a field's progress.
 * @csspart failure - A failure (site settings, terms) with its retry button.
 * @csspart retry - Retry buttons.
 * @csspart form - Every step's form; with one of the next six parts naming the step.
 * @csspart type-form - The member type step.
 * @csspart consent-form - The consent step.
 * @csspart identity-form - The identity step.
 * @csspart details-form - The member details step.
 * @csspart company-form - The company step, and the company fields in it.
 * @csspart review-form - The review step.
 * @csspart actions - The row of step buttons.
 * @csspart back - The "previous" button.
 * @csspart next - The "next" (or "sign up") button.
 * @csspart button - Every button; `button-primary` marks the main one.
 * @csspart button-primary - The main button of a step.
 * @csspart choice-group - A group of radio choices (member type, nationality).
 * @csspart option - One radio choice with its label and description.
 * @csspart field - A labelled field with its hint and error.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error message.
 * @csspart visually-hidden - Text for screen readers only (step announcements).
 * @csspart login-id-control - The login ID input with its check button.
 * @csspart login-id-check - The "check availability" (중복확인) button.
 * @csspart login-id-status - The availability status (`data-state`: `available`, `taken`, …).
 * @csspart verified - The "verified as …" status.
 * @csspart verify-again - The button to verify with another person or method.
 * @csspart business-number - The business registration number search.
 * @csspart company-search - The company search button.
 * @csspart company-registered - The notice that the company is already registered (associate link).
 * @csspart company-summary - The registered company's summary.
 * @csspart certificate - The registration certificate upload.
 * @csspart certificate-attached - The attached certificate's name.
 * @csspart certificate-remove - The button removing the attached certificate.
 * @csspart review-section - One section of the review (`data-section` names it).
 * @csspart review-row - One label and value of the review.
 * @csspart edit - A review section's edit button (`data-step` names the step).
 * @csspart review-reverify - The second verification some sites ask for at submit.
 * @csspart welcome - The welcome sentence of the done step.
 * @csspart company-role - The corporate member's role (`data-role`: `master`, `associate`).
 * @csspart certificate-pending - The reminder to send the certificate by fax or email.
 * @csspart refusal - The refusal screen (under age, already a member).
 * @csspart find-account - The link to the site's find-account page.
 * @csspart continue - The link or button leaving the done step.
 * @csspart login - The link to the site's login page (already a member).
 * @csspart done-summary - The done step's ID, member type and company role.
 * @csspart done-heading - A heading of the done step (what happened, what comes next).
 * @csspart done-next - The list of what comes next after signing up.
 * @csspart role-next - What comes next for the company role (`data-role`: `master`, `associate`).
 * @csspart contacts - The site's help contacts (call centre, e-mail, fax, hours).
 * @csspart certificate-send - How to send the certificate later (fax, e-mail or phone from the site's contacts).
 * @csspart consent-notices - The site's notices under the consent list (e.g. no third-party sharing).
 * @csspart consent-extra - A consent document's optional items and recipient (`data-document` names it).
 * @csspart error-summary - The summary of what to fix at the top of the details form, linking to each field.
 * @csspart keep-later - The "continue later" (이어서 작성하기) opt-in under a step: keeps the draft on the device for 24 hours.
 * @csspart later-offer - The offer, on a new visit, of a draft kept for later.
 * @csspart later-continue - The button continuing the kept draft.
 * @csspart later-discard - The button deleting the kept draft to start again.
 *
 * @cssprop --mb-font-family - Font of every text.
 * @cssprop --mb-font-size - Body text size.
 * @cssprop --mb-font-size-small - Hints, statuses, errors, labels in the review.
 * @cssprop --mb-font-size-title - Step and section headings.
 * @cssprop --mb-line-height - Line height of text.
 * @cssprop --mb-color-text - Text.
 * @cssprop --mb-color-text-subtle - Secondary text: hints, statuses, review labels.
 * @cssprop --mb-color-surface - Background of fields, cards and buttons.
 * @cssprop --mb-color-surface-subtle - Background of notices, terms text and secondary panels.
 * @cssprop --mb-color-border - Borders of fields and cards, separators.
 * @cssprop --mb-color-border-strong - Borders of controls that need more contrast (checkboxes, radios).
 * @cssprop --mb-color-primary - Primary buttons, links, checked choices, the current step.
 * @cssprop --mb-color-primary-hover - Primary buttons on hover.
 * @cssprop --mb-color-on-primary - Text on primary buttons.
 * @cssprop --mb-color-danger - Errors and invalid fields.
 * @cssprop --mb-color-danger-surface - Background of alerts.
 * @cssprop --mb-color-success - Success statuses (ID available, identity verified).
 * @cssprop --mb-color-success-surface - Background of success statuses.
 * @cssprop --mb-color-focus - Colour of the focus outline (and of the default halo around it).
 * @cssprop --mb-radius - Corner radius of fields, buttons and cards.
 * @cssprop --mb-radius-small - Corner radius of small controls and tags.
 * @cssprop --mb-space-1 - Spacing, smallest step (gaps inside a field).
 * @cssprop --mb-space-2 - Spacing, second step.
 * @cssprop --mb-space-3 - Spacing, third step.
 * @cssprop --mb-space-4 - Spacing, fourth step (between fields).
 * @cssprop --mb-space-6 - Spacing, sixth step (between sections).
 * @cssprop --mb-space-8 - Spacing, largest step.
 * @cssprop --mb-control-height - Minimum height of inputs and buttons.
 * @cssprop --mb-focus-ring - Halo around the focus outline (a box-shadow value, `none` for none; forced colors keep only the outline).
 * @cssprop --mb-max-width - Maximum width of the forms.
 *
 * @dependency mb-step-indicator, mb-consent-list, mb-password-field, mb-phone-input, mb-email-input, mb-address-field, mb-interest-items, mb-interest-regions, identity-verify
 */
export class SignupWizard extends MembershipElement {
  static override messages = firstMessages['signup-wizard'];
  // The first step shows from the standard member types while the settings load (first-step.browser.test.ts).
  static override waitsForSiteConfig = false;
  static override sheets = [signupWizardStyles];
  static dependencies = signupWizardDependencies;
  static override properties = {
    memberTypes: { attribute: 'member-types' },
    fields: {},
    completionUrl: { attribute: 'completion-url' },
    completionDelay: { attribute: 'completion-delay', type: Number },
    findAccountUrl: { attribute: 'find-account-url' },
    loginUrl: { attribute: 'login-url' },
    draftKey: { attribute: 'draft-key' },
    verifyMethods: { attribute: 'verify-methods' },
    verifyMode: { attribute: 'verify-mode' },
  };

  /** Member types offered here, comma-separated (`individual,foreign,corporate`): narrows the site's own list. */
  declare memberTypes?: string;
  /** Optional member fields shown (`nameEn,phone,mobile,fax,department,position,address,interests`); default all. Fields the policy requires always show. */
  declare fields?: string;
  /** Where the done step's "continue" link goes; the wizard goes there by itself only after `completion-delay`. */
  declare completionUrl?: string;
  /**
   * Seconds the done step stays before going to `completion-url` by itself (the person reads their ID,
   * member type and company role first). Unset (the default): no automatic navigation, only the
   * "continue" link. Cancelling `signup-complete` also stops it.
   */
  declare completionDelay?: number;
  /** The site's find-account page, linked (`?mode=id`, `?mode=password`) when the person already has an account. */
  declare findAccountUrl?: string;
  /** The site's login page, linked when the person already has an account. */
  declare loginUrl?: string;
  /** Names this wizard's draft (default: the element's `id`), for pages with two wizards. */
  declare draftKey?: string;
  /** Verification methods offered (`mobile,ipin`), narrowing the site's: identity-verify's `methods`. */
  declare verifyMethods?: string;
  /** Provider windows (`popup`, `redirect`, `auto`): identity-verify's `mode`. */
  declare verifyMode?: 'popup' | 'redirect' | 'auto';

  /**
   * The signup journey this element shows (state, rules, draft, submit); read `flow.view`. Its code
   * loads beside the first step, so it is undefined for a moment after the element connects:
   * `flowReady` resolves with it.
   */
  get flow(): SignupFlow | undefined {
    return this.#loader.flow;
  }

  /** Resolves with `flow` once its code has loaded (right after the element first connects). */
  get flowReady(): Promise<SignupFlow> {
    return this.#loader.ready;
  }

  /** @internal Where the flow's code comes from (its own chunk); stories replace it to show a failed load. */
  static flowCode: () => Promise<typeof import('../../flows/signup/browser-flow.ts')> = () => import('../../flows/signup/browser-flow.ts');
  readonly #loader = new FlowLoader(this, {
    code: () => SignupWizard.flowCode(),
    // The first step's answers, errors and a 다음 pressed meanwhile go over to the flow.
    start: (module) => {
      const flow = module.browserSignupFlow((event) => this.#dispatch(event));
      this.#first.handOver(flow);
      // Judged from now on by the site's settings and member-types, as the first step was: a 다음
      // forwarded before the element's next update (which may wait for words) must not meet the standard types.
      if (this.isConnected) flow.configure(this.#settings());
      this.#later = { hours: module.keepForLaterHours, onKeep: (keep) => flow.keepForLater(keep), onContinue: () => flow.continueSaved(), onDiscard: () => flow.discardSaved() };
      return flow;
    },
  });

  get #flow(): SignupFlow | undefined {
    return this.#loader.flow;
  }

  /** The first step while the flow's code loads: its answers go over to the flow. */
  readonly #first = new FirstStep({
    memberTypes: () => this.memberTypes,
    siteTypes: () => (this.membership.siteConfig.status === 'complete' ? this.membership.siteConfig.value.memberTypes : undefined),
    onChange: () => this.requestUpdate(),
  });
  /** Whether a draft may wait in this browser (then the first step does not show before the flow and settings). */
  #mayHaveDraft: boolean | undefined;
  readonly #steps = new StepModules(this, () => this.membership.locale);
  #focused: { from: object; seq: number } | undefined;
  readonly #completion = new CompletionController(this);
  /** The wait for the site settings, as a Job: "still working" after a few seconds, and a cancel. */
  readonly #configWait = new Job<void>({ onChange: () => this.requestUpdate() });
  #later: LaterProps | undefined;

  protected override messageAreas(): readonly MessageArea[] {
    return [...SignupWizard.messages, ...(this.hasUpdated ? afterFirstRenderMessages['signup-wizard'] : []), ...this.#steps.areas()];
  }

  /** The step shown. */
  get step(): SignupStep {
    return this.#flow?.view.step ?? 'type';
  }

  protected override willUpdate(): void {
    const config = this.membership.siteConfig;
    const wait = this.#configWait.state.status;
    if (config.status === 'pending' && wait !== 'pending' && wait !== 'error') void this.#configWait.run(() => this.membership.loadSiteConfig());
    // A removed wizard (Lit still updates it) does not start its flow: no terms, no draft written.
    if (this.isConnected) this.#flow?.configure(this.#settings());
  }

  /** What the flow is judged by: the site's settings once in, and this element's attributes. */
  #settings(): SignupSettings {
    const config = this.membership.siteConfig;
    return {
      client: this.membership.runtime?.client,
      siteConfig: config.status === 'complete' ? config.value : undefined,
      policy: this.membership.policy,
      memberTypes: this.memberTypes,
      fields: this.fields,
      draftKey: this.draftKey ?? this.id,
    };
  }

  /** The first step shows before the site's settings (and the flow's code) arrive, and updates in place when they do (no draft waiting, kept or not). */
  get #provisional(): boolean {
    const flow = this.#flow;
    if (flow) return this.membership.siteConfig.status === 'pending' && !flow.view.started && !flow.hasDraft && !flow.hasKeptDraft;
    const site = this.membership.runtime?.siteId;
    if (site === undefined) return false;
    this.#mayHaveDraft ??= mayHaveDraft(site, this.draftKey ?? this.id);
    return !this.#mayHaveDraft;
  }

  /** What the frame shows: the flow's view, or the first step's while the flow's code loads. */
  get #view(): FirstView {
    return this.#flow?.view ?? this.#first.view;
  }

  protected override updated(): void {
    const view = this.#view;
    // The later steps' code loads while the site's settings are still on their way.
    this.#steps.follow(this.#provisional ? { ...view, started: true } : view);
    const from = this.#flow ?? this.#first;
    if (this.#focused?.from !== from || view.focus.seq !== this.#focused.seq) {
      const moved = this.#focused !== undefined || view.focus.seq > 0;
      this.#focused = { from, seq: view.focus.seq };
      // Once inner elements rendered too (their inputs carry aria-invalid).
      const target = view.focus.target;
      if (moved) void this.updateComplete.then(() => moveFocus(this, target));
    }
  }

  /** Words of the flow as text: one path for every message and its parameters. */
  say(words: Words): string {
    const params: MessageParams = {};
    for (const [name, value] of Object.entries(words.params ?? {})) params[name] = typeof value === 'object' ? this.say(value) : value;
    return 'key' in words ? this.t(words.key, params) : this.messageFor(words.code, params);
  }

  /** Flow events become DOM events (signupDomEvent); the completion one after the done screen rendered. */
  #dispatch(event: SignupFlowEvent): boolean {
    if (event.type !== 'complete') return this.emit(signupDomEvent(event));
    // After the completion screen rendered (its code may still be on its way: the screen, not the
    // loading line), so a listener sees it. The screen stays: on to completion-url only when the user
    // chooses, or after the delay the host set.
    void this.#steps.settled('done').then(() => this.updateComplete).then(() => {
      const url = this.completionUrl;
      const delay = completionDelayOf(this.completionDelay);
      if (this.emit(signupDomEvent(event)) && url && delay !== undefined) this.#completion.schedule(url, delay);
    });
    return true;
  }

  // Moves on once the event has reached the page too, so the host hears identity-verified before the step change.
  #onVerified = (event: Event): void => queueMicrotask(() => this.#flow?.verified((event as IdentityVerifiedEvent).detail));

  #context(policy: MembershipPolicy): StepContext {
    return {
      t: (key, params) => this.t(key, params),
      say: (words) => this.say(words),
      messageFor: (code, field) => this.messageFor(code, fieldCodeParams(code, field, policy)),
      id: (suffix) => `${this.idPrefix}-${suffix}`,
      locale: this.membership.locale,
      policy,
      apiBase: this.apiBase,
      site: this.site,
      addressSearch: this.membership.addressSearch,
      verifyMethods: this.verifyMethods,
      verifyMode: this.verifyMode ?? 'auto',
      completionUrl: this.completionUrl,
      completionDelay: completionDelayOf(this.completionDelay),
      findAccountUrl: this.findAccountUrl,
      loginUrl: this.loginUrl,
      navigate: (url) => this.#completion.go(url),
    };
  }

  #renderStep(ctx: StepContext, flow: SignupFlow): TemplateResult {
    const step = flow.view.step;
    const entry = this.#steps.get(step);
    if (entry.status === 'complete') return entry.module.render(ctx, flow.view, flow);
    // The step's code did not arrive (offline, CDN error): say so, offer a retry; the flow and draft are untouched.
    if (entry.status === 'error') return renderFailure(ctx, this.say(entry.failure.words), () => this.#steps.retry(step));
    return this.#loading();
  }

  #loading(): TemplateResult {
    return html`<p data-part="status" role="status">${this.t('signup.loading')}</p>`;
  }

  /** Before the flow's code arrives: the first step, drawn by its own model (the same template as the flow's type step, so the handover keeps the DOM and focus). */
  #renderFirstStep(ctx: StepContext, view: FirstView): TemplateResult {
    return renderTypeStep(ctx, { form: view.type, kinds: view.offered.kinds, nationalities: view.offered.nationalities, minAge: ctx.policy.minAge, onSubmit: submitTo(() => this.#first.next()) });
  }

  protected override render(): TemplateResult {
    const config = this.membership.siteConfig;
    const flow = this.#flow;
    const view = this.#view;
    const policy = view.policy;
    if (!this.membership.runtime) return html`<p data-part="alert" role="alert">${this.t('signup.notConfigured')}</p>`;
    const wait: ConfigWaitProps = {
      config, wait: this.#configWait, provisional: this.#provisional, ready: view.started, policy,
      t: (key) => this.t(key), say: (words) => this.say(words), reload: (fresh) => void this.membership.loadSiteConfig(fresh),
    };
    const instead = renderConfigWait(wait);
    if (instead) return instead;
    if (view.offeredTypes.length === 0) return html`<p data-part="alert" role="alert">${this.t('signup.noMemberTypes')}</p>`;
    const ctx = this.#context(policy ?? defaultPolicy);
    if (!flow) {
      // The flow's code did not arrive (offline, CDN error): say so with a retry; the answers stay in the first step.
      const failed = this.#loader.failed;
      if (failed) return renderFailure(ctx, this.say(describeFailure(failed.error).words), () => void this.#loader.retry());
      // A draft may be waiting: the flow decides what shows, not the first step.
      if (!wait.provisional) return this.#loading();
    }
    const step = flow ? this.#renderStep(ctx, flow) : this.#renderFirstStep(ctx, view);
    const later = flow?.later.available ? this.#later : undefined;
    return renderFrame(ctx, { view, busy: !!flow && this.#steps.get(flow.view.step).status === 'pending', body: html`${renderProvisionalWait(wait)}${step}`, onVerified: this.#onVerified, later });
  }
}
