// `membership-elements/define`: registers the default custom-element tags (a side-effect module).
// Class modules never register themselves, so a site may register them under its own names with
// `defineElement(tag, Class)`; internal `mb-*` parts are registered along with the element using them.
import { MembershipProvider } from './context/membership-provider.ts';
import { IdentityVerify } from './elements/identity-verify/identity-verify.ts';
import { defineElement } from './elements/shared/define-element.ts';
import { SignupWizard } from './elements/signup-wizard/signup-wizard.ts';

defineElement('membership-provider', MembershipProvider);
defineElement('identity-verify', IdentityVerify);
defineElement('signup-wizard', SignupWizard);

declare global {
  interface HTMLElementTagNameMap {
    'membership-provider': MembershipProvider;
    'identity-verify': IdentityVerify;
    'signup-wizard': SignupWizard;
  }
}
