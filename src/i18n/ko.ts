// The Korean catalogue (default locale): one chunk, loaded only when a page shows Korean.
import { address } from './messages/address.ko.ts';
import { common } from './messages/common.ko.ts';
import { errors } from './messages/errors.ko.ts';
import { identity } from './messages/identity.ko.ts';
import { rules } from './messages/rules.ko.ts';
import { signup } from './messages/signup.ko.ts';
import { widgets } from './messages/widgets.ko.ts';

export const ko = { ...common, ...errors, ...rules, ...widgets, ...address, ...identity, ...signup };
