import type { MembershipClient } from '../../api/client.ts';
import type { ConsentAnswer, TermsDocument, TermsNotice } from '../../api/index.ts';
import { Job, type JobState } from '../job.ts';

/** Answers by document id, as the consent list takes them. */
export type ConsentChoices = Record<string, boolean | undefined>;

/**
 * The site's signup terms and the user's answers. Answers keep the version they were given for, so
 * an answer to an older version (a draft from before a terms update, or TERMS_OUTDATED) no longer
 * counts and the item is asked again.
 */
export class ConsentModel {
  readonly terms: Job<TermsDocument[]>;
  answers: ConsentAnswer[] = [];
  /** Statements shown under the consents that ask for no answer (e.g. no third-party sharing beyond them). */
  notices: TermsNotice[] = [];
  #onChange: () => void;

  constructor(onChange: () => void) {
    this.#onChange = onChange;
    this.terms = new Job<TermsDocument[]>({ onChange });
  }

  get state(): JobState<TermsDocument[]> {
    return this.terms.state;
  }

  get documents(): TermsDocument[] {
    return this.terms.state.status === 'complete' ? this.terms.state.value : [];
  }

  /** Answers to the current documents. */
  get choices(): ConsentChoices {
    const choices: ConsentChoices = {};
    for (const { documentId, version } of this.documents) {
      const answer = this.answers.find((entry) => entry.documentId === documentId && entry.version === version);
      if (answer) choices[documentId] = answer.agreed;
    }
    return choices;
  }

  choose(choices: ConsentChoices): void {
    this.answers = this.documents.flatMap(({ documentId, version }) => {
      const agreed = choices[documentId];
      return agreed === undefined ? [] : [{ documentId, version, agreed }];
    });
    this.#onChange();
  }

  /** Every required document agreed (the consent step's "next"). */
  get complete(): boolean {
    const choices = this.choices;
    return this.terms.state.status === 'complete' && this.documents.every((document) => !document.required || choices[document.documentId] === true);
  }

  /** What the signup sends: every current document, unanswered counting as not agreed. */
  get request(): ConsentAnswer[] {
    const choices = this.choices;
    return this.documents.map(({ documentId, version }) => ({ documentId, version, agreed: choices[documentId] === true }));
  }

  restore(answers: readonly ConsentAnswer[]): void {
    this.answers = answers.filter((answer) => typeof answer?.documentId === 'string' && typeof answer.version === 'string' && typeof answer.agreed === 'boolean');
  }

  load(client: MembershipClient): Promise<JobState<TermsDocument[]> | undefined> {
    return this.terms.run(async (signal) => {
      const answer = await client.call('listTerms', { query: { purpose: 'signup' } }, { signal });
      this.notices = answer.notices ?? [];
      return answer.documents;
    });
  }
}
