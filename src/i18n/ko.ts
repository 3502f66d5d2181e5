// The whole Korean catalogue (default locale), for the one-file build, Storybook and tests; pages load it
// area by area (parts.ts).
import { address } from './messages/address.ko.ts';
import { common } from './messages/common.ko.ts';
import { errors } from './messages/errors.ko.ts';
import { identity } from './messages/identity.ko.ts';
import { rules } from './messages/rules.ko.ts';
import { signupCompany } from './messages/signup-company.ko.ts';
import { signupSteps } from './messages/signup-steps.ko.ts';
import { signup } from './messages/signup.ko.ts';
import { widgets } from './messages/widgets.ko.ts';

export const ko = { ...common, ...errors, ...rules, ...widgets, ...address, ...identity, ...signup, ...signupSteps, ...signupCompany };
