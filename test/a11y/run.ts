#!/usr/bin/env node
// `npm run test:a11y`: the accessibility audit over the built Storybook (storybook-static/).
//   default (CI): the axe matrix (every story × ko/en), reflow at 320 px (ko/en) and the announcements (ko);
//   --full: also the keyboard-only journeys, 200 % zoom, text spacing and forced colors on every step,
//   layout and announcements in both locales.
//   --only=axe,keyboard,… runs the named checks; --stories=prefix narrows the stories.
// Every finding is printed; the run fails only on findings missing from test/a11y/known.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findBrowser } from '../e2e/find-browser.ts';
import { checkAnnouncements } from './announce.ts';
import type { Finding } from './findings.ts';
import { triage } from './findings.ts';
import { keyboardJourneys } from './keyboard.ts';
import { known } from './known.ts';
import { axeMatrix, printMatrix, type StoryEntry } from './matrix.ts';
import { layoutChecks, type LayoutMode } from './layout.ts';
import { serveStatic } from './server.ts';
import type { Locale } from './story-page.ts';

const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const storyPrefix = args.find((arg) => arg.startsWith('--stories='))?.slice(10);
const wants = (check: string, inDefault: boolean) => (only ? only.includes(check) : full || inDefault);

const root = join(import.meta.dirname, '../..');
const staticDir = join(root, 'storybook-static');
const locales: Locale[] = ['ko', 'en'];

const started = performance.now();
const executablePath = findBrowser();
if (!executablePath) throw new Error('No Chromium-family browser found (see scripts/find-browser.mjs).');
const server = await serveStatic(staticDir);
const browser = await chromium.launch({ executablePath, args: [...chromiumArgs], timeout: 30_000 });
const findings: Finding[] = [];
const timings: string[] = [];
/** Checks that ran: a known entry of a check that did not run is not stale. */
const ran = new Set<string>();
async function timed(name: string, run: () => Promise<void>, checks: string[]): Promise<void> {
  for (const check of checks) ran.add(check);
  const start = performance.now();
  await run();
  timings.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

try {
  const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, StoryEntry & { type: string }> };
  const stories = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && (!storyPrefix || entry.id.startsWith(storyPrefix)));
  console.log(`test:a11y: ${stories.length} stories from storybook-static/index.json, served at ${server.origin}${full ? ' (--full)' : ''}`);

  if (wants('axe', true)) {
    await timed('axe matrix', async () => {
      const { cells, findings: found } = await axeMatrix(browser, server.origin, stories, locales, 2);
      printMatrix(cells, locales);
      findings.push(...found);
    }, ['axe']);
  }
  const layoutModes: LayoutMode[] = [];
  if (wants('reflow', true)) layoutModes.push('reflow-320');
  if (wants('zoom', false)) layoutModes.push('zoom-200');
  if (wants('spacing', false)) layoutModes.push('text-spacing');
  if (wants('forced-colors', false)) layoutModes.push('forced-colors');
  if (layoutModes.length) await timed(`layout (${layoutModes.join(', ')})`, async () => { findings.push(...await layoutChecks(browser, server.origin, layoutModes, full)); }, layoutModes);
  if (wants('announce', true)) await timed('announcements', async () => { findings.push(...await checkAnnouncements(browser, server.origin, full ? locales : ['ko'])); }, ['announce']);
  if (wants('keyboard', false)) await timed('keyboard journeys', async () => { findings.push(...await keyboardJourneys(browser, server.origin)); }, ['keyboard']);
} finally {
  await browser.close();
  await server.close();
}

// Without --full only axe and reflow run in both locales; the other checks run in Korean.
const ranFor = (entry: (typeof known)[number]) => ran.has(entry.check) && (full || entry.check === 'axe' || entry.check === 'reflow-320' || entry.locale !== 'en');
const { unexpected, expected, unused } = triage(findings, known.filter(ranFor));
console.log(`\nfindings (${findings.length}): check | story | locale | rule | impact | target`);
for (const finding of findings) {
  const mark = unexpected.includes(finding) ? 'NEW  ' : 'known';
  console.log(`${mark} ${finding.check} | ${finding.story} | ${finding.locale} | ${finding.rule} | ${finding.impact} | ${finding.target}${finding.detail ? `  — ${finding.detail}` : ''}`);
}
for (const entry of unused) console.log(`stale known entry (matches nothing now; remove it): ${entry.check} ${entry.story} ${entry.rule}`);
console.log(`\n${timings.join(', ')}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`test:a11y: ${findings.length} findings, ${expected.length} known (test/a11y/known.ts), ${unexpected.length} new`);
process.exit(unexpected.length > 0 ? 1 : 0);
