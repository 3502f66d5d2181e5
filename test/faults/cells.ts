// One cell of the fault matrix: a moment of the signup flow under one fault, in its own browser context.
// It passes when the person reads a clear message, the draft survives (a copy of the tab resumes it), the
// retry works once the fault is gone, the journey ends on the done step, and the database holds exactly
// one account for the person and the ID. A slow answer passes when "still working" shows and it succeeds.
import type { Browser } from 'playwright-core';
import { expectText, openScenario, screenshot } from '../e2e/browser.ts';
import { SignupPage } from '../e2e/pages/signup-page.ts';
import { startDemoServer, type DemoServer } from '../e2e/server.ts';
import { blockChunks, inject, type Fault, type Injected } from './faults.ts';
import { accountsOf, Journey } from './journey.ts';
import type { Moment } from './moments.ts';

export type Outcome = { status: 'pass' } | { status: 'fail'; reason: string } | { status: 'absent'; reason: string };

/** Why a cell cannot exist in this setup, or undefined when it runs. */
export function absence(moment: Moment, fault: Fault): string | undefined {
  if (moment.absent) return moment.absent;
  if (moment.id === 'step-code' && fault.id !== 'chunk') return 'code loading only: no API request here';
  if (fault.id === 'chunk' && moment.id !== 'step-code' && moment.id !== 'config') return "the step's code is fetched earlier (prefetch): see the rows 'site config' (page load) and 'step code'";
  if (fault.id === 'restart' && (moment.id === 'config' || moment.id === 'terms')) return 'a reload while the server is down cannot load the page itself (same server)';
  if (fault.id === 'restart' && moment.id === 'provider') return "the sandbox provider window is served by the same server: stopped, it never answers the login, so no exchange starts";
  return undefined;
}

/** The live server: a restart cell replaces it (same port, same data). */
export interface ServerBox {
  server: DemoServer;
  port: number;
}

class CellFailure extends Error {}

function fail(reason: string): never {
  throw new CellFailure(reason);
}

/** Opens a copy of the tab (window.open copies sessionStorage) and checks it resumes the draft. */
async function draftSurvives(journey: Journey, moment: Moment): Promise<void> {
  const [copy] = await Promise.all([
    journey.context.waitForEvent('page'),
    journey.page.evaluate(() => void window.open(location.href, '_blank')),
  ]);
  try {
    const signup = new SignupPage(copy);
    await signup.waitForStep(moment.draft.step, 20_000).catch(() => fail(`draft: a reload did not resume at the ${moment.draft.step} step`));
    if (moment.draft.loginId) {
      // Shown on the review, or typed in the details form, once the step's code has rendered it.
      await copy.waitForFunction((loginId) => {
        const wizard = document.querySelector('signup-wizard');
        return Boolean(wizard && (wizard.textContent?.includes(loginId) || [...wizard.querySelectorAll('input')].some((input) => input.value === loginId)));
      }, journey.loginId, { timeout: 10_000 }).catch(() => fail('draft: the ID typed is gone after a reload'));
    }
  } finally {
    await copy.close();
  }
}

/** Longest a cell may take: a hang anywhere becomes a failure of that cell, not of the run. */
const cellTimeoutMs = 180_000;

export async function runCell(browser: Browser, box: ServerBox, moment: Moment, fault: Fault): Promise<Outcome> {
  const origin = box.server.origin;
  const scenario = await openScenario(browser, origin, `faults-${moment.id}-${fault.id}`);
  // Two cells share two busy cores with a server and its password hashing: give each wait more room.
  scenario.context.setDefaultTimeout(20_000);
  const journey = new Journey(scenario.page, origin);
  let injected: Injected | undefined;
  let stage = 'prepare';
  let serverDown = false;
  let hung = false;
  const guard = setTimeout(() => {
    hung = true;
    void scenario.context.close();
  }, cellTimeoutMs);
  try {
    if (fault.id === 'chunk' && moment.id === 'step-code') injected = await blockChunks(scenario.page, 'identity-form');
    await moment.prepare(journey);
    stage = 'fault';
    if (fault.id === 'chunk' && moment.id === 'config') injected = await blockChunks(scenario.page);
    else if (fault.id === 'restart') {
      await box.server.stop({ keepData: true });
      serverDown = true;
    } else if (fault.id !== 'chunk' && moment.match) injected = await inject(scenario.page, fault.id, moment.match);
    stage = 'trigger';
    await moment.trigger(journey);

    if (fault.id === 'slow') {
      stage = 'slow answer';
      if (moment.stillWorking) {
        await journey.signup.wizard.locator('[data-part~="still-working"]').first().waitFor({ timeout: 9000 })
          .catch(() => fail('no "still working" while the answer took 10 s'));
      }
      await moment.succeeded(journey).catch(() => fail('the slow answer did not complete the moment'));
      if (!moment.stillWorking) fail('succeeded, but nothing said "still working" during the 10 s (not wired here)');
    } else {
      stage = 'message';
      // A request that never answers ends within the client's 15 s budget; retries of 503 add a few seconds.
      await expectText(moment.message(journey), moment.messageFor?.(fault) ?? fault.message ?? '', 25_000)
        .catch(async () => fail(`no clear message; shows ${JSON.stringify(((await moment.message(journey).allTextContents().catch(() => [])).join(' ') || (await journey.signup.wizard.textContent()) || '').replace(/\s+/g, ' ').trim().slice(0, 160))}`));
      if (serverDown) {
        stage = 'restart';
        box.server = await startDemoServer({ port: box.port, dataDir: box.server.dataDir });
        serverDown = false;
      } else if (injected && injected.hits === 0) fail('the fault never hit the request');
      stage = 'draft';
      await draftSurvives(journey, moment);
      stage = 'retry';
      await injected?.remove();
      await moment.retry(journey);
      await moment.succeeded(journey).catch(() => fail('the retry did not work once the fault was gone'));
    }
    stage = 'finish';
    const end = await journey.finish();
    if (end !== 'done') fail(`the journey ended on "${end}", not done`);
    const accounts = accountsOf(box.server.dataDir, journey);
    if (accounts.byLoginId !== 1 || accounts.byPerson !== 1) fail(`accounts in the database: ${accounts.byLoginId} for the ID, ${accounts.byPerson} for the person`);
    return { status: 'pass' };
  } catch (error) {
    if (hung) return { status: 'fail', reason: `hung at ${stage} (over ${cellTimeoutMs / 1000} s)` };
    const message = String((error as Error).message ?? error);
    const reason = error instanceof CellFailure ? message : `${stage}: ${message.split('\n').filter((line) => /Timeout|waiting for|Error/.test(line)).slice(0, 2).join(' / ').slice(0, 240)}`;
    const shot = await screenshot(scenario.page, `faults/${moment.id}-${fault.id}.png`).catch(() => undefined);
    return { status: 'fail', reason: shot ? `${reason} [${shot.slice(shot.indexOf('test-results'))}]` : reason };
  } finally {
    clearTimeout(guard);
    if (serverDown) box.server = await startDemoServer({ port: box.port, dataDir: box.server.dataDir });
    await scenario.context.close().catch(() => undefined);
  }
}
