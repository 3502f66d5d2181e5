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

export const known: readonly KnownCell[] = [];
