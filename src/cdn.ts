// Entry of the self-contained CDN file (dist/cdn/membership-elements.min.js): everything the
// package exports, plus the default tag registrations.
import './define.ts';
export * from './index.ts';
