// Site configuration and terms.
import assert from 'node:assert/strict';
import { expectError, type Scenario } from './kit.ts';

export function siteScenarios(): Scenario[] {
  return [
    {
      name: 'site: getSiteConfig answers the calling site, parsed by the contract',
      async run(ctx) {
        const config = await ctx.newBrowser().call('getSiteConfig', {});
        assert.equal(config.siteId, ctx.siteId);
        assert.ok(config.memberTypes.length > 0, 'the site takes at least one member type');
        assert.ok(config.verificationMethods.some((m) => m.id === 'mobile' && m.kind === 'otp'), 'the kit needs the mobile OTP method');
        assert.ok(config.siblingSites.some((s) => s.siteId === ctx.siteId), 'siblingSites lists the calling site itself');
        const { policy } = config;
        assert.ok(policy.loginId.minLength <= policy.loginId.maxLength, 'login ID bounds are ordered');
        assert.ok(policy.password.minLength <= policy.password.maxLength, 'password bounds are ordered');
        assert.ok(policy.minAge >= 14, 'minimum age is at least 14 (docs/domain.md, Signup)');
        assert.ok(config.certificate.maxBytes > 0);
        const { contacts } = config;
        if (contacts?.phone) assert.ok(/\d/.test(contacts.phone.number) && contacts.phone.name.ko && contacts.phone.name.en, 'a help-desk phone has a number and a name in both languages');
        if (contacts?.email) assert.match(contacts.email, /^[^@\s]+@[^@\s]+$/, 'the help-desk e-mail is an address');
      },
    },
    {
      name: 'site: listTerms answers signup and company documents, required ones first',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const { documents } = await browser.call('listTerms', { query: { purpose: 'signup' } });
        assert.ok(documents.some((d) => d.required), 'at least one required signup document');
        const firstOptional = documents.findIndex((d) => !d.required);
        if (firstOptional >= 0) assert.ok(documents.slice(firstOptional).every((d) => !d.required), `required documents come first: ${documents.map((d) => `${d.documentId}${d.required ? '*' : ''}`).join(', ')}`);
        assert.equal(new Set(documents.map((d) => d.documentId)).size, documents.length, 'document ids are unique');
        for (const doc of documents) {
          assert.ok(doc.version.length > 0, `${doc.documentId} has a version`);
          assert.ok(doc.body.ko.length > 0 && doc.body.en.length > 0, `${doc.documentId} has text in both languages`);
          assert.ok(!/<[a-z][^>]*>/i.test(doc.body.ko + doc.body.en), `${doc.documentId} body is plain text, not HTML`);
          // 개인정보 보호법 §17 ②: giving data to a third party names who, why, what and how long.
          if (doc.category === 'third-party') assert.ok(doc.summary?.recipient && doc.summary.purpose && doc.summary.items && doc.summary.retention, `${doc.documentId} names recipient, purpose, items and retention`);
        }
        for (const notice of (await browser.call('listTerms', { query: { purpose: 'signup' } })).notices ?? []) {
          assert.ok(notice.text.ko.length > 0 && notice.text.en.length > 0, `notice ${notice.noticeId} has text in both languages`);
        }
        await browser.call('listTerms', { query: { purpose: 'company' } });
      },
    },
    {
      name: 'site: an unknown site is refused with SITE_UNKNOWN',
      async run(ctx) {
        await expectError(ctx.newBrowser({ siteId: 'no-such-site-kit' }).call('getSiteConfig', {}), 'SITE_UNKNOWN');
        await expectError(ctx.newBrowser({ siteId: 'no-such-site-kit' }).call('listTerms', { query: { purpose: 'signup' } }), 'SITE_UNKNOWN');
      },
    },
    {
      name: 'site: searchAddresses answers pages of road addresses when the config names it, else NOT_FOUND; a short keyword is VALIDATION_FAILED',
      async run(ctx) {
        const browser = ctx.newBrowser();
        const config = await browser.call('getSiteConfig', {});
        if (!config.addressSearch) {
          await expectError(browser.call('searchAddresses', { query: { keyword: '세종대로' } }), 'NOT_FOUND');
          return;
        }
        const page = await browser.call('searchAddresses', { query: { keyword: '세종대로', size: '2' } });
        assert.ok(page.results.length <= 2 && page.total >= page.results.length, 'a page holds at most `size` results of `total`');
        for (const match of page.results) assert.match(match.postcode, /^\d{5}$/);
        const past = await browser.call('searchAddresses', { query: { keyword: '세종대로', page: '999' } });
        assert.deepEqual(past.results, [], 'a page past the last is empty');
        await expectError(browser.call('searchAddresses', { query: { keyword: '세' } }), 'VALIDATION_FAILED');
      },
    },
  ];
}
