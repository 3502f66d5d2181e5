#!/usr/bin/env node
// `npm run contract -- --base-url URL`: the contract test kit against any membership server.
import { parseArgs } from 'node:util';
import { MembershipError } from '../src/api/index.ts';
import { areaNames, createContext, runScenario, selectScenarios } from '../test/contract/index.ts';

const help = `Usage: npm run contract -- --base-url URL [--site ID] [--only AREA[,AREA]] [--allowed-origin ORIGIN]

Runs the membership API contract scenarios over HTTP against a server and prints one line per
scenario, then "N passed, N failed". Exits 1 when any scenario fails.

  --base-url URL          API base, e.g. http://127.0.0.1:8787/api/v1/ (required)
  --site ID               site id sent as X-Site-Id (default: trade)
  --only AREA[,AREA]      run only these areas: ${areaNames.join(', ')}
                          (the coverage check then does not run)
  --allowed-origin ORIGIN also check that this sibling-site origin is granted CORS with credentials
  -h, --help              this text

The server under test must run its SANDBOX identity provider on the same origin:
  GET /sandbox/inbox.json                                 SMS messages with the 6-digit codes
  GET /sandbox/verifications/:id/captcha-answer           { answer } of the current security text
and accept generated test people (mobile 010-9999-XXXX, a name starting with 테스트 or Test).
Every run signs up fresh people, so a long-lived server can be tested again and again.

Rate limits: one run sends many requests from one address (dozens of codes, logins, uploads). Start
the reference server with RATE_LIMIT_SCALE=100 for the kit, e.g.
  PORT=8787 MEMBERSHIP_DATA_DIR=$(mktemp -d) RATE_LIMIT_SCALE=100 node server/main.ts
and give your own server's per-client limits the same headroom for the test client.`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      site: { type: 'string', default: 'trade' },
      only: { type: 'string' },
      'allowed-origin': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${help}`);
  process.exit(2);
}
if (values.help) {
  console.log(help);
  process.exit(0);
}
if (!values['base-url']) {
  console.error(`--base-url is required.\n\n${help}`);
  process.exit(2);
}

const only = values.only?.split(',').map((area) => area.trim()).filter(Boolean);
let scenarios;
try {
  scenarios = selectScenarios(only);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const ctx = createContext({ baseUrl: values['base-url'], siteId: values.site, ...(values['allowed-origin'] ? { allowedOrigin: values['allowed-origin'] } : {}) });
console.log(`membership contract kit → ${ctx.baseUrl} (site ${ctx.siteId}, sandbox ${ctx.origin}/sandbox/)\n`);

let passed = 0;
let failed = 0;
let rateLimited = false;
const started = performance.now();
for (const scenario of scenarios) {
  const t0 = performance.now();
  try {
    await runScenario(ctx, scenario);
    passed += 1;
    console.log(`✔ ${scenario.name} (${Math.round(performance.now() - t0)} ms)`);
  } catch (error) {
    failed += 1;
    if (error instanceof MembershipError && error.code === 'RATE_LIMITED') rateLimited = true;
    console.log(`✖ ${scenario.name} — ${reason(error)}`);
  }
}

if (rateLimited) console.log('\nSome calls were RATE_LIMITED: give the test client more headroom (reference server: RATE_LIMIT_SCALE=100).');
console.log(`\n${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed > 0 ? 1 : 0);

function reason(error: unknown): string {
  if (error instanceof MembershipError) {
    const detail = error.status ? `HTTP ${error.status} ` : '';
    const cause = error.code === 'NETWORK_ERROR' && error.cause instanceof Error ? ` (${error.cause.message}${error.cause.cause instanceof Error ? `: ${error.cause.cause.message}` : ''})` : '';
    return `${error.operationId ?? 'call'} failed: ${detail}${error.code}: ${error.message}${cause}`;
  }
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').join('\n    ');
}
