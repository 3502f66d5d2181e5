// Cells the matrix reports but does not fail on, because their fix belongs to another branch. An entry
// whose cell passes (or no longer fails for this reason) is printed as "stale": remove it then.
export interface KnownCell {
  moment: string;
  fault: string;
  /** A substring of the cell's failure reason. */
  reason: string;
  why: string;
  fixedBy: string;
}

export const known: readonly KnownCell[] = [
  {
    moment: 'config',
    fault: 'chunk',
    reason: 'no clear message',
    why: "when the element's own code chunk fails at page load, src/cdn.ts only logs a console error: the tag stays undefined and the page shows nothing where the wizard should be",
    fixedBy: 'branch loading (src/cdn.ts): on a failed load, put a short ko/en "could not load — reload the page" note with a reload button in the undefined elements, and try again on the online event',
  },
];
