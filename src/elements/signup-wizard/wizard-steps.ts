import type { TemplateResult } from 'lit';
import { isOffered, offeredAnswers } from './flow.ts';
import type { SignupWizard } from './signup-wizard.ts';
import { renderCompanyStep } from './steps/company-step.ts';
import { renderConsentStep } from './steps/consent-step.ts';
import { renderDetailsStep } from './steps/details-step.ts';
import { renderAlreadyMember, renderDoneStep, renderUnderAge } from './steps/done-step.ts';
import { renderIdentityStep } from './steps/identity-step.ts';
import { renderReviewStep } from './steps/review-step.ts';
import type { StepContext } from './steps/step-context.ts';
import { renderTypeStep } from './steps/type-step.ts';

// Binds each step module to the wizard: its state in, its callbacks out. No rules and no API here.

const stop = (event: Event) => event.preventDefault();

export function renderWizardStep(wizard: SignupWizard, ctx: StepContext): TemplateResult {
  const config = wizard.siteConfig!;
  const submit = wizard.submission;
  const back = () => void wizard.back();
  switch (wizard.step) {
    case 'type': {
      const offered = offeredAnswers(wizard.offeredTypes);
      return renderTypeStep(ctx, {
        form: wizard.typeForm,
        kinds: offered.kinds,
        nationalities: offered.nationalities,
        minAge: ctx.policy.minAge,
        onSubmit: async (event) => {
          stop(event);
          if (!(await wizard.typeForm.submit())) return;
          const { kind, nationality } = wizard.typeAnswers();
          if (!kind || !isOffered(wizard.offeredTypes, kind, nationality)) {
            await wizard.goTo('type', { alert: ctx.t('signup.type.notOffered'), focus: 'none' });
            return;
          }
          wizard.detailsForm.revalidate();
          await wizard.next();
        },
      });
    }
    case 'consent':
      return renderConsentStep(ctx, {
        terms: wizard.consent.state,
        ready: wizard.consent.complete,
        choices: wizard.consent.choices,
        siblingSites: config.siblingSites,
        error: wizard.consentError,
        errorText: (error) => wizard.errorText(error),
        onChoices: (choices) => {
          wizard.consentError = undefined;
          wizard.consent.choices = choices;
        },
        onRetry: () => void wizard.consent.load(),
        onBack: back,
        onSubmit: (event) => {
          stop(event);
          if (wizard.isComplete('consent')) void wizard.next();
        },
      });
    case 'identity':
      return renderIdentityStep(ctx, {
        verified: wizard.verification?.person,
        nationality: wizard.foreignNational ? 'foreign' : 'domestic',
        onVerifyAgain: () => {
          wizard.verification = undefined;
          wizard.requestUpdate();
        },
        onBack: back,
        onSubmit: (event) => {
          stop(event);
          void wizard.next();
        },
      });
    case 'details':
      return renderDetailsStep(ctx, {
        form: wizard.detailsForm,
        shown: wizard.shownFields,
        required: {
          nameEn: ctx.policy.required.nameEn || wizard.foreignNational,
          phone: ctx.policy.required.phone,
          mobile: ctx.policy.required.mobile,
          address: ctx.policy.required.address,
        },
        nameKo: wizard.person?.name,
        foreignNational: wizard.foreignNational,
        loginIdCheck: wizard.loginIdCheck.state,
        loginIdErrorText: (state) => wizard.errorText(state.error),
        passwordAgain: wizard.passwordAgain && wizard.detailsForm.values.password === '',
        onLoginIdInput: (value) => {
          wizard.detailsForm.set('loginId', value);
          wizard.loginIdCheck.typed(value);
        },
        onLoginIdCheck: () => {
          wizard.detailsForm.touch('loginId');
          void wizard.loginIdCheck.check(wizard.detailsForm.values.loginId);
        },
        onBack: back,
        onSubmit: async (event) => {
          stop(event);
          const form = wizard.detailsForm;
          if (!(await form.submit())) return;
          const answer = await wizard.loginIdCheck.check(form.values.loginId);
          if (answer.status === 'taken') {
            form.setServerErrors([{ field: 'loginId', code: 'LOGIN_ID_TAKEN' }]);
            await wizard.updateComplete;
            wizard.querySelector<HTMLElement>('input[name="loginId"]')?.focus();
            return;
          }
          // A failed check (network) does not block: the API decides at submit.
          await wizard.next();
        },
      });
    case 'company':
      return renderCompanyStep(ctx, {
        company: wizard.company,
        siteConfig: config,
        errorText: (error) => wizard.errorText(error),
        onBack: back,
        onSubmit: async (event) => {
          stop(event);
          if (await wizard.company.validate()) await wizard.next();
        },
      });
    case 'review':
      return renderReviewStep(ctx, {
        memberType: wizard.memberType ?? 'individual',
        documents: wizard.consent.documents,
        choices: wizard.consent.choices,
        person: wizard.person,
        details: wizard.detailsForm.values,
        shown: wizard.shownFields,
        company: wizard.memberType === 'corporate' ? wizard.company.part : undefined,
        reverify: config.reverifyAtSignupSubmit,
        reverified: wizard.submitVerification !== undefined,
        submitting: submit.submitting,
        failure: submit.failure,
        onEdit: (step) => void wizard.edit(step),
        onRetry: () => void wizard.submit(),
        onBack: back,
        onSubmit: (event) => {
          stop(event);
          void wizard.submit();
        },
      });
    case 'done':
      return renderDoneStep(ctx, { result: wizard.result!, certificate: config.certificate, completionUrl: wizard.completionUrl });
    case 'under-age':
      return renderUnderAge(ctx, ctx.policy.minAge);
    case 'already-member':
      return renderAlreadyMember(ctx, wizard.findAccountUrl);
  }
}
