import type { Browser } from 'playwright-core';
import type { Finding } from './findings.ts';
export async function checkAnnouncements(_b: Browser, _o: string): Promise<Finding[]> { return []; }
