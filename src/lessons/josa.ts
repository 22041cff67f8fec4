/**
 * Korean particles (josa) after names and numbers, chosen by how the word's last sound is read:
 * `web과`, `nginx와`, `worker-3을`, `worker-2를`. es-hangul's `josa` decides for Hangul; names in
 * a cluster end in Latin letters or digits, which es-hangul does not read, so their final sound is
 * looked up here first and handed to es-hangul as a Hangul syllable with the same kind of ending.
 *
 * Lesson text uses `withJosa` where it puts a name into a sentence; UI translations say
 * `{{object, josa(을/를)}}` (ui/i18n/josa.ts registers that i18next formatter).
 */
import { josa } from 'es-hangul';

type JosaPair = Parameters<typeof josa>[1];

/** How a word ends when read aloud: a vowel, a final consonant (batchim), or the final ㄹ (which takes 로, not 으로). */
export type FinalSound = 'vowel' | 'consonant' | 'rieul';

/** A Hangul syllable that ends the same way, for es-hangul to choose by. */
const STAND_IN: Record<FinalSound, string> = { vowel: '가', consonant: '각', rieul: '갈' };

// Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT: FinalSound[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];
// Letters as read one by one (에이 비 씨 … 엘 엠 엔 … 알 …): only l, m, n, r end in a consonant.
const LETTER_NAME: Record<string, FinalSound> = { l: 'rieul', m: 'consonant', n: 'consonant', r: 'rieul' };

/** The final sound of a number: 10 십, 100 백, 1000 천, 10000 만 — all consonants — else its last digit. */
function numberEnding(digits: string): FinalSound {
  const last = digits[digits.length - 1];
  if (last !== '0' || /^0+$/.test(digits)) return DIGIT[Number(last)];
  return 'consonant';
}

// Words whose Korean reading the rules below get wrong.
const WORDS: Record<string, FinalSound> = { ok: 'vowel', big: 'consonant', pig: 'consonant', bag: 'consonant' };

/**
 * The final sound of a run of Latin letters. An acronym (`IP`, `CPU`, `ClusterIP`'s `IP`) or a run
 * without vowel letters (a generated suffix such as `7fwkm`) is read letter by letter. A word is
 * read as Korean transcribes English: `-ng`, `-m`, `-n` end in a consonant (핑, 팀, 런), `-l` in ㄹ
 * (셀), a short `b/k/p/t` after a vowel closes the syllable (웹, 잡, 탑, 캣), a silent `e` reads
 * the consonant before it (네임, 라인, 파일, but 노드); everything else ends in a vowel (파드,
 * 엔진엑스, 워커, 레디스).
 */
function wordEnding(word: string): FinalSound {
  // Short capitals (IP, CPU) and capitals without vowels (HTML) are spelled out; MODE, GREETING are words.
  const acronym = /[A-Z]{2,}$/.exec(word)?.[0];
  if ((acronym && (acronym.length <= 3 || !/[AEIOU]/.test(acronym))) || word.length === 1) return LETTER_NAME[word[word.length - 1].toLowerCase()] ?? 'vowel';
  const w = word.toLowerCase();
  if (WORDS[w]) return WORDS[w];
  const last = w[w.length - 1];
  if (!/[aeiouy]/.test(w)) return LETTER_NAME[last] ?? 'vowel';
  if (w.endsWith('ng') || last === 'm' || last === 'n') return 'consonant';
  if (last === 'l') return 'rieul';
  const before = w[w.length - 2] ?? '';
  if ('bkpt'.includes(last) && /[aeiou]/.test(before) && !w.endsWith('eek')) return 'consonant';
  // A silent e after one consonant that follows a vowel: name 네임, line 라인, file 파일; node 노드.
  if (last === 'e' && /[aeiou][mnl]e$/.test(w)) return before === 'l' ? 'rieul' : 'consonant';
  return 'vowel';
}

/** How `text` ends when read aloud, or undefined when it ends in Hangul (es-hangul reads that itself) or in nothing readable. */
export function finalSound(text: string): FinalSound | undefined {
  // Trailing punctuation is not read: `Deployment/web)` ends in `web`.
  const m = /(?:([\uAC00-\uD7A3])|([0-9]+)|([A-Za-z]+))[^0-9A-Za-z\uAC00-\uD7A3]*$/.exec(text);
  if (!m || m[1]) return undefined;
  return m[2] ? numberEnding(m[2]) : wordEnding(m[3]);
}

const PAIRS: JosaPair[] = ['이/가', '을/를', '은/는', '으로/로', '와/과', '이나/나', '이란/란', '아/야', '이랑/랑', '이에요/예요', '으로서/로서', '으로써/로써', '으로부터/로부터', '이라/라'];

/** Finds es-hangul's pair for `이/가` or `가/이` alike. */
export function normalizePair(pair: string): JosaPair | undefined {
  const [a, b] = pair.split('/').map((x) => x.trim());
  return PAIRS.find((p) => p === `${a}/${b}` || p === `${b}/${a}`);
}

/** The particle of `pair` that follows `word`. */
export function pickJosa(word: string, pair: string): string {
  const p = normalizePair(pair);
  if (!p) return pair;
  const ending = finalSound(word);
  const trimmed = word.replace(/[^0-9A-Za-z\uAC00-\uD7A3]+$/, '');
  if (ending) return josa.pick(STAND_IN[ending], p);
  if (/[\uAC00-\uD7A3]$/.test(trimmed)) return josa.pick(trimmed, p);
  // Nothing to read (an empty name, a symbol): both forms, as Korean writes when it cannot tell.
  return p;
}

/** `word` followed by its particle. */
export function withJosa(word: string, pair: string): string {
  return `${word}${pickJosa(word, pair)}`;
}

