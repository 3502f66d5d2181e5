import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect } from 'storybook/test';
import { apiBase, apiError, clientFor, connectionLost, http, neverAnswers, overrideApi } from '../support/api.ts';
import {
  $, agreeToAll, chooseType, click, clickNext, fillDetails, freshLoginId, freshPerson, people, settle, submitDetails, submitReview, submitToDone, toDetails, verifyInWizard,
  verifierIn, verifyByMobile, waitFor, waitForStep, wizardIn,
} from '../support/drive.ts';
import { SignupWizard } from '../../src/elements/signup-wizard/signup-wizard.ts';
import { interestLists } from '../../src/elements/signup-wizard/steps/details-step.ts';
import { blockPopups, renderWizard, withoutDraft, wizardArgTypes, wizardEvents, type WizardArgs } from '../support/wizard.ts';

/**
 * `<signup-wizard>` when things do not go straight: slow or failing API answers, refusals, the popup
 * blocker, a resumed draft, the sibling site that verifies twice. The server's refusals (under age,
 * already a member, ID taken) come from the reference server and its seeded data; answers it cannot
 * give on demand (a rate limit at submit, a lost connection, a hanging request) are replaced for that
 * one story with `overrideApi` (stories/support/api.ts).
 */
const meta = {
  title: 'Membership/Signup wizard/States',
  component: 'signup-wizard',
  tags: ['autodocs'],
  decorators: [withActions],
  beforeEach: [withoutDraft],
  render: (args, { id }) => renderWizard(args, id),
  argTypes: wizardArgTypes,
  args: {},
  parameters: {
    actions: { handles: wizardEvents },
    docs: {
      description: {
        component:
          'Loading, failures, refusals and recoveries of the signup. On this page every story shows its first screen and no answer is replaced; ' +
          'open a story to see its state (its play function walks there; replaced API answers apply only while that story is open).',
      },
    },
  },
} satisfies Meta<WizardArgs>;

export default meta;
type Story = StoryObj<WizardArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

/**
 * A provider of its own with a client of its own: the site config is loaded afresh for this story
 * (the shared one was loaded once for the whole session and is cached).
 */
const renderWithOwnClient: Story['render'] = (args, { id, globals }) => {
  const site = (globals['site'] as string | undefined) ?? 'trade';
  return html`<membership-provider api-base=${apiBase} site=${site} lang=${(globals['locale'] as string | undefined) ?? 'ko'} .client=${clientFor(site)}>
    ${renderWizard(args, id)}
  </membership-provider>`;
};

export const Loading: Story = {
  parameters: describe('The site config has not arrived yet (the request hangs): a polite status line, never a blank area. The API answer is held back for this story.'),
  beforeEach: [overrideApi(http.get(`${apiBase}site`, neverAnswers))],
  render: renderWithOwnClient,
  play: async ({ canvasElement }) => {
    const wizard = await waitFor(() => canvasElement.querySelector('signup-wizard'), 'the wizard');
    await waitFor(() => wizard.querySelector('[data-part="status"]'), 'the loading status');
  },
};

export const SiteConfigUnavailable: Story = {
  name: 'Site config unavailable',
  parameters: describe('The connection drops while loading the site config: what happened, what to do, and a retry button (which fails again while this story is shown).'),
  beforeEach: [overrideApi(http.get(`${apiBase}site`, connectionLost))],
  render: renderWithOwnClient,
  play: async ({ canvasElement }) => {
    const wizard = await waitFor(() => canvasElement.querySelector('signup-wizard'), 'the wizard');
    await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure', 20_000);
    await expect(wizard.querySelector('[data-part~="retry"]')).not.toBeNull();
  },
};

export const FlowCodeUnavailable: Story = {
  name: 'Signup code unavailable',
  parameters: describe('The signup\'s own code, fetched right after the first step shows, could not load (offline, a CDN error): the wizard says so with 다시 시도, and answers already given stay for when it loads. The code is refused for this story.'),
  beforeEach: [
    () => {
      const original = SignupWizard.flowCode;
      SignupWizard.flowCode = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      return () => {
        SignupWizard.flowCode = original;
      };
    },
  ],
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await waitFor(() => wizard.querySelector('[data-part="failure"] [role="alert"]'), 'the failure');
    await expect($(wizard, '[data-part~="retry"]')).toBeTruthy();
  },
};

export const InterestListsUnavailable: Story = {
  name: 'Details: interest lists unavailable',
  parameters: describe('The interest lists\' code, fetched when the details step shows them, could not load (offline, a CDN error): their place says so with 다시 시도; the other fields work and every entry stays. The code is refused for this story.'),
  beforeEach: [
    () => {
      const { load, ready } = interestLists;
      // As if their code had never arrived, though another story of this page may have loaded it.
      interestLists.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      interestLists.ready = false;
      return () => {
        Object.assign(interestLists, { load, ready });
      };
    },
  ],
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await waitFor(() => wizard.querySelector('mb-deferred-fields [data-part="failure"] [role="alert"]'), 'the failure');
    await expect($(wizard, 'mb-deferred-fields [data-part~="retry"]')).toBeTruthy();
    await expect(wizard.querySelector('input[name="loginId"]')).not.toBeNull();
  },
};

export const TermsUnavailable: Story = {
  name: 'Terms unavailable',
  parameters: describe('The terms cannot be loaded (503 Service Unavailable): the consent step says so with a retry, and `signup-error` is sent.'),
  beforeEach: [overrideApi(http.get(`${apiBase}terms`, () => apiError(503, 'SERVICE_UNAVAILABLE', { retryAfterSeconds: 60 })))],
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, domestic', () => chooseType(wizard, 'individual'));
    await waitFor(() => wizard.querySelector('[data-part="failure"]'), 'the failure');
  },
};

export const UnderAge: Story = {
  name: 'Refused: under age',
  parameters: describe('최하은 (born 2014) verifies by mobile: under the site\'s minimum age of 14, the signup ends here with the reason — no step indicator, no draft kept.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, domestic', () => chooseType(wizard, 'individual'));
    await step('Agree to all terms', async () => {
      await agreeToAll(wizard);
      await clickNext(wizard);
    });
    await step('Mobile verification of 최하은', async () => {
      await waitForStep(wizard, 'identity');
      await verifyByMobile(await verifierIn(wizard), people.minor);
      await waitForStep(wizard, 'under-age');
    });
    await expect(wizard.querySelector('[data-part="refusal"]')).not.toBeNull();
  },
};

export const AlreadyMember: Story = {
  name: 'Refused: already a member',
  args: { findAccountUrl: '/find-account' },
  parameters: describe('강서연 already has the seeded account `demomember`: right after her verification the wizard says so (one account per person) and offers 아이디 찾기 and 비밀번호 찾기 (`find-account-url`), before any details are typed.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 강서연', async () => {
      await chooseType(wizard, 'individual', people.demoMember.nationality);
      await agreeToAll(wizard);
      await clickNext(wizard);
      await verifyInWizard(wizard, people.demoMember);
      await waitForStep(wizard, 'already-member');
    });
    await expect(wizard.querySelectorAll('a[data-part~="find-account"]').length).toBe(2);
  },
};

export const RateLimited: Story = {
  name: 'Submit: rate limited',
  parameters: describe('The API answers the submit with 429 and Retry-After 42: the review stays, says how many seconds to wait, keeps everything. (The seeded server does not rate-limit signups, so this answer is replaced for this story.)'),
  beforeEach: [overrideApi(http.post(`${apiBase}members`, () => apiError(429, 'RATE_LIMITED', { retryAfterSeconds: 42 })))],
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('gildong') }));
    await step('Submit', () => submitReview(wizard));
    await expect(wizard.step).toBe('review');
    await expect(wizard.querySelector('[data-part="failure"] [role="alert"]')).not.toBeNull();
  },
};

export const NetworkFailure: Story = {
  name: 'Submit: connection lost',
  parameters: describe('The connection drops at submit: the review says nothing typed was lost and offers a retry (same Idempotency-Key, so a retry never makes two accounts). The connection stays down while this story is shown.'),
  beforeEach: [overrideApi(http.post(`${apiBase}members`, connectionLost))],
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('gildong') }));
    await step('Submit', async () => {
      await submitReview(wizard);
      await waitFor(() => wizard.querySelector('[data-part~="retry"]'), 'the retry button', 20_000);
    });
    await expect(wizard.step).toBe('review');
  },
};

export const NetworkFailureInEnglish: Story = {
  name: 'Submit: connection lost (English)',
  globals: { locale: 'en' },
  parameters: describe('The connection-lost message at submit in English.'),
  beforeEach: [overrideApi(http.post(`${apiBase}members`, connectionLost))],
  play: NetworkFailure.play,
};

export const PopupBlocked: Story = {
  name: 'Identity: popup blocked',
  parameters: describe('i-PIN chosen while the browser blocks popups: the step says so, offers to try again and to continue without a new window (redirect). The story stands in for the popup blocker (`window.open` answers null while it is shown).'),
  beforeEach: [blockPopups],
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, domestic', () => chooseType(wizard, 'individual'));
    await step('Agree to all terms', async () => {
      await agreeToAll(wizard);
      await clickNext(wizard);
    });
    await step('Choose i-PIN', async () => {
      await waitForStep(wizard, 'identity');
      const verifier = await verifierIn(wizard);
      click(verifier, 'input[name="method"][value="ipin"]');
      await verifier.updateComplete;
      click(verifier, '[data-part="method-choice"] button[type="submit"]');
      await waitFor(() => verifier.dataset.step === 'provider-blocked', 'the blocked state');
    });
    await expect(wizard.querySelector('identity-verify [data-action="use-redirect"]')).not.toBeNull();
  },
};

export const UnderAgeInEnglish: Story = {
  name: 'Refused: under age (English)',
  globals: { locale: 'en' },
  parameters: describe('The under-age refusal in English.'),
  play: UnderAge.play,
};

export const ResumedDraft: Story = {
  name: 'Resumed draft (after a reload)',
  parameters: describe('The page was reloaded on the details step: the draft (sessionStorage) brings the user back there with everything typed — except the password, which is never stored and is asked for again with a notice.'),
  play: async ({ canvasElement, step }) => {
    const first = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(first, people.hong));
    await step('Type some details', () => fillDetails(first, { loginId: freshLoginId('gildong'), department: '수출지원팀' }));
    await step('Reload: a new wizard with the same draft key', async () => {
      const again = document.createElement('signup-wizard');
      again.setAttribute('draft-key', first.getAttribute('draft-key') ?? '');
      first.replaceWith(again);
      const wizard = await wizardIn(canvasElement);
      await waitForStep(wizard, 'details');
      await waitFor(() => wizard.querySelector('[data-part~="details-form"] [data-part="notice"]'), 'the "password again" notice');
    });
  },
};

export const ReverifyAtSubmit: Story = {
  name: 'Review: verify again (animal site)',
  globals: { site: 'animal' },
  parameters: describe('The sibling site "animal" asks for a fresh verification at submit: the review shows `<identity-verify>` and the submit first asks for it. Both tokens go with the signup.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    const person = freshPerson();
    await step(`Type, terms and a mobile verification of ${person.name}`, () => toDetails(wizard, person));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('animal') }));
    await step('Submit without the second verification', () => submitReview(wizard));
    await expect(wizard.querySelector('[data-part="review-reverify"] identity-verify')).not.toBeNull();
  },
};

export const ReverifiedAndDone: Story = {
  name: 'Done after verifying again (animal site)',
  globals: { site: 'animal' },
  parameters: describe('The second verification on the review done (its confirmation shown), then the signup on the animal site completes.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    const person = freshPerson();
    await step(`Type, terms and a mobile verification of ${person.name}`, () => toDetails(wizard, person));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('animal') }));
    await step('Verify again on the review', async () => {
      await verifyByMobile(await verifierIn($(wizard, '[data-part="review-reverify"]')), person);
      await waitFor(() => wizard.querySelector('[data-part="review-reverify"] [data-part="verified"]'), 'verified again');
      await settle(wizard);
    });
    await step('Submit', () => submitToDone(wizard));
    await expect(wizard.step).toBe('done');
  },
};
