/**
 * Curation: sourced, atomic edits of the graph. Each function validates its input, then runs one
 * write transaction that checks what it refers to, writes, and records the change; any failure
 * rolls the whole transaction back. Ids are derived from the input, so re-sending a request
 * converges on the same graph instead of duplicating it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/tokens.js';
import type { Executor, Params, StepRunner } from '../db/executor.js';
import type { QueryName } from '../db/queries.js';
import { storedAliasRows, storedCitationRows, storedFuzzyDate } from '../db/storedValues.js';
import { normaliseName } from '../domain/names.js';
import { quoteAppearsIn } from '../domain/provenance.js';
import { badInput, userError } from '../errors.js';
import type {
  ActorCreateInput,
  AliasInput,
  AllianceInput,
  CitationInput,
  ControlInput,
  EngagementInput,
  EntityUpdateInput,
  FactInput,
  LineageInput,
  LocationInput,
  MembershipInput,
  PlaceCreateInput,
  PlaceUpdateInput,
  SourceInput,
  SponsorshipInput,
} from '../graphql/generated/resolvers.js';
import type { ActorRow, EdgeRow, PlaceRow, SourceRow } from '../graphql/rows.js';
import {
  coordinate,
  fuzzyDate,
  MAX_LENGTH,
  optionalFuzzyDate,
  optionalText,
  period,
  slug,
  slugFrom,
  text,
} from './validate.js';

type EntityLabel = 'Actor' | 'Place';
const EDGE_TYPES = new Set([
  'RENAMED_TO',
  'MERGED_INTO',
  'SPLIT_FROM',
  'ABSORBED_INTO',
  'MEMBER_OF',
  'ALLIED_WITH',
  'SPONSORED_BY',
  'MEDIA_WING_OF',
  'SUBUNIT_OF',
  'AFFILIATED_WITH',
  'LEADER_OF',
  'CONTROLLED',
]);

/** What the caller gets back: the ids to read the result by. */
export interface Written {
  id: string;
}

export interface ValidCitation {
  source: string;
  quote?: string;
  note?: string;
}

export function hashOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A stable id for an edge created through the API: the same request gives the same id. */
function edgeId(type: string, ...parts: unknown[]): string {
  return `${type.toLowerCase().replace(/_/g, '-')}-${hashOf(type, ...parts).slice(0, 16)}`;
}

export function validCitations(citations: readonly CitationInput[], argument = 'citations'): ValidCitation[] {
  if (citations.length === 0) throw badInput(argument, 'every change must cite at least one source');
  if (citations.length > 20) throw badInput(argument, 'at most 20 citations per change');
  return citations.map((c, i) => {
    const quote = optionalText(c.quote, `${argument}[${i}].quote`, MAX_LENGTH.quote);
    const note = optionalText(c.note, `${argument}[${i}].note`, MAX_LENGTH.note);
    return {
      source: text(c.source, `${argument}[${i}].source`, MAX_LENGTH.id),
      ...(quote ? { quote } : {}),
      ...(note ? { note } : {}),
    };
  });
}

/** The sources exist; a quote from an article we hold appears in its text. */
export async function checkCitations(
  run: StepRunner,
  citations: readonly ValidCitation[],
  argument = 'citations',
): Promise<void> {
  const ids = [...new Set(citations.map((c) => c.source))];
  const rows = await run('sources-by-id', { ids });
  const sources = new Map(rows.map((r) => [(r['source'] as SourceRow).id, r['source'] as SourceRow]));
  citations.forEach((c, i) => {
    const source = sources.get(c.source);
    if (source === undefined)
      throw badInput(`${argument}[${i}].source`, `no source has the id "${c.source}"; add it with sourceAdd first`);
    if (source.kind === 'ARTICLE') {
      if (c.quote === undefined)
        throw badInput(`${argument}[${i}].quote`, 'a citation of an article needs its verbatim quote');
      if (source.text && !quoteAppearsIn(source.text, c.quote)) {
        throw badInput(`${argument}[${i}].quote`, `does not appear verbatim in source ${c.source}`);
      }
    }
  });
}

export async function writeCitations(
  run: StepRunner,
  factType: string,
  factId: string,
  citations: readonly ValidCitation[],
): Promise<void> {
  await run('load-citations', { rows: storedCitationRows(factType, factId, citations) });
}

/** Labels of the given ids among actors, places and engagements. */
async function labelsOf(
  run: StepRunner,
  ids: readonly string[],
): Promise<Map<string, { label: string; name: string }>> {
  const rows = await run('fact-nodes-by-id', { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r['id'] as string, { label: r['label'] as string, name: r['name'] as string }]));
}

/** Every reference names an existing node of the right kind, or the argument is named. */
async function requireNodes(
  run: StepRunner,
  refs: readonly { id: string; label: string; argument: string }[],
): Promise<void> {
  const found = await labelsOf(
    run,
    refs.map((r) => r.id),
  );
  for (const ref of refs) {
    if (found.get(ref.id)?.label !== ref.label) {
      throw badInput(ref.argument, `no ${ref.label.toLowerCase()} has the id "${ref.id}"`);
    }
  }
}

interface ChangeRecord {
  operation: string;
  input: unknown;
  entityIds: string[];
  summary: string;
  mergedFrom?: string;
  mergedInto?: string;
}

// Orders changes made within one millisecond; `at` alone cannot.
let changeCounter = 0;

/**
 * Records the change with an id of its own. Re-sending a request changes nothing in the graph (the
 * write is idempotent) and is recorded as a no-op pointing at the change it repeats.
 */
export async function recordChange(run: StepRunner, viewer: Viewer, change: ChangeRecord): Promise<void> {
  const now = Date.now();
  changeCounter = (changeCounter + 1) % 1000;
  await run('change-record', {
    change: {
      id: randomUUID(),
      at: new Date(now).toISOString(),
      seq: now * 1000 + changeCounter,
      inputHash: hashOf(change.operation, change.input),
      by: viewer.name,
      operation: change.operation,
      entityIds: change.entityIds,
      summary: change.summary,
      details: JSON.stringify(change.input),
      mergedFrom: change.mergedFrom ?? null,
      mergedInto: change.mergedInto ?? null,
    },
  });
}

function validAliases(aliases: readonly AliasInput[] | null | undefined, argument: string) {
  return (aliases ?? []).map((a, i) => {
    const at = `${argument}[${i}]`;
    return {
      name: text(a.name, `${at}.name`, MAX_LENGTH.name),
      kind: a.kind,
      sources: (a.sources ?? []).map((s, j) => text(s, `${at}.sources[${j}]`, MAX_LENGTH.id)),
      ...period(a.from, a.to, at),
    };
  });
}

type ValidAlias = ReturnType<typeof validAliases>[number];

/** A name that already belongs to another entity of the same kind would make lookups ambiguous. */
async function refuseTakenNames(
  run: StepRunner,
  label: EntityLabel,
  entityId: string,
  names: readonly string[],
  argument: string,
): Promise<void> {
  const keys = [...new Set(names.map(normaliseName).filter((k) => k !== ''))];
  const rows = await run('resolve-names', { keys, entityType: label, withinId: null });
  const other = rows.find((r) => r['entityId'] !== entityId);
  if (other !== undefined) {
    throw userError(
      'CONFLICT',
      `${argument}: "${String(other['name'])}" already names ${label.toLowerCase()} "${String(other['entityId'])}"; ` +
        'add the spelling to that entity, or merge the two if they are one',
      { argument },
    );
  }
}

async function writeAliases(
  run: StepRunner,
  label: EntityLabel,
  entityId: string,
  canonical: string,
  aliases: readonly ValidAlias[],
): Promise<void> {
  await run('load-aliases', { rows: storedAliasRows(label, entityId, canonical, aliases) });
  await run('aliases-sync', { entities: [{ type: label, id: entityId }] });
}

// ---------------------------------------------------------------------------------------------
// Sources

export async function addSource(executor: Executor, viewer: Viewer, input: SourceInput): Promise<Written> {
  const id = text(input.id, 'input.id', MAX_LENGTH.id);
  if (!/^[A-Za-z0-9_.-]+$/.test(id)) throw badInput('input.id', 'use letters, digits, _ . or - only');
  const kind = input.kind;
  const sourceText = optionalText(input.text, 'input.text', MAX_LENGTH.text);
  if (kind === 'ARTICLE' && sourceText === undefined)
    throw badInput('input.text', 'an article needs its full text, so quotes can be checked');
  const url = optionalText(input.url, 'input.url', MAX_LENGTH.note);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw badInput('input.url', 'must be an http(s) URL');
  const props = {
    kind,
    title: text(input.title, 'input.title', MAX_LENGTH.name),
    publisher: optionalText(input.publisher, 'input.publisher', MAX_LENGTH.name) ?? null,
    author: optionalText(input.author, 'input.author', MAX_LENGTH.name) ?? null,
    url: url ?? null,
    text: sourceText ?? null,
    ...storedFuzzyDate('published', optionalFuzzyDate(input.published, 'input.published')),
    publishedNote: optionalText(input.publishedNote, 'input.publishedNote', MAX_LENGTH.note) ?? null,
    perspective: optionalText(input.perspective, 'input.perspective', MAX_LENGTH.note) ?? null,
  };
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('sources-by-id', { ids: [id] });
    const current = existing?.['source'] as SourceRow | undefined;
    if (current !== undefined && (current.text ?? null) !== props.text) {
      // Quotes were checked against the old text: it cannot change under them.
      throw userError('CONFLICT', `input.id: source "${id}" already exists with another text`, {
        argument: 'input.id',
      });
    }
    await run('load-sources', { rows: [{ id, props }] });
    await recordChange(run, viewer, {
      operation: 'sourceAdd',
      input,
      entityIds: [id],
      summary: `Source ${props.title}`,
    });
    return { id };
  });
}

// ---------------------------------------------------------------------------------------------
// Actors and places

export async function createActor(executor: Executor, viewer: Viewer, input: ActorCreateInput): Promise<Written> {
  const name = text(input.name, 'input.name', MAX_LENGTH.name);
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(name, 'input.name');
  const kind = input.kind;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description);
  const aliases = validAliases(input.aliases, 'input.aliases');
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('actors-by-id', { ids: [id] });
    const current = existing?.['actor'] as ActorRow | undefined;
    if (current !== undefined && (current.name !== name || current.kind !== kind)) {
      throw userError('CONFLICT', `input.id: "${id}" is already the ${current.kind} "${current.name}"`, {
        argument: 'input.id',
      });
    }
    await refuseTakenNames(run, 'Actor', id, [name, ...aliases.map((a) => a.name)], 'input.name');
    await checkCitations(run, citations, 'input.citations');
    await run('load-actors', {
      rows: [
        {
          id,
          props: { name, kind, description: description ?? current?.description ?? null, reviewStatus: 'REVIEWED' },
        },
      ],
    });
    await writeAliases(run, 'Actor', id, name, aliases);
    await writeCitations(run, 'Actor', id, citations);
    await recordChange(run, viewer, {
      operation: 'actorCreate',
      input,
      entityIds: [id],
      summary: `Actor ${name} (${kind})`,
    });
    return { id };
  });
}

export async function updateActor(
  executor: Executor,
  viewer: Viewer,
  id: string,
  input: EntityUpdateInput,
): Promise<Written> {
  const name = optionalText(input.name, 'input.name', MAX_LENGTH.name);
  const kind = input.kind ?? undefined;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description);
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('actors-by-id', { ids: [id] });
    const current = existing?.['actor'] as ActorRow | undefined;
    if (current === undefined) throw userError('NOT_FOUND', `id: no actor has the id "${id}"`, { argument: 'id' });
    if (name !== undefined) await refuseTakenNames(run, 'Actor', id, [name], 'input.name');
    await checkCitations(run, citations, 'input.citations');
    const next = {
      name: name ?? current.name,
      kind: kind ?? current.kind,
      description: description ?? current.description,
    };
    await run('load-actors', { rows: [{ id, props: next }] });
    // A renamed actor keeps its old name as an alias, so old reports still resolve.
    await writeAliases(
      run,
      'Actor',
      id,
      next.name,
      name && name !== current.name ? [{ name: current.name, kind: 'ROMANISATION', sources: [] }] : [],
    );
    await writeCitations(run, 'Actor', id, citations);
    await recordChange(run, viewer, {
      operation: 'actorUpdate',
      input: { id, ...input },
      entityIds: [id],
      summary: `Actor ${current.name}: ${JSON.stringify({ before: { name: current.name, kind: current.kind, description: current.description }, after: next })}`,
    });
    return { id };
  });
}

function validLocation(location: LocationInput | null | undefined, argument: string) {
  if (location === null || location === undefined) return undefined;
  coordinate(location.latitude, location.longitude, argument);
  return {
    latitude: location.latitude,
    longitude: location.longitude,
    source: text(location.source, `${argument}.source`, MAX_LENGTH.id),
    gazetteerName: text(location.gazetteerName, `${argument}.gazetteerName`, MAX_LENGTH.name),
    precision: text(location.precision, `${argument}.precision`, MAX_LENGTH.note),
  };
}

/** Coordinates must come from a gazetteer: a DATASET source. */
async function checkLocationSource(
  run: StepRunner,
  location: { source: string } | undefined,
  argument: string,
): Promise<void> {
  if (location === undefined) return;
  const [row] = await run('sources-by-id', { ids: [location.source] });
  if ((row?.['source'] as SourceRow | undefined)?.kind !== 'DATASET') {
    throw badInput(
      `${argument}.source`,
      `"${location.source}" is not a gazetteer (a DATASET source); coordinates are never guessed`,
    );
  }
}

async function checkPartOf(
  run: StepRunner,
  placeId: string,
  partOf: string | undefined,
  argument: string,
): Promise<void> {
  if (partOf === undefined) return;
  await requireNodes(run, [{ id: partOf, label: 'Place', argument }]);
  const [row] = await run('place-ancestors', { id: partOf });
  if (((row?.['ids'] as string[] | undefined) ?? []).includes(placeId)) {
    throw badInput(argument, `"${partOf}" lies in "${placeId}": a place cannot lie in itself`);
  }
}

type ValidLocation = NonNullable<ReturnType<typeof validLocation>>;

/** The location a place already has, in the form a new one is given. */
function storedLocation(place: PlaceRow | undefined): ValidLocation | undefined {
  if (place?.latitude == null || place.longitude == null) return undefined;
  return {
    latitude: place.latitude,
    longitude: place.longitude,
    source: place.locationSource ?? '',
    gazetteerName: place.locationName ?? '',
    precision: place.locationPrecision ?? '',
  };
}

function placeProps(name: string, kind: string, description: string | null, location: ValidLocation | undefined) {
  return {
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    props: {
      name,
      kind,
      description,
      locationSource: location?.source ?? null,
      locationName: location?.gazetteerName ?? null,
      locationPrecision: location?.precision ?? null,
      reviewStatus: 'REVIEWED',
    },
  };
}

export async function createPlace(executor: Executor, viewer: Viewer, input: PlaceCreateInput): Promise<Written> {
  const name = text(input.name, 'input.name', MAX_LENGTH.name);
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(name, 'input.name');
  const kind = input.kind;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description) ?? null;
  const partOf = input.partOf ? slug(input.partOf, 'input.partOf') : undefined;
  const location = validLocation(input.location, 'input.location');
  const aliases = validAliases(input.aliases, 'input.aliases');
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('places-by-id', { ids: [id] });
    const current = existing?.['place'] as PlaceRow | undefined;
    if (current !== undefined && (current.name !== name || current.kind !== kind)) {
      throw userError('CONFLICT', `input.id: "${id}" is already the ${current.kind} "${current.name}"`, {
        argument: 'input.id',
      });
    }
    await refuseTakenNames(run, 'Place', id, [name, ...aliases.map((a) => a.name)], 'input.name');
    await checkPartOf(run, id, partOf, 'input.partOf');
    await checkLocationSource(run, location, 'input.location');
    await checkCitations(run, citations, 'input.citations');
    await run('load-places', {
      rows: [{ id, ...placeProps(name, kind, description, location ?? storedLocation(current)) }],
    });
    if (partOf !== undefined) await run('place-part-of-set', { id, partOf });
    await writeAliases(run, 'Place', id, name, aliases);
    await writeCitations(run, 'Place', id, citations);
    await recordChange(run, viewer, {
      operation: 'placeCreate',
      input,
      entityIds: [id],
      summary: `Place ${name} (${kind})`,
    });
    return { id };
  });
}

export async function updatePlace(
  executor: Executor,
  viewer: Viewer,
  id: string,
  input: PlaceUpdateInput,
): Promise<Written> {
  const name = optionalText(input.name, 'input.name', MAX_LENGTH.name);
  const kind = input.kind ?? undefined;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description);
  const partOf = input.partOf ? slug(input.partOf, 'input.partOf') : undefined;
  const location = validLocation(input.location, 'input.location');
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('places-by-id', { ids: [id] });
    const current = existing?.['place'] as PlaceRow | undefined;
    if (current === undefined) throw userError('NOT_FOUND', `id: no place has the id "${id}"`, { argument: 'id' });
    if (name !== undefined) await refuseTakenNames(run, 'Place', id, [name], 'input.name');
    await checkPartOf(run, id, partOf, 'input.partOf');
    await checkLocationSource(run, location, 'input.location');
    await checkCitations(run, citations, 'input.citations');
    const nextName = name ?? current.name;
    await run('load-places', {
      rows: [
        {
          id,
          ...placeProps(
            nextName,
            kind ?? current.kind,
            description ?? current.description,
            location ?? storedLocation(current),
          ),
        },
      ],
    });
    if (partOf !== undefined) await run('place-part-of-set', { id, partOf });
    await writeAliases(
      run,
      'Place',
      id,
      nextName,
      name && name !== current.name ? [{ name: current.name, kind: 'ROMANISATION', sources: [] }] : [],
    );
    await writeCitations(run, 'Place', id, citations);
    await recordChange(run, viewer, {
      operation: 'placeUpdate',
      input: { id, ...input },
      entityIds: [id],
      summary: `Place ${current.name} updated`,
    });
    return { id };
  });
}

/** The label and canonical name of the actor or place `id`, or BAD_USER_INPUT naming `argument`. */
async function namedEntity(
  run: StepRunner,
  id: string,
  argument: string,
): Promise<{ label: EntityLabel; canonical: string }> {
  const found = (await labelsOf(run, [id])).get(id);
  if (found?.label !== 'Actor' && found?.label !== 'Place')
    throw badInput(argument, `no actor or place has the id "${id}"`);
  return { label: found.label, canonical: found.name };
}

export async function addAlias(
  executor: Executor,
  viewer: Viewer,
  entityId: string,
  alias: AliasInput,
  citationsInput: readonly CitationInput[],
): Promise<EntityLabel> {
  const [valid] = validAliases([alias], 'alias');
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    const { label, canonical } = await namedEntity(run, entityId, 'entityId');
    await refuseTakenNames(run, label, entityId, [valid!.name], 'alias.name');
    await checkCitations(run, citations);
    await writeAliases(run, label, entityId, canonical, [valid!]);
    await writeCitations(run, label, entityId, citations);
    await recordChange(run, viewer, {
      operation: 'aliasAdd',
      input: { entityId, alias, citations: citationsInput },
      entityIds: [entityId],
      summary: `Name "${valid!.name}" added to ${canonical}`,
    });
    return label;
  });
}

export async function removeAlias(
  executor: Executor,
  viewer: Viewer,
  entityId: string,
  name: string,
  reason: string,
  citationsInput: readonly CitationInput[],
): Promise<EntityLabel> {
  const why = text(reason, 'reason', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    const { label, canonical } = await namedEntity(run, entityId, 'entityId');
    if (name === canonical) throw badInput('name', 'is the canonical name; rename the entity first');
    await checkCitations(run, citations);
    const [row] = await run('alias-remove', { entityType: label, entityId, name });
    if (row?.['removed'] === 0) throw badInput('name', `"${name}" is not a name of ${canonical}`);
    await run('aliases-sync', { entities: [{ type: label, id: entityId }] });
    await writeCitations(run, label, entityId, citations);
    await recordChange(run, viewer, {
      operation: 'aliasRemove',
      input: { entityId, name, reason: why },
      entityIds: [entityId],
      summary: `Name "${name}" removed from ${canonical}: ${why}`,
    });
    return label;
  });
}

// ---------------------------------------------------------------------------------------------
// Dated edges

interface EdgeFact {
  type: string;
  from: string;
  to: string;
  /** The labels `from` and `to` must have. */
  labels: [string, string];
  arguments: [string, string];
  props: Record<string, unknown>;
  citations: ValidCitation[];
  operation: string;
  input: unknown;
}

export function periodProps(
  p: { from?: string; to?: string },
  contested: boolean | null | undefined,
  contestedNote: string | null | undefined,
) {
  const note = optionalText(contestedNote, 'input.contestedNote', MAX_LENGTH.note);
  if (contested && note === undefined) throw badInput('input.contestedNote', 'say what is disputed, and by whom');
  return {
    ...storedFuzzyDate('from', p.from),
    ...storedFuzzyDate('to', p.to),
    contested: contested ?? false,
    contestedNote: note ?? null,
  };
}

/** Whether an edge-add's values differ from the edge already recorded (re-sending it is a no-op). */
function differsFrom(recorded: EdgeRow, props: Record<string, unknown>): boolean {
  const was = recorded as unknown as Record<string, unknown>;
  return ['fromValue', 'toValue', 'dateValue', 'contested', 'contestedNote', 'support']
    .filter((key) => key in props)
    .some((key) => JSON.stringify(was[key] ?? null) !== JSON.stringify(props[key] ?? null));
}

async function addEdge(executor: Executor, viewer: Viewer, fact: EdgeFact): Promise<Written> {
  if (fact.from === fact.to) throw badInput(fact.arguments[1], 'must differ from the other end');
  // The id names the relation, not its dates: a corrected period is the same fact (factUpdate).
  const id = edgeId(fact.type, fact.from, fact.to);
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('edges-by-id', { ids: [id] });
    const recorded = existing?.['edge'] as EdgeRow | undefined;
    if (recorded !== undefined && differsFrom(recorded, fact.props)) {
      throw userError(
        'CONFLICT',
        `input: ${fact.from} ${fact.type} ${fact.to} is already recorded, with other values, as fact "${id}"; ` +
          `correct it with factUpdate(fact: { type: "${fact.type}", id: "${id}" }, ...)`,
        { argument: 'input' },
      );
    }
    await checkCitations(run, fact.citations, 'input.citations');
    const [written] =
      fact.type === 'CONTROLLED'
        ? await run('load-control', { rows: [{ id, actor: fact.from, place: fact.to, props: fact.props }] })
        : await run('load-actor-relations', {
            rows: [{ id, type: fact.type, from: fact.from, to: fact.to, props: fact.props }],
          });
    if (written?.['count'] !== 1) {
      await requireNodes(run, [
        { id: fact.from, label: fact.labels[0], argument: fact.arguments[0] },
        { id: fact.to, label: fact.labels[1], argument: fact.arguments[1] },
      ]);
    }
    await writeCitations(run, fact.type, id, fact.citations);
    await recordChange(run, viewer, {
      operation: fact.operation,
      input: fact.input,
      entityIds: [id, fact.from, fact.to],
      summary: `${fact.from} ${fact.type} ${fact.to}`,
    });
    return { id };
  });
}

export function addLineage(executor: Executor, viewer: Viewer, input: LineageInput): Promise<Written> {
  const kind = input.kind;
  const date = fuzzyDate(input.date, 'input.date');
  const { contested, contestedNote } = periodProps({}, input.contested, input.contestedNote);
  return addEdge(executor, viewer, {
    type: kind,
    from: slug(input.from, 'input.from'),
    to: slug(input.to, 'input.to'),
    labels: ['Actor', 'Actor'],
    arguments: ['input.from', 'input.to'],
    props: { ...storedFuzzyDate('date', date), contested, contestedNote },
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'lineageAdd',
    input,
  });
}

export function addMembership(executor: Executor, viewer: Viewer, input: MembershipInput): Promise<Written> {
  return addEdge(executor, viewer, {
    type: 'MEMBER_OF',
    from: slug(input.member, 'input.member'),
    to: slug(input.group, 'input.group'),
    labels: ['Actor', 'Actor'],
    arguments: ['input.member', 'input.group'],
    props: periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'membershipAdd',
    input,
  });
}

export function addAlliance(executor: Executor, viewer: Viewer, input: AllianceInput): Promise<Written> {
  if (input.actors.length !== 2)
    throw badInput('input.actors', 'an alliance joins exactly two actors; use a coalition and memberships for more');
  // Stored in id order, so "A allied with B" and "B allied with A" are one edge.
  const [a, b] = [slug(input.actors[0]!, 'input.actors[0]'), slug(input.actors[1]!, 'input.actors[1]')].sort() as [
    string,
    string,
  ];
  return addEdge(executor, viewer, {
    type: 'ALLIED_WITH',
    from: a,
    to: b,
    labels: ['Actor', 'Actor'],
    arguments: ['input.actors[0]', 'input.actors[1]'],
    props: periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'allianceAdd',
    input,
  });
}

export function addSponsorship(executor: Executor, viewer: Viewer, input: SponsorshipInput): Promise<Written> {
  if (input.support.length === 0) throw badInput('input.support', 'name at least one kind of support');
  const support = [...new Set(input.support)].sort();
  return addEdge(executor, viewer, {
    type: 'SPONSORED_BY',
    from: slug(input.client, 'input.client'),
    to: slug(input.sponsor, 'input.sponsor'),
    labels: ['Actor', 'Actor'],
    arguments: ['input.client', 'input.sponsor'],
    props: { ...periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote), support },
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'sponsorshipAdd',
    input,
  });
}

export function addControl(executor: Executor, viewer: Viewer, input: ControlInput): Promise<Written> {
  return addEdge(executor, viewer, {
    type: 'CONTROLLED',
    from: slug(input.actor, 'input.actor'),
    to: slug(input.place, 'input.place'),
    labels: ['Actor', 'Place'],
    arguments: ['input.actor', 'input.place'],
    props: periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'controlAdd',
    input,
  });
}

// ---------------------------------------------------------------------------------------------
// Engagements

export async function createEngagement(executor: Executor, viewer: Viewer, input: EngagementInput): Promise<Written> {
  const title = text(input.title, 'input.title', MAX_LENGTH.name);
  const kind = input.kind;
  const { from: start, to: end } = period(input.start, input.end, 'input');
  if (start === undefined) throw badInput('input.start', 'is required');
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(`${title} ${start}`, 'input.title');
  if (input.places.length === 0) throw badInput('input.places', 'an engagement happens somewhere');
  if (input.participants.length === 0) throw badInput('input.participants', 'an engagement needs a participant');
  const places = input.places.map((p, i) => slug(p, `input.places[${i}]`));
  const participants = input.participants.map((p, i) => ({
    actor: slug(p.actor, `input.participants[${i}].actor`),
    side: p.side,
    role: p.role ?? null,
    argument: `input.participants[${i}].actor`,
  }));
  const partOf = input.partOf ? slug(input.partOf, 'input.partOf') : undefined;
  const outcome = input.outcome ? input.outcome : 'UNKNOWN';
  const { contested, contestedNote } = periodProps({}, input.contested, input.contestedNote);
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const taken = (await labelsOf(run, [id])).get(id);
    if (taken !== undefined && (taken.label !== 'Engagement' || taken.name !== title)) {
      throw userError('CONFLICT', `input.id: "${id}" is already the ${taken.label} "${taken.name}"`, {
        argument: 'input.id',
      });
    }
    await checkCitations(run, citations, 'input.citations');
    await run('load-engagements', {
      rows: [
        {
          id,
          props: {
            title,
            kind,
            ...storedFuzzyDate('start', start),
            ...storedFuzzyDate('end', end),
            outcome,
            outcomeText: optionalText(input.outcomeText, 'input.outcomeText', MAX_LENGTH.note) ?? null,
            contested,
            contestedNote,
            casualtiesJson: '[]',
          },
        },
      ],
    });
    // Links are written in bulk; one that matched nothing is named, and the transaction rolls back.
    type Ref = { id: string; label: string; argument: string };
    const links: [QueryName, Params[], Ref[]][] = [
      [
        'load-participants',
        participants.map((p) => ({ actor: p.actor, engagement: id, side: p.side, role: p.role, note: null })),
        participants.map((p) => ({ id: p.actor, label: 'Actor', argument: p.argument })),
      ],
      [
        'load-engagement-places',
        places.map((place) => ({ engagement: id, place })),
        places.map((p, i) => ({ id: p, label: 'Place', argument: `input.places[${i}]` })),
      ],
    ];
    if (partOf)
      links.push([
        'load-engagement-parts',
        [{ id, partOf }],
        [{ id: partOf, label: 'Engagement', argument: 'input.partOf' }],
      ]);
    for (const [query, rows, refs] of links) {
      const [written] = await run(query, { rows });
      if (written?.['count'] !== rows.length) await requireNodes(run, refs);
    }
    await writeCitations(run, 'Engagement', id, citations);
    await recordChange(run, viewer, {
      operation: 'engagementCreate',
      input,
      entityIds: [id, ...places, ...participants.map((p) => p.actor)],
      summary: `Engagement ${title} (${start})`,
    });
    return { id };
  });
}

// ---------------------------------------------------------------------------------------------
// Disputes, retractions, merges

export async function contestFact(
  executor: Executor,
  viewer: Viewer,
  fact: FactInput,
  note: string,
  citationsInput: readonly CitationInput[],
): Promise<{ factType: string; factId: string }> {
  if (fact.type !== 'Engagement' && !EDGE_TYPES.has(fact.type)) {
    throw badInput('fact.type', `must be Engagement or an edge type (${[...EDGE_TYPES].join(', ')})`);
  }
  const what = text(note, 'note', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    await checkCitations(run, citations);
    const [row] = await run('fact-contest', { type: fact.type, id: fact.id, note: what });
    if (row?.['updated'] === 0) throw badInput('fact.id', `no ${fact.type} fact has the id "${fact.id}"`);
    await writeCitations(
      run,
      fact.type,
      fact.id,
      citations.map((c) => ({ ...c, note: c.note ?? `Disputes the fact: ${what}` })),
    );
    await recordChange(run, viewer, {
      operation: 'factContest',
      input: { fact, note: what, citations: citationsInput },
      entityIds: [fact.id],
      summary: `${fact.type} ${fact.id} contested: ${what}`,
    });
    return { factType: fact.type, factId: fact.id };
  });
}

export async function retractCitation(
  executor: Executor,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<{ factType: string; factId: string }> {
  const why = text(reason, 'reason', MAX_LENGTH.note);
  return executor.writeTransaction(async (run) => {
    const [row] = await run('citation-by-id', { id });
    if (row === undefined) throw userError('NOT_FOUND', `id: no citation has the id "${id}"`, { argument: 'id' });
    const citation = row['citation'] as { factId: string; factType: string; retracted: boolean };
    if (!citation.retracted) {
      if (row['others'] === 0) {
        throw badInput('id', 'is the last citation of its fact: add another citation first, or contest the fact');
      }
      await run('citation-retract', { id, reason: why, by: viewer.name, at: new Date().toISOString() });
      await recordChange(run, viewer, {
        operation: 'citationRetract',
        input: { id, reason: why },
        entityIds: [citation.factId, id],
        summary: `Citation ${id} of ${citation.factType} ${citation.factId} retracted: ${why}`,
      });
    }
    return { factType: citation.factType, factId: citation.factId };
  });
}

/**
 * Merges `remove` into `keep`. Concurrent or repeated merges of the same pair end with one node:
 * the loser finds `remove` gone and the merge recorded, and returns `keep` unchanged.
 */
export async function mergeEntities(
  executor: Executor,
  viewer: Viewer,
  label: EntityLabel,
  keepId: string,
  removeId: string,
  reason: string,
  citationsInput: readonly CitationInput[],
): Promise<Written> {
  const keep = slug(keepId, 'keep');
  const remove = slug(removeId, 'remove');
  if (keep === remove) throw badInput('remove', 'must differ from keep');
  const why = text(reason, 'reason', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  const attempt = () =>
    executor.writeTransaction(async (run) => {
      const found = await labelsOf(run, [keep, remove]);
      if (found.get(keep)?.label !== label) throw badInput('keep', `no ${label.toLowerCase()} has the id "${keep}"`);
      if (found.get(remove)?.label !== label) {
        const [row] = await run('merge-recorded', { remove, keep });
        if (Number(row?.['merges'] ?? 0) > 0) return { id: keep };
        throw badInput('remove', `no ${label.toLowerCase()} has the id "${remove}"`);
      }
      await checkCitations(run, citations);
      const [moved] = await run(label === 'Actor' ? 'merge-actors' : 'merge-places', { keep, remove });
      await run('aliases-sync', { entities: [{ type: label, id: keep }] });
      await writeCitations(run, label, keep, citations);
      await recordChange(run, viewer, {
        operation: label === 'Actor' ? 'mergeActors' : 'mergePlaces',
        input: { keep, remove, reason: why, citations: citationsInput },
        entityIds: [keep, remove],
        summary: `${found.get(remove)!.name} (${remove}) merged into ${found.get(keep)!.name} (${keep}): ${why}; moved ${JSON.stringify(moved ?? {})}`,
        mergedFrom: remove,
        mergedInto: keep,
      });
      return { id: keep };
    });
  try {
    return await attempt();
  } catch (error) {
    // A concurrent merge of the same pair may delete `remove` under us; the retry sees it recorded.
    if (
      (error as { code?: string }).code?.startsWith('Neo.') ||
      (error as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT'
    ) {
      return attempt();
    }
    throw error;
  }
}
