// Announcements (WCAG 4.1.3 status messages, 3.3.1 error identification, 2.2.1 timing adjustable):
// what the live regions and the accessibility tree say, read from the page.
import type { Browser, Page } from 'playwright-core';
import type { Finding } from './findings.ts';
import { StoryPage, type Locale } from './story-page.ts';

/** Stories that end on an error, and the step-change stories (a step walked to by the play function). */
const errorStories = [
  'membership-identity-verify--method-required',
  'membership-identity-verify--mobile-form-errors',
  'membership-identity-verify--code-wrong',
  'membership-signup-wizard-steps--type-choice-required',
  'membership-signup-wizard-steps--details-field-errors',
  'membership-signup-wizard-states--network-failure',
];
const stepStories = ['membership-signup-wizard-steps--consent', 'membership-signup-wizard-steps--details', 'membership-signup-wizard-steps--review'];
const codeStory = 'membership-identity-verify--code-step';

// What a screen reader is told without the user moving: for an error, a non-empty alert or live
// region, or focus on an invalid control whose description holds its message; for a step change, a
// live region or the focused heading naming the step shown (its heading's text).
function spoken(): { error: boolean; step: boolean; said: string } {
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const live = [...document.querySelectorAll('#storybook-root [aria-live]:not([aria-live="off"]), #storybook-root [role="alert"], #storybook-root [role="status"]')].map(text).filter(Boolean);
  const alerts = [...document.querySelectorAll('#storybook-root [role="alert"], #storybook-root [aria-live="assertive"]')].map(text).filter(Boolean);
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  const described = `${active?.getAttribute('aria-describedby') ?? ''} ${active?.getAttribute('aria-errormessage') ?? ''}`.trim().split(/\s+/).filter(Boolean)
    .map((id) => text(document.getElementById(id))).join(' ').trim();
  const invalidFocused = active?.getAttribute('aria-invalid') === 'true' || Boolean(active?.closest('[aria-invalid="true"]'));
  const heading = text(document.querySelector('#storybook-root [data-part~="step-heading"]'));
  const headingFocused = Boolean(active?.matches('[data-part~="step-heading"], h1, h2'));
  return {
    error: alerts.length > 0 || (invalidFocused && described.length > 0),
    step: headingFocused || (heading.length > 0 && live.some((said) => said.includes(heading))),
    said: [...live, described].filter(Boolean).join(' | ').slice(0, 160),
  };
}

// Records every text change of the live regions (including regions added later), with the page's clock.
const recordLive = `(() => {
  window.__a11yLive = [];
  const regions = () => document.querySelectorAll('#storybook-root [aria-live]:not([aria-live="off"]), #storybook-root [role="status"], #storybook-root [role="alert"]');
  const last = new Map();
  const take = () => { for (const region of regions()) { const text = (region.textContent || '').replace(/\\s+/g, ' ').trim(); if (last.get(region) !== text) { last.set(region, text); if (text) window.__a11yLive.push({ at: Date.now(), text }); } } };
  take();
  window.__a11yLive.length = 0;
  new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

async function liveLog(page: Page): Promise<{ at: number; text: string }[]> {
  return page.evaluate(() => (window as unknown as { __a11yLive: { at: number; text: string }[] }).__a11yLive.slice());
}

export async function checkAnnouncements(browser: Browser, origin: string, locales: Locale[] = ['ko']): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const locale of locales) {
    const storyPage = await StoryPage.open(browser, origin, locale);
    try {
      for (const story of [...errorStories, ...stepStories]) {
        const status = await storyPage.showIsolated(story);
        const add = (rule: string, detail: string) => findings.push({ check: 'announce', story, locale, rule, impact: 'serious', target: '', detail });
        if (status !== 'success') add('story-play-failed', `the play function ended with "${status}"`);
        const heard = await storyPage.page.evaluate(spoken);
        if (errorStories.includes(story) && !heard.error) add('error-not-announced', `no alert, and focus is not on an invalid control described by its message (live regions: ${heard.said || 'silent'})`);
        if (stepStories.includes(story) && !heard.step) add('step-change-not-announced', `neither a live region nor the focused heading names the step (live regions: ${heard.said || 'silent'})`);
      }
    } finally {
      await storyPage.close();
    }

    // The OTP countdown on a fake clock: its whole life is played in page time, not waited for.
    const countdown = await StoryPage.open(browser, origin, locale);
    try {
      await countdown.page.clock.install();
      const status = await countdown.showIsolated(codeStory);
      const add = (rule: string, detail: string, target = '') => findings.push({ check: 'announce', story: codeStory, locale, rule, impact: 'serious', target, detail });
      if (status !== 'success') add('story-play-failed', `the play function ended with "${status}"`);
      const seconds = await countdown.page.evaluate(() => {
        const text = document.querySelector('mb-otp-input')?.textContent ?? '';
        const match = /(\d{1,2}):(\d{2})/.exec(text);
        return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
      });
      if (!seconds) add('countdown-missing', 'no mm:ss countdown shown on the code step');
      await countdown.page.evaluate(recordLive);
      await countdown.page.clock.runFor(5_000);
      const firstFive = await liveLog(countdown.page);
      if (firstFive.length > 1) add('countdown-too-chatty', `${firstFive.length} live-region changes in 5 s: ${firstFive.map((entry) => entry.text).join(' | ')}`);
      // While the code is still valid (WCAG 2.2.1: offered before the time runs out).
      const extend = await countdown.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#storybook-root button, #storybook-root a[href]')]
        .some((control) => /연장|extend|more time/i.test(`${control.textContent} ${control.getAttribute('aria-label') ?? ''}`)));
      if (!extend) add('time-limit-not-extendable', 'no control to extend the code\'s time limit before it runs out (a new code can be requested, which restarts the verification)', 'mb-otp-input');
      const start = Date.now();
      await countdown.page.clock.runFor(Math.max(seconds - 5, 0) * 1000 + 2_000);
      const all = await liveLog(countdown.page);
      const milestones = all.map((entry) => entry.text);
      console.log(`announce: ${locale} OTP countdown from ${seconds} s: ${all.length} live-region changes over the whole countdown: ${milestones.join(' | ')} (${((Date.now() - start) / 1000).toFixed(1)} s real)`);
      if (all.length > 10) add('countdown-too-chatty', `${all.length} live-region changes over a ${seconds} s countdown`);
      if (seconds > 60 && all.length < 2) add('countdown-milestones-missing', `only ${all.length} announcement(s) until expiry; expected the 1-minute and expiry milestones`);
    } finally {
      await countdown.close();
    }
  }
  return findings;
}
