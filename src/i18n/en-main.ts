// The en texts of first screens (steps, consents, identity verification, errors): what a page loads
// before its first render. The form texts (field rules, address search) follow in en-forms.ts.
import type { Catalogue } from './catalogue.ts';
import { common } from './messages/common.en.ts';
import { errors } from './messages/errors.en.ts';
import { identity } from './messages/identity.en.ts';
import { signup } from './messages/signup.en.ts';
import { signupFixes } from './messages/signup-fixes.en.ts';
import { widgets } from './messages/widgets.en.ts';

export const enMain: Partial<Catalogue> = { ...common, ...errors, ...widgets, ...identity, ...signup, ...signupFixes };
