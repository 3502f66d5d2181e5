import type { MessageKey } from '../i18n/index.ts';

/**
 * What a flow wants said, before translation: a catalogue key or a rule/API code, with its numbers.
 * A parameter may itself be words (a translated choice inside a sentence). The element turns words
 * into text in one place, so every message takes the same parameter path.
 */
export type Words =
  | { key: MessageKey; params?: WordParams }
  | { code: string; params?: WordParams };

export type WordParams = Record<string, string | number | Words>;

export const say = (key: MessageKey, params?: WordParams): Words => (params ? { key, params } : { key });
export const sayCode = (code: string, params?: WordParams): Words => (params ? { code, params } : { code });
