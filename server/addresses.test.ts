import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addressPageSchema } from '../src/api/index.ts';
import { siteApiAdapter } from '../src/elements/shared/address-search/site-api.ts';
import { apiBasePath } from './app.ts';
import { sandboxAddresses } from './sandbox/addresses.ts';
import { testOrigin, testServer } from './testing.ts';

const search = (h: ReturnType<typeof testServer>, query: string, site = 'trade') => h.request(`${apiBasePath}/addresses?${query}`, { site });

describe('address search (GET /addresses)', () => {
  test('the trade site offers it in its config, relative to the API base and naming the site; animal does not', async () => {
    const h = testServer();
    assert.deepEqual((await h.client('trade').call('getSiteConfig', {})).addressSearch, { endpoint: 'addresses?site=trade' });
    assert.equal((await h.client('animal').call('getSiteConfig', {})).addressSearch, undefined);
    const refused = await search(h, 'keyword=세종대로', 'animal');
    assert.equal(refused.status, 404);
    assert.equal((await refused.json()).error.code, 'NOT_FOUND');
  });

  test('a keyword finds road addresses by road, building name, lot address or postcode, in the contract shape', async () => {
    const h = testServer();
    const byRoad = await (await search(h, `keyword=${encodeURIComponent('세종대로 209')}`)).json();
    assert.ok(addressPageSchema.safeParse(byRoad).success);
    assert.deepEqual(byRoad.results.map((match: { base: string }) => match.base), ['서울특별시 종로구 세종대로 209']);
    assert.deepEqual(byRoad.results[0], { postcode: '03171', base: '서울특별시 종로구 세종대로 209', extra: '(세종로)', jibun: '서울특별시 종로구 세종로 77-6', english: '209 Sejong-daero, Jongno-gu, Seoul', buildingName: '정부서울청사' });
    for (const keyword of ['정부서울청사', '세종로 77-6', '세종대로209', '03171', 'sejong-daero, jongno']) {
      const { results } = await (await search(h, `keyword=${encodeURIComponent(keyword)}`)).json();
      assert.ok(results.some((match: { postcode: string }) => match.postcode === '03171'), keyword);
    }
    assert.deepEqual(await (await search(h, `keyword=${encodeURIComponent('없는길 999')}`)).json(), { results: [], total: 0 });
  });

  test('pages: `page` from 1 and `size` (default 10, at most 50); a page past the end is empty', async () => {
    const h = testServer();
    const all = sandboxAddresses.filter((entry) => entry.base.includes('세종대로')).length;
    assert.ok(all > 10, 'enough 세종대로 addresses for two pages');
    const first = await (await search(h, 'keyword=%EC%84%B8%EC%A2%85%EB%8C%80%EB%A1%9C')).json();
    const second = await (await search(h, 'keyword=%EC%84%B8%EC%A2%85%EB%8C%80%EB%A1%9C&page=2')).json();
    assert.equal(first.results.length, 10);
    assert.equal(first.total, all);
    assert.equal(second.results.length, all - 10);
    assert.equal(new Set([...first.results, ...second.results].map((match: { base: string }) => match.base)).size, all);
    assert.equal((await (await search(h, 'keyword=%EC%84%B8%EC%A2%85%EB%8C%80%EB%A1%9C&size=3')).json()).results.length, 3);
    assert.deepEqual(await (await search(h, 'keyword=%EC%84%B8%EC%A2%85%EB%8C%80%EB%A1%9C&page=9')).json(), { results: [], total: all });
  });

  test('bad queries are a clear 4xx with the field and a code', async () => {
    const h = testServer();
    const cases: [string, number, string, string?][] = [
      ['', 422, 'VALIDATION_FAILED', 'keyword'],
      ['keyword=a', 422, 'VALIDATION_FAILED', 'keyword'],
      ['keyword=%20%20%EC%84%B8%20', 422, 'VALIDATION_FAILED', 'keyword'],
      [`keyword=${'가'.repeat(81)}`, 422, 'VALIDATION_FAILED', 'keyword'],
      [`keyword=${encodeURIComponent('<script>')}`, 422, 'VALIDATION_FAILED', 'keyword'],
      [`keyword=${encodeURIComponent("세종' OR 1=1")}`, 422, 'VALIDATION_FAILED', 'keyword'],
      [`keyword=${encodeURIComponent('세종\u202e대로')}`, 422, 'VALIDATION_FAILED', 'keyword'],
      ['keyword=%EC%84%B8%EC%A2%85&page=0', 422, 'VALIDATION_FAILED', 'page'],
      ['keyword=%EC%84%B8%EC%A2%85&page=-1', 422, 'VALIDATION_FAILED', 'page'],
      ['keyword=%EC%84%B8%EC%A2%85&page=1.5', 422, 'VALIDATION_FAILED', 'page'],
      ['keyword=%EC%84%B8%EC%A2%85&size=51', 422, 'VALIDATION_FAILED', 'size'],
      ['keyword=%EC%84%B8%EC%A2%85&size=x', 422, 'VALIDATION_FAILED', 'size'],
    ];
    for (const [query, status, code, field] of cases) {
      const answer = await search(h, query);
      const body = await answer.json();
      assert.equal(answer.status, status, query);
      assert.equal(body.error.code, code, query);
      if (field) assert.ok(body.error.fields.some((entry: { field: string }) => entry.field === `query.${field}`), `${query}: ${JSON.stringify(body.error.fields)}`);
    }
    const unknownSite = await h.request(`${apiBasePath}/addresses?keyword=%EC%84%B8%EC%A2%85`);
    assert.equal(unknownSite.status, 400);
    assert.equal((await unknownSite.json()).error.code, 'SITE_UNKNOWN');
  });

  test('a server without an address source offers none (and answers NOT_FOUND)', async () => {
    const h = testServer({ addresses: null });
    assert.equal((await h.client('trade').call('getSiteConfig', {})).addressSearch, undefined);
    assert.equal((await search(h, 'keyword=%EC%84%B8%EC%A2%85')).status, 404);
  });

  test("the elements' site-API adapter reads its answers: results, total, more pages", async () => {
    const h = testServer();
    const adapter = siteApiAdapter({ endpoint: `${testOrigin}${apiBasePath}/addresses?site=trade`, fetch: (input, init) => h.app.fetch(new Request(input, init)) as Promise<Response> });
    const first = await adapter.query({ query: '세종대로', page: 1, locale: 'ko' });
    const second = await adapter.query({ query: '세종대로', page: 2, locale: 'ko' });
    assert.equal(first.results.length + second.results.length, first.total);
    assert.equal((await adapter.search({ locale: 'ko', query: '정부서울청사' } as Parameters<typeof adapter.search>[0]))?.postcode, '03171');
    await assert.rejects(adapter.query({ query: '<b>', page: 1, locale: 'ko' }), { name: 'AddressSearchError', code: 'ADDRESS_SEARCH_FAILED' });
  });
});
