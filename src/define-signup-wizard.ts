// `membership-elements/signup-wizard/define`: registers <signup-wizard> and its `mb-*` parts.
import { defineElement } from './elements/shared/define-element.ts';
import { SignupWizard } from './elements/signup-wizard/signup-wizard.ts';

defineElement('signup-wizard', SignupWizard);

declare global {
  interface HTMLElementTagNameMap {
    'signup-wizard': SignupWizard;
  }
}
