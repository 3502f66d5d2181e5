import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MembershipClient } from '../../api/client.ts';
import { MembershipError } from '../../api/errors.ts';
import type { ConsentAnswer, TermsDocument } from '../../api/index.ts';
import type { ConsentChoices } from '../shared/consent-list.ts';

export type TermsState =
  | { status: 'idle' | 'pending' }
  | { status: 'complete'; documents: TermsDocument[] }
  | { status: 'error'; error: MembershipError };

export interface ConsentTermsOptions {
  client: () => MembershipClient | undefined;
  onError: (error: MembershipError) => void;
}

/**
 * The site's signup terms and the user's answers. Answers keep the version they were given for, so
 * an answer to an older version (a draft from before a terms update, or TERMS_OUTDATED) no longer
 * counts and the item is asked again.
 */
export class ConsentTerms implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: ConsentTermsOptions;
  state: TermsState = { status: 'idle' };
  answers: ConsentAnswer[] = [];

  constructor(host: ReactiveControllerHost, options: ConsentTermsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  get documents(): TermsDocument[] {
    return this.state.status === 'complete' ? this.state.documents : [];
  }

  /** Answers to the current documents, as mb-consent-list takes them. */
  get choices(): ConsentChoices {
    const choices: ConsentChoices = {};
    for (const { documentId, version } of this.documents) {
      const answer = this.answers.find((entry) => entry.documentId === documentId && entry.version === version);
      if (answer) choices[documentId] = answer.agreed;
    }
    return choices;
  }

  set choices(choices: ConsentChoices) {
    this.answers = this.documents.flatMap(({ documentId, version }) => {
      const agreed = choices[documentId];
      return agreed === undefined ? [] : [{ documentId, version, agreed }];
    });
    this.#host.requestUpdate();
  }

  /** Every required document agreed (the consent step's "next"). */
  get complete(): boolean {
    const choices = this.choices;
    return this.state.status === 'complete' && this.documents.every((document) => !document.required || choices[document.documentId] === true);
  }

  /** What the signup sends: every current document, unanswered counting as not agreed. */
  get request(): ConsentAnswer[] {
    const choices = this.choices;
    return this.documents.map(({ documentId, version }) => ({ documentId, version, agreed: choices[documentId] === true }));
  }

  restore(answers: readonly ConsentAnswer[]): void {
    this.answers = answers.filter((answer) => typeof answer?.documentId === 'string' && typeof answer.version === 'string' && typeof answer.agreed === 'boolean');
  }

  async load(): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    this.state = { status: 'pending' };
    this.#host.requestUpdate();
    try {
      const { documents } = await client.call('listTerms', { query: { purpose: 'signup' } });
      this.state = { status: 'complete', documents };
    } catch (error) {
      const failure = error instanceof MembershipError ? error : new MembershipError({ code: 'NETWORK_ERROR', cause: error });
      this.state = { status: 'error', error: failure };
      this.#options.onError(failure);
    }
    this.#host.requestUpdate();
  }
}
