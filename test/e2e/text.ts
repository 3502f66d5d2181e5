// The words the tests look for, from the elements' own message catalogue (Korean, as the demo pages
// are), so a locator names exactly what a user reads or a screen reader announces.
// The catalogues load on demand in pages; here both are needed at once.
import '../../src/i18n/all-locales.ts';
import { translate, type MessageKey, type MessageParams } from '../../src/i18n/index.ts';

export const t = (key: MessageKey, params?: MessageParams): string => translate('ko', key, params);

/**
 * Accessible name of a required field: its label, then the visually hidden "(필수)" (the visible "*"
 * is aria-hidden), e.g. "아이디 (필수)".
 */
export const required = (label: string): string => `${label} ${t('common.requiredMark')}`;

/** Escapes a string for use inside a RegExp. */
export const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
