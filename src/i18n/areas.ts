// The message catalogues come in areas, each its own chunk per locale, so a page loads the words of
// what it shows: `core` (common words, API errors, field rules) with every element, the others with
// the element or step that uses them. Data only (no imports): the CDN entry and `npm run size` read it too.

export const messageAreas = ['core', 'signup', 'signup-steps', 'identity', 'address', 'widgets'] as const;
export type MessageArea = (typeof messageAreas)[number];

/** The area of a message key: by the whole key, else its first two segments, else its first. */
export const areaOfPrefix: Readonly<Record<string, MessageArea>> = {
  // Said by the signup flow, which loads with the first step.
  'signup.identity.again.notice': 'signup',
  'signup.identity.nationalityChanged': 'signup',
  'signup.review.reverifyFirst': 'signup',
  'signup.company.researchNeeded': 'signup',
  'widgets.steps': 'core',
  'signup.identity': 'signup-steps',
  'signup.details': 'signup-steps',
  'signup.errorSummary': 'signup-steps',
  'signup.company': 'signup-steps',
  'signup.review': 'signup-steps',
  'signup.done': 'signup-steps',
  'signup.contact': 'signup-steps',
  'signup.underAge': 'signup-steps',
  'signup.alreadyMember': 'signup-steps',
  common: 'core',
  error: 'core',
  guidance: 'core',
  rule: 'core',
  signup: 'signup',
  identity: 'identity',
  otp: 'identity',
  address: 'address',
  interests: 'address',
  widgets: 'widgets',
};

/** What each element's first screen says: loaded before it renders. */
export const firstMessages = {
  'membership-provider': ['core'],
  'identity-verify': ['core', 'identity'],
  'signup-wizard': ['core', 'signup'],
} as const satisfies Record<string, readonly MessageArea[]>;

/** What each later step of the wizard adds to its own templates (inner elements load their own): loaded with the step's code. */
export const stepMessages = {
  consent: ['widgets'],
  identity: ['signup-steps', 'identity'],
  details: ['signup-steps', 'address', 'widgets'],
  company: ['signup-steps', 'address', 'widgets'],
  review: ['signup-steps'],
  done: ['signup-steps'],
} as const satisfies Record<string, readonly MessageArea[]>;
