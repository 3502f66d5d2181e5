// Entry of dist/cdn/membership-elements.all.min.js: everything in one file for sites that prefer one
// request — every default tag registered at once, both catalogues, and every class the package exports.
import './define.ts';
import './i18n/all-locales.ts';
export * from './index.ts';
