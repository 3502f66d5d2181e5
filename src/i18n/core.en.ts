// The English words every element needs (common words, API errors, field rules); see core.ko.ts.
import { common } from './messages/common.en.ts';
import { errors } from './messages/errors.en.ts';
import { rules } from './messages/rules.en.ts';

export const core = { ...common, ...errors, ...rules };
