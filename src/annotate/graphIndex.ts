/**
 * The annotator's name index built from the graph (cypher/annotate-index.cypher) and kept in
 * memory: rebuilding it costs one query and a few milliseconds per thousand names, but it is
 * needed on every `annotate`. Before each use a cheap stamp query (the database id, the counts of
 * names and lineage edges, the latest recorded change) tells whether the graph has changed since;
 * every curation mutation and import records a change, so an edit is seen by the next request.
 * A TTL bounds how long an index is trusted without that check passing through a rebuild.
 */
import type { Executor } from '../db/executor.js';
import { buildNameIndex, type NameIndex } from '../domain/annotate/index.js';
import type { EntityType, IndexedName, LineageLink } from '../domain/annotate/types.js';
import type { DatePrecision, FuzzyDate } from '../domain/fuzzyDate.js';

/** Rebuild at least this often (ms), even when the stamp has not changed. Default 5 minutes. */
export const INDEX_TTL_MS = 5 * 60_000;

interface NameRow {
  name: string;
  entityId: string;
  entityType: EntityType;
  entityName: string;
  fromValue: string | null;
  fromPrecision: DatePrecision | null;
  toValue: string | null;
  toPrecision: DatePrecision | null;
}

interface LineageRow {
  kind: string;
  fromId: string;
  toId: string;
  dateValue: string | null;
  datePrecision: DatePrecision | null;
}

function fuzzy(value: string | null, precision: DatePrecision | null): FuzzyDate | null {
  return value !== null && precision !== null ? { value, precision } : null;
}

interface Cached {
  stamp: string;
  builtAt: number;
  index: NameIndex;
}

let cached: Cached | null = null;
let building: Promise<Cached> | null = null;

async function stampOf(executor: Executor): Promise<string> {
  const [row] = await executor.read('annotate-index-stamp');
  return JSON.stringify([row?.['database'], String(row?.['names']), String(row?.['lineage']), row?.['lastChange']]);
}

async function build(executor: Executor, stamp: string): Promise<Cached> {
  const [row] = await executor.read<{ names: NameRow[]; lineage: LineageRow[] }>('annotate-index');
  const names: IndexedName[] = (row?.names ?? []).map((n) => ({
    name: n.name,
    entityId: n.entityId,
    entityType: n.entityType,
    entityName: n.entityName,
    from: fuzzy(n.fromValue, n.fromPrecision),
    to: fuzzy(n.toValue, n.toPrecision),
  }));
  const lineage: LineageLink[] = (row?.lineage ?? []).map((l) => ({
    kind: l.kind,
    fromId: l.fromId,
    toId: l.toId,
    date: fuzzy(l.dateValue, l.datePrecision),
  }));
  return { stamp, builtAt: Date.now(), index: buildNameIndex(names, lineage) };
}

/** The current index: the cached one while the graph's stamp is unchanged, else a fresh one. */
export async function graphNameIndex(executor: Executor, now = Date.now()): Promise<NameIndex> {
  const stamp = await stampOf(executor);
  if (cached !== null && cached.stamp === stamp && now - cached.builtAt < INDEX_TTL_MS) return cached.index;
  // Concurrent requests after a change share one rebuild.
  building ??= build(executor, stamp).finally(() => {
    building = null;
  });
  cached = await building;
  return cached.index;
}
