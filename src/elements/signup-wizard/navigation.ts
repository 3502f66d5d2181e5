/** How the wizard leaves the page for `completion-url`; a seam for tests (a page cannot stub `location.assign`). */
export const completionNavigation = {
  assign(url: string): void {
    location.assign(url);
  },
};
