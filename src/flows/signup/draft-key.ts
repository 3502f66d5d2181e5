// Where a wizard's drafts live (draft.ts: the tab's, later.ts: the one kept for later), and whether there
// may be one: read before the flow's code has loaded, to know whether its first step may show at once.

/** The storage key of one wizard: per site, and per element (`draft-key`, else its `id`). */
export function draftStorageKey(site: string, elementKey: string | undefined): string {
  return `membership-elements:signup:${site}:${elementKey || 'default'}`;
}

/** The localStorage key of a wizard's kept draft, beside its session draft's key. */
export function laterStorageKey(draftKey: string): string {
  return draftKey.replace(':signup:', ':signup-later:');
}

function stored(storage: () => Storage, key: string): boolean {
  try {
    return storage().getItem(key) !== null;
  } catch {
    return false;
  }
}

/** Whether a draft to resume (sessionStorage) or one kept for later (localStorage) is stored; the flow judges it. */
export function mayHaveDraft(site: string, elementKey: string | undefined): boolean {
  const key = draftStorageKey(site, elementKey);
  return stored(() => globalThis.sessionStorage, key) || stored(() => globalThis.localStorage, laterStorageKey(key));
}
