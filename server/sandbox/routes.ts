import type { Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { ServerDeps } from '../context.ts';
import { ApiFailure } from '../context.ts';
import { randomToken } from '../crypto.ts';
import {
  completeProviderVerification,
  freshCaptcha,
  isAllowedOrigin,
  isAllowedReturnUrl,
  loadVerification,
  maxProviderLoginAttempts,
  withVerificationLock,
} from '../routes/verification.ts';
import type { VerificationRecord } from '../store/types.ts';
import { captchaMatches, captchaSvg } from './captcha.ts';
import { findSandboxIpin, sandboxPeople, toVerifiedPerson } from './people.ts';

// SANDBOX identity provider pages: an SMS inbox where demo users read their codes, and an i-PIN-like
// provider window (popup or full-page redirect). Mounted only when `config.sandbox` is on; runs in
// Node and, under MSW, in the browser (web APIs only).
//
// The popup result page tells its opener
//   { type: 'membership-verification', verificationId, resultId }     (success)
//   { type: 'membership-verification', verificationId, cancelled: true } (cancel)
// with postMessage to the opener's origin only; redirect mode returns to the site's return URL with
// `mv_verification` + `mv_result` (or `mv_cancelled=1`) appended.

type HtmlContent = ReturnType<typeof html>;

const banner = html`<p class="sandbox-banner" role="note"><strong>SANDBOX</strong> — 테스트용 본인인증 제공자입니다. 실제 본인인증이 아닙니다.<br /><span lang="en">Test identity provider, not a real verification.</span></p>`;

const stylesheet = `
:root { color-scheme: light; font-family: system-ui, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; line-height: 1.5; color: #1b1b1b; background: #fafafa; }
body { margin: 0 auto; padding: 1rem; max-width: 60rem; }
.sandbox-banner { margin: 0 0 1rem; padding: .75rem 1rem; background: #fff4ce; border: 2px dashed #b45309; border-radius: .5rem; }
h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .95rem; }
th, td { border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
.code-text { font-family: ui-monospace, monospace; }
form.ipin { background: #fff; border: 1px solid #ccc; border-radius: .5rem; padding: 1rem; max-width: 26rem; }
.field { margin-bottom: .9rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.field input { box-sizing: border-box; width: 100%; padding: .5rem; font-size: 1rem; border: 1px solid #767676; border-radius: .25rem; }
.hint { color: #444; font-size: .875rem; margin: .25rem 0 0; }
.error { color: #b91c1c; font-weight: 600; border-left: 4px solid #b91c1c; padding-left: .5rem; }
.captcha svg { display: block; border: 1px solid #ccc; border-radius: .25rem; max-width: 100%; height: auto; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; }
button { font-size: 1rem; padding: .5rem 1rem; border-radius: .25rem; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1d4ed8; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.empty { color: #555; }
`;

// Reads the data attributes of #mv-result, tells the opener, closes the window. No page data is
// interpolated into the script: it is a static file.
const resultScript = `(() => {
  const el = document.getElementById('mv-result');
  if (!el) return;
  const { targetOrigin, verificationId, resultId, cancelled } = el.dataset;
  const message = cancelled === 'true'
    ? { type: 'membership-verification', verificationId, cancelled: true }
    : { type: 'membership-verification', verificationId, resultId };
  const close = document.getElementById('mv-close');
  if (close) close.addEventListener('click', () => window.close());
  if (window.opener && !window.opener.closed && targetOrigin) {
    window.opener.postMessage(message, targetOrigin);
    window.close();
  }
})();
`;

function page(c: Context, deps: ServerDeps, title: string, content: HtmlContent, options: { status?: number; refreshSeconds?: number; script?: boolean } = {}) {
  const formTargets = [new URL(deps.config.origin).origin, ...deps.config.allowedOrigins].join(' ');
  c.header('cache-control', 'no-store');
  c.header('x-robots-tag', 'noindex');
  c.header('referrer-policy', 'no-referrer');
  c.header('x-content-type-options', 'nosniff');
  c.header('content-security-policy', `default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self' ${formTargets}; base-uri 'none'; frame-ancestors 'none'`);
  return c.html(
    html`<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />` : ''}
<title>${title} — SANDBOX</title>
<link rel="stylesheet" href="/sandbox/assets/sandbox.css" />
${options.script ? html`<script src="/sandbox/assets/ipin-result.js" defer></script>` : ''}
</head>
<body>
${banner}
<main>
${content}
</main>
</body>
</html>`,
    (options.status ?? 200) as 200,
  );
}

const kst = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'medium' });
const formatMobile = (digits: string) => digits.replace(/^(\d{3})(\d{3,4})(\d{4})$/, '$1-$2-$3');
const genderKo = { male: '남 (male)', female: '여 (female)' } as const;
const nationalityKo = { domestic: '내국인 (domestic)', foreign: '외국인 (foreign)' } as const;

export function sandboxRoutes(app: Hono, deps: ServerDeps): void {
  app.get('/sandbox', (c) => c.redirect('/sandbox/inbox', 302));
  app.get('/sandbox/', (c) => c.redirect('/sandbox/inbox', 302));

  app.get('/sandbox/assets/sandbox.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    c.header('cache-control', 'no-cache');
    return c.body(stylesheet);
  });
  app.get('/sandbox/assets/ipin-result.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'no-cache');
    return c.body(resultScript);
  });

  // ------------------------------------------------------------ SMS inbox

  app.get('/sandbox/inbox.json', async (c) => {
    const messages = await deps.store.listSandboxMessages(100);
    c.header('cache-control', 'no-store');
    return c.json({
      messages: messages.map((m) => ({ messageId: m.messageId, mobile: m.mobile, text: m.text, sentAt: new Date(m.sentAt).toISOString() })),
      people: sandboxPeople.map((p) => ({
        id: p.id, name: p.name, birthDate: p.birthDate, gender: p.gender, nationality: p.nationality, carrier: p.carrier,
        mobile: p.mobile, ipinId: p.ipinId, ipinPassword: p.ipinPassword, corporatePhone: p.corporatePhone, note: p.note,
      })),
    });
  });

  // Automation hook of the sandbox (the contract test kit, end-to-end tests): the security text a
  // verification expects right now. A sandbox is not a security boundary; real providers have no such call.
  app.get('/sandbox/verifications/:verificationId/captcha-answer', async (c) => {
    const record = await deps.store.getVerification(c.req.param('verificationId'));
    c.header('cache-control', 'no-store');
    if (!record?.captchaAnswer) return c.json({ error: { code: 'VERIFICATION_NOT_FOUND', message: 'No security text for this verification.' } }, 404);
    return c.json({ answer: record.captchaAnswer });
  });

  app.get('/sandbox/inbox', async (c) => {
    const messages = await deps.store.listSandboxMessages(50);
    const rows = messages.map(
      (m) => html`<tr><td><time datetime="${new Date(m.sentAt).toISOString()}">${kst.format(m.sentAt)}</time></td><td>${formatMobile(m.mobile)}</td><td class="code-text">${m.text}</td></tr>`,
    );
    const people = sandboxPeople.map(
      (p) => html`<tr><td>${p.name}</td><td>${p.birthDate}</td><td>${genderKo[p.gender]}</td><td>${nationalityKo[p.nationality]}</td><td>${p.carrier}</td><td>${formatMobile(p.mobile)}</td><td class="code-text">${p.ipinId}</td><td class="code-text">${p.ipinPassword}</td><td>${p.note}</td></tr>`,
    );
    return page(
      c,
      deps,
      '문자 수신함 / SMS inbox',
      html`<h1>샌드박스 문자 수신함 <span lang="en">/ Sandbox SMS inbox</span></h1>
<p>휴대폰 본인인증에서 보낸 인증번호가 여기에 표시됩니다 (5초마다 새로 고침). <span lang="en">Codes sent by the mobile verification appear here (refreshes every 5 seconds).</span> <a href="/sandbox/inbox">지금 새로 고침 / Refresh now</a></p>
<section aria-labelledby="messages-heading">
<h2 id="messages-heading">받은 문자 (최신순) <span lang="en">/ Messages, newest first</span></h2>
${messages.length === 0
  ? html`<p class="empty">아직 받은 문자가 없습니다. <span lang="en">No messages yet.</span></p>`
  : html`<table><caption class="hint">최근 50건 / last 50</caption><thead><tr><th scope="col">받은 시각 (KST)</th><th scope="col">휴대폰 번호</th><th scope="col">내용</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>
<section aria-labelledby="people-heading">
<h2 id="people-heading">테스트 인물 <span lang="en">/ Test people</span></h2>
<p>샌드박스 통신사와 아이핀은 아래 가상 인물만 알고 있습니다. 휴대폰 인증에는 모든 항목을 그대로 입력하세요. <span lang="en">The sandbox carrier and i-PIN only know these fictional people: type every detail exactly as shown.</span></p>
<table><thead><tr><th scope="col">이름</th><th scope="col">생년월일</th><th scope="col">성별</th><th scope="col">내/외국인</th><th scope="col">통신사</th><th scope="col">휴대폰</th><th scope="col">아이핀 ID</th><th scope="col">아이핀 비밀번호</th><th scope="col">용도 / use</th></tr></thead><tbody>${people}</tbody></table>
</section>`,
      { refreshSeconds: 5 },
    );
  });

  // ------------------------------------------------------------ i-PIN provider window

  app.get('/sandbox/ipin/new', (c) =>
    page(
      c,
      deps,
      '아이핀 신규 발급 / New i-PIN',
      html`<h1>아이핀 신규 발급 <span lang="en">/ Issue a new i-PIN</span></h1>
<p>실제 아이핀은 본인확인기관(예: NICE, SCI, KCB)이 발급합니다. 공공 아이핀은 2018년부터 신규 발급이 중단되었습니다. <span lang="en">Real i-PINs are issued by the identity providers (e.g. NICE, SCI, KCB); the public i-PIN stopped new issuance in 2018.</span></p>
<p>샌드박스에서는 새 아이핀을 발급하지 않습니다. <a href="/sandbox/inbox#people-heading">테스트 인물 목록</a>의 아이핀 ID와 비밀번호를 사용하세요. <span lang="en">The sandbox issues none: use an i-PIN ID and password from the <a href="/sandbox/inbox#people-heading">list of test people</a>.</span></p>`,
    ),
  );

  app.get('/sandbox/ipin', async (c) => {
    const target = readTarget(deps, c.req.query());
    if ('error' in target) return errorPage(c, deps, target.error, 400);
    return withVerificationLock(deps, target.verificationId, async () => {
      const record = await loadProviderRecord(deps, target.verificationId);
      if ('error' in record) return errorPage(c, deps, record.error, record.status);
      if (record.mode !== target.mode) return errorPage(c, deps, '요청이 올바르지 않습니다. / This request does not match the verification.', 400);
      return ipinForm(c, deps, record, target, { ipinId: '' });
    });
  });

  app.post('/sandbox/ipin', async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const target = readTarget(deps, { verification: field('verification'), opener: field('opener'), return: field('return') });
    if ('error' in target) return errorPage(c, deps, target.error, 400);

    return withVerificationLock(deps, target.verificationId, async () => {
      const record = await loadProviderRecord(deps, target.verificationId);
      if ('error' in record) return errorPage(c, deps, record.error, record.status);
      if (record.mode !== target.mode) return errorPage(c, deps, '요청이 올바르지 않습니다. / This request does not match the verification.', 400);

      if (field('action') === 'cancel') {
        await deps.store.putVerification({ ...record, captchaAnswer: null });
        return deliver(c, deps, target, { cancelled: true });
      }
      if (record.codeAttempts >= maxProviderLoginAttempts) {
        return errorPage(c, deps, '로그인 실패 횟수를 초과했습니다. 창을 닫고 처음부터 다시 인증해 주세요. / Too many failed sign-ins: close this window and start again.', 429, target);
      }
      const ipinId = field('ipinId').slice(0, 40);
      if (!captchaMatches(record.captchaAnswer, field('captcha').slice(0, 20))) {
        return ipinForm(c, deps, record, target, { ipinId, error: '보안문자가 일치하지 않습니다. 새 보안문자를 입력해 주세요. / The security text does not match; type the new one.' }, 422);
      }
      const person = findSandboxIpin(ipinId, field('password').slice(0, 128));
      if (!person) {
        const failed = { ...record, codeAttempts: record.codeAttempts + 1 };
        const left = Math.max(0, maxProviderLoginAttempts - failed.codeAttempts);
        return ipinForm(c, deps, failed, target, { ipinId, error: `아이핀 ID 또는 비밀번호가 올바르지 않습니다 (남은 시도 ${left}회). / The i-PIN ID or password is wrong (${left} tries left).` }, 422);
      }

      const resultId = await completeProviderVerification(deps, record, toVerifiedPerson(person));
      return deliver(c, deps, target, { resultId });
    });
  });
}

// ---------------------------------------------------------------- i-PIN helpers

interface Target {
  verificationId: string;
  mode: 'popup' | 'redirect';
  /** Popup: the opener's origin (postMessage target). */
  opener: string | null;
  /** Redirect: where to send the browser back. */
  returnUrl: string | null;
}

/** Where the result goes, checked against this server's and the allowed sibling origins. */
function readTarget(deps: ServerDeps, input: Record<string, string | undefined>): Target | { error: string } {
  const verificationId = (input.verification ?? '').slice(0, 100);
  if (!verificationId) return { error: '인증 요청 정보가 없습니다. / The verification id is missing.' };
  const returnUrl = input.return ?? '';
  const opener = input.opener ?? '';
  if (returnUrl) {
    if (!isAllowedReturnUrl(deps.config, returnUrl)) return { error: '허용되지 않은 반환 주소입니다. / The return address is not an allowed site.' };
    return { verificationId, mode: 'redirect', opener: null, returnUrl };
  }
  if (!opener || !isAllowedOrigin(deps.config, opener)) return { error: '허용되지 않은 요청 사이트입니다. / The requesting site is not allowed.' };
  return { verificationId, mode: 'popup', opener, returnUrl: null };
}

async function loadProviderRecord(deps: ServerDeps, verificationId: string): Promise<VerificationRecord | { error: string; status: number }> {
  try {
    const record = await loadVerification(deps, verificationId, null, 'provider');
    if (record.done || record.providerResultId !== null) {
      return { error: '이미 완료된 인증입니다. 창을 닫아 주세요. / This verification is already complete; close this window.', status: 409 };
    }
    return record;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'VERIFICATION_EXPIRED') {
      return { error: '인증 시간이 지났습니다. 창을 닫고 처음부터 다시 시도해 주세요. / This verification expired; close this window and start again.', status: 410 };
    }
    if (error instanceof ApiFailure) return { error: '인증 요청을 찾을 수 없습니다. / No such verification.', status: 404 };
    throw error;
  }
}

function hiddenFields(target: Target) {
  return html`<input type="hidden" name="verification" value="${target.verificationId}" />
${target.opener ? html`<input type="hidden" name="opener" value="${target.opener}" />` : ''}
${target.returnUrl ? html`<input type="hidden" name="return" value="${target.returnUrl}" />` : ''}`;
}

async function ipinForm(c: Context, deps: ServerDeps, record: VerificationRecord, target: Target, state: { ipinId: string; error?: string }, status = 200) {
  // Every showing of the form gets a new security text.
  const captcha = freshCaptcha(record.captchaAnswer);
  await deps.store.putVerification({ ...record, captchaAnswer: captcha });
  const errorId = state.error ? 'ipin-error' : undefined;
  const reload = new URLSearchParams({ verification: target.verificationId, mode: target.mode });
  if (target.opener) reload.set('opener', target.opener);
  if (target.returnUrl) reload.set('return', target.returnUrl);
  return page(
    c,
    deps,
    '아이핀 인증 / i-PIN',
    html`<h1>아이핀(I-PIN) 인증 <span lang="en">/ i-PIN verification</span></h1>
${state.error ? html`<p id="ipin-error" class="error" role="alert">${state.error}</p>` : ''}
<form class="ipin" method="post" action="/sandbox/ipin" novalidate>
${hiddenFields(target)}
<div class="field">
<label for="ipin-id">아이핀 ID <span lang="en">/ i-PIN ID</span></label>
<input id="ipin-id" name="ipinId" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="40" value="${state.ipinId}" ${errorId ? raw(`aria-describedby="${errorId}"`) : ''} />
</div>
<div class="field">
<label for="ipin-password">비밀번호 <span lang="en">/ Password</span></label>
<input id="ipin-password" name="password" type="password" autocomplete="current-password" required maxlength="128" />
</div>
<div class="field captcha">
<label for="ipin-captcha">보안문자 <span lang="en">/ Security text</span></label>
${raw(captchaSvg(captcha, { titleId: 'ipin-captcha-title', title: '보안문자 이미지 (숫자 6자리) / security text image, 6 digits' }))}
<input id="ipin-captcha" name="captcha" type="text" inputmode="numeric" autocomplete="off" required maxlength="20" aria-describedby="ipin-captcha-hint" />
<p id="ipin-captcha-hint" class="hint">이미지의 숫자 6자리를 입력하세요. <span lang="en">Type the 6 digits in the image.</span> <a href="/sandbox/ipin?${reload}">새 보안문자 / New image</a></p>
</div>
<div class="actions">
<button type="submit" name="action" value="login">인증 / Verify</button>
<button type="submit" name="action" value="cancel" class="secondary" formnovalidate>취소 / Cancel</button>
</div>
</form>
<p><a href="/sandbox/ipin/new" target="_blank" rel="noopener">아이핀 신규 발급 / Issue a new i-PIN</a> · <a href="/sandbox/inbox#people-heading" target="_blank" rel="noopener">테스트 계정 보기 / Test accounts</a></p>`,
    { status },
  );
}

/** Hands the result (or the cancel) back: postMessage page in popup mode, 303 in redirect mode. */
function deliver(c: Context, deps: ServerDeps, target: Target, result: { resultId: string } | { cancelled: true }) {
  if (target.mode === 'redirect') {
    const url = new URL(target.returnUrl!);
    url.searchParams.set('mv_verification', target.verificationId);
    if ('resultId' in result) url.searchParams.set('mv_result', result.resultId);
    else url.searchParams.set('mv_cancelled', '1');
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.redirect(url.href, 303);
  }
  const cancelled = 'cancelled' in result;
  return page(
    c,
    deps,
    cancelled ? '인증 취소 / Cancelled' : '인증 완료 / Done',
    html`<div id="mv-result" data-target-origin="${target.opener!}" data-verification-id="${target.verificationId}" ${cancelled ? raw('data-cancelled="true"') : html`data-result-id="${'resultId' in result ? result.resultId : ''}"`}>
<h1>${cancelled ? '인증을 취소했습니다' : '인증이 완료되었습니다'} <span lang="en">/ ${cancelled ? 'Verification cancelled' : 'Verification complete'}</span></h1>
<p>이 창은 자동으로 닫힙니다. 닫히지 않으면 창을 닫고 원래 화면으로 돌아가세요. <span lang="en">This window closes by itself; if it does not, close it and return to the site.</span></p>
<button type="button" id="mv-close">창 닫기 / Close window</button>
</div>`,
    { script: true },
  );
}

function errorPage(c: Context, deps: ServerDeps, message: string, status: number, target?: Target) {
  return page(
    c,
    deps,
    '오류 / Error',
    html`<h1>인증을 진행할 수 없습니다 <span lang="en">/ Cannot continue</span></h1>
<p class="error" role="alert">${message}</p>
${target
  ? html`<form method="post" action="/sandbox/ipin">${hiddenFields(target)}<button type="submit" name="action" value="cancel">돌아가기 / Back to the site</button></form>`
  : ''}`,
    { status },
  );
}
