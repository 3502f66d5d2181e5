// scripts/find-browser.mjs (plain JavaScript, no declarations) with types, for the TypeScript tests.
export type Engine = 'chromium' | 'firefox' | 'webkit';

export interface FoundEngine {
  executablePath?: string;
  driverPath?: string;
  browserPath?: string;
  xvfbRun?: string;
}

interface FindBrowser {
  findBrowser(): string | undefined;
  findEngine(engine: Engine): FoundEngine | undefined;
  engineHelp(engine: Engine): string;
  engines: Engine[];
  engineNames: Record<Engine, string>;
  /** Flags that let Chromium run headless as root on a closed network. */
  chromiumArgs: string[];
}

const script: string = '../../scripts/find-browser.mjs';
const found = (await import(script)) as FindBrowser;

export const findBrowser: FindBrowser['findBrowser'] = found.findBrowser;
export const findEngine: FindBrowser['findEngine'] = found.findEngine;
export const engineHelp: FindBrowser['engineHelp'] = found.engineHelp;
export const engines: readonly Engine[] = found.engines;
export const engineNames = found.engineNames;
export const chromiumArgs: readonly string[] = found.chromiumArgs;
