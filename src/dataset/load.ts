/**
 * Writes the founding dataset to Neo4j idempotently: MERGE on stable ids, UNWIND batches, one
 * write transaction per batch. Loading twice leaves the same counts.
 */
import type { Executor, Params } from '../db/executor.js';
import type { QueryName } from '../db/queries.js';
import { storedAliasRows, storedCitationRows, storedFuzzyDate } from '../db/storedValues.js';
import type { ActorRelationType } from '../domain/facts.js';
import type { Dataset } from './model.js';

const BATCH_SIZE = 500;

export interface LoadSummary {
  /** Rows written per Cypher file. */
  written: Partial<Record<QueryName, number>>;
  elapsedMs: number;
}

interface Period {
  from?: string | undefined;
  to?: string | undefined;
  inferredFrom?: string | undefined;
  contested: boolean;
  contestedNote?: string | undefined;
  note?: string | undefined;
}

function factProps(fact: Period): Params {
  return {
    ...storedFuzzyDate('from', fact.from),
    ...storedFuzzyDate('to', fact.to),
    contested: fact.contested,
    contestedNote: fact.contestedNote ?? null,
    note: fact.note ?? null,
    inferredFrom: fact.inferredFrom ?? null,
  };
}

/** Turns the validated dataset into the rows each loading query takes, in dependency order. */
export function datasetRows(dataset: Dataset): [QueryName, Params[]][] {
  const citations: Params[] = [];
  // Each row's type is one of the domain's actor relations (src/domain/facts.ts), checked here.
  const relations: (Params & { type: ActorRelationType })[] = [];
  const { lineage, memberships, alliances, sponsorships, affiliations, control } = dataset.relations;

  for (const event of lineage) {
    relations.push({
      id: event.id,
      type: event.kind,
      from: event.from,
      to: event.to,
      props: {
        ...storedFuzzyDate('date', event.date),
        contested: event.contested,
        contestedNote: event.contestedNote ?? null,
        note: event.note ?? null,
      },
    });
    citations.push(...storedCitationRows(event.kind, event.id, event.citations));
  }
  for (const m of memberships) {
    relations.push({
      id: m.id,
      type: 'MEMBER_OF',
      from: m.member,
      to: m.group,
      props: { ...factProps(m), endReason: m.endReason ?? null },
    });
    citations.push(...storedCitationRows('MEMBER_OF', m.id, m.citations));
  }
  for (const a of alliances) {
    relations.push({ id: a.id, type: 'ALLIED_WITH', from: a.actors[0], to: a.actors[1], props: factProps(a) });
    citations.push(...storedCitationRows('ALLIED_WITH', a.id, a.citations));
  }
  for (const s of sponsorships) {
    // Stored client -> sponsor, as the domain reads it: "X is SPONSORED_BY Y".
    relations.push({
      id: s.id,
      type: 'SPONSORED_BY',
      from: s.client,
      to: s.sponsor,
      props: { ...factProps(s), support: s.support },
    });
    citations.push(...storedCitationRows('SPONSORED_BY', s.id, s.citations));
  }
  for (const a of affiliations) {
    relations.push({ id: a.id, type: a.kind, from: a.actor, to: a.of, props: factProps(a) });
    citations.push(...storedCitationRows(a.kind, a.id, a.citations));
  }
  const controlRows = control.map((c) => {
    citations.push(...storedCitationRows('CONTROLLED', c.id, c.citations));
    return { id: c.id, actor: c.actor, place: c.place, props: factProps(c) };
  });

  const { agreements, violations } = dataset.agreements;
  for (const a of agreements) citations.push(...storedCitationRows('Agreement', a.id, a.citations));
  for (const v of violations) citations.push(...storedCitationRows('VIOLATED', v.id, v.citations));
  const { weapons, armaments } = dataset.weapons;
  for (const w of weapons) citations.push(...storedCitationRows('Weapon', w.id, w.citations));
  for (const a of armaments) citations.push(...storedCitationRows('ARMED_WITH', a.id, a.citations));
  for (const actor of dataset.actors) citations.push(...storedCitationRows('Actor', actor.id, actor.citations));
  for (const place of dataset.places) citations.push(...storedCitationRows('Place', place.id, place.citations));
  for (const e of dataset.engagements) citations.push(...storedCitationRows('Engagement', e.id, e.citations));

  return [
    [
      'load-sources',
      dataset.sources.map((s) => ({
        id: s.id,
        props: {
          kind: s.kind,
          title: s.title,
          publisher: s.publisher ?? null,
          author: s.author ?? null,
          url: s.url ?? null,
          text: dataset.sourceTexts.get(s.id) ?? null,
          ...storedFuzzyDate('published', s.published),
          publishedNote: s.publishedNote ?? null,
          perspective: s.perspective ?? null,
          language: s.language,
          licence: s.licence ?? null,
          note: s.note ?? null,
        },
      })),
    ],
    [
      'load-actors',
      dataset.actors.map((a) => ({
        id: a.id,
        props: {
          name: a.name,
          kind: a.kind,
          description: a.description ?? null,
          ...storedFuzzyDate('formed', a.formed),
          formedNote: a.formedNote ?? null,
          aliases: a.aliases.map((x) => x.name),
          reviewStatus: 'REVIEWED',
        },
      })),
    ],
    [
      'load-places',
      dataset.places.map((p) => ({
        id: p.id,
        latitude: p.location?.latitude ?? null,
        longitude: p.location?.longitude ?? null,
        props: {
          name: p.name,
          kind: p.kind,
          description: p.description ?? null,
          aliases: p.aliases.map((x) => x.name),
          locationSource: p.location?.source ?? null,
          locationName: p.location?.gazetteerName ?? null,
          locationPrecision: p.location?.precision ?? null,
          locationNote: p.location?.note ?? null,
          reviewStatus: 'REVIEWED',
        },
      })),
    ],
    [
      'load-place-parts',
      dataset.places.filter((p) => p.partOf !== undefined).map((p) => ({ id: p.id, partOf: p.partOf })),
    ],
    [
      'load-aliases',
      [
        ...dataset.actors.flatMap((a) => storedAliasRows('Actor', a.id, a.name, a.aliases)),
        ...dataset.places.flatMap((p) => storedAliasRows('Place', p.id, p.name, p.aliases)),
      ],
    ],
    [
      'load-engagements',
      dataset.engagements.map((e) => ({
        id: e.id,
        props: {
          title: e.title,
          kind: e.kind,
          ...storedFuzzyDate('start', e.start),
          ...storedFuzzyDate('end', e.end),
          dateNote: e.dateNote ?? null,
          outcome: e.outcome,
          outcomeText: e.outcomeText ?? null,
          contested: e.contested,
          contestedNote: e.contestedNote ?? null,
          casualtiesJson: JSON.stringify(e.casualties),
        },
      })),
    ],
    [
      'load-participants',
      dataset.engagements.flatMap((e) =>
        e.participants.map((p) => ({
          actor: p.actor,
          engagement: e.id,
          side: p.side,
          role: p.role ?? null,
          note: p.note ?? null,
          inferredFrom: p.inferredFrom ?? null,
        })),
      ),
    ],
    [
      'load-engagement-places',
      dataset.engagements.flatMap((e) => e.places.map((place) => ({ engagement: e.id, place }))),
    ],
    [
      'load-engagement-parts',
      dataset.engagements.filter((e) => e.partOf !== undefined).map((e) => ({ id: e.id, partOf: e.partOf })),
    ],
    ['load-actor-relations', relations],
    ['load-control', controlRows],
    [
      'load-agreements',
      agreements.map((a) => ({
        id: a.id,
        props: {
          name: a.name,
          kind: a.kind,
          ...storedFuzzyDate('announced', a.announced),
          dateNote: a.dateNote ?? null,
          description: a.description ?? null,
          ...factProps(a),
        },
      })),
    ],
    [
      'load-agreement-parties',
      agreements.flatMap((a) =>
        a.parties.map((p) => ({ agreement: a.id, actor: p.actor, role: p.role, note: p.note ?? null })),
      ),
    ],
    ['load-agreement-places', agreements.flatMap((a) => a.places.map((place) => ({ agreement: a.id, place })))],
    [
      'load-violations',
      violations.map((v) => ({ id: v.id, actor: v.actor, agreement: v.agreement, props: factProps(v) })),
    ],
    [
      'load-weapons',
      weapons.map((w) => ({
        id: w.id,
        props: {
          name: w.name,
          kind: w.kind,
          aliases: w.aliases,
          origin: w.origin ?? null,
          description: w.description ?? null,
        },
      })),
    ],
    [
      'load-armaments',
      armaments.map((a) => ({
        id: a.id,
        actor: a.actor,
        weapon: a.weapon,
        props: { ...factProps(a), suppliedBy: a.suppliedBy ?? null, usedIn: a.usedIn ?? null },
      })),
    ],
    ['load-citations', citations],
  ];
}

/** Writes `rows` with `query` in batches, one write transaction per batch; returns rows written. */
export async function writeInBatches(
  executor: Executor,
  query: QueryName,
  rows: readonly Params[],
  batchSize = BATCH_SIZE,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const result = await executor.write<{ count: number }>(query, { rows: rows.slice(start, start + batchSize) });
    written += result[0]?.count ?? 0;
  }
  return written;
}

/** Loads the whole dataset. Safe to run on a loaded graph: it converges to the same state. */
export async function loadDataset(executor: Executor, dataset: Dataset): Promise<LoadSummary> {
  const started = performance.now();
  const written: LoadSummary['written'] = {};
  for (const [query, rows] of datasetRows(dataset)) {
    written[query] = await writeInBatches(executor, query, rows);
  }
  return { written, elapsedMs: Math.round(performance.now() - started) };
}

/** Deletes every node and edge, a batch per transaction so a large graph never needs one huge one. */
export async function resetGraph(executor: Executor): Promise<void> {
  for (;;) {
    const [row] = await executor.write<{ deleted: number }>('delete-batch', { limit: 10_000 });
    if ((row?.deleted ?? 0) === 0) return;
  }
}
