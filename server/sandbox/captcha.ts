import { randomDigits, safeEqual } from '../crypto.ts';

// Security text (보안문자) of the sandbox provider: six digits (no letters to confuse, easy to type on
// a phone keypad), drawn as distorted stroke paths — the digits never appear as text in the SVG.

export const captchaLength = 6;

export function newCaptchaText(): string {
  return randomDigits(captchaLength);
}

/** What the user typed, compared without spaces, case or full-width forms (`１２ 34ab` = `1234AB`). */
export function normalizeCaptchaAnswer(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Whether `answer` matches the expected text (case-insensitive, spaces ignored); constant time. */
export function captchaMatches(expected: string | null, answer: string): boolean {
  if (!expected) return false;
  return safeEqual(normalizeCaptchaAnswer(expected), normalizeCaptchaAnswer(answer));
}

// One stroke path per digit in a 10 × 16 box.
const glyphs: Record<string, string> = {
  '0': 'M5 1C9.5 1 9.5 15 5 15C0.5 15 0.5 1 5 1Z',
  '1': 'M2.5 4L6 1L6 15M2.5 15L9 15',
  '2': 'M1 4.5C1 0 9 0 9 4.5C9 8.5 1 11 1 15L9 15',
  '3': 'M1 2.5C3 0 9 0 9 4C9 7 6.5 8 4 8C7 8 9.5 9 9.5 12C9.5 16.5 3 16.5 1 13.5',
  '4': 'M7 15L7 1L1 11L9.5 11',
  '5': 'M9 1L2 1L1.5 7.5C3 6 9.5 5.5 9.5 10.5C9.5 16 3 16.5 1 13.5',
  '6': 'M8.5 1.5C3 1.5 1 6 1 10.5C1 16 9 16 9 10.5C9 5.5 2 6 1 10',
  '7': 'M1 1L9.5 1L4 15',
  '8': 'M5 8C1 8 1.5 1 5 1C8.5 1 9 8 5 8C0.5 8 0.5 15 5 15C9.5 15 9.5 8 5 8Z',
  '9': 'M9 6C9 0.5 1 0.5 1 5.5C1 10 8 10 9 6C9 11.5 7 15 2 15',
};

/** A small seeded PRNG (mulberry32): the same text and seed give the same picture. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

export interface CaptchaSvgOptions {
  /** Fixes the distortion (tests, snapshots); random by default. */
  seed?: number;
  /** Accessible name of the image. */
  title?: string;
  /** id of the `<title>` element (unique within the page when the SVG is inlined). */
  titleId?: string;
}

/**
 * The security text as an SVG image: each digit a stroke path with its own rotation, skew, scale and
 * colour, over noise curves and dots. Only digits are drawn; any other character is skipped, so no
 * caller text can reach the markup.
 */
export function captchaSvg(text: string, options: CaptchaSvgOptions = {}): string {
  const seed = options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
  const random = prng(seed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const width = 200;
  const height = 64;
  const titleId = (options.titleId ?? 'captcha-title').replace(/[^A-Za-z0-9_-]/g, '');
  const title = (options.title ?? '보안문자 이미지').replace(/[<>&"']/g, '');
  const palette = ['#1d3557', '#6a040f', '#14532d', '#3c096c', '#7c2d12', '#0c4a6e'];
  const parts: string[] = [];

  for (let i = 0; i < 6; i += 1) {
    const [x1, y1, x2, y2] = [between(0, 40), between(5, 59), between(160, 200), between(5, 59)];
    parts.push(`<path d="M${round(x1)} ${round(y1)}C${round(between(40, 100))} ${round(between(-10, 74))} ${round(between(100, 160))} ${round(between(-10, 74))} ${round(x2)} ${round(y2)}" stroke="${palette[i % palette.length]}" stroke-opacity="0.45" stroke-width="${round(between(0.8, 1.8))}" fill="none"/>`);
  }
  for (let i = 0; i < 40; i += 1) {
    parts.push(`<circle cx="${round(between(0, width))}" cy="${round(between(0, height))}" r="${round(between(0.6, 1.6))}" fill="${palette[i % palette.length]}" fill-opacity="0.5"/>`);
  }

  const digits = [...text].filter((char) => char in glyphs);
  const step = (width - 16) / Math.max(digits.length, 1);
  digits.forEach((digit, index) => {
    const scale = between(2.3, 2.7);
    // Centre of the glyph: its own slot, jittered a little; rotation and skew turn around it.
    const cx = 8 + step * (index + 0.5) + between(-2, 2);
    const cy = height / 2 + between(-5, 5);
    const rotate = between(-15, 15);
    const skew = between(-10, 10);
    const color = palette[Math.floor(random() * palette.length)];
    parts.push(
      `<path d="${glyphs[digit]}" transform="translate(${round(cx)} ${round(cy)}) rotate(${round(rotate)}) skewX(${round(skew)}) scale(${round(scale)}) translate(-5 -8)" stroke="${color}" stroke-width="${round(between(0.7, 0.95))}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>`,
    );
  });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${title}</title>` +
    `<rect width="${width}" height="${height}" fill="#f5f1e8"/>` +
    parts.join('') +
    '</svg>'
  );
}
