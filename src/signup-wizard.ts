// `membership-elements/signup-wizard`: the class and its events, nothing registered (pure).
export { SignupWizard } from './elements/signup-wizard/signup-wizard.ts';
export {
  SignupStepChangeEvent,
  SignupSubmitEvent,
  SignupCompleteEvent,
  SignupErrorEvent,
  type SignupStepChangeDetail,
  type SignupSubmitDetail,
  type SignupCompleteDetail,
  type SignupErrorDetail,
} from './elements/signup-wizard/events.ts';
