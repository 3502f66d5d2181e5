// Shared helper of the address-search browser tests (this file registers no tests of its own).

// Waiting on conditions: the one helper of browser tests, stories and e2e.
export { waitFor } from '../../../../test/support/wait.ts';
