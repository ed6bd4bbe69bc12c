/**
 * How domain values are stored as Neo4j properties, shared by the loader, the importers and the
 * mutations so a value written by one is read the same way by the API.
 */
import { createHash } from 'node:crypto';
import { earliestDay, latestDay, parseFuzzyDate, type DatePrecision } from '../domain/fuzzyDate.js';
import { nameLookupFields } from '../domain/names.js';

/**
 * A fuzzy date as four properties: `<prefix>Value` and `<prefix>Precision` as given, and
 * `<prefix>Earliest` / `<prefix>Latest` as ISO days, which compare correctly as strings and carry
 * the range indexes used by `asOf` and from/to filters. Absent dates become nulls, which removes
 * the properties on SET.
 */
export function storedFuzzyDate(prefix: string, value: string | undefined | null): Record<string, string | null> {
  if (value === undefined || value === null) {
    return {
      [`${prefix}Value`]: null,
      [`${prefix}Precision`]: null,
      [`${prefix}Earliest`]: null,
      [`${prefix}Latest`]: null,
    };
  }
  const date = parseFuzzyDate(value);
  return {
    [`${prefix}Value`]: date.value,
    [`${prefix}Precision`]: date.precision,
    [`${prefix}Earliest`]: earliestDay(date),
    [`${prefix}Latest`]: latestDay(date),
  };
}

/** The stored form read back: value and precision, or null when the date is absent. */
export interface StoredFuzzyDate {
  value: string;
  precision: DatePrecision;
}

/** A stable id for a citation, so reloading or re-sending the same citation never duplicates it. */
export function citationId(factId: string, sourceId: string, quote: string | undefined | null): string {
  return createHash('sha256')
    .update([factId, sourceId, quote ?? ''].join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
}

/** A stable id for an alias node: one per entity and spelling. */
export function aliasId(entityType: string, entityId: string, name: string): string {
  return `${entityType}:${entityId}:${name}`;
}

/** A name as the data files and the API give it. */
export interface NameInput {
  name: string;
  kind: string;
  sources: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The rows `load-aliases` takes for an entity's names: the canonical name first (it must resolve
 * like any alias), each spelling once, with its normalised lookup key.
 */
export function storedAliasRows(
  entityType: 'Actor' | 'Place',
  entityId: string,
  canonical: string,
  aliases: readonly NameInput[],
) {
  const all: NameInput[] = [{ name: canonical, kind: 'ROMANISATION', sources: [] }, ...aliases];
  const seen = new Set<string>();
  return all
    .filter((a) => !seen.has(a.name) && seen.add(a.name))
    .map((a) => ({
      id: aliasId(entityType, entityId, a.name),
      entityType,
      entityId,
      props: {
        name: a.name,
        ...nameLookupFields(a.name),
        kind: a.kind,
        sources: [...a.sources],
        ...storedFuzzyDate('from', a.from),
        ...storedFuzzyDate('to', a.to),
      },
    }));
}

/** A citation as the data files and the API give it. */
export interface CitationInput {
  source: string;
  quote?: string | undefined;
  note?: string | undefined;
}

/** The rows `load-citations` takes for the citations of one fact (a node or an edge). */
export function storedCitationRows(factType: string, factId: string, citations: readonly CitationInput[]) {
  return citations.map((c) => ({
    id: citationId(factId, c.source, c.quote),
    factId,
    factType,
    source: c.source,
    quote: c.quote ?? null,
    note: c.note ?? null,
  }));
}
