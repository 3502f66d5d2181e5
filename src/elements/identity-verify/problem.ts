import { html, nothing, type TemplateResult } from 'lit';
import { MembershipError } from '../../api/errors.ts';
import type { MessageParams } from '../../i18n/index.ts';

export type MessageForCode = (code: string, params?: MessageParams) => string;

/** Any failure as the MembershipError the UI knows how to explain. */
export function toMembershipError(error: unknown): MembershipError {
  return error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error });
}

/**
 * The sentence for an API error, with its number when the API sent one (attempts left, seconds to
 * wait) and the `.plain` wording when it did not (see src/i18n/messages/errors.ts).
 */
export function errorText(messageFor: MessageForCode, error: MembershipError): string {
  switch (error.code) {
    case 'CODE_MISMATCH':
      return error.attemptsLeft === undefined ? messageFor('CODE_MISMATCH.plain') : messageFor('CODE_MISMATCH', { attempts: error.attemptsLeft });
    case 'RESEND_TOO_SOON':
    case 'RATE_LIMITED':
      return error.retryAfterSeconds === undefined ? messageFor(`${error.code}.plain`) : messageFor(error.code, { seconds: error.retryAfterSeconds });
    default:
      return messageFor(error.code);
  }
}

/** Errors after which this verification cannot go on: a new one has to be started. */
export function needsRestart(error: MembershipError): boolean {
  return ['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED', 'VERIFICATION_INVALID', 'VERIFICATION_PURPOSE_MISMATCH'].includes(error.code);
}

/** Errors where trying the same request again is the way forward (nothing typed is wrong). */
export function isTransient(error: MembershipError): boolean {
  return error.retryable || error.code === 'INVALID_RESPONSE' || error.code === 'ABORTED';
}

export interface AlertAction {
  label: string;
  run: () => void;
  /** `data-action` of the button (a stable hook for tests and host styling). */
  name: string;
}

/** An error the user must read, with what they can do next as buttons. */
export function renderAlert(message: string, actions: readonly AlertAction[] = [], extra?: string): TemplateResult {
  return html`<div data-part="alert" role="alert">
    <p data-part="alert-message">${message}</p>
    ${extra ? html`<p data-part="alert-extra">${extra}</p>` : nothing}
    ${actions.length > 0
      ? html`<div data-part="alert-actions">${actions.map(
          (action) => html`<button type="button" data-part="button" data-action=${action.name} @click=${action.run}>${action.label}</button>`,
        )}</div>`
      : nothing}
  </div>`;
}
