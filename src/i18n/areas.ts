// The message catalogues come in areas, each its own chunk per locale, so a page loads the words of
// what it shows: `core` (common words, and the few rule and error words a first screen shows) with every
// element, the others with the element or step that uses them — `errors` (API failures) once a screen can
// show one, `rules` (field rules) with the screens that have fields. Data only (no imports): the CDN entry
// and `npm run size` read it too.

export const messageAreas = ['core', 'errors', 'rules', 'signup', 'signup-steps', 'signup-company', 'identity', 'address', 'widgets'] as const;
export type MessageArea = (typeof messageAreas)[number];

/** The area of a message key: by the whole key, else its first two segments, else its first. */
export const areaOfPrefix: Readonly<Record<string, MessageArea>> = {
  // Said by the signup flow, which loads with the first step.
  'signup.identity.again.notice': 'signup',
  'signup.identity.nationalityChanged': 'signup',
  'signup.review.reverifyFirst': 'signup',
  'signup.company.researchNeeded': 'signup',
  'widgets.steps': 'core',
  // The phone field's words ride with the field rules (identity-verify's mobile form loads no other widget words).
  'widgets.phone': 'rules',
  // The type step's one field error, and what any screen says for a code it has no words for yet.
  'rule.CHOICE_REQUIRED': 'core',
  'error.UNKNOWN': 'core',
  'signup.identity': 'signup-steps',
  'signup.details': 'signup-steps',
  'signup.errorSummary': 'signup-steps',
  'signup.company': 'signup-company',
  'signup.review': 'signup-steps',
  'signup.done': 'signup-steps',
  'signup.contact': 'signup-steps',
  'signup.underAge': 'signup-steps',
  'signup.alreadyMember': 'signup-steps',
  common: 'core',
  error: 'errors',
  guidance: 'errors',
  rule: 'rules',
  signup: 'signup',
  identity: 'identity',
  otp: 'identity',
  address: 'address',
  interests: 'address',
  widgets: 'widgets',
};

/** The area of a message key (see areaOfPrefix); undefined for a key of no catalogue. */
export function areaOf(key: string): MessageArea | undefined {
  const segments = key.split('.');
  return areaOfPrefix[key] ?? areaOfPrefix[segments.slice(0, 2).join('.')] ?? areaOfPrefix[segments[0]!];
}

/** What each element's first screen says: loaded before it renders. */
export const firstMessages = {
  'membership-provider': ['core'],
  // Its first screen waits for the site config, whose failure it shows.
  'identity-verify': ['core', 'identity', 'errors'],
  'signup-wizard': ['core', 'signup'],
} as const satisfies Record<string, readonly MessageArea[]>;

/**
 * What an element whose first render does not wait for the site config adds right after that render,
 * beside the config request: the words of its failure (and of any API failure after it).
 */
export const afterFirstRenderMessages = {
  'signup-wizard': ['errors'],
} as const satisfies Partial<Record<keyof typeof firstMessages, readonly MessageArea[]>>;

/** What identity-verify's on-demand parts add (inner elements load their own): loaded with the part's code. */
export const identityPartMessages = {
  mobile: ['rules'],
  code: [],
  provider: [],
} as const satisfies Record<string, readonly MessageArea[]>;

/** What each later step of the wizard adds, for its own templates and its inner elements (so they render with it): loaded with the step's code. */
export const stepMessages = {
  consent: ['widgets', 'rules'],
  identity: ['signup-steps', 'identity', 'rules'],
  details: ['signup-steps', 'address', 'widgets', 'rules'],
  company: ['signup-steps', 'signup-company', 'address', 'widgets', 'rules'],
  // The review's company section shows the company step's labels; the done step, how to send the certificate.
  review: ['signup-steps', 'signup-company'],
  done: ['signup-steps', 'signup-company'],
} as const satisfies Record<string, readonly MessageArea[]>;
