import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect } from 'storybook/test';
import {
  $, agreeToAll, chooseType, clickNext, fillCompanyForm, fillDetails, freshBusinessNumber, freshLoginId, freshPerson, people, searchCompany,
  settle, submitDetails, submitToDone, toDetails, waitFor, waitForStep, wizardIn,
} from '../support/drive.ts';
import { renderWizard, withoutDraft, wizardArgTypes, wizardEvents, type WizardArgs } from '../support/wizard.ts';

/**
 * Every step of `<signup-wizard>` against the reference server running in the page (seeded demo
 * data). Each story starts at the type step and its play function walks there the way a person would:
 * radios clicked, terms agreed, the embedded `<identity-verify>` filled in (the security text and the
 * SMS code read from the sandbox provider), details typed. Switch the toolbar's language and site to
 * see the same step in English or on the sibling site.
 */
const meta = {
  title: 'Membership/Signup wizard/Steps',
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
          'The membership signup: member type → terms → identity verification → details → company (corporate members) → review → done. ' +
          'On this page every story shows its first screen; open a story to watch its play function walk to the state it names (the Interactions panel lists each step).',
      },
    },
  },
} satisfies Meta<WizardArgs>;

export default meta;
type Story = StoryObj<WizardArgs>;

const describe = (text: string) => ({ docs: { description: { story: text } } });

export const Type: Story = {
  parameters: describe('Step 1: 개인/기업 and 내국인/외국인, nothing preselected (KRDS), the minimum age noted. The step indicator shows six steps until "corporate" adds the company step.'),
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await expect(wizard.step).toBe('type');
  },
};

export const TypeChoiceRequired: Story = {
  name: 'Type: nothing chosen',
  parameters: describe('"Next" pressed without an answer: both radio groups say "choose one" and focus goes to the first. The error styling of radio groups.'),
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await clickNext(wizard);
    await expect(wizard.querySelectorAll('[data-part="choice-group"] [aria-invalid="true"]').length).toBeGreaterThan(0);
  },
};

export const Consent: Story = {
  parameters: describe('Step 2: the site\'s real terms from the API (listTerms) — required items first, marketing flagged, each text scrollable by keyboard, privacy summaries as tables. "Next" stays disabled until every required item is agreed.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, domestic', () => chooseType(wizard, 'individual'));
    await waitFor(() => wizard.querySelector('mb-consent-list [data-part="document"]'), 'the terms');
    await expect($<HTMLButtonElement>(wizard, '[data-part~="next"]').disabled).toBe(true);
  },
};

export const ConsentAnswered: Story = {
  name: 'Consent: required agreed, marketing refused',
  parameters: describe('The required items agreed one by one and the optional marketing consent refused: "agree to all" shows its mixed state and "next" is enabled — refusing an optional item never blocks.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, domestic', () => chooseType(wizard, 'individual'));
    await step('Answer each document', async () => {
      await waitFor(() => wizard.querySelector('mb-consent-list [data-part="document"]'), 'the terms');
      await settle(wizard);
      for (const input of wizard.querySelectorAll<HTMLInputElement>('mb-consent-list [data-required] input[type="checkbox"], mb-consent-list [data-required] input[value="agree"]')) input.click();
      wizard.querySelector<HTMLInputElement>('mb-consent-list [data-category="marketing"] input[value="disagree"]')?.click();
      await settle(wizard);
    });
    await expect($<HTMLButtonElement>(wizard, '[data-part~="next"]').disabled).toBe(false);
  },
};

export const Identity: Story = {
  parameters: describe('Step 3: the embedded `<identity-verify>` offers the site\'s methods (mobile phone, sandbox i-PIN). Its own states are in "Membership/Identity verify".'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, domestic', () => chooseType(wizard, 'individual'));
    await step('Agree to all terms', async () => {
      await agreeToAll(wizard);
      await clickNext(wizard);
    });
    await waitForStep(wizard, 'identity');
    await waitFor(() => wizard.querySelector('identity-verify input[name="method"]'), 'the methods');
  },
};

export const IdentityVerified: Story = {
  name: 'Identity: already verified (back from details)',
  parameters: describe('Back on the identity step after verifying: who was verified, with "verify again" instead of the forms. 홍길동 verified by mobile through the sandbox.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Back', async () => {
      $<HTMLButtonElement>(wizard, '[data-part~="back"]').click();
      await waitForStep(wizard, 'identity');
    });
    await expect(wizard.querySelector('[data-part="verified"]')).not.toBeNull();
  },
};

export const Details: Story = {
  parameters: describe('Step 4, empty: login ID with its availability check, password with the policy checklist and confirmation, the verified Korean name (read-only), email with domain list, phones, address with its search (the `addressSearch` control switches between a popup-like search, a query-based one and none), interests.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await expect($<HTMLInputElement>(wizard, 'input[name="nameKo"]').value).toBe(people.hong.name);
  },
};

export const DetailsFieldErrors: Story = {
  name: 'Details: field errors',
  parameters: describe('"Next" on the empty details: every required field shows its message (login ID, password, email, phone, address) and focus goes to the first invalid field.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Next with nothing filled in', () => clickNext(wizard));
    await expect(wizard.step).toBe('details');
    await expect(wizard.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(2);
  },
};

export const DetailsFilled: Story = {
  name: 'Details: filled, ID available',
  parameters: describe('Everything filled in: the password checklist all met, the confirmation matching, "ID available" after the check button (the API answered).'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Fill in the details', () => fillDetails(wizard, { loginId: freshLoginId('gildong'), department: '수출지원팀', position: '과장' }));
    await step('Check the ID', async () => {
      $<HTMLButtonElement>(wizard, '[data-part~="login-id-check"]').click();
      await waitFor(() => wizard.flow!.view.loginIdCheck.status === 'available', 'the ID is free');
      await settle(wizard);
    });
    await expect($(wizard, '[data-part="login-id-status"]').dataset.state).toBe('available');
  },
};

export const LoginIdTaken: Story = {
  name: 'Details: login ID taken',
  parameters: describe('The ID `demomember` belongs to a seeded account: the check button says it is taken, and "next" puts the error on the field with focus, keeping everything else.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Fill in the details with the ID demomember', () => fillDetails(wizard, { loginId: 'demomember' }));
    await step('Next', async () => {
      await clickNext(wizard);
      await waitFor(() => wizard.flow!.view.details.errorFor('loginId') === 'LOGIN_ID_TAKEN', 'the ID refused');
      await settle(wizard);
    });
    await expect($(wizard, 'input[name="loginId"]').getAttribute('aria-invalid')).toBe('true');
  },
};

export const DetailsForeignNational: Story = {
  name: 'Details: foreign national',
  parameters: describe('A foreign national (John Smith, verified by mobile) must give the English name: the field is required and "next" without it stops there.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Individual, foreign; terms; verification of John Smith', () => toDetails(wizard, people.foreigner));
    await step('Fill in everything but the English name, next', async () => {
      await fillDetails(wizard, { loginId: freshLoginId('jsmith') });
      await clickNext(wizard);
    });
    await expect(wizard.flow!.view.details.errorFor('nameEn')).toBeTruthy();
  },
};

export const CompanySearch: Story = {
  name: 'Company: search',
  parameters: describe('Step 5 (corporate members only): the business registration number search comes first; nothing else is asked before the API answers.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 김민지', () => toDetails(wizard, people.kim, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('minji') }, 'company'));
    await expect(wizard.step).toBe('company');
  },
};

export const CompanyInvalidNumber: Story = {
  name: 'Company: invalid number',
  parameters: describe('A number with a wrong check digit (124-81-00999) is refused in the browser, before any call, with focus on the field.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 김민지', () => toDetails(wizard, people.kim, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('minji') }, 'company'));
    await step('Search 124-81-00999', () => searchCompany(wizard, '1248100999'));
    await expect(wizard.flow!.view.company.form.errorFor('businessNumber')).toBe('BRN_CHECKSUM');
  },
};

export const CompanyRegistered: Story = {
  name: 'Company: registered',
  parameters: describe('124-81-00998 is a member company (누리무역, seeded): a summary instead of a form; the new member joins as an associate until the company\'s MASTER approves.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 김민지', () => toDetails(wizard, people.kim, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('minji') }, 'company'));
    await step('Search 124-81-00998', () => searchCompany(wizard, '124-81-00998'));
    await expect(wizard.flow!.view.company.lookup?.status).toBe('registered');
  },
};

export const CompanyRegistry: Story = {
  name: 'Company: registry prefill',
  parameters: describe('120-81-47521 is known to the business registry (sandbox): the company form comes prefilled (한빛정밀), the Y/N questions are still asked, no certificate is needed.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 이서준', () => toDetails(wizard, people.lee, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('seojun') }, 'company'));
    await step('Search 120-81-47521', () => searchCompany(wizard, '120-81-47521'));
    await expect($<HTMLInputElement>(wizard, 'input[name="company.nameKo"]').value).not.toBe('');
  },
};

export const CompanyUnknown: Story = {
  name: 'Company: new company',
  parameters: describe('A valid number nobody knows: the member registers the company and becomes its MASTER — the empty company form, the certificate upload and the fax/email alternative.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 김민지', () => toDetails(wizard, people.kim, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('minji') }, 'company'));
    await step('Search a new number', () => searchCompany(wizard, freshBusinessNumber()));
    await expect(wizard.flow!.view.company.lookup?.status).toBe('unknown');
  },
};

export const CompanyFormErrors: Story = {
  name: 'Company: form errors',
  parameters: describe('"Next" on the empty company form: every required field and each Y/N question says what is missing; focus on the first.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 김민지', () => toDetails(wizard, people.kim, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('minji') }, 'company'));
    await step('Search a new number', () => searchCompany(wizard, freshBusinessNumber()));
    await step('Next with the form empty', () => clickNext(wizard));
    await expect(wizard.step).toBe('company');
    await expect(wizard.querySelectorAll('[data-part~="company-form"] [aria-invalid="true"]').length).toBeGreaterThan(2);
  },
};

export const Review: Story = {
  parameters: describe('Step 6: everything entered, by section, each with its edit button — never the password. The submit creates the member.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('gildong'), department: '수출지원팀', position: '과장' }));
    await expect(wizard.step).toBe('review');
  },
};

export const ReviewCorporate: Story = {
  name: 'Review: corporate',
  parameters: describe('The review of a corporate member linking to the registered company 124-81-00998: the company section says "link as associate".'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 김민지', () => toDetails(wizard, people.kim, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('minji') }, 'company'));
    await step('Company 124-81-00998', async () => {
      await searchCompany(wizard, '124-81-00998');
      await clickNext(wizard);
      await waitForStep(wizard, 'review');
    });
    await expect(wizard.querySelector('[data-section="company"]')).not.toBeNull();
  },
};

export const Done: Story = {
  parameters: describe('Step 7 after a real signup of a new sandbox person: the welcome with the login ID and the "continue" link to `completion-url` (the story cancels `signup-complete` to stay here).'),
  args: { completionUrl: '/welcome' },
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    const person = freshPerson();
    await step(`Type, terms and a mobile verification of ${person.name}`, () => toDetails(wizard, person));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('member') }));
    await step('Submit', () => submitToDone(wizard));
    await expect(wizard.querySelector('[data-part="welcome"]')).not.toBeNull();
  },
};

export const DoneMaster: Story = {
  name: 'Done: MASTER, certificate pending',
  parameters: describe('A corporate member who registered a new company without uploading the certificate: MASTER of the company, and where to send the certificate (fax, email).'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    const person = freshPerson();
    await step(`Corporate; terms; verification of ${person.name}`, () => toDetails(wizard, person, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('ceo') }, 'company'));
    await step('A new company, no certificate', async () => {
      await searchCompany(wizard, freshBusinessNumber());
      await fillCompanyForm(wizard, { nameKo: '새빛상사', ceoNameKo: person.name });
      await clickNext(wizard);
      await waitForStep(wizard, 'review');
    });
    await step('Submit', () => submitToDone(wizard));
    await expect(wizard.querySelector('[data-part~="certificate-pending"]')).not.toBeNull();
  },
};

export const DoneAssociate: Story = {
  name: 'Done: associate awaiting approval',
  parameters: describe('A corporate member linked to the registered company 누리무역: an associate until its MASTER approves — the done screen explains it.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    const person = freshPerson();
    await step(`Corporate; terms; verification of ${person.name}`, () => toDetails(wizard, person, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('staff') }, 'company'));
    await step('Company 124-81-00998', async () => {
      await searchCompany(wizard, '124-81-00998');
      await clickNext(wizard);
      await waitForStep(wizard, 'review');
    });
    await step('Submit', () => submitToDone(wizard));
    await expect($(wizard, '[data-part~="company-role"]').dataset.role).toBe('associate');
  },
};

export const TypeInEnglish: Story = {
  name: 'Type (English)',
  globals: { locale: 'en' },
  parameters: describe('The first step in English, for side-by-side comparison of lengths and wording.'),
  play: async ({ canvasElement }) => {
    const wizard = await wizardIn(canvasElement);
    await clickNext(wizard);
  },
};

export const DetailsFieldErrorsInEnglish: Story = {
  name: 'Details: field errors (English)',
  globals: { locale: 'en' },
  parameters: describe('The details step\'s errors in English: longer messages, same layout.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Next with nothing filled in', () => clickNext(wizard));
    await expect(wizard.querySelectorAll('[aria-invalid="true"]').length).toBeGreaterThan(2);
  },
};

export const CompanyRegistryInEnglish: Story = {
  name: 'Company: registry prefill (English)',
  globals: { locale: 'en' },
  parameters: describe('The prefilled company form in English (option labels come from the site config in both languages).'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Corporate; terms; verification of 이서준', () => toDetails(wizard, people.lee, 'corporate'));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('seojun') }, 'company'));
    await step('Search 220-81-62517', () => searchCompany(wizard, '220-81-62517'));
    await expect(wizard.flow!.view.company.lookup?.status).toBe('registry');
  },
};

export const ReviewInEnglish: Story = {
  name: 'Review (English)',
  globals: { locale: 'en' },
  parameters: describe('The review in English, interests named in English (countries by Intl.DisplayNames).'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    await step('Type, terms and a mobile verification of 홍길동', () => toDetails(wizard, people.hong));
    await step('Details with an interest region', async () => {
      await fillDetails(wizard, { loginId: freshLoginId('gildong') });
      const country = $<HTMLSelectElement>(wizard, 'mb-interest-regions select[data-part="country"]');
      country.value = 'VN';
      country.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(wizard);
      $<HTMLButtonElement>(wizard, 'mb-interest-regions [data-part~="add-button"]').click();
      await settle(wizard);
      await clickNext(wizard);
      await waitForStep(wizard, 'review');
    });
    await expect(wizard.step).toBe('review');
  },
};

export const DoneInEnglish: Story = {
  name: 'Done (English)',
  globals: { locale: 'en' },
  args: { completionUrl: '/welcome' },
  parameters: describe('The completion screen in English after a real signup.'),
  play: async ({ canvasElement, step }) => {
    const wizard = await wizardIn(canvasElement);
    const person = freshPerson();
    await step(`Type, terms and a mobile verification of ${person.name}`, () => toDetails(wizard, person));
    await step('Details', () => submitDetails(wizard, { loginId: freshLoginId('member') }));
    await step('Submit', () => submitToDone(wizard));
    await expect(wizard.step).toBe('done');
  },
};
