// Package entry `membership-elements`: element classes and the rules/api re-exports.
// No side effects: importing this module registers no tags (see define.ts).
export * from './rules/index.ts';
export * from './api/index.ts';
// Both modules export these names with different meanings (the rules' are policy-driven form-schema
// factories, the api's the wire contract). `export *` would drop the values silently, so the root
// takes the contract's; the rules' ones are imported from 'membership-elements/rules'.
export { companySchema, passwordResetSchema, type Address, type CompanyDetails } from './api/index.ts';
