// `membership-elements/identity-verify/define`: registers <identity-verify> and its `mb-*` parts.
import { IdentityVerify } from './elements/identity-verify/identity-verify.ts';
import { defineElement } from './elements/shared/define-element.ts';

defineElement('identity-verify', IdentityVerify);

declare global {
  interface HTMLElementTagNameMap {
    'identity-verify': IdentityVerify;
  }
}
