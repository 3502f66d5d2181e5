// The contract's wire shapes (zod/mini). Field rules that depend on a site's policy (ID length, password
// kinds, check digits) live in `membership-elements/rules`; the server applies them and answers per-field codes.
// One module per domain (./shapes/): the site-config request builds only the site's shapes.
export * from './shapes/lists.ts';
export * from './shapes/site.ts';
export * from './shapes/people.ts';
export * from './shapes/companies.ts';
