/**
 * Name search through Neo4j's full-text indexes (cypher/schema.cypher: alias_search, alias_arabic).
 * The index only narrows 200,000 names to a few hundred candidates that share a folded word, a
 * close spelling of one or a prefix with the query; the domain ranking (rankNameMatches) orders
 * them. Scanning every name in Node instead grows linearly with the graph (docs/benchmarks.md).
 */
import { nameLookupFields, nameSearchTerms, type NameCandidate } from '../domain/names.js';
import type { EntityType } from '../domain/enums.js';
import { backfillInBatches } from './backfill.js';
import type { Executor } from './executor.js';

/** Candidates taken from each index; the ranking keeps the best `limit` of them. */
const INDEX_CANDIDATES = 60;

// Lucene's query syntax characters; folded tokens are letters and digits, but a query is a person's text.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Edits a fuzzy term may differ by: none for short words, where one edit is another word; two only
 * for long words. Each fuzzy term costs the index an automaton, two edits far more than one, so the
 * whole-name key and the literal spelling are matched exactly or as prefixes only: a misspelt
 * multi-word name is found by its words.
 */
function fuzziness(term: string): number {
  return term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/**
 * The Lucene query over `searchText` for a typed query: each folded word exactly (boosted) and
 * within a few edits, the last one also as a prefix (typing ahead); the whole key exactly (boosted
 * most) and as a prefix ("khantou" for Khan Touman); the literal spelling exactly ("isis").
 * Null when the query has no letters or digits.
 */
export function searchIndexQuery(
  text: string,
  types: readonly EntityType[],
): { query: string | null; arabic: string | null } {
  const terms = nameSearchTerms(text);
  const clauses = new Set<string>();
  terms.words.forEach((word, i) => {
    const t = escapeLucene(word);
    clauses.add(`${t}^3`);
    const edits = fuzziness(word);
    if (edits > 0) clauses.add(`${t}~${edits}`);
    if (i === terms.words.length - 1 && word.length >= 2) clauses.add(`${t}*`);
  });
  if (terms.key !== '') {
    const key = escapeLucene(terms.key);
    clauses.add(`${key}^5`);
    if (terms.key.length >= 2) clauses.add(`${key}*`);
    // A one-word name misspelt: its key is its word, already fuzzy above; a glued one is not.
    if (terms.words.length === 1 && terms.words[0] !== terms.key) clauses.add(`${key}~${fuzziness(terms.key)}`);
  }
  if (terms.plain !== '') clauses.add(`${escapeLucene(terms.plain)}^3`);
  const typeClause = `+entityType:(${types.map(escapeLucene).join(' ')})`;
  const query = clauses.size === 0 ? null : `+searchText:(${[...clauses].join(' ')}) ${typeClause}`;
  const arabicWords = terms.arabic?.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '') ?? [];
  const arabic = arabicWords.length === 0 ? null : arabicWords.map(escapeLucene).join(' ');
  return { query, arabic };
}

/** The names of the given types that a query could mean, unranked, with their entity's name. */
export async function searchNameCandidates(
  executor: Executor,
  types: readonly EntityType[],
  text: string,
): Promise<(NameCandidate & { entityName: string })[]> {
  const { query, arabic } = searchIndexQuery(text, types);
  if (query === null && arabic === null) return [];
  return executor.read('name-search', { query, arabic, entityTypes: [...types], limit: INDEX_CANDIDATES });
}

/** Gives names stored before the search index existed their search fields; a no-op once done. */
export function backfillNameSearch(executor: Executor): Promise<number> {
  return backfillInBatches<{ id: string; name: string }>(
    executor,
    'alias-search-missing',
    'alias-search-set',
    ({ id, name }) => {
      const { searchText, arabicText } = nameLookupFields(name);
      return { id, searchText, arabicText };
    },
  );
}
