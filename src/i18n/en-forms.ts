// The en texts of forms (field rules, address search), loaded right after en-main.ts, not before the first render.
import type { Catalogue } from './catalogue.ts';
import { address } from './messages/address.en.ts';
import { rules } from './messages/rules.en.ts';

export const enForms: Partial<Catalogue> = { ...rules, ...address };
