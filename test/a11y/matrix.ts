// The axe matrix: every story of the built Storybook in both locales.
import type { Browser } from 'playwright-core';
import { runAxe } from './axe.ts';
import type { Finding } from './findings.ts';
import { StoryPage, type Locale } from './story-page.ts';

export interface StoryEntry {
  id: string;
  title: string;
  name: string;
}

export interface MatrixCell {
  story: string;
  locale: Locale;
  violations: number;
  status: string;
}

export async function axeMatrix(
  browser: Browser, origin: string, stories: StoryEntry[], locales: Locale[], workers: number,
): Promise<{ cells: MatrixCell[]; findings: Finding[] }> {
  const jobs = stories.flatMap((story) => locales.map((locale) => ({ story, locale })));
  const cells: MatrixCell[] = [];
  const findings: Finding[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    const pages = new Map<Locale, StoryPage>();
    try {
      while (next < jobs.length) {
        const { story, locale } = jobs[next++]!;
        if (!pages.has(locale)) pages.set(locale, await StoryPage.open(browser, origin, locale));
        const storyPage = pages.get(locale)!;
        const status = await storyPage.showIsolated(story.id);
        const violations = await runAxe(storyPage.page);
        cells.push({ story: story.id, locale, violations: violations.length, status });
        for (const violation of violations) {
          findings.push({ check: 'axe', story: story.id, locale, rule: violation.rule, impact: violation.impact, target: violation.target, detail: violation.help });
        }
        if (status !== 'success') {
          findings.push({ check: 'axe', story: story.id, locale, rule: 'story-play-failed', impact: 'serious', target: '', detail: `the play function ended with "${status}" (also on a fresh load): the story did not reach the state it names` });
        }
      }
    } finally {
      for (const storyPage of pages.values()) await storyPage.close();
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  const order = new Map(jobs.map((job, index) => [`${job.story.id} ${job.locale}`, index]));
  cells.sort((a, b) => order.get(`${a.story} ${a.locale}`)! - order.get(`${b.story} ${b.locale}`)!);
  return { cells, findings };
}

export function printMatrix(cells: MatrixCell[], locales: Locale[]): void {
  const stories = [...new Set(cells.map((cell) => cell.story))];
  const width = Math.max(...stories.map((story) => story.length), 5);
  console.log(`\naxe violations per story × locale (! = play function failed)\n${'story'.padEnd(width)}  ${locales.map((l) => l.padStart(4)).join(' ')}`);
  for (const story of stories) {
    const row = locales.map((locale) => {
      const cell = cells.find((c) => c.story === story && c.locale === locale);
      return cell ? `${cell.status === 'success' ? '' : '!'}${cell.violations}`.padStart(4) : '   -';
    });
    console.log(`${story.padEnd(width)}  ${row.join(' ')}`);
  }
  const total = cells.reduce((sum, cell) => sum + cell.violations, 0);
  const clean = cells.filter((cell) => cell.violations === 0).length;
  console.log(`${cells.length} cells, ${clean} without violations, ${total} violations in all`);
}
