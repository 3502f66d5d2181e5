import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MembershipError } from '../src/api/index.ts';
import { captchaAudioGaps, captchaWav, digitSamples, sampleRate } from './sandbox/captcha-audio.ts';
import { currentCaptcha } from './sandbox/testing.ts';
import { testServer } from './testing.ts';

/** The PCM samples of a WAV made by captchaWav, after checking its header. */
function pcm(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  assert.equal(ascii(0, 4), 'RIFF');
  assert.equal(view.getUint32(4, true), bytes.length - 8);
  assert.equal(ascii(8, 8), 'WAVEfmt ');
  assert.deepEqual([view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint16(34, true)], [1, 1, sampleRate, 16], 'PCM, mono, 8 kHz, 16-bit');
  assert.equal(ascii(36, 4), 'data');
  assert.equal(view.getUint32(40, true), bytes.length - 44);
  return new Int16Array(bytes.slice(44).buffer);
}

/** Lengths (in samples) of the stretches of speech, split at pauses of at least `minGap` seconds. */
function spokenStretches(samples: Int16Array, minGap = 0.3): number[] {
  const loud = 1500;
  const stretches: number[] = [];
  let start = -1;
  let last = -1;
  samples.forEach((sample, i) => {
    if (Math.abs(sample) < loud) return;
    if (start < 0 || i - last > minGap * sampleRate) {
      if (start >= 0) stretches.push(last - start);
      start = i;
    }
    last = i;
  });
  if (start >= 0) stretches.push(last - start);
  return stretches;
}

describe('captcha audio', () => {
  it('speaks each digit once, in order, with pauses between them', async () => {
    for (const lang of ['ko', 'en'] as const) {
      const clips = await digitSamples(lang);
      const text = '907142';
      const samples = pcm(await captchaWav(text, lang, { seed: 3 }));
      const stretches = spokenStretches(samples);
      assert.equal(stretches.length, 6, `${lang}: six spoken digits`);
      // Each stretch is as long as the clip of its digit (give or take the quiet edges of the clip).
      [...text].forEach((digit, i) => {
        const clip = clips[Number(digit)]!;
        assert.ok(Math.abs(stretches[i]! - clip.length) < 0.12 * sampleRate, `${lang} digit ${i} (${digit}): ${stretches[i]} vs ${clip.length}`);
      });
      const minimum = (captchaAudioGaps.lead + captchaAudioGaps.tail + 5 * captchaAudioGaps.min) * sampleRate + [...text].reduce((sum, d) => sum + clips[Number(d)]!.length, 0);
      assert.ok(samples.length >= minimum - 1);
    }
  });

  it('differs by language and between two answers for the same text, and skips anything but digits', async () => {
    const ko = await captchaWav('123456', 'ko', { seed: 1 });
    assert.notDeepEqual(ko, await captchaWav('123456', 'en', { seed: 1 }));
    assert.notDeepEqual(ko, await captchaWav('123456', 'ko', { seed: 2 }));
    assert.deepEqual(ko, await captchaWav('123456', 'ko', { seed: 1 }));
    assert.equal(spokenStretches(pcm(await captchaWav('1<a>2', 'en', { seed: 1 }))).length, 2);
  });
});

describe('getCaptchaAudio', () => {
  const start = async (h: ReturnType<typeof testServer>, client = h.client()) =>
    (await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } })) as { verificationId: string };

  it('reads the current security text aloud without replacing it (the image and the audio agree)', async () => {
    const h = testServer();
    const client = h.client();
    const { verificationId } = await start(h, client);
    const before = await currentCaptcha(h, verificationId);
    const blob = await client.call('getCaptchaAudio', { params: { verificationId }, query: { lang: 'en' } });
    assert.equal(blob.type, 'audio/wav');
    assert.equal(spokenStretches(pcm(new Uint8Array(await blob.arrayBuffer()))).length, 6);
    assert.equal(await currentCaptcha(h, verificationId), before, 'the text stays');

    const response = await h.request(`${new URL(client.captchaAudioUrl(verificationId, 'ko', 1)).pathname}?site=trade&lang=ko`);
    assert.equal(response.status, 200, 'an <audio> element can load it by URL (site in the query)');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(new URL(client.captchaAudioUrl(verificationId, 'en')).search, /site=trade&lang=en/);
  });

  it('refuses unknown, foreign-site, provider and expired verifications', async () => {
    const h = testServer();
    const client = h.client();
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: unknown) => (error instanceof MembershipError ? error.code : String(error)));
    assert.equal(await codeOf(client.call('getCaptchaAudio', { params: { verificationId: 'vrf_nope' }, query: {} })), 'VERIFICATION_NOT_FOUND');
    const { verificationId } = await start(h, client);
    assert.equal(await codeOf(h.client('animal').call('getCaptchaAudio', { params: { verificationId }, query: {} })), 'VERIFICATION_NOT_FOUND');
    const ipin = await client.call('startVerification', { body: { method: 'ipin', purpose: 'signup', mode: 'popup' } });
    assert.equal(await codeOf(client.call('getCaptchaAudio', { params: { verificationId: ipin.verificationId }, query: {} })), 'VERIFICATION_NOT_FOUND');
    h.advance(11 * 60_000);
    assert.equal(await codeOf(client.call('getCaptchaAudio', { params: { verificationId }, query: {} })), 'VERIFICATION_EXPIRED');
  });

  it('is rate-limited per client like the image', async () => {
    const h = testServer();
    const client = h.client();
    const { verificationId } = await start(h, client);
    const url = `${new URL(client.captchaAudioUrl(verificationId, 'ko')).pathname}?site=trade`;
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await h.request(url)).status);
    assert.deepEqual([...new Set(statuses.slice(0, 60))], [200]);
    assert.equal(statuses[60], 429);
  });
});

