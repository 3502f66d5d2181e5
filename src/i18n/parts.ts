import type { Catalogue } from './catalogue.ts';
import type { MessageArea } from './areas.ts';

type Part = () => Promise<Partial<Catalogue>>;

/** The built-in catalogues, area by area: each a dynamic import, so each is its own chunk. */
export const builtInParts: Readonly<Record<'ko' | 'en', Readonly<Record<MessageArea, Part>>>> = {
  ko: {
    core: () => import('./core.ko.ts').then((module) => module.core),
    errors: () => import('./messages/errors.ko.ts').then((module) => module.errors),
    rules: () => import('./messages/rules.ko.ts').then((module) => module.rules),
    signup: () => import('./messages/signup.ko.ts').then((module) => module.signup),
    'signup-steps': () => import('./messages/signup-steps.ko.ts').then((module) => module.signupSteps),
    'signup-company': () => import('./messages/signup-company.ko.ts').then((module) => module.signupCompany),
    identity: () => import('./messages/identity.ko.ts').then((module) => module.identity),
    address: () => import('./messages/address.ko.ts').then((module) => module.address),
    widgets: () => import('./messages/widgets.ko.ts').then((module) => module.widgets),
  },
  en: {
    core: () => import('./core.en.ts').then((module) => module.core),
    errors: () => import('./messages/errors.en.ts').then((module) => module.errors),
    rules: () => import('./messages/rules.en.ts').then((module) => module.rules),
    signup: () => import('./messages/signup.en.ts').then((module) => module.signup),
    'signup-steps': () => import('./messages/signup-steps.en.ts').then((module) => module.signupSteps),
    'signup-company': () => import('./messages/signup-company.en.ts').then((module) => module.signupCompany),
    identity: () => import('./messages/identity.en.ts').then((module) => module.identity),
    address: () => import('./messages/address.en.ts').then((module) => module.address),
    widgets: () => import('./messages/widgets.en.ts').then((module) => module.widgets),
  },
};
