// common messages in English: exactly the Korean keys (a missing or extra key is a compile error).
import type { Translation } from '../bundle.ts';
import type { common as korean } from './common.ko.ts';

export const common: Translation<typeof korean> = {
  'common.next': 'Next',
  'common.previous': 'Back',
  'common.submit': 'Submit',
  'common.cancel': 'Cancel',
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.required': 'Required',
  'common.optional': 'Optional',
  'common.loading': 'Loading…',
  'common.saving': 'Saving…',
  'common.stillWorking': 'Still working on it. You can wait a little longer, or cancel and try again later. Your entries are kept.',
  'common.cancelWaiting': 'Stop waiting',
  'common.errorSummary': 'Please check what you entered: {count} item(s) to fix.',
  'common.requiredMark': '(required)',
  // The step indicator's words: every multi-step element shows it from its first screen.
  'widgets.steps.label': 'Progress',
  'widgets.steps.position': 'Step {current} of {total}: {label}',
  'widgets.steps.done': 'completed',
  // The rule and error words a first screen shows; see common.ko.ts.
  'rule.CHOICE_REQUIRED': 'Please choose one.',
  'error.UNKNOWN': 'Something went wrong. Please try again shortly.',
  'common.checkEntry': 'Please check this entry.',
};
