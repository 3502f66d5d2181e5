import { css } from 'lit';

/**
 * Theme tokens (`--mb-*`), in the spirit of KRDS (krds.go.kr): every visual value the elements use.
 * Defined at zero specificity on :root inside `@layer membership`, so any page rule — on :root, on a
 * wrapper or on the element itself — overrides them. Dark values follow `prefers-color-scheme`
 * unless the page sets `data-mb-theme="light"` on <html>.
 */
export const tokens = css`
  @layer membership {
    :where(:root) {
      /* The system's Hangul font of each platform (macOS and iOS, Windows, Linux and Android) after the web fonts: without one, the browser searches a fallback for every character. */
      --mb-font-family: 'Pretendard GOV', Pretendard, 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK KR', system-ui, sans-serif;
      --mb-font-size: 1rem;
      --mb-font-size-small: 0.875rem;
      --mb-font-size-title: 1.5rem;
      --mb-line-height: 1.6;
      --mb-color-text: #1e2124;
      --mb-color-text-subtle: #464c53;
      --mb-color-surface: #ffffff;
      --mb-color-surface-subtle: #f4f5f6;
      --mb-color-border: #b1b8be;
      --mb-color-border-strong: #6d7882;
      --mb-color-primary: #256ef4;
      --mb-color-primary-hover: #0b50d0;
      --mb-color-on-primary: #ffffff;
      --mb-color-danger: #d63d1e;
      --mb-color-danger-surface: #fdefec;
      --mb-color-success: #228738;
      --mb-color-success-surface: #eaf6ec;
      --mb-color-focus: #256ef4;
      --mb-radius: 0.5rem;
      --mb-radius-small: 0.25rem;
      --mb-space-1: 0.25rem;
      --mb-space-2: 0.5rem;
      --mb-space-3: 0.75rem;
      --mb-space-4: 1rem;
      --mb-space-6: 1.5rem;
      --mb-space-8: 2rem;
      --mb-control-height: 3rem;
      --mb-focus-ring: 0 0 0 3px color-mix(in srgb, var(--mb-color-focus) 45%, transparent);
      --mb-max-width: 40rem;
    }
    @media (prefers-color-scheme: dark) {
      :where(:root:not([data-mb-theme='light'])) {
        --mb-color-text: #f1f2f3;
        --mb-color-text-subtle: #c6cbd0;
        --mb-color-surface: #131416;
        --mb-color-surface-subtle: #1e2124;
        --mb-color-border: #58616a;
        --mb-color-border-strong: #8a949e;
        --mb-color-primary: #6a9ff9;
        --mb-color-primary-hover: #8fb7fb;
        --mb-color-on-primary: #0b1a33;
        --mb-color-danger: #f58a70;
        --mb-color-danger-surface: #3a1d16;
        --mb-color-success: #6cc27e;
        --mb-color-success-surface: #14301b;
        --mb-color-focus: #8fb7fb;
      }
    }
  }
`;

/** Names of every token, for the test that fails on an undefined or unused one. */
export const tokenNames = [...tokens.cssText.matchAll(/(--mb-[\w-]+):/g)].map((match) => match[1]!);
