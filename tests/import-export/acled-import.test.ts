import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACLED } from '../../src/import/acled.js';
import { importEvents, type ImportSummary } from '../../src/import/pipeline.js';
import { testExecutor } from '../helpers/graph.js';
import {
  cypher,
  engagementProperties,
  FIXTURES,
  graphCounts,
  idNamed,
  participantsOf,
  placesOf,
  readRejects,
  tempDir,
  testDriver,
} from './support.js';

const executor = testExecutor();
const driver = testDriver();
const dir = tempDir();
const FILE = path.join(FIXTURES, 'acled-aleppo.csv');

let before: Record<string, number>;
let afterDryRun: Record<string, number>;
let dryRun: ImportSummary;
let first: ImportSummary;

beforeAll(async () => {
  before = await graphCounts(executor);
  dryRun = await importEvents(executor, ACLED, FILE, { dryRun: true, rejectsPath: path.join(dir, 'dry.rejects.csv') });
  afterDryRun = await graphCounts(executor);
  // Small batches, so that actors and places created by one batch are linked by later ones.
  first = await importEvents(executor, ACLED, FILE, { batchSize: 4, rejectsPath: path.join(dir, 'rejects.csv') });
});

describe('ACLED import: counts and rejects', () => {
  it('reads every row, imports the 19 good ones and rejects the 8 malformed ones', () => {
    expect(first.rows).toBe(27);
    expect(first.rejected).toBe(8);
    expect(first.engagements.created + first.engagements.existing).toBe(19);
  });

  it('writes each rejected line to the rejects file with its line number and reason', () => {
    const rejects = readRejects(path.join(dir, 'rejects.csv'));
    expect(rejects.map((r) => r.line)).toEqual([11, 22, 23, 24, 25, 26, 27, 28]);
    const reasons = rejects.map((r) => r.reason);
    expect(reasons[0]).toMatch(/^broken quoting: a stray quote/);
    expect(reasons[1]).toMatch(/event_date "2020-02-30" is not a real day/);
    expect(reasons[2]).toMatch(/latitude "123" is not between -90 and 90/);
    expect(reasons[3]).toBe('missing event_id_cnty');
    expect(reasons[4]).toBe('event_date 2020-02-03 is not in year 2019');
    expect(reasons[5]).toMatch(/time_precision "7"/);
    expect(reasons[6]).toMatch(/fatalities "many" is not a whole number/);
    expect(reasons[7]).toMatch(/^broken quoting: a quote opened on this line is never closed/);
    expect(rejects[2]?.text).toMatch(/^SYR19002,/);
  });

  it('a dry run writes nothing, and predicts exactly what the import then does', () => {
    expect(afterDryRun).toEqual(before);
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.rejected).toBe(8);
    expect(dryRun.engagements).toEqual(first.engagements);
    expect(dryRun.actors).toEqual(first.actors);
    expect(dryRun.places).toEqual(first.places);
  });

  it('importing the same file again changes nothing', async () => {
    const counts = await graphCounts(executor);
    const again = await importEvents(executor, ACLED, FILE, { rejectsPath: path.join(dir, 'again.rejects.csv') });
    expect(await graphCounts(executor)).toEqual(counts);
    expect(again.engagements).toEqual({ created: 0, existing: 19 });
    expect(again.actors.created).toBe(0);
    expect(again.places.created).toBe(0);
  });
});

describe('ACLED import: links to what the graph knows', () => {
  it("links the Khan Tuman air strike to Khan Touman, HTS and Russia's state", async () => {
    expect(await placesOf(driver, 'acled-syr10001')).toEqual([await idNamed(executor, 'Place', 'Khan Touman')]);
    const participants = await participantsOf(driver, 'acled-syr10001');
    expect(participants.get(await idNamed(executor, 'Actor', "Hay'at Tahrir al-Sham"))?.side).toBe('DEFENDER');
    expect(participants.get(await idNamed(executor, 'Actor', 'Russia'))?.side).toBe('ATTACKER');
  });

  it('reads "Military Forces of Syria (2000-)" as the Syrian state, and notes the name ACLED used', async () => {
    const state = await idNamed(executor, 'Actor', 'Syrian Arab Republic');
    const participant = (await participantsOf(driver, 'acled-syr10002')).get(state);
    expect(participant).toEqual({
      side: 'ATTACKER',
      role: null,
      note: 'ACLED actor1: Military Forces of Syria (2000-)',
    });
  });

  it("puts associated actors on their actor's side as SUPPORT", async () => {
    const participants = await participantsOf(driver, 'acled-syr10003');
    expect(participants.get(await idNamed(executor, 'Actor', 'National Defence Forces'))).toMatchObject({
      side: 'ATTACKER',
      role: 'SUPPORT',
    });
    expect(participants.get(await idNamed(executor, 'Actor', 'Hezbollah'))).toMatchObject({
      side: 'ATTACKER',
      role: 'SUPPORT',
    });
    expect(participants.get(await idNamed(executor, 'Actor', 'Turkistan Islamic Party'))).toMatchObject({
      side: 'DEFENDER',
      role: 'SUPPORT',
    });
  });

  it('links an actor named twice in one event once', async () => {
    const participants = await participantsOf(driver, 'acled-syr10005');
    expect(participants.get(await idNamed(executor, 'Actor', "Hay'at Tahrir al-Sham"))).toMatchObject({
      side: 'ATTACKER',
      role: null,
    });
    expect(participants.size).toBe(2);
  });

  it('makes unknown names new actors flagged NEEDS_REVIEW, with a kind from the actor type and a citation', async () => {
    const id = await idNamed(executor, 'Actor', 'National Front for Liberation');
    expect(id).toMatch(/^acled-actor-/);
    const [actor] = await cypher<{ status: string; kind: string; cited: string[] }>(
      driver,
      `MATCH (a:Actor {id: $id})
       RETURN a.reviewStatus AS status, a.kind AS kind,
              COLLECT { MATCH (c:Citation {factId: $id, factType: 'Actor'})-[:CITES]->(s) RETURN s.id } AS cited`,
      { id },
    );
    expect(actor).toEqual({ status: 'NEEDS_REVIEW', kind: 'ARMED_GROUP', cited: ['acled'] });
    expect(await idNamed(executor, 'Actor', 'Islamic State (Syria)')).toMatch(/^acled-actor-/);
  });

  it('keeps civilians out of the participants and in the casualty figure', async () => {
    const participants = await participantsOf(driver, 'acled-syr10006');
    expect([...participants.keys()]).toEqual([await idNamed(executor, 'Actor', 'Syrian Arab Republic')]);
    expect(
      await executor.read('resolve-names', { keys: ['civilians (syria)'], entityType: 'Actor', withinId: null }),
    ).toEqual([]);
    const casualties = JSON.parse(
      (await engagementProperties(driver, 'acled-syr10006')).casualtiesJson as string,
    ) as unknown[];
    expect(casualties).toEqual([
      { group: 'all sides and civilians', killed: 3, reported: 'ACLED fatalities: 3', source: 'acled' },
    ]);
  });
});

describe('ACLED import: places by name and distance', () => {
  it('matches "Al Mansoura" west of Aleppo to al-Mansoura', async () => {
    expect(await placesOf(driver, 'acled-syr10007')).toEqual([await idNamed(executor, 'Place', 'al-Mansoura')]);
  });

  it('never matches by name alone: the Mansoura in Hama and the Bashkuy near as-Safira are other places', async () => {
    // Both are places an import created (this one, or the UCDP one at the same spot).
    const [hama] = await placesOf(driver, 'acled-syr10008');
    const [safira] = await placesOf(driver, 'acled-syr10009');
    expect(hama).toMatch(/^(?:acled|ucdp)-place-mansoura-35\.6512n-36\.3485e$/);
    expect(safira).toMatch(/^(?:acled|ucdp)-place-bashkuy-36\.0398n-37\.3075e$/);
    expect(await placesOf(driver, 'acled-syr10010')).toEqual([await idNamed(executor, 'Place', 'Bashkoy')]);
  });

  it('creates a new place at the dataset point, NEEDS_REVIEW, inside the known governorate', async () => {
    const [place] = await cypher<Record<string, unknown>>(
      driver,
      `MATCH (:Engagement {id: 'acled-syr10019'})-[:AT]->(p:Place) OPTIONAL MATCH (p)-[:PART_OF]->(g:Place)
       RETURN p.id AS id, p.name AS name, p.reviewStatus AS status, p.location.latitude AS latitude,
              p.locationSource AS source, p.locationPrecision AS precision, g.id AS partOf`,
    );
    expect(place).toEqual({
      id: 'acled-place-khan-touma-36.1185n-37.0531e',
      name: 'Khan Touma',
      status: 'NEEDS_REVIEW',
      latitude: 36.1185,
      source: 'acled',
      precision: 'ACLED geo_precision 1 (the named location itself)',
      partOf: await idNamed(executor, 'Place', 'Aleppo Governorate'),
    });
  });
});

describe('ACLED import: dates, control and citations', () => {
  it.each([
    ['acled-syr10001', '2020-01-16', 'DAY', null],
    ['acled-syr10009', '2017-08', 'MONTH', null],
    ['acled-syr10011', '2019-11', 'MONTH', '2019-12'],
    ['acled-syr10012', '2019', 'YEAR', null],
    ['acled-syr10013', '2020-02-09', 'DAY', null],
  ])('%s starts %s (%s), ends %s, as time_precision allows', async (id, start, precision, end) => {
    const e = await engagementProperties(driver, id);
    expect([e.startValue, e.startPrecision, e.endValue ?? null]).toEqual([start, precision, end]);
  });

  it('feeds territory changes into the control history, from the event date, cited', async () => {
    const rows = await cypher<Record<string, unknown>>(
      driver,
      `MATCH (a:Actor)-[r:CONTROLLED {id: 'acled-syr10004-control'}]->(p:Place)
       RETURN a.id AS actor, p.id AS place, r.fromValue AS from, r.toValue AS to,
              COLLECT { MATCH (c:Citation {factId: r.id, factType: 'CONTROLLED'})-[:CITES]->(s) RETURN s.id } AS cited`,
    );
    expect(rows).toEqual([
      {
        actor: await idNamed(executor, 'Actor', 'Syrian Arab Republic'),
        place: await idNamed(executor, 'Place', 'Khan Touman'),
        from: '2020-02-09',
        to: null,
        cited: ['acled'],
      },
    ]);
  });

  it('cites ACLED for each engagement, quoting the notes and naming the event id', async () => {
    const rows = await cypher<{ quote: string; note: string; source: string; kind: string }>(
      driver,
      `MATCH (c:Citation {factId: 'acled-syr10003', factType: 'Engagement'})-[:CITES]->(s:Source)
       RETURN c.quote AS quote, c.note AS note, s.id AS source, s.kind AS kind`,
    );
    expect(rows).toEqual([
      {
        quote:
          'On 24 January 2020, regime forces backed by NDF and Hezbollah clashed with HTS and TIP fighters near Al Zerba. 7 killed.',
        note: 'ACLED event SYR10003; source: SOHR; source_scale: National',
        source: 'acled',
        kind: 'DATASET',
      },
    ]);
  });
});
