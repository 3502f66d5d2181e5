// The security text spoken (the audio alternative of the captcha image, WCAG 1.1.1): per-digit clips
// recorded once with espeak-ng (scripts/captcha-voice.ts), assembled here into a 16-bit PCM WAV with
// random gaps, gains and a little noise, so two answers for the same text never match byte for byte.
// Web APIs only: it also runs inside the browser under MSW.

export const captchaAudioLanguages = ['ko', 'en'] as const;
export type CaptchaAudioLanguage = (typeof captchaAudioLanguages)[number];

export const sampleRate = 8000;

const loaders: Record<CaptchaAudioLanguage, () => Promise<{ digitClips: readonly string[] }>> = {
  ko: () => import('./voice/ko.ts'),
  en: () => import('./voice/en.ts'),
};

const decoded = new Map<CaptchaAudioLanguage, Int16Array[]>();

/** G.711 μ-law byte to a 16-bit sample. */
function fromMuLaw(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

/** The ten digit clips of a language as 16-bit samples (decoded once). */
export async function digitSamples(lang: CaptchaAudioLanguage): Promise<Int16Array[]> {
  const cached = decoded.get(lang);
  if (cached) return cached;
  const { digitClips } = await loaders[lang]();
  const clips = digitClips.map((clip) => Int16Array.from(atob(clip), (char) => fromMuLaw(char.charCodeAt(0))));
  decoded.set(lang, clips);
  return clips;
}

/** Same PRNG as the image (mulberry32): a seed fixes gaps, gains and noise for tests. */
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

export interface CaptchaAudioOptions {
  seed?: number;
}

/** Gaps in seconds: before the first digit, between digits (random within), after the last. */
export const captchaAudioGaps = { lead: 0.5, min: 0.45, max: 0.7, tail: 0.4 } as const;

/** Peak of the background noise (of 32767): audible as hiss, well below the speech. */
const noisePeak = 120;

/**
 * The digits of `text` spoken one by one as a WAV file (8 kHz, mono, 16-bit PCM). Anything but a digit
 * is skipped, like the image.
 */
export async function captchaWav(text: string, lang: CaptchaAudioLanguage, options: CaptchaAudioOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const random = prng(options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!);
  const clips = await digitSamples(lang);
  const digits = [...text].filter((char) => char >= '0' && char <= '9').map(Number);
  const seconds = (s: number) => Math.round(s * sampleRate);

  const parts: { at: number; clip: Int16Array; gain: number }[] = [];
  let length = seconds(captchaAudioGaps.lead);
  digits.forEach((digit, index) => {
    if (index > 0) length += seconds(captchaAudioGaps.min + random() * (captchaAudioGaps.max - captchaAudioGaps.min));
    const clip = clips[digit]!;
    parts.push({ at: length, clip, gain: 0.8 + random() * 0.2 });
    length += clip.length;
  });
  length += seconds(captchaAudioGaps.tail);

  const samples = new Int16Array(length);
  for (let i = 0; i < length; i += 1) samples[i] = Math.round((random() * 2 - 1) * noisePeak);
  for (const { at, clip, gain } of parts) {
    for (let i = 0; i < clip.length; i += 1) samples[at + i] = Math.max(-32768, Math.min(32767, samples[at + i]! + Math.round(clip[i]! * gain)));
  }
  return wav(samples);
}

/** A RIFF/WAVE file around mono 16-bit PCM samples. */
function wav(samples: Int16Array): Uint8Array<ArrayBuffer> {
  const dataBytes = samples.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, value: string) => [...value].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return out;
}
