/**
 * The graph's names in memory, keyed by `normaliseName`, for reading whole articles: one lookup
 * per candidate span instead of a query per word. Built from the rows of one Cypher query (or
 * from the dataset files, for the evaluation) and kept by the caller until the graph changes.
 */
import { normaliseName, type NameCandidate } from '../names.js';
import { tokenise } from './text.js';
import type { EntityType, IndexedName, LineageLink } from './types.js';

export interface NameIndex {
  /** Names by normalised key. */
  byKey: Map<string, IndexedName[]>;
  /**
   * For the key of each name's first word after any article, the lengths in words (as
   * `tokenise` splits them) of the names that start so: the only span lengths worth a lookup.
   */
  spanLengths: Map<string, number[]>;
  /** Every name, for ranked close matches, bucketed by key length. */
  candidatesByKeyLength: Map<number, NameCandidate[]>;
  /** Each name's length in words after any leading article. */
  coreWords: Map<IndexedName, number>;
  /** Every name (entityId is "Type|id"), for suggestions. */
  allCandidates: NameCandidate[];
  entities: Map<string, { entityType: EntityType; entityName: string }>;
  /** Lineage edges out of and into each actor. */
  lineageFrom: Map<string, LineageLink[]>;
  lineageTo: Map<string, LineageLink[]>;
  /** Names of each entity, for the periods of a successor's names. */
  namesOf: Map<string, IndexedName[]>;
  size: number;
}

const ARTICLE_PROBE = normaliseName('x');

/** An article ("al", "ash", "el") is a word normaliseName drops before another word. */
export function isArticle(word: string): boolean {
  return word.length <= 3 && normaliseName(`${word.toLowerCase()} x`) === ARTICLE_PROBE;
}

export function entityKey(type: EntityType, id: string): string {
  return `${type}|${id}`;
}

/** Builds the index. Names whose key is empty (punctuation only) are skipped. */
export function buildNameIndex(names: readonly IndexedName[], lineage: readonly LineageLink[]): NameIndex {
  const index: NameIndex = {
    byKey: new Map(),
    spanLengths: new Map(),
    candidatesByKeyLength: new Map(),
    allCandidates: [],
    coreWords: new Map(),
    entities: new Map(),
    lineageFrom: new Map(),
    lineageTo: new Map(),
    namesOf: new Map(),
    size: 0,
  };
  const seen = new Set<string>();
  for (const entry of names) {
    const key = normaliseName(entry.name);
    if (key === '') continue;
    const ek = entityKey(entry.entityType, entry.entityId);
    index.entities.set(ek, { entityType: entry.entityType, entityName: entry.entityName });
    push(index.namesOf, ek, entry);
    const dedupe = `${ek}|${entry.name}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    push(index.byKey, key, entry);
    // Words as the text is split into them, so a name and its span in a text line up.
    const words = tokenise(entry.name);
    const core = words.length > 1 && isArticle(words[0]!.text) ? 1 : 0;
    const first = words[core];
    index.coreWords.set(entry, words.length - core);
    if (first !== undefined) {
      const lengths = index.spanLengths.get(normaliseName(first.text)) ?? [];
      const length = words.length - core;
      // Longest first, always ending with 1 (a word alone may be a glued spelling of a name).
      const all = new Set([...lengths, length, 1]);
      index.spanLengths.set(
        normaliseName(first.text),
        [...all].sort((a, b) => b - a),
      );
    }
    const candidate = { name: entry.name, entityId: ek, entityType: entry.entityType };
    push(index.candidatesByKeyLength, key.length, candidate);
    index.allCandidates.push(candidate);
    index.size++;
  }
  for (const link of lineage) {
    push(index.lineageFrom, link.fromId, link);
    push(index.lineageTo, link.toId, link);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Names whose key length lies within [min, max], for ranked matching of one span. */
export function candidatesNear(index: NameIndex, keyLength: number, slack: number): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (let length = Math.max(1, keyLength - slack); length <= keyLength + slack; length++) {
    const bucket = index.candidatesByKeyLength.get(length);
    if (bucket !== undefined) out.push(...bucket);
  }
  return out;
}
