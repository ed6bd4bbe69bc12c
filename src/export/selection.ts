/**
 * Filtered exports: which part of the graph an actor, place or period filter covers.
 *
 * - Engagements: those that match every filter given: an actor (or, with lineage, any actor of its
 *   rename and merger chain) fought in it; it happened at the place or a place lying in it; its
 *   span overlaps the period.
 * - Actors: the filter's actors and every participant of those engagements. Places: the filter's
 *   place with the places lying in it, and every place of those engagements.
 * - Dated edges (lineage, membership, alliance, sponsorship, affiliation, control): those touching
 *   a filter actor or filter place (their other end joins the export), and those between two
 *   exported actors or an exported actor and place; all within the period, except lineage edges,
 *   which say who the actor is and are kept whatever their date.
 * - Agreements: those an exported actor is party to or violated, or that cover an exported place,
 *   whose span (from .. to, or the announcement) overlaps the period; with all their parties and
 *   covered places, and their violations within the period (the violators join the export).
 * - Armaments (ARMED_WITH): those of an exported actor, as holder or supplier, within the period,
 *   with their weapons; the other actor joins the export.
 * - Then, so that the export stands on its own: the places every exported place lies in, the
 *   aliases of exported actors and places, the citations of every exported fact, and every source.
 * - The curation history (Change nodes) belongs to the whole graph and is left out.
 */
import type { Executor } from '../db/executor.js';
import { parseCalendarDate } from '../domain/fuzzyDate.js';
import { graphNameDirectory } from '../db/nameDirectory.js';
import { LineageKind, type EntityType } from '../domain/enums.js';
import { resolveName, unresolvedMessage } from '../domain/nameResolution.js';
import type { ExportLabel } from './graph.js';

/** A resolved export filter: ids and ISO days. */
export interface ExportFilter {
  /** The actors whose engagements to export (already widened to their lineage when asked). */
  actorIds?: string[];
  /** The place whose engagements (here or in a place lying in it) to export. */
  placeId?: string;
  from?: string;
  to?: string;
}

/** A filter as a person types it: names or ids, and dates. */
export interface ExportFilterInput {
  actor?: string;
  /** Count the actor's predecessors and successors (renames, mergers) as the actor. */
  lineage?: boolean;
  place?: string;
  /** Scopes the `place` name to the places lying in this one (a name or id). */
  within?: string;
  from?: string;
  to?: string;
}

/** What a filtered export holds: node ids per label (or all of a label), and the dated edges kept. */
export interface Selection {
  nodes: Map<ExportLabel, Set<string> | 'all'>;
  edgeIds: Set<string>;
}

/** A filter that names nothing the graph knows, or a bad date. */
export class ExportFilterError extends Error {
  override name = 'ExportFilterError';
}

/** Facts per citations query, to keep each answer a reasonable size. */
const FACTS_PER_QUERY = 5000;

/** The one entity a filter's name (or id) stands for, by the domain's policy (src/domain/nameResolution.ts). */
async function resolveEntity(
  executor: Executor,
  entityType: EntityType,
  text: string,
  option: string,
  withinId: string | null = null,
): Promise<string> {
  const resolution = await resolveName(graphNameDirectory(executor), entityType, text, { withinId });
  if (resolution.status === 'found') return resolution.entity.id;
  throw new ExportFilterError(`--${option}: ${unresolvedMessage(entityType, text, resolution)}`);
}

function day(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    return parseCalendarDate(text);
  } catch (error) {
    throw new ExportFilterError(`--${option}: ${(error as Error).message}`);
  }
}

/**
 * Checks what a filter can be checked for without the graph: its days and its options' pairing.
 * The CLI calls it before it attaches to Neo4j, so a mistyped day costs no database start.
 * @throws ExportFilterError naming what is wrong
 */
export function checkExportFilterInput(input: ExportFilterInput): { from?: string; to?: string } {
  if (input.within !== undefined && input.place === undefined)
    throw new ExportFilterError('--within scopes --place: give --place too.');
  const from = day(input.from, 'from');
  const to = day(input.to, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new ExportFilterError(`--from ${from} is after --to ${to}.`);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * Resolves the names (or ids) and dates a person gave into an ExportFilter; null when nothing
 * filters, i.e. the whole graph. @throws ExportFilterError naming what is wrong, with suggestions
 */
export async function resolveExportFilter(executor: Executor, input: ExportFilterInput): Promise<ExportFilter | null> {
  const days = checkExportFilterInput(input);
  const filter: ExportFilter = {};
  if (input.actor !== undefined) {
    const id = await resolveEntity(executor, 'Actor', input.actor, 'actor');
    filter.actorIds = [id];
    if (input.lineage === true) {
      const [row] = await executor.read<{ ids: string[] }>('lineage-identity', { id });
      filter.actorIds = [...new Set([id, ...(row?.ids ?? [])])];
    }
  }
  if (input.place !== undefined) {
    const withinId = input.within === undefined ? null : await resolveEntity(executor, 'Place', input.within, 'within');
    filter.placeId = await resolveEntity(executor, 'Place', input.place, 'place', withinId);
  }
  Object.assign(filter, days);
  return Object.keys(filter).length === 0 ? null : filter;
}

/** Works out what a filtered export holds (see the module comment). */
export async function selectSubgraph(executor: Executor, filter: ExportFilter): Promise<Selection> {
  const [row] = await executor.read<{
    engagementIds: string[];
    agreementIds: string[];
    weaponIds: string[];
    actorIds: string[];
    placeIds: string[];
    edges: { type: string; id: string }[];
    aliasIds: string[];
  }>('export-select', {
    actorIds: filter.actorIds ?? null,
    placeId: filter.placeId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    lineageTypes: LineageKind.options,
  });
  if (row === undefined) throw new Error('export-select returned no row');
  const facts = [
    ...row.actorIds.map((factId) => ({ factType: 'Actor', factId })),
    ...row.placeIds.map((factId) => ({ factType: 'Place', factId })),
    ...row.engagementIds.map((factId) => ({ factType: 'Engagement', factId })),
    ...row.agreementIds.map((factId) => ({ factType: 'Agreement', factId })),
    ...row.weaponIds.map((factId) => ({ factType: 'Weapon', factId })),
    ...row.edges.map((edge) => ({ factType: edge.type, factId: edge.id })),
  ];
  const citationIds = new Set<string>();
  for (let start = 0; start < facts.length; start += FACTS_PER_QUERY) {
    const citations = await executor.read<{ citation: { id: string } }>('citations-of-facts', {
      facts: facts.slice(start, start + FACTS_PER_QUERY),
    });
    for (const { citation } of citations) citationIds.add(citation.id);
  }
  return {
    nodes: new Map<ExportLabel, Set<string> | 'all'>([
      ['Source', 'all'],
      ['Actor', new Set(row.actorIds)],
      ['Place', new Set(row.placeIds)],
      ['Engagement', new Set(row.engagementIds)],
      ['Agreement', new Set(row.agreementIds)],
      ['Weapon', new Set(row.weaponIds)],
      ['Alias', new Set(row.aliasIds)],
      ['Citation', citationIds],
      ['Change', new Set<string>()],
    ]),
    edgeIds: new Set(row.edges.map((e) => e.id)),
  };
}
