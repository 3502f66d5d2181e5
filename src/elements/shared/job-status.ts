import { html, nothing, type TemplateResult } from 'lit';

export interface JobStatusProps {
  /** What is running, e.g. "가입 처리 중입니다…". */
  label: string;
  /** Pending for a few seconds already (`Job.slow`): say "still working" and offer to cancel. */
  slow: boolean;
  t: (key: 'common.stillWorking' | 'common.cancelWaiting') => string;
  /** Stops waiting (`Job.cancel`); the caller then shows the failure with its retry button. */
  onCancel?: (() => void) | undefined;
  /** `data-job` on the container, so hosts and tests can tell the waits apart. */
  name?: string;
  /** What takes the focus after a cancel (default: the nearest retry button, else the alert). */
  focusAfterCancel?: string;
}

/**
 * The one "working… / still working… / stop waiting" part for every request a person waits on: a
 * status line (announced politely as it changes) and, once slow, a cancel button. After a cancel the
 * focus goes to the retry button the host renders in its place, so keyboard users are not dropped
 * on the page's body.
 */
export function renderJobStatus(props: JobStatusProps): TemplateResult {
  const { slow, t, onCancel } = props;
  return html`<div data-part="job-status" data-job=${props.name ?? nothing} data-state=${slow ? 'slow' : 'pending'}>
    <p data-part="status" role="status">${props.label}${slow ? html` <span data-part="still-working">${t('common.stillWorking')}</span>` : nothing}</p>
    ${slow && onCancel
      ? html`<button type="button" data-part="button cancel" @click=${(event: Event) => cancelAndRefocus(event.currentTarget as HTMLElement, onCancel, props.focusAfterCancel)}>${t('common.cancelWaiting')}</button>`
      : nothing}
  </div>`;
}

async function cancelAndRefocus(button: HTMLElement, onCancel: () => void, selector?: string): Promise<void> {
  const around = button.closest('[data-part~="job-status"]')?.parentElement ?? null;
  const host = hostOf(around);
  onCancel();
  // The cancelled state arrives after a few microtasks, then the host renders it: wait for both.
  for (let tries = 0; tries < 5; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await host?.updateComplete;
    // The host may have replaced the whole screen around the status (e.g. an early step): look in the host then.
    const scope = around?.isConnected ? around : rootOf(host);
    const target = failureNear(scope, selector ? [selector] : ['[data-part~="retry"]', '[role="alert"]']);
    if (!target) continue;
    if (target.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
    return;
  }
}

/** The nearest retry button (or alert) now shown where the status was. */
function failureNear(around: ParentNode | null, selectors: string[]): HTMLElement | null {
  for (let scope: ParentNode | null = around; scope; scope = scope instanceof Element ? scope.parentElement : null) {
    for (const selector of selectors) {
      const target = scope.querySelector<HTMLElement>(selector);
      if (target) return target;
    }
  }
  return null;
}

/** Where the host renders: its shadow root's first element, or the host itself (light DOM). */
function rootOf(host: object | undefined): ParentNode | null {
  if (!(host instanceof HTMLElement)) return null;
  return host.shadowRoot ?? host;
}

/** The custom element rendering `node` (light DOM or shadow root), whose update shows the failure. */
function hostOf(node: Element | null): { updateComplete: Promise<unknown> } | undefined {
  for (let current: Node | null = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current instanceof HTMLElement && 'updateComplete' in current) return current as unknown as { updateComplete: Promise<unknown> };
  }
  return undefined;
}
