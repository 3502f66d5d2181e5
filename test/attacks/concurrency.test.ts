// Concurrency against the real server over SQLite: 50 parallel signups of one ID, 50 parallel first
// links of one new BRN, the same submit twice, 50 parallel approvals of one associate.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  attackServer, companyDetails, consents, newBusinessNumber, printTable, putLink, putMember, signupBody, verificationToken, type AttackServer,
} from './harness.ts';

const parallel = 50;
const figures: string[][] = [];

function tally(statuses: number[]): string {
  const by = new Map<number, number>();
  for (const status of statuses) by.set(status, (by.get(status) ?? 0) + 1);
  return [...by].sort(([a], [b]) => a - b).map(([status, n]) => `${n}×${status}`).join(' ');
}

describe('concurrency (SQLite)', () => {
  let h: AttackServer;
  before(async () => {
    h = await attackServer();
  });
  after(() => {
    printTable('Concurrency: what 50 parallel requests leave behind', ['race', 'answers', 'result'], figures);
    h.close();
  });

  test(`${parallel} parallel signups of one login ID (different people) → exactly 1 account`, async () => {
    const answers = await consents(h);
    const tokens = await Promise.all(Array.from({ length: parallel }, () => verificationToken(h)));
    const results = await Promise.all(tokens.map(({ token }) => h.agent().post('/members', signupBody(token, 'racer2026', answers), { 'idempotency-key': crypto.randomUUID() })));
    const statuses = results.map((r) => r.status);
    const accounts = h.count("SELECT COUNT(*) AS n FROM members WHERE login_key = 'racer2026'");
    figures.push(['signup, one ID', tally(statuses), `${accounts} account`]);
    assert.equal(accounts, 1);
    assert.equal(statuses.filter((s) => s === 201).length, 1);
    for (const r of results.filter((r) => r.status !== 201)) assert.equal(r.body.error.code, 'LOGIN_ID_TAKEN');
  });

  test(`${parallel} parallel first links of one new BRN → exactly 1 MASTER`, async () => {
    const members = await Promise.all(Array.from({ length: parallel }, (_, i) => putMember(h, `linker${i}`)));
    const agents = members.map(() => h.agent());
    await Promise.all(agents.map((agent, i) => agent.login(members[i]!.loginId)));
    const brn = newBusinessNumber();
    const results = await Promise.all(agents.map((agent) => agent.post('/me/company', { mode: 'register', company: companyDetails(brn) }, { 'idempotency-key': crypto.randomUUID() })));
    const statuses = results.map((r) => r.status);
    const companies = h.count('SELECT COUNT(*) AS n FROM companies WHERE business_number = ?', brn);
    const masters = h.count("SELECT COUNT(*) AS n FROM company_links l JOIN companies c ON c.company_id = l.company_id WHERE c.business_number = ? AND l.role = 'master'", brn);
    const links = h.count('SELECT COUNT(*) AS n FROM company_links l JOIN companies c ON c.company_id = l.company_id WHERE c.business_number = ?', brn);
    figures.push(['first link, one BRN', tally(statuses), `${companies} company, ${masters} MASTER, ${links - masters} associates`]);
    assert.equal(companies, 1);
    assert.equal(masters, 1);
    assert.equal(results.filter((r) => r.status < 300 && r.body.role === 'master').length, 1, 'one answer says MASTER');
  });

  test('the same final submit twice (double click, replay with the same Idempotency-Key) → 1 account', async () => {
    const answers = await consents(h);
    const { token } = await verificationToken(h);
    const body = signupBody(token, 'double2026', answers);
    const key = crypto.randomUUID();
    const browser = h.agent();
    const [first, second] = await Promise.all([browser.post('/members', body, { 'idempotency-key': key }), browser.post('/members', body, { 'idempotency-key': key })]);
    const replay = await browser.post('/members', body, { 'idempotency-key': key });
    // Without the key (a client that forgot it): the used verification token stops the second one.
    const again = await browser.post('/members', body, { 'idempotency-key': crypto.randomUUID() });
    const accounts = h.count("SELECT COUNT(*) AS n FROM members WHERE login_key = 'double2026'");
    figures.push(['same submit ×2 + replay + new key', tally([first.status, second.status, replay.status, again.status]), `${accounts} account`]);
    assert.equal(accounts, 1);
    const created = [first, second, replay].filter((r) => r.status === 201);
    assert.ok(created.length >= 2, `the replay answers the first result: ${tally([first.status, second.status, replay.status])}`);
    assert.equal(new Set(created.map((r) => r.body.member.memberId)).size, 1, 'one member in every answer');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.ok(again.status >= 400 && again.status < 500, `a second submit with another key is refused (${again.status})`);
  });

  test(`${parallel} parallel approvals of one associate → one approval`, async () => {
    const brn = newBusinessNumber();
    const master = await putMember(h, 'apmaster');
    const associate = await putMember(h, 'apassoc');
    const company = await putLink(h, master, brn);
    await putLink(h, associate, brn);
    const agent = h.agent();
    await agent.login('apmaster');
    const results = await Promise.all(Array.from({ length: parallel }, () => agent.post(`/companies/${company.companyId}/members/${associate.memberId}/approval`)));
    const statuses = results.map((r) => r.status);
    const regular = h.count("SELECT COUNT(*) AS n FROM company_links WHERE member_id = ? AND role = 'regular'", associate.memberId);
    const approvals = statuses.filter((s) => s === 200).length;
    figures.push(['approve one associate', tally(statuses), `${regular} regular link, ${approvals} "approved" answer(s)`]);
    assert.equal(regular, 1);
    assert.equal(approvals, 1, 'exactly one request approves; the others find no associate to approve');
    for (const r of results.filter((r) => r.status !== 200)) assert.equal(r.body.error.code, 'MEMBER_NOT_IN_COMPANY');
  });
});
