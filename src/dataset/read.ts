/**
 * Reads the reviewed data files under `data/`, validates each entry against the zod schemas of
 * `model.ts`, then cross-checks the whole dataset. Every problem found is collected (not just the
 * first) and reported together in one `DatasetError`, each naming the file, the entry id and the
 * field, so a reviewer can fix a broken edit in one pass.
 *
 * Cross-checks:
 *  - ids are unique within each kind (sources, actors, places, engagements, relations, agreements,
 *    weapons), and no two fact nodes of different kinds share an id (the rule of
 *    src/domain/facts.ts: fact nodes are looked up by id across kinds);
 *  - every reference resolves (actors, places, engagement/place partOf, participants, citation,
 *    alias, casualty and location sources);
 *  - every ARTICLE source has its text in `data/sources/<id>.txt`, and every citation of an ARTICLE
 *    source carries a quote found verbatim (whitespace aside) in that text; REFERENCE and DATASET
 *    citations may omit the quote;
 *  - a SOURCE_SPELLING alias appears verbatim in each ARTICLE source it lists; SOURCE_SPELLING and
 *    GAZETTEER aliases list at least one source; a location cites a DATASET source;
 *  - contested facts explain themselves (contestedNote);
 *  - every date is a real calendar date, and every period runs forwards (from <= to);
 *  - no two actors (or two places) share a name key (`normaliseName`), so each spelling resolves
 *    to exactly one node;
 *  - place and engagement PART_OF chains have no cycles;
 *  - no orphans: every actor and place is used by an engagement, a relation, or (places) as the
 *    parent of another place, unless its description explains why with "Unlinked:";
 *  - an engagement's quotes, taken together, name each of its places and each participant (by any
 *    of its names, compared by name key), unless the participant says in `inferredFrom` where it
 *    is inferred from; likewise a dated relation (violations and armaments too) cited only from
 *    articles names both its ends (an armament: the actor, the weapon and the supplier), unless
 *    its `inferredFrom` says what is inferred;
 *  - a membership that says how it ended (`endReason`) has an end date.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { backwardsPeriodProblem, parseFuzzyDate } from '../domain/fuzzyDate.js';
import { idsSharedAcrossKinds } from '../domain/facts.js';
import { mentionKeys, mentionsAnyName } from '../domain/mentions.js';
import { normaliseName } from '../domain/names.js';
import { citationProblem, contestedProblem, locationSourceProblem, quoteAppearsIn } from '../domain/provenance.js';
import {
  Actor,
  Agreement,
  Armament,
  Affiliation,
  Alliance,
  Control,
  Engagement,
  LineageEvent,
  Membership,
  Place,
  Source,
  Sponsorship,
  Violation,
  Weapon,
  type Alias,
  type Citation,
  type Dataset,
} from './model.js';

/** The repository's `data/` folder. */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Marker in an actor's or place's description that explains why nothing references it. */
export const UNLINKED_MARKER = 'Unlinked:';

/** Everything wrong with a dataset, one line per problem. */
export class DatasetError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The dataset has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

type RelationsData = Dataset['relations'];
type RelationKey = keyof RelationsData;

const RELATION_SCHEMAS = {
  lineage: LineageEvent,
  memberships: Membership,
  alliances: Alliance,
  sponsorships: Sponsorship,
  affiliations: Affiliation,
  control: Control,
} as const;
const RELATION_KEYS = Object.keys(RELATION_SCHEMAS) as RelationKey[];

const FILES = {
  sources: 'sources.yaml',
  actors: 'actors.yaml',
  places: 'places.yaml',
  engagements: 'engagements.yaml',
  relations: 'relations.yaml',
  agreements: 'agreements.yaml',
  weapons: 'weapons.yaml',
} as const;

function entryLabel(raw: unknown, index: number): string {
  if (raw !== null && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string') return `"${raw.id}"`;
  return `#${index + 1} (no id)`;
}

function issuePath(p: readonly PropertyKey[]): string {
  return p.length === 0 ? '(entry)' : p.map((k) => String(k)).join('.');
}

async function readYaml(dataDir: string, file: string, problems: string[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, file), 'utf8');
  } catch (e) {
    problems.push(`${file}: cannot read the file (${(e as Error).message})`);
    return undefined;
  }
  try {
    return parseYaml(text) as unknown;
  } catch (e) {
    problems.push(`${file}: invalid YAML (${(e as Error).message})`);
    return undefined;
  }
}

/** Validates each entry of a list on its own, so one bad entry does not hide the others. */
function parseList<S extends z.ZodType>(raw: unknown, schema: S, where: string, problems: string[]): z.infer<S>[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${where}: expected a list of entries`);
    return [];
  }
  const out: z.infer<S>[] = [];
  raw.forEach((entry: unknown, index) => {
    const result = schema.safeParse(entry);
    if (result.success) {
      out.push(result.data);
    } else {
      for (const issue of result.error.issues) {
        problems.push(`${where}: entry ${entryLabel(entry, index)} field ${issuePath(issue.path)}: ${issue.message}`);
      }
    }
  });
  return out;
}

function parseRelations(raw: unknown, problems: string[]): RelationsData {
  const file = FILES.relations;
  const empty: RelationsData = {
    lineage: [],
    memberships: [],
    alliances: [],
    sponsorships: [],
    affiliations: [],
    control: [],
  };
  if (raw === undefined || raw === null) return empty;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${file}: expected a mapping with the keys ${RELATION_KEYS.join(', ')}`);
    return empty;
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(RELATION_KEYS as string[]).includes(key)) {
      problems.push(`${file}: unknown key "${key}" (expected ${RELATION_KEYS.join(', ')})`);
    }
  }
  return {
    lineage: parseList(record.lineage, RELATION_SCHEMAS.lineage, `${file} lineage`, problems),
    memberships: parseList(record.memberships, RELATION_SCHEMAS.memberships, `${file} memberships`, problems),
    alliances: parseList(record.alliances, RELATION_SCHEMAS.alliances, `${file} alliances`, problems),
    sponsorships: parseList(record.sponsorships, RELATION_SCHEMAS.sponsorships, `${file} sponsorships`, problems),
    affiliations: parseList(record.affiliations, RELATION_SCHEMAS.affiliations, `${file} affiliations`, problems),
    control: parseList(record.control, RELATION_SCHEMAS.control, `${file} control`, problems),
  };
}

/**
 * A file that is a mapping of lists (agreements.yaml, weapons.yaml): each list is parsed with its
 * own schema, entry by entry; an unknown key or a file that is not a mapping is a problem.
 */
function parseMapping<S extends Record<string, z.ZodType>>(
  raw: unknown,
  file: string,
  schemas: S,
  problems: string[],
): { [K in keyof S]: z.infer<S[K]>[] } {
  const keys = Object.keys(schemas);
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (raw !== undefined && raw !== null && record !== raw) {
    problems.push(`${file}: expected a mapping with the keys ${keys.join(', ')}`);
  }
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) problems.push(`${file}: unknown key "${key}" (expected ${keys.join(', ')})`);
  }
  return Object.fromEntries(
    keys.map((key) => [key, parseList(record[key], schemas[key]!, `${file} ${key}`, problems)]),
  ) as { [K in keyof S]: z.infer<S[K]>[] };
}

async function fileExists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** Every name of an entity: the canonical one and its aliases. */
function namesOf(entity: { name: string; aliases: readonly Alias[] }): string[] {
  return [entity.name, ...entity.aliases.map((a) => a.name)];
}

/**
 * The quotes of an engagement must name what it records: each place, and each participant that
 * does not say where it is inferred from. A quote about an event that names neither the side nor
 * the ground does not support "X fought at Y".
 */
function checkEngagementsNamed(
  engagements: readonly Engagement[],
  actors: readonly Actor[],
  places: readonly Place[],
  problems: string[],
): void {
  const actorNames = new Map(actors.map((a) => [a.id, namesOf(a)]));
  const placeNames = new Map(places.map((p) => [p.id, namesOf(p)]));
  for (const e of engagements) {
    const where = `${FILES.engagements}: engagement "${e.id}"`;
    const mentioned = mentionKeys(e.citations.flatMap((c) => (c.quote === undefined ? [] : [c.quote])));
    e.participants.forEach((p, i) => {
      const names = actorNames.get(p.actor);
      if (names === undefined || p.inferredFrom !== undefined || mentionsAnyName(mentioned, names)) return;
      problems.push(
        `${where} field participants.${i}: no quote names "${p.actor}"; cite one that does, or say in inferredFrom where it is inferred from`,
      );
    });
    e.places.forEach((id, i) => {
      const names = placeNames.get(id);
      if (names === undefined || mentionsAnyName(mentioned, names)) return;
      problems.push(`${where} field places.${i}: no quote names the place "${id}" by any of its names`);
    });
  }
}

/**
 * A dated relation whose only support is article quotes must have quotes naming both ends, or say
 * in `inferredFrom` what is read from context. A REFERENCE or DATASET citation vouches for the
 * fact as a whole (it has no quote to check).
 */
function checkRelationsNamed(
  relations: RelationsData,
  violations: readonly Violation[],
  armaments: readonly Armament[],
  actors: readonly Actor[],
  places: readonly Place[],
  weapons: readonly Weapon[],
  sourceById: ReadonlyMap<string, Source>,
  problems: string[],
): void {
  const names = new Map([
    ...[...actors, ...places].map((e): [string, string[]] => [e.id, namesOf(e)]),
    ...weapons.map((w): [string, string[]] => [w.id, [w.name, ...w.aliases]]),
  ]);
  type Fact = { id: string; inferredFrom?: string | undefined; citations: readonly Citation[] };
  const facts: [kind: string, fact: Fact, ends: readonly string[]][] = [
    ...relations.memberships.map((r): [string, Fact, string[]] => ['membership', r, [r.member, r.group]]),
    ...relations.alliances.map((r): [string, Fact, string[]] => ['alliance', r, [...r.actors]]),
    ...relations.sponsorships.map((r): [string, Fact, string[]] => ['sponsorship', r, [r.sponsor, r.client]]),
    ...relations.affiliations.map((r): [string, Fact, string[]] => ['affiliation', r, [r.actor, r.of]]),
    ...relations.control.map((r): [string, Fact, string[]] => ['control', r, [r.actor, r.place]]),
    ...violations.map((r): [string, Fact, string[]] => ['violation', r, [r.actor]]),
    ...armaments.map((r): [string, Fact, string[]] => [
      'armament',
      r,
      [r.actor, r.weapon, ...(r.suppliedBy === undefined ? [] : [r.suppliedBy])],
    ]),
  ];
  for (const [kind, fact, ids] of facts) {
    if (fact.inferredFrom !== undefined) continue;
    if (fact.citations.some((c) => sourceById.get(c.source)?.kind !== 'ARTICLE')) continue;
    const mentioned = mentionKeys(fact.citations.flatMap((c) => (c.quote === undefined ? [] : [c.quote])));
    for (const id of ids) {
      const entityNames = names.get(id);
      if (entityNames === undefined || mentionsAnyName(mentioned, entityNames)) continue;
      problems.push(
        `${kind === 'violation' ? FILES.agreements : kind === 'armament' ? FILES.weapons : FILES.relations}: ${kind} "${fact.id}" field citations: no quote names "${id}"; cite one that does, or say in inferredFrom what is inferred`,
      );
    }
  }
}

/**
 * Loads and checks the dataset in `dataDir` (default: the repository's `data/`).
 * @throws DatasetError listing every problem found.
 */
export async function readDataset(dataDir: string = DATA_DIR): Promise<Dataset> {
  const problems: string[] = [];

  const [rawSources, rawActors, rawPlaces, rawEngagements, rawRelations, rawAgreements, rawWeapons] = await Promise.all(
    [
      readYaml(dataDir, FILES.sources, problems),
      readYaml(dataDir, FILES.actors, problems),
      readYaml(dataDir, FILES.places, problems),
      readYaml(dataDir, FILES.engagements, problems),
      readYaml(dataDir, FILES.relations, problems),
      readYaml(dataDir, FILES.agreements, problems),
      readYaml(dataDir, FILES.weapons, problems),
    ],
  );

  const sources = parseList(rawSources, Source, FILES.sources, problems);
  const actors = parseList(rawActors, Actor, FILES.actors, problems);
  const places = parseList(rawPlaces, Place, FILES.places, problems);
  const engagements = parseList(rawEngagements, Engagement, FILES.engagements, problems);
  const relations = parseRelations(rawRelations, problems);
  const agreements = parseMapping(
    rawAgreements,
    FILES.agreements,
    { agreements: Agreement, violations: Violation },
    problems,
  );
  const weapons = parseMapping(rawWeapons, FILES.weapons, { weapons: Weapon, armaments: Armament }, problems);

  // ---- unique ids -------------------------------------------------------------------------
  function uniqueIds(file: string, kind: string, ids: readonly string[]): Set<string> {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${file}: ${kind} "${id}" field id: duplicate id`);
      seen.add(id);
    }
    return seen;
  }
  const sourceIds = uniqueIds(
    FILES.sources,
    'source',
    sources.map((s) => s.id),
  );
  const actorIds = uniqueIds(
    FILES.actors,
    'actor',
    actors.map((a) => a.id),
  );
  const placeIds = uniqueIds(
    FILES.places,
    'place',
    places.map((p) => p.id),
  );
  const engagementIds = uniqueIds(
    FILES.engagements,
    'engagement',
    engagements.map((e) => e.id),
  );
  uniqueIds(FILES.relations, 'relation', [
    ...RELATION_KEYS.flatMap((k) => relations[k].map((r) => r.id)),
    ...agreements.violations.map((v) => v.id),
    ...weapons.armaments.map((a) => a.id),
  ]);
  const agreementIds = uniqueIds(
    FILES.agreements,
    'agreement',
    agreements.agreements.map((a) => a.id),
  );
  const weaponIds = uniqueIds(
    FILES.weapons,
    'weapon',
    weapons.weapons.map((w) => w.id),
  );
  // Fact nodes are looked up by id across kinds: keep them apart.
  const fileOf = {
    Actor: FILES.actors,
    Place: FILES.places,
    Engagement: FILES.engagements,
    Agreement: FILES.agreements,
    Weapon: FILES.weapons,
  };
  for (const [id, kinds] of idsSharedAcrossKinds([
    ['Actor', actorIds],
    ['Place', placeIds],
    ['Engagement', engagementIds],
    ['Agreement', agreementIds],
    ['Weapon', weaponIds],
  ])) {
    const [first, ...others] = kinds.map((k) => k.toLowerCase());
    problems.push(`${fileOf[kinds[0]!]}: ${first} "${id}" field id: id also used by a ${others.join(' and ')}`);
  }
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  // ---- article texts ------------------------------------------------------------------------
  const sourceTexts = new Map<string, string>();
  for (const s of sources) {
    if (s.kind !== 'ARTICLE') continue;
    const file = path.join(dataDir, 'sources', `${s.id}.txt`);
    if (!(await fileExists(file))) {
      problems.push(
        `${FILES.sources}: source "${s.id}" field id: ARTICLE source has no text file data/sources/${s.id}.txt`,
      );
      continue;
    }
    sourceTexts.set(s.id, await readFile(file, 'utf8'));
  }

  // ---- helpers for the cross-checks -----------------------------------------------------------
  const referenced = { actor: new Set<string>(), place: new Set<string>() };

  function refActor(where: string, field: string, id: string): void {
    referenced.actor.add(id);
    if (!actorIds.has(id)) problems.push(`${where} field ${field}: unknown actor "${id}"`);
  }
  function refPlace(where: string, field: string, id: string): void {
    referenced.place.add(id);
    if (!placeIds.has(id)) problems.push(`${where} field ${field}: unknown place "${id}"`);
  }
  function refSource(where: string, field: string, id: string): void {
    if (!sourceIds.has(id)) problems.push(`${where} field ${field}: unknown source "${id}"`);
  }
  function checkDate(where: string, field: string, value: string | undefined): boolean {
    if (value === undefined) return true;
    try {
      parseFuzzyDate(value);
      return true;
    } catch (e) {
      problems.push(`${where} field ${field}: ${(e as Error).message}`);
      return false;
    }
  }
  function checkPeriod(
    where: string,
    fromField: string,
    from: string | undefined,
    toField: string,
    to: string | undefined,
  ): void {
    const okFrom = checkDate(where, fromField, from);
    const okTo = checkDate(where, toField, to);
    const backwards = okFrom && okTo ? backwardsPeriodProblem(from, to) : undefined;
    if (backwards !== undefined) problems.push(`${where} field ${toField}: ${backwards}`);
  }
  function checkCitations(where: string, citations: readonly Citation[]): void {
    citations.forEach((c, i) => {
      const source = sourceById.get(c.source);
      const problem = citationProblem(
        c.source,
        c.quote,
        source && { kind: source.kind, text: sourceTexts.get(c.source) },
      );
      if (problem !== undefined) problems.push(`${where} field citations.${i}.${problem.field}: ${problem.message}`);
    });
  }
  function checkContested(where: string, fact: { contested: boolean; contestedNote?: string | undefined }): void {
    const problem = contestedProblem(fact.contested, fact.contestedNote);
    if (problem !== undefined) problems.push(`${where} field ${problem.field}: ${problem.message}`);
  }
  function checkAliases(where: string, aliases: readonly Alias[]): void {
    aliases.forEach((a, i) => {
      const field = `aliases.${i}`;
      a.sources.forEach((s, j) => refSource(where, `${field}.sources.${j}`, s));
      if ((a.kind === 'SOURCE_SPELLING' || a.kind === 'GAZETTEER') && a.sources.length === 0) {
        problems.push(`${where} field ${field}.sources: a ${a.kind} alias ("${a.name}") must name its source(s)`);
      }
      if (a.kind === 'SOURCE_SPELLING') {
        for (const s of a.sources) {
          const text = sourceTexts.get(s);
          if (text !== undefined && !quoteAppearsIn(text, a.name)) {
            problems.push(`${where} field ${field}.name: spelling "${a.name}" does not occur in source "${s}"`);
          }
        }
      }
      checkPeriod(where, `${field}.from`, a.from, `${field}.to`, a.to);
    });
  }

  // ---- sources ----------------------------------------------------------------------------------
  for (const s of sources) {
    checkDate(`${FILES.sources}: source "${s.id}"`, 'published', s.published);
  }

  // ---- actors -----------------------------------------------------------------------------------
  for (const a of actors) {
    const where = `${FILES.actors}: actor "${a.id}"`;
    checkAliases(where, a.aliases);
    checkCitations(where, a.citations);
  }

  // ---- places -----------------------------------------------------------------------------------
  for (const p of places) {
    const where = `${FILES.places}: place "${p.id}"`;
    checkAliases(where, p.aliases);
    checkCitations(where, p.citations);
    if (p.partOf !== undefined) {
      if (p.partOf === p.id) problems.push(`${where} field partOf: a place cannot be part of itself`);
      refPlace(where, 'partOf', p.partOf);
    }
    if (p.location !== undefined) {
      const problem = locationSourceProblem(p.location.source, sourceById.get(p.location.source)?.kind);
      if (problem !== undefined) problems.push(`${where} field location.source: ${problem}`);
    }
  }
  // PART_OF cycles.
  function findCycles(file: string, kind: string, parentOf: Map<string, string | undefined>): void {
    const reported = new Set<string>();
    for (const start of parentOf.keys()) {
      const chain: string[] = [];
      const onChain = new Set<string>();
      let current: string | undefined = start;
      while (current !== undefined && parentOf.has(current) && !onChain.has(current)) {
        chain.push(current);
        onChain.add(current);
        current = parentOf.get(current);
      }
      if (current !== undefined && onChain.has(current)) {
        const cycle = chain.slice(chain.indexOf(current));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          problems.push(
            `${file}: ${kind} "${current}" field partOf: PART_OF cycle ${[...cycle, current].join(' -> ')}`,
          );
        }
      }
    }
  }
  findCycles(FILES.places, 'place', new Map(places.map((p) => [p.id, p.partOf])));

  // ---- engagements --------------------------------------------------------------------------
  for (const e of engagements) {
    const where = `${FILES.engagements}: engagement "${e.id}"`;
    checkPeriod(where, 'start', e.start, 'end', e.end);
    if (e.partOf !== undefined) {
      if (e.partOf === e.id) problems.push(`${where} field partOf: an engagement cannot be part of itself`);
      else if (!engagementIds.has(e.partOf)) problems.push(`${where} field partOf: unknown engagement "${e.partOf}"`);
    }
    e.places.forEach((p, i) => refPlace(where, `places.${i}`, p));
    e.participants.forEach((p, i) => refActor(where, `participants.${i}.actor`, p.actor));
    e.casualties.forEach((c, i) => refSource(where, `casualties.${i}.source`, c.source));
    checkContested(where, e);
    checkCitations(where, e.citations);
  }
  findCycles(FILES.engagements, 'engagement', new Map(engagements.map((e) => [e.id, e.partOf])));
  checkEngagementsNamed(engagements, actors, places, problems);
  checkRelationsNamed(
    relations,
    agreements.violations,
    weapons.armaments,
    actors,
    places,
    weapons.weapons,
    sourceById,
    problems,
  );

  // ---- relations ----------------------------------------------------------------------------
  const rel = (kind: string, id: string): string => `${FILES.relations}: ${kind} "${id}"`;
  for (const r of relations.lineage) {
    const where = rel('lineage', r.id);
    refActor(where, 'from', r.from);
    refActor(where, 'to', r.to);
    if (r.from === r.to) problems.push(`${where} field to: lineage from an actor to itself`);
    checkDate(where, 'date', r.date);
    checkContested(where, r);
    checkCitations(where, r.citations);
  }
  for (const r of relations.memberships) {
    const where = rel('membership', r.id);
    refActor(where, 'member', r.member);
    refActor(where, 'group', r.group);
    checkPeriod(where, 'from', r.from, 'to', r.to);
    if (r.endReason !== undefined && r.to === undefined) {
      problems.push(`${where} field to: endReason ${r.endReason} needs the date the membership ended`);
    }
    checkContested(where, r);
    checkCitations(where, r.citations);
  }
  for (const r of relations.alliances) {
    const where = rel('alliance', r.id);
    refActor(where, 'actors.0', r.actors[0]);
    refActor(where, 'actors.1', r.actors[1]);
    if (r.actors[0] === r.actors[1]) problems.push(`${where} field actors: an actor cannot be allied with itself`);
    checkPeriod(where, 'from', r.from, 'to', r.to);
    checkContested(where, r);
    checkCitations(where, r.citations);
  }
  for (const r of relations.sponsorships) {
    const where = rel('sponsorship', r.id);
    refActor(where, 'sponsor', r.sponsor);
    refActor(where, 'client', r.client);
    checkPeriod(where, 'from', r.from, 'to', r.to);
    checkContested(where, r);
    checkCitations(where, r.citations);
  }
  for (const r of relations.affiliations) {
    const where = rel('affiliation', r.id);
    refActor(where, 'actor', r.actor);
    refActor(where, 'of', r.of);
    checkPeriod(where, 'from', r.from, 'to', r.to);
    checkContested(where, r);
    checkCitations(where, r.citations);
  }
  for (const r of relations.control) {
    const where = rel('control', r.id);
    refActor(where, 'actor', r.actor);
    refPlace(where, 'place', r.place);
    checkPeriod(where, 'from', r.from, 'to', r.to);
    checkContested(where, r);
    checkCitations(where, r.citations);
  }

  // ---- agreements and their violations ---------------------------------------------------------
  for (const a of agreements.agreements) {
    const where = `${FILES.agreements}: agreement "${a.id}"`;
    checkDate(where, 'announced', a.announced);
    checkPeriod(where, 'from', a.from, 'to', a.to);
    a.parties.forEach((p, i) => refActor(where, `parties.${i}.actor`, p.actor));
    a.places.forEach((p, i) => refPlace(where, `places.${i}`, p));
    checkContested(where, a);
    checkCitations(where, a.citations);
  }
  for (const v of agreements.violations) {
    const where = `${FILES.agreements}: violation "${v.id}"`;
    refActor(where, 'actor', v.actor);
    if (!agreementIds.has(v.agreement)) problems.push(`${where} field agreement: unknown agreement "${v.agreement}"`);
    checkPeriod(where, 'from', v.from, 'to', v.to);
    checkContested(where, v);
    checkCitations(where, v.citations);
  }

  // ---- weapons and armaments --------------------------------------------------------------------
  for (const w of weapons.weapons) checkCitations(`${FILES.weapons}: weapon "${w.id}"`, w.citations);
  for (const a of weapons.armaments) {
    const where = `${FILES.weapons}: armament "${a.id}"`;
    refActor(where, 'actor', a.actor);
    if (a.suppliedBy !== undefined) {
      refActor(where, 'suppliedBy', a.suppliedBy);
      if (a.suppliedBy === a.actor) problems.push(`${where} field suppliedBy: an actor does not supply itself`);
    }
    if (!weaponIds.has(a.weapon)) problems.push(`${where} field weapon: unknown weapon "${a.weapon}"`);
    if (a.usedIn !== undefined && !engagementIds.has(a.usedIn)) {
      problems.push(`${where} field usedIn: unknown engagement "${a.usedIn}"`);
    }
    checkPeriod(where, 'from', a.from, 'to', a.to);
    checkContested(where, a);
    checkCitations(where, a.citations);
  }

  // ---- one node per name -----------------------------------------------------------------------
  function checkNameKeys(
    file: string,
    kind: string,
    entities: readonly { id: string; name: string; aliases: readonly Alias[] }[],
  ): void {
    const owners = new Map<string, Map<string, string>>(); // key -> entity id -> spelling
    for (const e of entities) {
      for (const name of [e.name, ...e.aliases.map((a) => a.name)]) {
        const key = normaliseName(name);
        if (key === '') continue;
        let byEntity = owners.get(key);
        if (byEntity === undefined) {
          byEntity = new Map();
          owners.set(key, byEntity);
        }
        if (!byEntity.has(e.id)) byEntity.set(e.id, name);
      }
    }
    for (const [key, byEntity] of owners) {
      if (byEntity.size < 2) continue;
      const list = [...byEntity].map(([id, name]) => `"${id}" ("${name}")`).join(', ');
      const [firstId] = byEntity.keys();
      problems.push(`${file}: ${kind} "${firstId}" field aliases: name key "${key}" is shared by ${list}`);
    }
  }
  checkNameKeys(FILES.actors, 'actor', actors);
  checkNameKeys(FILES.places, 'place', places);

  // ---- orphans ------------------------------------------------------------------------------
  const explained = (description: string | undefined): boolean =>
    description !== undefined && description.includes(UNLINKED_MARKER);
  for (const a of actors) {
    if (!referenced.actor.has(a.id) && !explained(a.description)) {
      problems.push(
        `${FILES.actors}: actor "${a.id}" field id: not referenced by any engagement or relation (explain with "${UNLINKED_MARKER}" in description)`,
      );
    }
  }
  for (const p of places) {
    if (!referenced.place.has(p.id) && !explained(p.description)) {
      problems.push(
        `${FILES.places}: place "${p.id}" field id: not referenced by any engagement, control fact or child place (explain with "${UNLINKED_MARKER}" in description)`,
      );
    }
  }

  if (problems.length > 0) throw new DatasetError(problems);
  return { sources, sourceTexts, actors, places, engagements, relations, agreements, weapons };
}
