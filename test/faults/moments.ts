// The network moments of the signup flow: how a journey gets just before each, the request the fault
// hits, where the person reads what happened, their retry, and what success looks like.
import type { Locator } from 'playwright-core';
import type { Fault, RequestMatch } from './faults.ts';
import type { Journey, Step } from './journey.ts';
import { t } from '../e2e/text.ts';
import { sandboxIpinPassword } from '../../server/sandbox/people.ts';

export interface Moment {
  id: string;
  /** Row title of the printed matrix. */
  title: string;
  /** The request a fault hits; undefined for the code-loading row (chunk faults only). */
  match?: RequestMatch;
  /** Not testable in this setup, and why (the row prints "—"). */
  absent?: string;
  /** Drives the journey to just before the moment. */
  prepare(journey: Journey): Promise<void>;
  /** The person's action that makes the request. */
  trigger(journey: Journey): Promise<void>;
  /** Where the message must show. */
  message(journey: Journey): Locator;
  /** The person's retry once the fault is gone. */
  retry(journey: Journey): Promise<void>;
  /** The moment's success (after the retry, or in spite of a slow answer). */
  succeeded(journey: Journey): Promise<void>;
  /** The step a copy of the tab (same sessionStorage) resumes at, and whether the ID typed must be there. */
  draft: { step: Step; loginId: boolean };
  /** The wizard shows "still working" for this moment (a slow answer must show it). */
  stillWorking: boolean;
  /** What the person must read under `fault` when the moment has words of its own (default: the fault's). */
  messageFor?(fault: Fault): string | undefined;
}

const api = (path: string) => new RegExp(`^/api/v1${path}$`);
const retryButton = (scope: Locator) => scope.getByRole('button', { name: t('common.retry'), exact: true });

/** Clicks "다시 시도" where the message is, or else does the moment's action again. */
async function retryOr(scope: Locator, again: () => Promise<void>): Promise<void> {
  const retry = retryButton(scope).first();
  if (await retry.isVisible()) await retry.click();
  else await again();
}

/** What the address row searches for, and the one road address it finds (the sandbox address book). */
const searchedBuilding = '정부서울청사';
const searchedAddress = '서울특별시 종로구 세종대로 209';

const wizardAlert = (journey: Journey) => journey.signup.wizard.locator('[role="alert"]');
const nothingToDo = async () => {};

export const moments: readonly Moment[] = [
  {
    id: 'config',
    title: 'site config',
    match: { method: 'GET', path: api('/site') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
    },
    // A reload: the wizard asks for the site settings again, then resumes the draft.
    trigger: (journey) => journey.page.reload().then(() => undefined),
    message: wizardAlert,
    retry: (journey) => retryOr(journey.signup.wizard, () => journey.page.reload().then(() => undefined)),
    succeeded: (journey) => journey.signup.waitForStep('identity', 20_000),
    draft: { step: 'identity', loginId: false },
    stillWorking: true,
  },
  {
    id: 'terms',
    title: 'terms',
    match: { method: 'GET', path: api('/terms') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
    },
    trigger: (journey) => journey.page.reload().then(() => undefined),
    message: wizardAlert,
    retry: (journey) => retryOr(journey.signup.wizard, () => journey.page.reload().then(() => undefined)),
    succeeded: async (journey) => {
      await journey.signup.waitForStep('consent', 20_000);
      await journey.signup.wizard.getByRole('checkbox', { name: t('widgets.consent.agreeAll') }).waitFor({ timeout: 20_000 });
    },
    draft: { step: 'consent', loginId: false },
    stillWorking: true,
  },
  {
    id: 'step-code',
    title: 'step code',
    prepare: (journey) => journey.open(),
    // The identity step's code is the first chunk the wizard needs after the first two steps.
    trigger: async (journey) => {
      await journey.chooseType();
      await journey.agree();
    },
    message: wizardAlert,
    retry: (journey) => retryOr(journey.signup.wizard, nothingToDo),
    succeeded: (journey) => journey.identity.methodChoice.waitFor({ timeout: 20_000 }),
    draft: { step: 'identity', loginId: false },
    stillWorking: false,
  },
  {
    id: 'request-code',
    title: 'verif. request',
    match: { method: 'POST', path: api('/verifications/[^/]+/mobile-code') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
      await journey.fillMobileForm();
    },
    trigger: (journey) => journey.mobileForm.requestCodeButton.click(),
    message: (journey) => journey.identity.root.locator('[role="alert"]'),
    // The message asks for the new security text shown, then "인증번호 받기" again.
    retry: (journey) => retryOr(journey.identity.root, async () => {
      await journey.refillCaptcha();
      await journey.mobileForm.requestCodeButton.click();
    }),
    succeeded: (journey) => journey.codeEntry.form.waitFor({ timeout: 20_000 }),
    draft: { step: 'identity', loginId: false },
    stillWorking: true,
  },
  {
    id: 'confirm',
    title: 'verif. confirm',
    match: { method: 'POST', path: api('/verifications/[^/]+/mobile-code/confirm') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
      await journey.fillMobileForm();
      await journey.mobileForm.requestCode();
      await journey.enterCode();
    },
    trigger: (journey) => journey.codeEntry.confirm(),
    message: (journey) => journey.identity.root.locator('[role="alert"]'),
    retry: (journey) => retryOr(journey.identity.root, () => journey.codeEntry.confirm()),
    succeeded: (journey) => journey.signup.waitForStep('details', 20_000),
    draft: { step: 'identity', loginId: false },
    stillWorking: true,
  },
  {
    id: 'provider',
    title: 'provider exch.',
    match: { method: 'POST', path: api('/verifications/[^/]+/provider-result') },
    // Up to the filled i-PIN window (popup); its 인증 sends the result to the wizard, which exchanges it.
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
      journey.providerWindow = await journey.identity.chooseIpin();
      await journey.providerWindow.fill(journey.origin, journey.ipinId, sandboxIpinPassword);
    },
    trigger: (journey) => journey.providerWindow!.submit(),
    message: (journey) => journey.identity.root.locator('[role="alert"]'),
    // 다시 시도 exchanges the same result again (the window is gone; a new one would mean a new login).
    retry: (journey) => retryButton(journey.identity.root).first().click(),
    succeeded: (journey) => journey.signup.waitForStep('details', 20_000),
    draft: { step: 'identity', loginId: false },
    stillWorking: true,
  },
  {
    id: 'address',
    title: 'address search',
    match: { method: 'GET', path: api('/addresses') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
      await journey.finish('details');
      await journey.fillDetails({ withAddress: false });
      await journey.details.loginId.fill(journey.loginId);
    },
    trigger: (journey) => journey.address.search(searchedBuilding),
    // The field's own words (address.*): unreachable or no answer in time, else the search failed.
    messageFor: (fault) => t(fault.id === 'offline' || fault.id === 'timeout' || fault.id === 'restart' ? 'address.unavailable' : 'address.failed'),
    message: (journey) => journey.address.panel,
    // 검색 again with the query still typed (a lost query would find something else, or nothing).
    retry: (journey) => journey.address.querySubmit.click(),
    succeeded: (journey) => journey.address.pick(searchedAddress),
    draft: { step: 'details', loginId: true },
    stillWorking: true,
  },
  {
    id: 'login-id',
    title: 'ID availability',
    match: { method: 'GET', path: api('/login-ids/[^/]+/availability') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
      await journey.finish('details');
      await journey.fillDetails();
    },
    trigger: (journey) => journey.checkId(),
    message: (journey) => journey.details.loginIdStatus,
    retry: (journey) => journey.details.checkLoginId.click(),
    succeeded: (journey) => journey.details.loginIdStatus.filter({ hasText: t('signup.details.loginId.available') }).waitFor({ timeout: 20_000 }),
    draft: { step: 'details', loginId: true },
    stillWorking: true,
  },
  {
    id: 'submit',
    title: 'final submit',
    match: { method: 'POST', path: api('/members') },
    prepare: async (journey) => {
      await journey.open();
      await journey.chooseType();
      await journey.agree();
      await journey.finish('review');
    },
    trigger: (journey) => journey.review.submitButton.click(),
    message: (journey) => journey.review.failure,
    retry: (journey) => retryOr(journey.review.failure, () => journey.review.submitButton.click()),
    succeeded: (journey) => journey.signup.waitForStep('done', 20_000),
    draft: { step: 'review', loginId: true },
    stillWorking: true,
  },
];
