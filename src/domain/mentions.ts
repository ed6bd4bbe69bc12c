/**
 * Which names a text mentions, by the project's own name keys (`normaliseName`): a quote names
 * "Jabhat al-Nusra" when some run of its words has the key of one of the group's names, so
 * "Jabhat Al-Nusra", "al-Nusra" and "Nusra's" all count, while "Nusra" inside a longer word does
 * not. Used to check that a fact's citations name what the fact is about.
 */
import { normaliseName } from './names.js';

/** Longest run of words compared with a name: the longest names in the data have six words. */
const MAX_NAME_WORDS = 8;
const WORD = /[^\p{L}\p{N}'’‘ʼʻʿʾ`´]+/u;
const EDGE_APOSTROPHES = /^['’‘`´]+|['’‘`´]+$/gu;
const POSSESSIVE = /['’]s$/u;

/** The words of a text, with quote marks around them and a possessive "'s" taken off. */
function textWords(text: string): string[] {
  return text
    .split(WORD)
    .map((w) => w.replace(POSSESSIVE, '').replace(EDGE_APOSTROPHES, ''))
    .filter((w) => w !== '');
}

/** The name keys of every run of up to eight consecutive words of `texts`. */
export function mentionKeys(texts: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    const words = textWords(text);
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= Math.min(words.length, start + MAX_NAME_WORDS); end++) {
        const key = normaliseName(words.slice(start, end).join(' '));
        if (key !== '') keys.add(key);
      }
    }
  }
  return keys;
}

/** True when one of `names` (an entity's canonical name and aliases) is among the mentioned keys. */
export function mentionsAnyName(mentioned: ReadonlySet<string>, names: readonly string[]): boolean {
  return names.some((name) => {
    const key = normaliseName(name);
    return key !== '' && mentioned.has(key);
  });
}
