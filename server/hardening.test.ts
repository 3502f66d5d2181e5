import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../src/rules/text.ts';
import { hmacSha256, sha256 } from './crypto.ts';
import { getSandboxPerson, sandboxPersonIds } from './sandbox/people.ts';
import { latestSandboxCode, mobileCodeBody, verifyByMobile } from './sandbox/testing.ts';
import { demoPassword, seedDemoData } from './seed.ts';
import { testOrigin, testServer } from './testing.ts';

const sibling = 'https://animal.example.go.kr';
const login = JSON.stringify({ loginId: 'demomember', password: demoPassword });

async function seeded(config = {}) {
  const h = testServer({ config: { allowedOrigins: [sibling], ...config } });
  await seedDemoData(h.deps);
  return h;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('cross-site requests', () => {
  test('a cross-site enctype="text/plain" form post cannot sign a browser in', async () => {
    const h = await seeded();
    // What a form on another site sends: its Origin, text/plain, a body that happens to be JSON.
    const response = await h.request('/api/v1/session', {
      method: 'POST', site: 'trade',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: `${login.slice(0, -1)}, "x": "="}`,
    });
    assert.equal(response.status, 403);
    assert.equal(await errorCode(response), 'CSRF_INVALID');
    assert.equal(response.headers.get('set-cookie'), null, 'no session cookie');
    // An old browser that sends no Origin still cannot: text/plain is not JSON to this API.
    const noOrigin = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'text/plain' }, body: login });
    assert.equal(noOrigin.status, 415);
    assert.equal(noOrigin.headers.get('set-cookie'), null);
  });

  test('without Origin, a cross-site Sec-Fetch-Site is refused too', async () => {
    const h = await seeded();
    const response = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: login });
    assert.equal(response.status, 403);
  });

  test('this server and allowed sibling origins may post; reads are not checked', async () => {
    const h = await seeded();
    for (const origin of [testOrigin, sibling]) {
      const response = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { origin, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, body: login });
      assert.equal(response.status, 200, origin);
    }
    const read = await h.request('/api/v1/site', { site: 'trade', headers: { origin: 'https://evil.example' } });
    assert.equal(read.status, 200);
  });
});

describe('request bodies', () => {
  test('JSON routes take only application/json (415 otherwise, with a charset it is fine)', async () => {
    const h = await seeded();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': type }, body: login });
      assert.equal(response.status, 415, type);
      assert.equal(await errorCode(response), 'UNSUPPORTED_MEDIA_TYPE');
    }
    const ok = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json; charset=utf-8' }, body: login });
    assert.equal(ok.status, 200);
  });

  test('a JSON body over 64 KB is refused with 413 before it is read whole', async () => {
    const h = await seeded();
    const big = JSON.stringify({ loginId: 'demomember', password: 'x'.repeat(70 * 1024) });
    const declared = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: big });
    assert.equal(declared.status, 413);
    assert.equal(await errorCode(declared), 'PAYLOAD_TOO_LARGE');
    // Streamed without Content-Length: reading stops at the limit, the rest of the stream is never pulled.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const streamed = await h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.ok(pulled < 10, `pulled ${pulled} chunks`);
  });
});

describe('login throttling', () => {
  const attempt = (h: ReturnType<typeof testServer>, address: string, password: string) =>
    h.request('/api/v1/session', { method: 'POST', site: 'trade', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ loginId: 'demomember', password }) });

  test('failures from one client make that client wait; the member elsewhere still signs in', async () => {
    const h = await seeded({ trustProxyHops: 1 });
    for (let i = 0; i < 5; i += 1) assert.equal((await attempt(h, '6.6.6.6', 'wrong')).status, 401);
    const attacker = await attempt(h, '6.6.6.6', demoPassword);
    assert.equal(attacker.status, 429, 'the guessing client waits, even with the right password');
    assert.ok(Number(attacker.headers.get('retry-after')) > 0);
    assert.equal((await attempt(h, '7.7.7.7', demoPassword)).status, 200, 'the member is not locked out');
  });

  test('failures from many clients slow every try on the ID, without refusing the right password', async () => {
    const waits: number[] = [];
    const h = testServer({ config: { allowedOrigins: [sibling], trustProxyHops: 1 }, sleep: async (ms) => void waits.push(ms) });
    await seedDemoData(h.deps);
    for (let i = 0; i < 20; i += 1) assert.equal((await attempt(h, `6.6.${i}.1`, 'wrong')).status, 401);
    assert.deepEqual(waits, [], 'no slowdown below the account threshold');
    assert.equal((await attempt(h, '7.7.7.7', demoPassword)).status, 200);
    assert.equal(waits.length, 1, 'the sign-in was slowed');
    assert.ok(waits[0]! >= 1000);
  });
});

describe('free text', () => {
  test('every free-text field is stored NFC-normalised without control, bidi-override or zero-width characters', async () => {
    const h = testServer();
    const client = h.client();
    const verification = await verifyByMobile(h, client, sandboxPersonIds.hong, 'signup');
    const { documents } = await client.call('listTerms', { query: { purpose: 'signup' } });
    const decomposed = '\u1112\u1161\u11ab'; // 한 as conjoining jamo, as some macOS input sends it
    await client.call('createMember', {
      body: {
        memberType: 'individual', verificationToken: verification.verificationToken,
        consents: documents.map((doc) => ({ documentId: doc.documentId, version: doc.version, agreed: doc.required })),
        details: {
          loginId: 'clean2026', password: 'Passw0rd!2026', email: 'clean@example.com', phone: '02-123-4567', mobile: '010-1234-5678',
          address: { postcode: '03154', base: `서울특별시 종로구 세종대로 209${'\u200b'}`, detail: `${decomposed}빛\u202Egnp.exe\u0000 1층\u2066` },
        },
      },
    });
    const member = await h.deps.store.findMemberByLoginKey('clean2026');
    assert.equal(member?.address?.detail, '한빛gnp.exe 1층');
    assert.equal(member?.address?.base, '서울특별시 종로구 세종대로 209');
    // The password was not altered: it still signs in as typed.
    assert.equal((await h.client().call('login', { body: { loginId: 'clean2026', password: 'Passw0rd!2026' } })).member?.loginId, 'clean2026');
  });

  test('cleanText keeps ordinary text, tabs and line breaks', () => {
    assert.equal(cleanText('Hanbit & Co.\t(주)\n2층'), 'Hanbit & Co.\t(주)\n2층');
    assert.equal(cleanText('a\u200db\ufeffc\u0007d\u2067e'), 'abcde');
  });
});

describe('stored SMS codes', () => {
  test('are an HMAC under the server secret, not a plain hash a database thief could brute-force', async () => {
    const secret = 's'.repeat(40);
    const h = testServer({ config: { secret } });
    const client = h.client();
    const person = getSandboxPerson(sandboxPersonIds.hong);
    const start = await client.call('startVerification', { body: { method: 'mobile', purpose: 'signup' } });
    await client.call('requestMobileCode', { params: { verificationId: start.verificationId }, body: await mobileCodeBody(h, start.verificationId, sandboxPersonIds.hong) });
    const code = (await latestSandboxCode(h, person.mobile))!;
    const record = await h.deps.store.getVerification(start.verificationId);
    assert.notEqual(record?.codeHash, await sha256(`${start.verificationId}:${code}`));
    assert.equal(record?.codeHash, await hmacSha256(secret, `sms-code:${start.verificationId}:${code}`));
    assert.notEqual(record?.codeHash, await hmacSha256('t'.repeat(40), `sms-code:${start.verificationId}:${code}`));
  });
});
