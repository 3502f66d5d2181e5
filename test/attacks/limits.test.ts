// Limits and bad input: oversized, deeply nested and malformed bodies, wrong content types, control and
// bidi-override characters in names and IDs, uploads that lie about their type or size. Each is a clear
// 4xx with the contract's error body, nothing is stored, and the server keeps serving.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { attackServer, consents, printTable, signupBody, verificationToken, type Answer, type AttackServer } from './harness.ts';

const rows: string[][] = [];
const tables = ['members', 'companies', 'company_links', 'certificates', 'sessions'];

describe('limits and bad input', () => {
  let h: AttackServer;
  let answers: unknown[];
  before(async () => {
    h = await attackServer();
    answers = await consents(h);
  });
  after(() => {
    printTable('Limits: bad input → answer (nothing stored, server still serving)', ['input', 'route', 'HTTP', 'code'], rows);
    h.close();
  });

  const snapshot = () => tables.map((table) => h.count(`SELECT COUNT(*) AS n FROM ${table}`)).join(',');

  /** Sends one bad request: a 4xx in the error envelope, no new rows, and /site still answers. */
  async function refused(name: string, route: string, send: () => Promise<Answer>, expected?: number) {
    const before = snapshot();
    const answer = await send();
    rows.push([name, route, String(answer.status), answer.body?.error?.code ?? '(none)']);
    assert.ok(answer.status >= 400 && answer.status < 500, `${name}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    if (expected) assert.equal(answer.status, expected, name);
    assert.equal(typeof answer.body?.error?.code, 'string', `${name}: the contract's error body`);
    assert.equal(typeof answer.body?.error?.message, 'string');
    assert.equal(snapshot(), before, `${name}: nothing stored`);
    assert.equal((await h.agent().get('/site')).status, 200, `${name}: the server still serves`);
  }

  test('bodies: oversized, deeply nested, malformed, invalid UTF-8, wrong content types', async () => {
    const agent = h.agent();
    const { token } = await verificationToken(h);
    const valid = signupBody(token, 'limits2026', answers);
    const raw = (body: BodyInit, type = 'application/json') => agent.send('POST', '/members', body, { 'content-type': type, 'idempotency-key': crypto.randomUUID() });
    await refused('1 MB JSON', 'POST /members', () => raw(JSON.stringify({ ...valid, padding: 'x'.repeat(1024 * 1024) })), 413);
    await refused('nested 20,000 deep', 'POST /members', () => raw(`${'['.repeat(20_000)}${']'.repeat(20_000)}`));
    await refused('nested objects 5,000 deep', 'POST /members', () => raw(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`));
    await refused('truncated JSON', 'POST /members', () => raw(JSON.stringify(valid).slice(0, -7)), 422);
    await refused('invalid UTF-8', 'POST /members', () => raw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), 422);
    await refused('JSON null', 'POST /members', () => raw('null'));
    await refused('text/plain', 'POST /members', () => raw(JSON.stringify(valid), 'text/plain'), 415);
    await refused('form-urlencoded', 'POST /members', () => raw('memberType=individual', 'application/x-www-form-urlencoded'), 415);
    await refused('multipart to a JSON route', 'POST /members', () => { const form = new FormData(); form.set('memberType', 'individual'); return agent.send('POST', '/members', form, { 'idempotency-key': crypto.randomUUID() }); }, 415);
    await refused('array where object', 'POST /session', () => agent.send('POST', '/session', '[]', { 'content-type': 'application/json' }));
    await refused('huge login ID', 'POST /session', () => agent.login('a'.repeat(50_000)));
    await refused('wrong types', 'POST /members', () => raw(JSON.stringify({ ...valid, consents: 'yes', details: [] })), 422);
    // The valid body still creates the member afterwards: the refusals used nothing up.
    const ok = await raw(JSON.stringify(valid));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  test('control, bidi-override and zero-width characters in IDs and names', async () => {
    const agent = h.agent();
    for (const [name, loginId] of [['NUL in ID', 'user\u0000name'], ['newline in ID', 'user\n2026'], ['fullwidth ID', 'ｕｓｅｒ２０２６'], ['hangul ID', '관리자2026'], ['bidi override in ID', 'admin\u202Enimda'], ['zero-width in ID', 'us\u200Ber2026']] as const) {
      const { token } = await verificationToken(h);
      const before = snapshot();
      const answer = await agent.post('/members', signupBody(token, loginId, answers), { 'idempotency-key': crypto.randomUUID() });
      rows.push([name, 'POST /members', String(answer.status), answer.body?.error?.code ?? `stored as ${JSON.stringify(answer.body.member.loginId)}`]);
      if (answer.status === 201) {
        // The server strips invisible characters before the ID rule: what is stored is plain and is what the answer says.
        const stored = await h.store.getMember(answer.body.member.memberId);
        assert.match(stored!.loginId, /^[a-z0-9]+$/, `${name}: stored ${JSON.stringify(stored!.loginId)}`);
        assert.equal(answer.body.member.loginId, stored!.loginId, `${name}: the member is told the ID they got`);
      } else {
        assert.equal(answer.status, 422, `${name}: ${JSON.stringify(answer.body)}`);
        assert.equal(snapshot(), before, `${name}: nothing stored`);
      }
      const availability = await agent.get(`/login-ids/${encodeURIComponent(loginId)}/availability`);
      assert.ok(availability.status < 500, `${name}: availability answers ${availability.status}`);
      if (availability.body.available) assert.match(availability.body.loginId, /^[a-z0-9]+$/, `${name}: only a plain ID is ever "available"`);
    }
    // Names and free text: stored without the invisible characters (or refused), never as sent.
    const { token } = await verificationToken(h);
    const sneaky = { nameEn: 'Kim\u202E Cheol\u200Bsu\u0007', department: '영업\u2066팀\u0000', position: '과장\u202D' };
    const answer = await agent.post('/members', signupBody(token, 'bidiname01', answers, sneaky), { 'idempotency-key': crypto.randomUUID() });
    rows.push(['bidi/control in nameEn, department', 'POST /members', String(answer.status), answer.body?.error?.code ?? 'stored cleaned']);
    const stored = await h.store.findMemberByLoginKey('bidiname01');
    if (answer.status === 201) {
      for (const value of [stored!.nameEn, stored!.department, stored!.position]) {
        assert.doesNotMatch(String(value), /[\u0000-\u001f\u200b\u202a-\u202e\u2066-\u2069]/u, `stored ${JSON.stringify(value)}`);
      }
    } else {
      assert.ok(answer.status >= 400 && answer.status < 500);
      assert.equal(stored, null);
    }
  });

  test('uploads that lie: HTML or SVG named .png, a PNG too large, no file part', async () => {
    const { token } = await verificationToken(h);
    const agent = h.agent();
    const upload = (content: BlobPart, name: string, type: string) => {
      const form = new FormData();
      form.set('file', new File([content], name, { type }));
      return agent.send('POST', '/certificates', form, { 'x-verification-token': token, 'idempotency-key': crypto.randomUUID() });
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await refused('HTML named .png', 'POST /certificates', () => upload('<html><script>alert(1)</script></html>', 'certificate.png', 'image/png'));
    await refused('SVG named .png', 'POST /certificates', () => upload('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'certificate.png', 'image/png'));
    await refused('SVG named .pdf', 'POST /certificates', () => upload('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'scan.pdf', 'application/pdf'));
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(png);
    await refused('PNG of 5 MB + 1 byte', 'POST /certificates', () => upload(big, 'big.png', 'image/png'), 413);
    await refused('no file part', 'POST /certificates', () => { const form = new FormData(); form.set('other', 'x'); return agent.send('POST', '/certificates', form, { 'x-verification-token': token }); });
    await refused('no session, no verification', 'POST /certificates', () => { const form = new FormData(); form.set('file', new File([png], 'a.png', { type: 'image/png' })); return h.agent().send('POST', '/certificates', form, { 'idempotency-key': crypto.randomUUID() }); }, 401);
    const real = await upload(png, '../../etc/passwd\u202Egnp.png', 'image/png');
    assert.equal(real.status, 201, JSON.stringify(real.body));
    assert.equal(real.body.fileName.includes('/'), false, 'the base name only');
    assert.doesNotMatch(real.body.fileName, /\u202E/u);
  });
});
