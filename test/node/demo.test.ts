// The demo host pages: both languages with a switch that sticks across pages, a skip link, a favicon,
// host colours readable in both colour schemes, and the strict CSP (no inline script or style).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const pages = globSync('demo/**/*.html').sort();
const read = (file: string) => readFileSync(file, 'utf8');

describe('demo pages', () => {
  test('all seven pages are checked', () => {
    assert.deepEqual(pages, ['demo/animal/find-account.html', 'demo/animal/index.html', 'demo/animal/welcome.html', 'demo/index.html', 'demo/trade/find-account.html', 'demo/trade/index.html', 'demo/trade/welcome.html']);
  });

  for (const file of pages) {
    test(`${file}: skip link, favicon, language switch, strict CSP`, () => {
      const html = read(file);
      const body = html.slice(html.indexOf('<body>') + '<body>'.length).trimStart();
      assert.match(body, /^<a class="skip-link" href="#main"><span data-lang="ko">본문 바로가기<\/span><span data-lang="en">Skip to main content<\/span><\/a>/, 'the skip link is the first thing in the body');
      assert.match(html, /<main id="main" tabindex="-1">/, 'its target exists and takes focus');

      const icon = html.match(/<link rel="icon" href="\/([^"]+)"/)?.[1];
      assert.ok(icon && existsSync(`demo/${icon}`), `favicon ${icon} is served`);

      const head = html.slice(0, html.indexOf('</head>'));
      assert.match(head, /<script src="\/lang\.js"><\/script>/, 'the language is set by a plain script in <head>');
      if (head.includes('membership-elements.min.js')) assert.ok(head.indexOf('/lang.js') < head.indexOf('membership-elements.min.js'), 'before the elements render');
      assert.match(html, /<nav data-demo="lang-switch" aria-label="[^"]+"><a href="\?lang=ko" hreflang="ko" lang="ko">한국어<\/a> <a href="\?lang=en" hreflang="en" lang="en">English<\/a><\/nav>/);

      const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
      assert.match(csp, /script-src 'self';/);
      assert.match(csp, /style-src 'self';/);
      assert.match(csp, /require-trusted-types-for 'script'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
      assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
    });

    test(`${file}: every host text in Korean and English`, () => {
      const html = read(file);
      assert.match(html, /<meta name="demo-title-en" content="[^"가-힣]+">/, 'an English title');
      const ko = html.match(/<meta name="demo-title-ko" content="([^"]+)">/)?.[1];
      assert.equal(html.match(/<title>([^<]+)<\/title>/)?.[1], ko, 'Korean title by default');
      const count = (lang: string) => html.match(new RegExp(`data-lang="${lang}"`, 'g'))?.length ?? 0;
      assert.ok(count('ko') > 2 && count('ko') === count('en'), `as many English texts as Korean ones (${count('ko')} / ${count('en')})`);
      // Outside the language-marked texts (and the switch, whose labels are in their own language), no Hangul.
      let rest = html.slice(html.indexOf('<body>'));
      rest = rest.replace(/<nav data-demo="lang-switch"[\s\S]*?<\/nav>/, '');
      rest = rest.replace(/<(\w+)(?: [^>]*)? data-lang="(?:ko|en)"[^>]*>[\s\S]*?<\/\1>/g, '');
      assert.doesNotMatch(rest, /[가-힣]/, `text without an English version: ${rest.match(/[^<>]*[가-힣][^<>]*/)?.[0]}`);
    });
  }
});

// ---------------------------------------------------------------- colours

type Colours = Record<string, string>;

function variables(css: string): { light: Colours; dark: Colours } {
  const dark = css.match(/@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/)?.[1] ?? '';
  const light = css.replace(/@media \(prefers-color-scheme: dark\) \{[\s\S]*?\n\}/, '');
  const vars = (text: string) => Object.fromEntries([...text.matchAll(/(--demo-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
  return { light: vars(light), dark: vars(dark) };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('demo colours', () => {
  const base = variables(read('demo/demo.css'));
  test('the host page paints its own background and text in both schemes', () => {
    const css = read('demo/demo.css');
    assert.match(css, /color-scheme: light dark/);
    assert.match(css, /html \{ background: var\(--demo-bg\); color: var\(--demo-text\); \}/);
    assert.match(css, /h1 \{ color: var\(--demo-heading\); \}/);
    assert.match(css, /a \{ color: var\(--demo-link\); \}/);
  });

  for (const site of ['', 'trade', 'animal']) {
    test(`${site || 'index'}: text, links and the heading keep ≥ 4.5:1 in light and dark`, () => {
      const own = site ? variables(read(`demo/${site}/site.css`)) : { light: {}, dark: {} };
      for (const scheme of ['light', 'dark'] as const) {
        // The dark block overrides the light values; a site's file overrides the shared one.
        const colours = { ...base.light, ...(scheme === 'dark' ? base.dark : {}), ...own.light, ...(scheme === 'dark' ? own.dark : {}) };
        for (const name of ['--demo-text', '--demo-link', '--demo-heading']) {
          const ratio = contrast(colours[name]!, colours['--demo-bg']!);
          assert.ok(ratio >= 4.5, `${site || 'index'} ${scheme} ${name} ${colours[name]} on ${colours['--demo-bg']}: ${ratio.toFixed(2)}:1`);
        }
      }
    });
  }
});

// ---------------------------------------------------------------- the switch

class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  constructor(attributes: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(attributes)) this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  addEventListener(type: string, listener: (event: { preventDefault(): void }) => void) {
    this.listeners.set(type, listener);
  }
}

/** `<html>`: its `lang` property reflects the attribute. */
class FakeRoot extends FakeElement {
  get lang() {
    return this.getAttribute('lang') ?? '';
  }
  set lang(value: string) {
    this.setAttribute('lang', value);
  }
}

/** Runs demo/lang.js on a page at `url` with `stored` in localStorage, up to DOMContentLoaded. */
function loadPage(url: string, stored: Record<string, string> = {}) {
  const html = new FakeRoot({ lang: 'ko' });
  const wizard = new FakeElement();
  const links = [new FakeElement({ hreflang: 'ko' }), new FakeElement({ hreflang: 'en' })];
  const titles: Record<string, FakeElement> = { ko: new FakeElement({ content: '회원가입' }), en: new FakeElement({ content: 'Sign up' }) };
  const onReady: (() => void)[] = [];
  const document = {
    documentElement: html,
    title: '회원가입',
    querySelector: (selector: string) => titles[selector.match(/demo-title-(\w+)/)?.[1] ?? ''] ?? null,
    querySelectorAll: (selector: string) => (selector.startsWith('signup-wizard') ? [wizard] : selector.includes('lang-switch') ? links : []),
    addEventListener: (type: string, listener: () => void) => type === 'DOMContentLoaded' && onReady.push(listener),
  };
  const location = new URL(url);
  const storage = { ...stored };
  const context = {
    document,
    location,
    URL,
    URLSearchParams,
    localStorage: { getItem: (key: string) => storage[key] ?? null, setItem: (key: string, value: string) => void (storage[key] = value) },
    history: { state: null, replaceState: (_: unknown, __: string, next: URL) => void (location.href = String(next)) },
  };
  runInNewContext(read('demo/lang.js'), context);
  const beforeReady = { lang: html.getAttribute('lang'), title: document.title };
  for (const listener of onReady) listener();
  return { html, wizard, links, document, location, storage, beforeReady };
}

describe('demo language switch (demo/lang.js)', () => {
  const key = 'membership-demo-lang';

  test('Korean by default; the wizard gets the page language', () => {
    const page = loadPage('http://demo.test/trade/');
    assert.deepEqual(page.beforeReady, { lang: 'ko', title: '회원가입' });
    assert.equal(page.wizard.getAttribute('lang'), 'ko');
    assert.equal(page.links[0]!.getAttribute('aria-current'), 'true');
    assert.equal(page.links[1]!.getAttribute('aria-current'), null);
  });

  test('?lang=en sets the language before the elements render, remembers it, and leaves the URL clean', () => {
    const page = loadPage('http://demo.test/trade/?lang=en&x=1');
    assert.deepEqual(page.beforeReady, { lang: 'en', title: 'Sign up' });
    assert.equal(page.storage[key], 'en');
    assert.equal(page.location.href, 'http://demo.test/trade/?x=1');
    assert.equal(page.wizard.getAttribute('lang'), 'en');
  });

  test('the choice carries to the next page (e.g. the completion page) and the switch changes it in place', () => {
    const page = loadPage('http://demo.test/trade/welcome.html', { [key]: 'en' });
    assert.equal(page.html.getAttribute('lang'), 'en');
    assert.equal(page.links[1]!.getAttribute('aria-current'), 'true');
    let prevented = false;
    page.links[0]!.listeners.get('click')!({ preventDefault: () => void (prevented = true) });
    assert.ok(prevented, 'no navigation');
    assert.equal(page.html.getAttribute('lang'), 'ko');
    assert.equal(page.wizard.getAttribute('lang'), 'ko');
    assert.equal(page.document.title, '회원가입');
    assert.equal(page.storage[key], 'ko');
    assert.equal(page.links[0]!.getAttribute('aria-current'), 'true');
    assert.equal(loadPage('http://demo.test/', { [key]: 'fr' }).html.getAttribute('lang'), 'ko', 'an unknown value falls back to Korean');
  });
});
