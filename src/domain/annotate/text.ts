/**
 * Words and sentences of a text, with their character offsets. Hyphens split words (so
 * "Aleppo-Damascus" holds "Aleppo") but do not end a name ("Jabhat-al-Nusra" is one span);
 * commas, brackets and other punctuation do. Apostrophes stay inside words ("Hay'at"); a final
 * possessive "'s" is left out ("Nusra's").
 */

/** What separates a word from the next: a space or a hyphen keeps a name going; anything else ends it. */
export type Gap = 'space' | 'hyphen' | 'break';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Between this token and the next one. */
  gap: Gap;
  /** Starts with a capital letter, is a number, or is in Arabic script: a name may start here. */
  nameLike: boolean;
}

export interface Sentence {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}'’‘ʼʻʿʾ`´]+/gu;
const POSSESSIVE = /['’]s$/u;
const NAME_LIKE = /^[\p{Lu}\p{N}\u0600-\u06FF]/u;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const start = match.index;
    // Quotes glued to a word are punctuation, not apostrophes inside it.
    let lead = 0;
    while (lead < word.length && /['’‘`´]/u.test(word.charAt(lead))) lead++;
    word = word.slice(lead);
    if (word.length > 3 && POSSESSIVE.test(word)) word = word.slice(0, -2);
    word = word.replace(/['’‘`´]+$/u, '');
    if (word === '') continue;
    tokens.push({
      start: start + lead,
      end: start + lead + word.length,
      text: word,
      gap: 'break',
      nameLike: NAME_LIKE.test(word),
    });
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const current = tokens[i]!;
    const between = text.slice(current.end, tokens[i + 1]!.start);
    current.gap = /^[ \t\u00A0]+$/.test(between) ? 'space' : /^[-‐‑]$/u.test(between) ? 'hyphen' : 'break';
  }
  return tokens;
}

// A sentence ends at . ! ? (and closing quotes or brackets after it) before a space and a capital,
// a digit or a quote, or at a blank line or a line break.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}])|\n+/gu;
// Abbreviations that end in a dot without ending the sentence.
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Dr|Gen|Col|Lt|Maj|Capt|St|No|vs|etc|i\.e|e\.g|U\.S|U\.N|approx))\.$/u;

export function sentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(0, match.index - 6), match.index + 1)))
      continue;
    pushTrimmed(text, start, end, result);
    start = end;
  }
  pushTrimmed(text, start, text.length, result);
  return result;
}

function pushTrimmed(text: string, start: number, end: number, into: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  if (e > s) into.push({ start: s, end: e });
}
