import { loadDraft, saveDraft, type DraftStorage, type SignupDraft } from './draft.ts';
import { laterStorageKey } from './draft-key.ts';
import { flowSteps, type SignupStep } from './steps.ts';

export { laterStorageKey };

// "Continue later" (이어서 작성하기): a copy of the draft the user chose to keep on this device
// (localStorage), removed 24 hours after its last change. Narrower than the tab's draft: never the
// password or a token (no draft has them), and not the verified person, the ID check or the company
// lookup and certificate either — whoever continues verifies again, and asks the API again.

/** Hours a kept draft lives after its last change. */
export const keepForLaterHours = 24;
const lifetimeMs = keepForLaterHours * 60 * 60 * 1000;
const version = 1;

/** When the kept draft was last saved and when it goes (epoch milliseconds). */
export interface LaterOffer {
  savedAt: number;
  expiresAt: number;
}

/** The page's localStorage, or undefined where storage is blocked. */
export function localDraftStorage(): DraftStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** What a kept draft holds: the tab's draft without the person, the ID check and the company lookup. */
export function keptPart(draft: SignupDraft): SignupDraft {
  return {
    ...draft,
    person: undefined,
    loginIdAvailable: undefined,
    company: { query: draft.company.query, lookup: undefined, values: draft.company.values, certificate: undefined },
  };
}

/** The step a kept draft resumes at: not past identity (the verification is never kept). */
export function resumeStep(step: SignupStep): SignupStep {
  const index = flowSteps.indexOf(step as (typeof flowSteps)[number]);
  return index > flowSteps.indexOf('identity') ? 'identity' : index < 0 ? 'type' : step;
}

/** One memory of the serialized draft, to reuse saveDraft / loadDraft for the kept copy. */
function box(value?: string): DraftStorage & { value: string | undefined } {
  const cell = { value, getItem: () => cell.value ?? null, setItem: (_key: string, text: string) => void (cell.value = text), removeItem: () => void (cell.value = undefined) };
  return cell;
}

export class LaterDraft {
  readonly #storage: DraftStorage | undefined;
  readonly #now: () => Date;
  /** The user chose to keep this draft: every change is saved to the device too. */
  kept = false;
  /** A kept draft from an earlier visit, offered on the first step until the user decides. */
  offer: LaterOffer | undefined;

  /** Whether the device can keep a draft at all (no storage: the choice is not offered). */
  get available(): boolean {
    return this.#storage !== undefined;
  }

  constructor(storage: DraftStorage | undefined, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#now = now;
  }

  save(key: string, draft: SignupDraft): void {
    const cell = box();
    saveDraft(cell, key, keptPart(draft));
    if (!cell.value) return;
    const savedAt = this.#now().getTime();
    try {
      this.#storage?.setItem(laterStorageKey(key), JSON.stringify({ v: version, savedAt, expiresAt: savedAt + lifetimeMs, draft: JSON.parse(cell.value) }));
    } catch {
      // Quota or blocked storage: keeping is a convenience, the signup goes on.
    }
  }

  /** The kept draft and its times, or undefined (none, damaged, or expired — then it is removed). */
  read(key: string): { draft: SignupDraft; offer: LaterOffer } | undefined {
    let raw: string | null | undefined;
    try {
      raw = this.#storage?.getItem(laterStorageKey(key));
    } catch {
      return undefined;
    }
    if (!raw) return undefined;
    try {
      const data = JSON.parse(raw) as { v?: unknown; savedAt?: unknown; expiresAt?: unknown; draft?: unknown };
      const fresh = typeof data.expiresAt === 'number' && data.expiresAt > this.#now().getTime();
      const draft = data.v === version && fresh ? loadDraft(box(JSON.stringify(data.draft)), key) : undefined;
      if (draft && typeof data.savedAt === 'number') return { draft: keptPart(draft), offer: { savedAt: data.savedAt, expiresAt: data.expiresAt as number } };
    } catch {
      // Damaged: removed below.
    }
    this.forget(key);
    return undefined;
  }

  forget(key: string): void {
    try {
      this.#storage?.removeItem(laterStorageKey(key));
    } catch {
      // Nothing to remove.
    }
  }
}
