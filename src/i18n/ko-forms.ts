// The ko texts of forms (field rules, address search), loaded right after ko-main.ts, not before the first render.
import { address } from './messages/address.ko.ts';
import { rules } from './messages/rules.ko.ts';

export const koForms = { ...rules, ...address };
