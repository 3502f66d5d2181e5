// The Korean words every element needs (common words, API errors, field rules); the other areas load
// with what uses them (areas.ts).
import { common } from './messages/common.ko.ts';
import { errors } from './messages/errors.ko.ts';
import { rules } from './messages/rules.ko.ts';

export const core = { ...common, ...errors, ...rules };
