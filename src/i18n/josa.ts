/**
 * Korean particles (조사) after a word inserted into a sentence: a template writes both forms,
 * `{field}을(를)`, `{name}(으)로`, `{x}이(가)`, `{x}은(는)`, `{x}과(와)`, and `withParticles` keeps the
 * one the word before it takes (받침 or not; a ㄹ 받침 takes 로). Digits and Latin letters are read as
 * Koreans say them (1 일, 3 삼, SKT 티, …), so `010-1234-5678을(를)` → `010-1234-5678을`.
 */

type Ending = 'none' | 'rieul' | 'other';

// How the last digit is read: 영 일 이 삼 사 오 육 칠 팔 구.
const digitEndings: Ending[] = ['other', 'rieul', 'none', 'other', 'none', 'none', 'other', 'rieul', 'rieul', 'none'];
// Latin letters read aloud end in a consonant for L (엘), M (엠), N (엔), R (알); the rest in a vowel.
const latinEndings: Record<string, Ending> = { l: 'rieul', m: 'other', n: 'other', r: 'rieul' };

/** How a word ends when read aloud: no 받침, a ㄹ 받침, another 받침; undefined when it cannot tell. */
export function finalSound(word: string): Ending | undefined {
  const trimmed = word.replace(/[\s)\]}'"’”.,!?·…-]+$/u, '');
  const last = trimmed.at(-1);
  if (!last) return undefined;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  if (/[0-9]/.test(last)) return digitEndings[Number(last)];
  if (/[a-z]/i.test(last)) return latinEndings[last.toLowerCase()] ?? 'none';
  return undefined;
}

// [written form, after a 받침, after no 받침]; 으로/로 is handled apart (ㄹ takes 로).
const pairs: ReadonlyArray<readonly [string, string, string]> = [
  ['을(를)', '을', '를'],
  ['이(가)', '이', '가'],
  ['은(는)', '은', '는'],
  ['과(와)', '과', '와'],
];

/** Picks the particle after a word: `particle('아이디', '을(를)')` → `를`. Unknown endings keep both forms. */
export function particle(word: string, written: string): string {
  const ending = finalSound(word);
  if (ending === undefined) return written;
  if (written === '(으)로') return ending === 'other' ? '으로' : '로';
  const pair = pairs.find(([form]) => form === written);
  if (!pair) return written;
  return ending === 'none' ? pair[2] : pair[1];
}

const written = /(\S)(을\(를\)|이\(가\)|은\(는\)|과\(와\)|\(으\)로)/gu;

/** Resolves every two-form particle in a text by the character before it (run after placeholders are filled). */
export function withParticles(text: string): string {
  return text.replace(written, (match: string, before: string, form: string, offset: number) => {
    const word = text.slice(0, offset + before.length);
    const chosen = particle(word, form);
    return chosen === form ? match : before + chosen;
  });
}
