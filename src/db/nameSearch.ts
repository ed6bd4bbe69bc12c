/**
 * Name search through Neo4j's full-text indexes (cypher/schema.cypher: alias_search, alias_arabic).
 * The index only narrows 200,000 names to a few hundred candidates that share a folded word, a
 * close spelling of one or a prefix with the query; the domain ranking (rankNameMatches) orders
 * them. Scanning every name in Node instead grows linearly with the graph (docs/benchmarks.md).
 */
import { nameLookupFields, nameSearchTerms, type NameCandidate } from '../domain/names.js';
import type { EntityType } from '../domain/enums.js';
import type { Executor } from './executor.js';

/** Candidates taken from each index; the ranking keeps the best `limit` of them. */
const INDEX_CANDIDATES = 60;

// Lucene's query syntax characters; folded tokens are letters and digits, but a query is a person's text.
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Edits a fuzzy term may differ by: none for short words, where one edit is another word. */
function fuzziness(term: string): number {
  return term.length < 4 ? 0 : term.length < 7 ? 1 : 2;
}

/**
 * The Lucene query over `searchText` for a typed query: each folded word, the whole key and the
 * literal spelling exactly (boosted) and within a few edits; the last word, the key and the
 * spelling also as prefixes (typing ahead). Null when the query has no letters or digits.
 */
export function searchIndexQuery(
  text: string,
  types: readonly EntityType[],
): { query: string | null; arabic: string | null } {
  const terms = nameSearchTerms(text);
  const clauses = new Set<string>();
  const add = (term: string, prefix: boolean) => {
    if (term === '') return;
    const t = escapeLucene(term);
    clauses.add(`${t}^3`);
    const edits = fuzziness(term);
    if (edits > 0) clauses.add(`${t}~${edits}`);
    if (prefix && term.length >= 2) clauses.add(`${t}*`);
  };
  terms.words.forEach((word, i) => add(word, i === terms.words.length - 1));
  add(terms.key, true);
  add(terms.plain, true);
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

const BACKFILL_BATCH = 5_000;

/** Gives names stored before the search index existed their search fields; a no-op once done. */
export async function backfillNameSearch(executor: Executor): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await executor.read<{ id: string; name: string }>('alias-search-missing', { limit: BACKFILL_BATCH });
    if (rows.length === 0) return total;
    await executor.write('alias-search-set', {
      rows: rows.map(({ id, name }) => {
        const { searchText, arabicText } = nameLookupFields(name);
        return { id, searchText, arabicText };
      }),
    });
    total += rows.length;
  }
}
