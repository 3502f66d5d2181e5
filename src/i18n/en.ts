// The whole English catalogue, for the one-file build, Storybook and tests; pages load it area by area (parts.ts).
import type { Catalogue } from './catalogue.ts';
import { address } from './messages/address.en.ts';
import { common } from './messages/common.en.ts';
import { errors } from './messages/errors.en.ts';
import { identity } from './messages/identity.en.ts';
import { rules } from './messages/rules.en.ts';
import { signupCompany } from './messages/signup-company.en.ts';
import { signupSteps } from './messages/signup-steps.en.ts';
import { signup } from './messages/signup.en.ts';
import { widgets } from './messages/widgets.en.ts';

export const en: Catalogue = { ...common, ...errors, ...rules, ...widgets, ...address, ...identity, ...signup, ...signupSteps, ...signupCompany };
