// The Kakao Postcode adapter: the mapping of Kakao's data, the script loader (404, timeout, a script
// without the global, nonce), and popup / embed searches against a stand-in postcode.v2.js served by MSW.
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { expectAccessible } from '../../../../test/browser/axe.ts';
import { assert, cleanupFixtures, deferred, equal, fixture } from '../../../../test/browser/fixture.ts';
import { waitFor } from './harness.browser.test.ts';
import { defineElement } from '../define-element.ts';
import { AddressSearchError } from './adapter.ts';
import { MbAddressField } from './address-field.ts';
import { kakaoPostcodeAdapter, kakaoPostcodeScriptUrl, mapKakaoPostcode, type KakaoPostcodeData } from './kakao-postcode.ts';

defineElement('mb-address-field', MbAddressField);

function deepEqual(actual: unknown, expected: unknown, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}\n  expected: ${e}\n  actual:   ${a}`);
}

async function rejection(promise: Promise<unknown>): Promise<AddressSearchError> {
  try {
    await promise;
  } catch (error) {
    assert(error instanceof AddressSearchError, `rejects with an AddressSearchError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected a rejection');
}

// ---------------------------------------------------------------- sample data (Kakao's shape)

const apartment: KakaoPostcodeData = {
  zonecode: '06302',
  userSelectedType: 'R',
  roadAddress: '서울 강남구 개포로 310',
  jibunAddress: '서울 강남구 개포동 12',
  roadAddressEnglish: '310, Gaepo-ro, Gangnam-gu, Seoul',
  jibunAddressEnglish: '12, Gaepo-dong, Gangnam-gu, Seoul',
  addressEnglish: '310, Gaepo-ro, Gangnam-gu, Seoul',
  bname: '개포동',
  buildingName: '개포래미안포레스트',
  apartment: 'Y',
};
const office: KakaoPostcodeData = {
  zonecode: '06164',
  userSelectedType: 'R',
  roadAddress: '서울 강남구 영동대로 513',
  jibunAddress: '서울 강남구 삼성동 159',
  roadAddressEnglish: '513, Yeongdong-daero, Gangnam-gu, Seoul',
  jibunAddressEnglish: '159, Samseong-dong, Gangnam-gu, Seoul',
  addressEnglish: '513, Yeongdong-daero, Gangnam-gu, Seoul',
  bname: '삼성동',
  buildingName: '코엑스',
  apartment: 'N',
};

// ---------------------------------------------------------------- a stand-in postcode.v2.js

interface FakeKakaoWindow {
  kakao?: unknown;
  /** What the stand-in answers: Kakao data, or 'close' for the user closing the window. */
  fakeKakaoNext?: KakaoPostcodeData | 'close';
  fakeKakaoCalls?: { method: string; options: unknown }[];
}
const page = window as unknown as FakeKakaoWindow;

const standIn = `
window.fakeKakaoCalls = window.fakeKakaoCalls || [];
window.kakao = { Postcode: class {
  constructor(options) { this.options = options; }
  finish() {
    const next = window.fakeKakaoNext;
    if (next === 'close') return this.options.onclose && this.options.onclose('FORCE_CLOSE');
    this.options.oncomplete(next);
    if (this.options.onclose) this.options.onclose('COMPLETE_CLOSE');
  }
  open(options) { window.fakeKakaoCalls.push({ method: 'open', options }); setTimeout(() => this.finish(), 10); }
  embed(element, options) {
    window.fakeKakaoCalls.push({ method: 'embed', options });
    const pick = document.createElement('button');
    pick.type = 'button';
    pick.textContent = 'pick';
    pick.setAttribute('data-fake-kakao', '');
    pick.addEventListener('click', () => this.finish());
    element.append(pick);
  }
} };`;

let served = 0;
// The slow script arrives once the tests are over (held, not slept on), long after the adapter's timeout.
const slowScript = deferred();
const worker = setupWorker(
  http.get('/fake-kakao/postcode.js', () => {
    served += 1;
    return new HttpResponse(standIn, { headers: { 'Content-Type': 'text/javascript' } });
  }),
  http.get('/slow-kakao/postcode.js', async () => {
    await slowScript.promise;
    return new HttpResponse('// too late', { headers: { 'Content-Type': 'text/javascript' } });
  }),
  http.get('/empty-kakao/postcode.js', () => new HttpResponse('// no kakao global here', { headers: { 'Content-Type': 'text/javascript' } })),
);

const scripts = (path: string) => [...document.querySelectorAll<HTMLScriptElement>('script')].filter((script) => script.src.includes(path));

describe('Kakao Postcode adapter', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  });
  after(() => {
    slowScript.resolve(); // a held answer would keep the worker from stopping
    worker.stop();
  });
  afterEach(() => {
    cleanupFixtures();
    delete page.kakao;
    delete page.fakeKakaoNext;
    page.fakeKakaoCalls = [];
    served = 0;
  });

  it('is accessible in the field with the embedded search open', async () => {
    page.fakeKakaoNext = office;
    const field = document.createElement('mb-address-field') as MbAddressField;
    field.addressSearch = kakaoPostcodeAdapter({ mode: 'embed', scriptUrl: '/fake-kakao/postcode.js' });
    await fixture(field);
    field.querySelector<HTMLButtonElement>("[data-part~='search-button']")!.click();
    await waitFor(() => field.querySelector('[data-fake-kakao]'), 'the embedded search is shown');
    await expectAccessible(field);
  });

  describe('mapping of Kakao data', () => {
    it('road address with the 참고항목 of an apartment complex: (법정동, 단지명)', () => {
      deepEqual(
        mapKakaoPostcode(apartment),
        {
          postcode: '06302',
          base: '서울 강남구 개포로 310',
          jibun: '서울 강남구 개포동 12',
          english: '310, Gaepo-ro, Gangnam-gu, Seoul',
          buildingName: '개포래미안포레스트',
          extra: '(개포동, 개포래미안포레스트)',
        },
        'apartment',
      );
    });

    it('a building that is not an apartment: only the 법정동 in the 참고항목, the name still kept', () => {
      const match = mapKakaoPostcode(office);
      equal(match.extra, '(삼성동)', 'extra');
      equal(match.buildingName, '코엑스', 'building name');
      equal(match.base, '서울 강남구 영동대로 513', 'road base');
    });

    it('a 리 is not a legal dong for the 참고항목', () => {
      const match = mapKakaoPostcode({ ...apartment, bname: '양근리', buildingName: '양평자이', roadAddress: '경기 양평군 양평읍 양근로 100' });
      equal(match.extra, '(양평자이)', 'only the complex');
      const plain = mapKakaoPostcode({ ...office, bname: '양근리', apartment: 'N' });
      equal(plain.extra, undefined, 'nothing at all');
    });

    it('the lot-number address when the user chose it (J), with its English form and no 참고항목', () => {
      deepEqual(
        mapKakaoPostcode({ ...office, userSelectedType: 'J' }),
        { postcode: '06164', base: '서울 강남구 삼성동 159', jibun: '서울 강남구 삼성동 159', english: '159, Samseong-dong, Gangnam-gu, Seoul', buildingName: '코엑스' },
        'jibun chosen',
      );
    });

    it('falls back to Kakao\'s auto-matched address and to addressEnglish', () => {
      const match = mapKakaoPostcode({ ...office, jibunAddress: '', autoJibunAddress: '서울 강남구 삼성동 159', roadAddressEnglish: '' });
      equal(match.jibun, '서울 강남구 삼성동 159', 'auto jibun');
      equal(match.english, '513, Yeongdong-daero, Gangnam-gu, Seoul', 'addressEnglish');
    });
  });

  describe('loading the script', () => {
    it('uses Kakao\'s CDN by default', () => {
      equal(kakaoPostcodeScriptUrl, 'https://t1.kakaocdn.net/mapjsapi/bundle/postcode/prod/postcode.v2.js', 'script URL');
    });

    it('a script that 404s: unavailable, search rejects as unavailable, the element is removed', async () => {
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/__missing__/postcode.v2.js', timeoutMs: 5000 });
      const started = performance.now();
      equal(await adapter.available(), false, 'available()');
      assert(performance.now() - started < 4000, 'the error is not mistaken for a timeout');
      const error = await rejection(adapter.search({ locale: 'ko' }));
      equal(error.code, 'ADDRESS_SEARCH_UNAVAILABLE', 'code');
      equal(scripts('/__missing__/').length, 0, 'no dead script element left');
    });

    it('a script that never arrives times out', async () => {
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/slow-kakao/postcode.js', timeoutMs: 300 });
      const started = performance.now();
      equal(await adapter.available(), false, 'available()');
      const elapsed = performance.now() - started;
      // The script is held until the tests end: only the adapter's own timer can answer.
      assert(elapsed >= 280, `waited for the timeout (${Math.round(elapsed)} ms)`);
    });

    it('a script that loads without defining kakao.Postcode counts as unavailable', async () => {
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/empty-kakao/postcode.js', timeoutMs: 400 });
      equal((await rejection(adapter.search({ locale: 'ko' }))).code, 'ADDRESS_SEARCH_UNAVAILABLE', 'code');
    });

    it('loads once, on first use, with the CSP nonce on the script element', async () => {
      const before = scripts('/fake-kakao/').length;
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/fake-kakao/postcode.js', nonce: 'n0nce-123' });
      equal(scripts('/fake-kakao/').length, before, 'nothing loaded before use');
      const [a, b] = await Promise.all([adapter.available(), adapter.available()]);
      assert(a && b, 'available');
      equal(served, 1, 'one request for two concurrent calls');
      const added = scripts('/fake-kakao/').slice(before);
      equal(added.length, 1, 'one script element');
      equal(added[0]?.nonce, 'n0nce-123', 'nonce copied');
      assert(await adapter.available(), 'still available');
      equal(served, 1, 'not loaded again');
    });

    it('does not load anything when the page already has kakao.Postcode', async () => {
      page.kakao = { Postcode: class {} };
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/fake-kakao/postcode.js' });
      assert(await adapter.available(), 'available');
      equal(served, 0, 'no request');
    });
  });

  describe('searching', () => {
    it('popup: opens Kakao\'s window with the query and resolves with the mapped address', async () => {
      page.fakeKakaoNext = apartment;
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/fake-kakao/postcode.js' });
      const match = await adapter.search({ locale: 'ko', query: ' 개포로 310 ' });
      deepEqual(match, mapKakaoPostcode(apartment), 'mapped result');
      equal(page.fakeKakaoCalls?.[0]?.method, 'open', 'popup opened');
      equal((page.fakeKakaoCalls?.[0]?.options as { q?: string }).q, '개포로 310', 'query passed, trimmed');
    });

    it('popup closed by the user resolves null', async () => {
      page.fakeKakaoNext = 'close';
      const adapter = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/fake-kakao/postcode.js' });
      equal(await adapter.search({ locale: 'ko' }), null, 'null');
    });

    it('embed: the field hosts Kakao\'s search, then fills the address and empties the panel', async () => {
      page.fakeKakaoNext = office;
      const field = document.createElement('mb-address-field') as MbAddressField;
      field.addressSearch = kakaoPostcodeAdapter({ mode: 'embed', scriptUrl: '/fake-kakao/postcode.js' });
      await fixture(field);
      field.querySelector<HTMLButtonElement>("[data-part~='search-button']")!.click();
      const pick = await waitFor(() => field.querySelector<HTMLButtonElement>("[data-part='embed'] [data-fake-kakao]"), 'embedded in the field');
      pick.click();
      await waitFor(() => field.value.postcode === '06164', 'filled');
      deepEqual(field.value, { postcode: '06164', base: '서울 강남구 영동대로 513', detail: '', extra: '(삼성동)', jibun: '서울 강남구 삼성동 159', english: '513, Yeongdong-daero, Gangnam-gu, Seoul' }, 'value');
      equal(field.querySelector("[data-part='embed']")!.childElementCount, 0, 'panel emptied');
      await waitFor(() => document.activeElement === field.querySelector("[data-part='detail']"), 'focus on the detail');
    });

    it('embed without a container rejects (it cannot show anything)', async () => {
      const adapter = kakaoPostcodeAdapter({ mode: 'embed', scriptUrl: '/fake-kakao/postcode.js' });
      equal((await rejection(adapter.search({ locale: 'ko' }))).code, 'ADDRESS_SEARCH_FAILED', 'code');
    });

    it('the field falls back to manual entry when the script is blocked', async () => {
      const field = document.createElement('mb-address-field') as MbAddressField;
      field.addressSearch = kakaoPostcodeAdapter({ mode: 'popup', scriptUrl: '/__missing__/postcode.v2.js' });
      await fixture(field);
      field.querySelector<HTMLButtonElement>("[data-part~='search-button']")!.click();
      await waitFor(() => field.querySelector("[data-part='notice']"), 'manual entry offered');
      assert(!field.querySelector<HTMLInputElement>("[data-part='postcode']")!.readOnly, 'postcode editable');
    });
  });
});
