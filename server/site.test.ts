import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { termsListSchema, type TermsDocument } from '../src/api/index.ts';
import { defaultSites } from './config.ts';
import { thirdParty } from './terms.ts';
import { testServer } from './testing.ts';

const byId = (documents: TermsDocument[], id: string) => {
  const doc = documents.find((d) => d.documentId === id);
  assert.ok(doc, `document ${id}`);
  return doc;
};

describe('consent documents (the trade manual)', () => {
  test('① the terms of use name every sibling site one account opens, in both languages', async () => {
    const h = testServer();
    const { documents } = await h.client('trade').call('listTerms', { query: { purpose: 'signup' } });
    const terms = byId(documents, 'trade-terms');
    assert.deepEqual([terms.title.ko, terms.required, terms.answer], ['이용약관', true, 'agree']);
    for (const site of (await h.client('trade').call('getSiteConfig', {})).siblingSites) {
      assert.ok(terms.body.ko.includes(site.name.ko) && terms.body.ko.includes(site.url), `ko names ${site.siteId}`);
      assert.ok(terms.body.en.includes(site.name.en) && terms.body.en.includes(site.url), `en names ${site.siteId}`);
    }
    assert.match(terms.body.ko, /별도 가입 없이 하나의 계정으로/);
  });

  test('② collection and use: purpose, required items with 본인인증, optional items apart', async () => {
    const { documents } = await testServer().client('trade').call('listTerms', { query: { purpose: 'signup' } });
    const privacy = byId(documents, 'trade-privacy');
    assert.equal(privacy.required, true);
    assert.equal(privacy.summary?.purpose.ko, '통합 회원관리, 서비스 제공, 민원 처리');
    for (const item of ['아이디', '비밀번호', '성명(한글)', '주소', '전화번호', '이메일']) assert.ok(privacy.summary?.items.ko.includes(item), item);
    assert.match(privacy.body.ko, /성명\(한글\).*본인인증/);
    assert.match(privacy.body.ko, /필수 입력 항목[\s\S]*선택 입력 항목/);
    assert.ok(privacy.summary?.optionalItems?.ko.includes('휴대전화'), 'mobile is optional on the trade site');
    assert.ok(!privacy.summary?.items.ko.includes('휴대전화'), 'and not among the required items');
    assert.ok(privacy.summary?.optionalItems?.en.includes('mobile'));
  });

  test('③ marketing: optional, the manual purposes and items, kept until leaving', async () => {
    const { documents } = await testServer().client('trade').call('listTerms', { query: { purpose: 'signup' } });
    const marketing = byId(documents, 'trade-marketing');
    assert.equal(marketing.required, false);
    assert.equal(marketing.summary?.purpose.ko, '사업 안내, 각종 뉴스레터 발송, 바이어 소개, 맞춤형 서비스 권유');
    assert.equal(marketing.summary?.items.ko, '성명(한글), 전화번호, 이메일, 휴대전화');
    assert.match(marketing.summary?.retention.ko ?? '', /^회원 탈퇴 시까지/);
    assert.match(marketing.summary?.retention.en ?? '', /^Until you leave/);
  });

  test('④ the trade site notes that nothing goes to third parties beyond the consents; animal has no such notice', async () => {
    const h = testServer();
    const trade = await h.client('trade').call('listTerms', { query: { purpose: 'signup' } });
    assert.equal(trade.notices?.length, 1);
    assert.match(trade.notices![0]!.text.ko, /제3자에게 고객님의 개인정보를 제공하지 않으며/);
    assert.match(trade.notices![0]!.text.en, /no third party/);
    const animal = await h.client('animal').call('listTerms', { query: { purpose: 'signup' } });
    assert.equal(animal.notices, undefined);
  });

  test('a site that shares data expresses 제3자 제공 (§17: recipient, purpose, items, period) in its config', async () => {
    const shared = thirdParty('trade-third-party', {
      recipient: { ko: '지방자치단체(시·군·구)', en: 'Local governments' },
      purpose: { ko: '동물 등록 민원 처리', en: 'Handling animal registration requests' },
      items: { ko: '성명, 휴대전화', en: 'Name, mobile' },
      retention: { ko: '민원 처리 완료 후 1년', en: 'One year after the request is handled' },
      required: false,
    });
    const trade = defaultSites.trade!;
    const h = testServer({ config: { sites: { ...defaultSites, trade: { ...trade, terms: [...trade.terms, shared] } } } });
    const list = await h.client('trade').call('listTerms', { query: { purpose: 'signup' } });
    assert.ok(termsListSchema.safeParse(list).success);
    assert.deepEqual(list.documents.map((d) => d.documentId), ['trade-terms', 'trade-privacy', 'trade-third-party', 'trade-marketing']);
    const doc = byId(list.documents, 'trade-third-party');
    assert.equal(doc.category, 'third-party');
    assert.equal(doc.summary?.recipient?.ko, '지방자치단체(시·군·구)');
    assert.equal(doc.summary?.retention.en, 'One year after the request is handled');
    assert.match(doc.body.ko, /제공받는 자\n지방자치단체/);
  });

  test('every document and notice of every site is complete in English', async () => {
    const h = testServer();
    for (const siteId of Object.keys(defaultSites)) {
      const list = await h.client(siteId).call('listTerms', { query: { purpose: 'signup' } });
      const texts = [...list.documents.flatMap((d) => [d.title, d.body, ...Object.values(d.summary ?? {})]), ...(list.notices ?? []).map((n) => n.text)];
      for (const text of texts) {
        assert.ok(text.ko.length > 0 && text.en.length > 0, `${siteId}: ${text.ko}`);
        assert.doesNotMatch(text.en, /[가-힣]/, `${siteId}: English text without Hangul: ${text.en}`);
      }
    }
  });
});

describe('site contacts', () => {
  test('the presets carry the manuals’ help desks; the certificate alternative comes from them', async () => {
    const h = testServer();
    const trade = await h.client('trade').call('getSiteConfig', {});
    assert.deepEqual(trade.contacts, {
      phone: { name: { ko: '고객안내센터', en: 'Customer centre' }, number: '1600-7119', note: { ko: '연결 후 1번', en: 'then press 1' } },
      email: 'service@kotra.or.kr',
      fax: '02-3460-7932',
    });
    assert.equal(trade.certificate.fax, '02-3460-7932');
    assert.equal(trade.certificate.email, 'service@kotra.or.kr');
    const animal = await h.client('animal').call('getSiteConfig', {});
    assert.equal(animal.contacts?.phone?.number, '1577-0954');
    assert.equal(animal.contacts?.phone?.name.ko, '콜센터');
    assert.equal(animal.certificate.fax, undefined, 'no made-up fax number');
    assert.doesNotMatch(JSON.stringify([trade, animal]), /02-0000-0000|members@example/);
  });

  test('opening hours are part of the config when a site sets them', async () => {
    const trade = defaultSites.trade!;
    const hours = { ko: '평일 09:00~18:00', en: 'Weekdays 09:00–18:00' };
    const h = testServer({ config: { sites: { ...defaultSites, trade: { ...trade, config: { ...trade.config, contacts: { ...trade.config.contacts, hours } } } } } });
    assert.deepEqual((await h.client('trade').call('getSiteConfig', {})).contacts?.hours, hours);
  });
});
