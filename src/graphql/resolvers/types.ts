/**
 * Field resolvers of the object types. Every relationship goes through a per-request loader.
 */
import { GraphQLScalarType, Kind, type GraphQLResolveInfo } from 'graphql';
import {
  earliestDay,
  latestDay,
  parseCalendarDate,
  InvalidDateError,
  type DatePrecision,
} from '../../domain/fuzzyDate.js';
import { AffiliationKind, LineageKind } from '../../domain/enums.js';
import { userError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import type { MembershipEnd, NetworkRelation, Resolvers } from '../generated/resolvers.js';
import { ACTOR_RELATION_KINDS, type ActorRelationKind } from '../loaders.js';
import { selectedArguments, selects } from '../lookahead.js';
import type { CasualtiesRow, EdgeRow, EngagementPage, FuzzyDateValue } from '../../db/rows.js';
import { cursorFor, dateRange, offsetAfter, optionalPageSize, pageSize } from './arguments.js';

export function fuzzy(
  value: string | null | undefined,
  precision: DatePrecision | null | undefined,
): FuzzyDateValue | null {
  return value && precision ? { value, precision } : null;
}

function calendarDate(value: unknown): string {
  try {
    if (typeof value !== 'string')
      throw new InvalidDateError(`expected a "YYYY-MM-DD" string, got ${JSON.stringify(value)}`);
    return parseCalendarDate(value);
  } catch (error) {
    throw userError('BAD_USER_INPUT', `Invalid Date: ${(error as Error).message}`);
  }
}

const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'ISO 8601 calendar date, e.g. "2016-06-03".',
  serialize: (value) => String(value),
  parseValue: calendarDate,
  parseLiteral: (ast) => calendarDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** The rows a loadMany found: a failed load is rethrown, an id no longer in the graph is skipped. */
async function present<T>(loading: Promise<(T | null | Error)[]>): Promise<T[]> {
  const rows = await loading;
  const failure = rows.find((r): r is Error => r instanceof Error);
  if (failure !== undefined) throw failure;
  return rows.filter((r): r is T => r !== null);
}

/** A non-null link whose target is gone is a data fault: say which, with NOT_FOUND. */
async function required<T>(load: Promise<T | null>, what: string): Promise<T> {
  const row = await load;
  if (row === null) throw userError('NOT_FOUND', `${what} is missing from the graph`);
  return row;
}

/** The edges of a page of ids; the loader batches the nodes into one read. */
function nodeEdges<T>(page: EngagementPage, load: (id: string) => Promise<T>) {
  return Promise.all(
    page.ids.map(async (id, index) => ({ cursor: cursorFor(page.offset + index), node: await load(id) })),
  );
}

function pageInfoOf(page: EngagementPage) {
  return {
    hasNextPage: page.offset + page.ids.length < page.totalCount,
    endCursor: page.ids.length > 0 ? cursorFor(page.offset + page.ids.length - 1) : null,
  };
}

const actorOf = (ctx: GraphQLContext, id: string) => required(ctx.loaders.actor.load(id), `Actor ${id}`);
const citationsOf = (ctx: GraphQLContext, edge: EdgeRow) =>
  ctx.loaders.citations.load({ factType: edge.type, factId: edge.id });

type FieldLoad = (
  id: string,
  args: Record<string, unknown>,
  ctx: GraphQLContext,
  selected: Selected,
) => Promise<unknown>;

const relationLoad =
  (kind: ActorRelationKind) =>
  (id: string, args: Record<string, unknown>, ctx: GraphQLContext): Promise<EdgeRow[]> =>
    ctx.loaders.actorRelations.load({ id, kind, asOf: (args['asOf'] as string | null | undefined) ?? null });

/**
 * The reads behind an actor's relationship fields, by field name. The field resolvers call them,
 * and so does `prefetchActorFields`, with the same loader keys.
 */
const actorFieldLoads = {
  names: (id, _, ctx) => ctx.loaders.actorNames.load(id),
  lineage: (id, _, ctx) => ctx.loaders.lineage.load(id),
  memberships: relationLoad('memberships'),
  members: relationLoad('members'),
  alliances: relationLoad('alliances'),
  sponsors: relationLoad('sponsors'),
  sponsoring: relationLoad('sponsoring'),
  affiliations: relationLoad('affiliations'),
  control: relationLoad('control'),
  engagements: (id, args, ctx, selected) => engagementsWhere(ctx, args, { actorIds: [id] }, selected),
  citations: (id, _, ctx) => ctx.loaders.citations.load({ factType: 'Actor', factId: id }),
} satisfies Record<string, FieldLoad>;

/** The reads behind a place's relationship fields; see actorFieldLoads. */
const placeFieldLoads = {
  names: (id, _, ctx) => ctx.loaders.placeNames.load(id),
  parts: async (id, args, ctx) => {
    const key = { id, first: optionalPageSize(args['first'] as number | null | undefined) };
    return present(ctx.loaders.place.loadMany((await ctx.loaders.placeParts.load(key)).items.map((p) => p.id)));
  },
  partCount: async (id, _, ctx) => (await ctx.loaders.placeParts.load({ id, first: 0 })).count,
  engagements: (id, args, ctx, selected) => engagementsWhere(ctx, args, { placeId: id }, selected),
  controlHistory: (id, _, ctx) => ctx.loaders.placeControl.load(id),
  citations: (id, _, ctx) => ctx.loaders.citations.load({ factType: 'Place', factId: id }),
} satisfies Record<string, FieldLoad>;

/** The reads behind an engagement's relationship fields; see actorFieldLoads. */
const engagementFieldLoads = {
  places: async (id, _, ctx) => present(ctx.loaders.place.loadMany(await ctx.loaders.engagementPlaces.load(id))),
  participants: (id, _, ctx) => ctx.loaders.participants.load(id),
  phases: async (id, _, ctx) => present(ctx.loaders.engagement.loadMany(await ctx.loaders.phases.load(id))),
  citations: (id, _, ctx) => ctx.loaders.citations.load({ factType: 'Engagement', factId: id }),
} satisfies Record<string, FieldLoad>;

/**
 * Starts the reads of the fields a request selects below `info` (one of the tables above) while
 * the node itself is read, so they share its round trip instead of waiting for it. A node that
 * turns out not to exist wastes them; a failed one is reported by the field's own resolver, which
 * reads the same key. Returns, when one of them is a field of `bringingRow` (whose statement
 * returns the node's own row too, and primes it), that read settling, or null.
 */
function prefetch(loads: Record<string, FieldLoad>, bringingRow: ReadonlySet<string> = new Set()) {
  return (ctx: GraphQLContext, info: GraphQLResolveInfo, id: string): Promise<unknown> | null => {
    let rowComing: Promise<unknown> | null = null;
    for (const [field, load] of Object.entries(loads)) {
      for (const args of selectedArguments(info, [field])) {
        try {
          const started = load(id, args, ctx, selectedBelow(info, [field])).catch(() => undefined);
          if (rowComing === null && bringingRow.has(field)) rowComing = started;
        } catch {
          // An argument the field refuses (a page too large, from after to): its resolver says so.
        }
      }
    }
    return rowComing;
  };
}
/** The actor fields whose statements (actor-lineage, actor-relations) return the actor's row too. */
const ACTOR_FIELDS_BRINGING_ROW = new Set(['lineage', ...Object.keys(ACTOR_RELATION_KINDS)]);
export const prefetchActorFields = prefetch(actorFieldLoads, ACTOR_FIELDS_BRINGING_ROW);
export const prefetchPlaceFields = prefetch(placeFieldLoads);
export const prefetchEngagementFields = prefetch(engagementFieldLoads);

/** A field resolver reading through one of the tables above. */
function fieldOf<L extends Record<string, FieldLoad>, K extends keyof L & string>(loads: L, field: K) {
  const load = loads[field] as FieldLoad;
  return (node: { id: string }, args: object, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
    load(node.id, args as Record<string, unknown>, ctx, selectedBelow(info)) as ReturnType<L[K]>;
}
const actorField = <K extends keyof typeof actorFieldLoads>(field: K) => fieldOf(actorFieldLoads, field);

/** Whether the request reads `path` below the field at hand. */
type Selected = (path: readonly string[]) => boolean;

const selectedBelow =
  (info: GraphQLResolveInfo, prefix: readonly string[] = []): Selected =>
  (path) =>
    selects(info, [...prefix, ...path]);

/** What of a page of engagements the request reads: what then comes with the page. */
export function engagementPageReads(selected: Selected) {
  return {
    withPlaces: selected(['edges', 'node', 'places']),
    withParticipants: selected(['edges', 'node', 'participants']),
  };
}

function engagementsWhere(
  ctx: GraphQLContext,
  args: {
    from?: string | null;
    to?: string | null;
    kinds?: readonly string[] | null;
    first?: number | null;
    after?: string | null;
  },
  where: { actorIds: string[] } | { placeId: string },
  selected: Selected,
): Promise<EngagementPage> {
  const { from, to } = dateRange(args.from, args.to);
  return ctx.loaders.engagementPages.load({
    ...engagementPageReads(selected),
    actorIds: 'actorIds' in where ? where.actorIds : null,
    placeId: 'placeId' in where ? where.placeId : null,
    near: null,
    from,
    to,
    kinds: args.kinds && args.kinds.length > 0 ? [...args.kinds] : null,
    contested: null,
    offset: offsetAfter(args.after),
    limit: pageSize(args.first),
  });
}

/** The common fields of a dated, sourced edge. */
const periodFields = {
  from: (e: EdgeRow) => fuzzy(e.fromValue, e.fromPrecision),
  to: (e: EdgeRow) => fuzzy(e.toValue, e.toPrecision),
  contested: (e: EdgeRow) => e.contested ?? false,
  inferredFrom: (e: EdgeRow) => e.inferredFrom ?? null,
  citations: (e: EdgeRow, _: unknown, ctx: GraphQLContext) => citationsOf(ctx, e),
};

export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,

  FuzzyDate: {
    earliest: (d) => earliestDay(d),
    latest: (d) => latestDay(d),
  },

  SearchHit: {
    entity: (hit, _, ctx) =>
      hit.type === 'Actor'
        ? required(ctx.loaders.actor.load(hit.id), `Actor ${hit.id}`)
        : required(ctx.loaders.place.load(hit.id), `Place ${hit.id}`),
  },

  NamedEntity: {
    // Only place rows carry the link to a containing place.
    __resolveType: (entity) => ('partOfId' in entity ? 'Place' : 'Actor'),
  },

  Actor: {
    aliases: (a) => a.aliases ?? [],
    reviewStatus: (a) => a.reviewStatus ?? 'REVIEWED',
    formed: (a) => fuzzy(a.formedValue, a.formedPrecision),
    formedNote: (a) => a.formedNote ?? null,
    names: actorField('names'),
    lineage: actorField('lineage'),
    memberships: actorField('memberships'),
    members: actorField('members'),
    alliances: actorField('alliances'),
    sponsors: actorField('sponsors'),
    sponsoring: actorField('sponsoring'),
    affiliations: actorField('affiliations'),
    control: actorField('control'),
    engagements: actorField('engagements'),
    citations: actorField('citations'),
  },

  Name: {
    sources: async (n, _, ctx) => {
      return present(ctx.loaders.source.loadMany(n.sources ?? []));
    },
    from: (n) => fuzzy(n.fromValue, n.fromPrecision),
    to: (n) => fuzzy(n.toValue, n.toPrecision),
  },

  LineageEvent: {
    kind: (e) => LineageKind.parse(e.type),
    from: (e, _, ctx) => actorOf(ctx, e.fromId),
    to: (e, _, ctx) => actorOf(ctx, e.toId),
    date: (e) => fuzzy(e.dateValue, e.datePrecision),
    contested: periodFields.contested,
    citations: periodFields.citations,
  },

  Membership: {
    member: (e, _, ctx) => actorOf(ctx, e.fromId),
    group: (e, _, ctx) => actorOf(ctx, e.toId),
    endReason: (e) => (e.endReason as MembershipEnd | null | undefined) ?? null,
    ...periodFields,
  },

  Alliance: {
    actors: (e, _, ctx) => present(ctx.loaders.actor.loadMany([e.fromId, e.toId])),
    ...periodFields,
  },

  Sponsorship: {
    // Stored as client -[:SPONSORED_BY]-> sponsor.
    client: (e, _, ctx) => actorOf(ctx, e.fromId),
    sponsor: (e, _, ctx) => actorOf(ctx, e.toId),
    support: (e) => e.support ?? [],
    ...periodFields,
  },

  Affiliation: {
    kind: (e) => AffiliationKind.parse(e.type),
    actor: (e, _, ctx) => actorOf(ctx, e.fromId),
    of: (e, _, ctx) => actorOf(ctx, e.toId),
    ...periodFields,
  },

  Control: {
    actor: (e, _, ctx) => actorOf(ctx, e.fromId),
    place: (e, _, ctx) => required(ctx.loaders.place.load(e.toId), `Place ${e.toId}`),
    ...periodFields,
  },

  Place: {
    aliases: (p) => p.aliases ?? [],
    reviewStatus: (p) => p.reviewStatus ?? 'REVIEWED',
    names: fieldOf(placeFieldLoads, 'names'),
    location: (p) => (p.latitude === null || p.longitude === null ? null : p),
    partOf: (p, _, ctx) => (p.partOfId ? ctx.loaders.place.load(p.partOfId) : null),
    parts: fieldOf(placeFieldLoads, 'parts'),
    partCount: fieldOf(placeFieldLoads, 'partCount'),
    engagements: fieldOf(placeFieldLoads, 'engagements'),
    controlHistory: fieldOf(placeFieldLoads, 'controlHistory'),
    citations: fieldOf(placeFieldLoads, 'citations'),
  },

  GeoPoint: {
    latitude: (p) => p.latitude ?? 0,
    longitude: (p) => p.longitude ?? 0,
    source: (p, _, ctx) => (p.locationSource ? ctx.loaders.source.load(p.locationSource) : null),
    gazetteerName: (p) => p.locationName,
    precision: (p) => p.locationPrecision,
  },

  Engagement: {
    start: (e) => ({ value: e.startValue, precision: e.startPrecision }),
    end: (e) => fuzzy(e.endValue, e.endPrecision),
    places: fieldOf(engagementFieldLoads, 'places'),
    participants: fieldOf(engagementFieldLoads, 'participants'),
    contested: (e) => e.contested ?? false,
    casualties: (e) => (e.casualtiesJson ? (JSON.parse(e.casualtiesJson) as CasualtiesRow[]) : []),
    partOf: (e, _, ctx) => (e.partOfId ? ctx.loaders.engagement.load(e.partOfId) : null),
    phases: fieldOf(engagementFieldLoads, 'phases'),
    citations: fieldOf(engagementFieldLoads, 'citations'),
  },

  Casualties: {
    source: (c, _, ctx) => required(ctx.loaders.source.load(c.source), `Source ${c.source}`),
  },

  Participation: {
    actor: (p, _, ctx) => actorOf(ctx, p.actorId),
  },

  EngagementConnection: {
    totalCount: (page) => page.totalCount,
    edges: (page, _, ctx) =>
      Promise.all(
        page.ids.map(async (id, index) => ({
          cursor: cursorFor(page.offset + index),
          node: await required(ctx.loaders.engagement.load(id), `Engagement ${id}`),
        })),
      ),
    pageInfo: (page) => ({
      hasNextPage: page.offset + page.ids.length < page.totalCount,
      endCursor: page.ids.length > 0 ? cursorFor(page.offset + page.ids.length - 1) : null,
    }),
  },

  ActorConnection: {
    totalCount: (page) => page.totalCount,
    edges: (page, _, ctx) => nodeEdges(page, (id) => required(ctx.loaders.actor.load(id), `Actor ${id}`)),
    pageInfo: pageInfoOf,
  },

  PlaceConnection: {
    totalCount: (page) => page.totalCount,
    edges: (page, _, ctx) => nodeEdges(page, (id) => required(ctx.loaders.place.load(id), `Place ${id}`)),
    pageInfo: pageInfoOf,
  },

  FoughtAtConnection: {
    totalCount: (page) => page.totalCount,
    edges: (page) => page.pairs.map((node, index) => ({ cursor: cursorFor(page.offset + index), node })),
    pageInfo: (page) => ({
      hasNextPage: page.offset + page.pairs.length < page.totalCount,
      endCursor: page.pairs.length > 0 ? cursorFor(page.offset + page.pairs.length - 1) : null,
    }),
  },

  FoughtAt: {
    actor: (f, _, ctx) => actorOf(ctx, f.actorId),
    place: (f, _, ctx) => required(ctx.loaders.place.load(f.placeId), `Place ${f.placeId}`),
    engagements: (f, _, ctx) => present(ctx.loaders.engagement.loadMany(f.engagementIds)),
  },

  PlaceCount: {
    place: (c, _, ctx) => required(ctx.loaders.place.load(c.placeId), `Place ${c.placeId}`),
  },

  Citation: {
    source: (c, _, ctx) => required(ctx.loaders.source.load(c.sourceId), `Source ${c.sourceId}`),
    fact: (c) => c,
  },

  FactRef: {
    type: (c) => c.factType,
    id: (c) => c.factId,
    summary: (c, _, ctx) => ctx.loaders.factSummary.load({ factType: c.factType, factId: c.factId }),
  },

  Source: {
    text: (s) => s.text ?? '',
    published: (s) => fuzzy(s.publishedValue, s.publishedPrecision),
    citations: async (s, { first }, ctx) =>
      (await ctx.loaders.sourceCitations.load({ id: s.id, first: optionalPageSize(first) })).items,
    citationCount: async (s, _, ctx) => (await ctx.loaders.sourceCitations.load({ id: s.id, first: 0 })).count,
  },

  GraphPath: {
    length: (p) => p.steps.length,
    steps: (p) => p.steps,
  },

  PathStep: {
    from: (e, _, ctx) => actorOf(ctx, e.fromId),
    to: (e, _, ctx) => actorOf(ctx, e.toId),
    relation: (e) => e.type,
    factId: (e) => e.id,
    period: (e) => e,
    contested: periodFields.contested,
    citations: periodFields.citations,
  },

  Network: {
    center: (n, _, ctx) => actorOf(ctx, n.nodeIds[0] ?? ''),
    nodes: (n, _, ctx) => present(ctx.loaders.actor.loadMany(n.nodeIds)),
  },

  NetworkEdge: {
    relation: (e) => e.type as NetworkRelation,
    source: (e, _, ctx) => actorOf(ctx, e.fromId),
    target: (e, _, ctx) => actorOf(ctx, e.toId),
    support: (e) => e.support ?? [],
    date: (e) => fuzzy(e.dateValue, e.datePrecision),
    ...periodFields,
  },

  Period: {
    // A lineage event has one date: it opens the period.
    from: (e) => fuzzy(e.fromValue ?? e.dateValue, e.fromPrecision ?? e.datePrecision),
    to: (e) => fuzzy(e.toValue, e.toPrecision),
  },
};
