/**
 * Which names a text mentions, by the project's own name keys (`normaliseName`): a quote names
 * "Jabhat al-Nusra" when some run of its words has the key of one of the group's names, so
 * "Jabhat Al-Nusra", "al-Nusra" and "Nusra's" all count, while "Nusra" inside a longer word does
 * not. Used to check that a fact's citations name what the fact is about.
 */
import { normaliseName, runKeys } from './names.js';

/** Longest run of words compared with a name: the longest names in the data have six words. */
const MAX_NAME_WORDS = 8;

/** The name keys of every run of up to eight consecutive words of `texts`. */
export function mentionKeys(texts: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) for (const key of runKeys(text, MAX_NAME_WORDS)) keys.add(key);
  return keys;
}

/** True when one of `names` (an entity's canonical name and aliases) is among the mentioned keys. */
export function mentionsAnyName(mentioned: ReadonlySet<string>, names: readonly string[]): boolean {
  return names.some((name) => {
    const key = normaliseName(name);
    return key !== '' && mentioned.has(key);
  });
}
