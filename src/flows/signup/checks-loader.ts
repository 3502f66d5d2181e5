import type { SignupChecks } from './checks.ts';

// checks.ts as a dynamic import, shared by every signup flow of the page. The flow starts it once it has
// its settings (after the first step shows) and waits for it before leaving the consent step; until then
// the forms are simply not judged yet.
let loaded: SignupChecks | undefined;
let loading: Promise<SignupChecks> | undefined;

/** The checks, once loaded. */
export function signupChecks(): SignupChecks | undefined {
  return loaded;
}

/** Loads the checks once; a failed load (offline) is tried again on the next call. */
export function loadSignupChecks(): Promise<SignupChecks> {
  loading ??= import('./checks.ts').then(
    (module) => (loaded = module.checks),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
