// `membership-elements/membership-provider/define`: registers <membership-provider> (side effect).
import { MembershipProvider } from './context/membership-provider.ts';
import { defineElement } from './elements/shared/define-element.ts';

defineElement('membership-provider', MembershipProvider);

declare global {
  interface HTMLElementTagNameMap {
    'membership-provider': MembershipProvider;
  }
}
