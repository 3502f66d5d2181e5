import type { Translation } from './bundle.ts';
import type { ko } from './ko.ts';

/** Every message key (the Korean catalogue is the reference; other locales are typed against it). */
export type MessageKey = keyof typeof ko;
/** A whole catalogue for one locale. */
export type Catalogue = Translation<typeof ko>;
/** Some messages of a catalogue: a site's own wording for the keys it wants to change. */
export type MessageOverrides = Partial<Catalogue>;
export type MessageParams = Record<string, string | number>;
