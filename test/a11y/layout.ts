import type { Browser } from 'playwright-core';
import type { Finding } from './findings.ts';
export type LayoutMode = 'reflow-320' | 'zoom-200' | 'text-spacing' | 'forced-colors';
export async function layoutChecks(_b: Browser, _o: string, _m: LayoutMode[], _f: boolean): Promise<Finding[]> { return []; }
