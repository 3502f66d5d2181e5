import { html, nothing, type TemplateResult } from 'lit';
import type { SiteConfigState } from '../../context/site-config-controller.ts';
import { describeFailure } from '../../flows/failure.ts';
import { cancelledFailure, type Job } from '../../flows/job.ts';
import type { Words } from '../../flows/words.ts';
import type { MembershipPolicy } from '../../rules/policy.ts';
import { renderJobStatus } from '../shared/job-status.ts';

export interface ConfigWaitProps {
  config: SiteConfigState;
  /** The wait for the settings: slow after a few seconds, cancellable. */
  wait: Job<void>;
  /** The first step already shows from the standard types (see `SignupWizard`). */
  provisional: boolean;
  /** The flow has its settings and started. */
  ready: boolean;
  policy: MembershipPolicy | undefined;
  t: (key: 'signup.loading' | 'common.retry' | 'common.stillWorking' | 'common.cancelWaiting') => string;
  say: (words: Words) => string;
  /** Asks for the settings again (`fresh`: past the page's cached failure). */
  reload: (fresh: boolean) => void;
}

function failure(props: ConfigWaitProps, words: Words, fresh: boolean): TemplateResult {
  return html`<div data-part="failure"><p data-part="alert" role="alert">${props.say(words)}</p>
    <button type="button" data-part="button retry" @click=${() => (props.wait.reset(), props.reload(fresh))}>${props.t('common.retry')}</button></div>`;
}

/** What shows instead of the step while the site's settings are missing: their failure, a cancelled wait, or the wait itself. */
export function renderConfigWait(props: ConfigWaitProps): TemplateResult | undefined {
  const { config, wait } = props;
  // Through describeFailure, so a rate limit says its seconds like every other failure.
  if (config.status === 'error') return failure(props, describeFailure(config.error, props.policy).words, false);
  if (config.status !== 'complete' && wait.state.status === 'error') return failure(props, cancelledFailure().words, true);
  if (props.provisional || (config.status === 'complete' && props.policy && props.ready)) return undefined;
  return renderJobStatus({ name: 'config', label: props.t('signup.loading'), slow: wait.slow, t: props.t, onCancel: () => wait.cancel() });
}

/** Above the early first step: once the settings are slow, say so and offer to stop waiting. */
export function renderProvisionalWait(props: ConfigWaitProps): TemplateResult | typeof nothing {
  if (!props.provisional || !props.wait.slow) return nothing;
  return renderJobStatus({ name: 'config', label: props.t('signup.loading'), slow: true, t: props.t, onCancel: () => props.wait.cancel() });
}
