// scripts/find-browser.mjs (plain JavaScript, no declarations) with types, for the TypeScript tests.
interface FindBrowser {
  findBrowser(): string | undefined;
  /** Flags that let Chromium run headless as root on a closed network. */
  chromiumArgs: string[];
}

const script: string = '../../scripts/find-browser.mjs';
const found = (await import(script)) as FindBrowser;

export const findBrowser: FindBrowser['findBrowser'] = found.findBrowser;
export const chromiumArgs: readonly string[] = found.chromiumArgs;
