// The ko texts of first screens (steps, consents, identity verification, errors): what a page loads
// before its first render. The form texts (field rules, address search) follow in ko-forms.ts.
import { common } from './messages/common.ko.ts';
import { errors } from './messages/errors.ko.ts';
import { identity } from './messages/identity.ko.ts';
import { signup } from './messages/signup.ko.ts';
import { signupFixes } from './messages/signup-fixes.ko.ts';
import { widgets } from './messages/widgets.ko.ts';

export const koMain = { ...common, ...errors, ...widgets, ...identity, ...signup, ...signupFixes };
