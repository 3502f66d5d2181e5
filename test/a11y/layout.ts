// Layout checks on every step (WCAG 1.4.10 reflow, 1.4.4 resize, 1.4.12 text spacing, 1.4.11 and
// 2.4.7 under forced colors): the step stories, each in both locales.
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { Finding } from './findings.ts';
import { StoryPage, type Locale } from './story-page.ts';

export type LayoutMode = 'reflow-320' | 'zoom-200' | 'text-spacing' | 'forced-colors';

/** One story per screen a person meets on the way (signup steps, both verification forms). */
export const stepStories = [
  'membership-signup-wizard-steps--type',
  'membership-signup-wizard-steps--consent',
  'membership-signup-wizard-steps--identity',
  'membership-identity-verify--mobile-form-errors',
  'membership-identity-verify--code-step',
  'membership-signup-wizard-steps--details-field-errors',
  'membership-signup-wizard-steps--company-registry',
  'membership-signup-wizard-steps--review-corporate',
  'membership-signup-wizard-steps--done-master',
];

const contexts: Record<LayoutMode, BrowserContextOptions> = {
  'reflow-320': { viewport: { width: 320, height: 640 } },
  // 200 % zoom of a 1280 px window: 640 CSS px, drawn at twice the pixels.
  'zoom-200': { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  'text-spacing': { viewport: { width: 1024, height: 768 } },
  'forced-colors': { viewport: { width: 1024, height: 768 }, forcedColors: 'active' },
};

// The WCAG 1.4.12 text-spacing bookmarklet's stylesheet.
const textSpacing = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

function horizontalScroll(): { scrollWidth: number; clientWidth: number; widest: string } | null {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  let widest = '';
  let right = root.clientWidth;
  for (const element of document.querySelectorAll<HTMLElement>('#storybook-root *')) {
    const box = element.getBoundingClientRect();
    if (box.right > right + 0.5) {
      right = box.right;
      widest = `${element.localName}${element.dataset['part'] ? `[data-part="${element.dataset['part']}"]` : ''}${element.getAttribute('name') ? `[name="${element.getAttribute('name')}"]` : ''} "${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
}

function clipped(): { target: string; detail: string }[] {
  const describe = (element: HTMLElement) => `${element.localName}${element.dataset['part'] ? `[data-part="${element.dataset['part']}"]` : ''}${element.getAttribute('name') ? `[name="${element.getAttribute('name')}"]` : ''}`;
  const found: { target: string; detail: string }[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('#storybook-root *')) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
    const isText = element instanceof HTMLInputElement && ['text', 'tel', 'email', 'password', 'search', ''].includes(element.type);
    const isButton = element instanceof HTMLButtonElement;
    const hides = (value: string) => value === 'hidden' || value === 'clip';
    // Visually hidden text (1 px boxes clipped on purpose) is not clipped content.
    if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
    const overX = element.scrollWidth > element.clientWidth + 1 && (hides(style.overflowX) || isButton);
    const overY = element.scrollHeight > element.clientHeight + 1 && (hides(style.overflowY) || isText || isButton);
    // A text input scrolls its value sideways by design; only vertical clipping hides its text.
    if ((overX && !isText) || overY) {
      found.push({ target: describe(element), detail: `content ${element.scrollWidth}×${element.scrollHeight} in a ${element.clientWidth}×${element.clientHeight} box` });
    }
  }
  return found;
}

// The focused control under forced colors: its focus indicator (an outline; box-shadows are dropped
// in forced colors) and, for text inputs and buttons, a border that shows where the control is.
function focusIndicator(): { target: string; outline: boolean; border: boolean; needsBorder: boolean } | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  if (!active || active === document.body || !active.closest('#storybook-root')) return null;
  // A visually hidden native input (custom radio or checkbox) shows its focus on its label. Its box,
  // not clientWidth, tells: an inline element (a link in the error summary) has a clientWidth of 0.
  const style = getComputedStyle(active);
  const shown = Number(style.opacity) === 0 || active.getBoundingClientRect().width <= 1 ? (active.closest('label') ?? active.parentElement ?? active) : active;
  const shownStyle = getComputedStyle(shown);
  const visible = (styleName: string, width: string, color: string) => styleName !== 'none' && styleName !== 'hidden' && parseFloat(width) > 0 && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color);
  const outline = visible(shownStyle.outlineStyle, shownStyle.outlineWidth, shownStyle.outlineColor);
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const border = sides.some((side) => visible(shownStyle.getPropertyValue(`border-${side.toLowerCase()}-style`), shownStyle.getPropertyValue(`border-${side.toLowerCase()}-width`), shownStyle.getPropertyValue(`border-${side.toLowerCase()}-color`)));
  const isText = active instanceof HTMLInputElement && ['text', 'tel', 'email', 'password', 'search'].includes(active.type);
  const target = `${active.localName}${active.dataset['part'] ? `[data-part="${active.dataset['part']}"]` : ''}${active.getAttribute('name') ? `[name="${active.getAttribute('name')}"]` : ''}${active instanceof HTMLInputElement && (active.type === 'radio' || active.type === 'checkbox') ? `[value="${active.value}"]` : ''}`;
  return { target, outline, border, needsBorder: isText || active instanceof HTMLButtonElement };
}

/**
 * Reflow runs in both languages even in CI: English words are longer and do not wrap between
 * syllables, so a row that fits in Korean can overflow in English (it did: the interest regions).
 */
export function localesOf(mode: LayoutMode, full: boolean): Locale[] {
  return full || mode === 'reflow-320' ? ['ko', 'en'] : ['ko'];
}

export async function layoutChecks(browser: Browser, origin: string, modes: LayoutMode[], full: boolean): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const mode of modes) {
    for (const locale of localesOf(mode, full)) {
      const storyPage = await StoryPage.open(browser, origin, locale, contexts[mode]);
      try {
        for (const story of stepStories) {
          const status = await storyPage.showIsolated(story);
          const add = (rule: string, target: string, detail: string) => findings.push({ check: mode, story, locale, rule, impact: 'serious', target, detail });
          if (status !== 'success') add('story-play-failed', '', `the play function ended with "${status}"`);
          if (mode === 'reflow-320' || mode === 'zoom-200') {
            const scroll = await storyPage.page.evaluate(horizontalScroll);
            if (scroll) add('horizontal-scroll', scroll.widest, `scrollWidth ${scroll.scrollWidth} > clientWidth ${scroll.clientWidth}`);
          } else if (mode === 'text-spacing') {
            const style = await storyPage.page.addStyleTag({ content: textSpacing });
            for (const clip of await storyPage.page.evaluate(clipped)) add('text-clipped', clip.target, clip.detail);
            await style.evaluate((node) => (node as Element).remove());
          } else {
            await storyPage.page.locator('#storybook-root').focus().catch(() => undefined);
            const seen = new Set<string>();
            for (let press = 0; press < 60; press += 1) {
              await storyPage.page.keyboard.press('Tab');
              const focus = await storyPage.page.evaluate(focusIndicator);
              if (!focus) break;
              if (seen.has(focus.target)) continue;
              seen.add(focus.target);
              if (!focus.outline) add('focus-indicator-missing', focus.target, 'no visible outline on the focused control in forced colors');
              if (focus.needsBorder && !focus.border) add('control-border-missing', focus.target, 'no visible border in forced colors: the control\'s extent is not shown');
            }
          }
        }
      } finally {
        await storyPage.close();
      }
    }
  }
  return findings;
}
