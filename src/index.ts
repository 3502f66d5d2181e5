// Package entry `membership-elements`: element classes and the rules/api re-exports.
// No side effects: importing this module registers no tags (see define.ts).
export * from './rules/index.ts';
export * from './api/index.ts';
