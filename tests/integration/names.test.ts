/**
 * The policy for names shared by several entities (docs/names.md), through the real server and
 * Neo4j. Same-named places arise from imports (the mutations refuse a taken name), so the fixture
 * writes them directly, the way an import does. Ids start "test-nm-" and are removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedAliasRows } from '../../src/db/storedValues.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const { executor, driver } = testDatabase();
const app = testApp(executor);

interface Seed {
  id: string;
  name: string;
  kind: string;
  reviewStatus: 'REVIEWED' | 'NEEDS_REVIEW';
  partOf?: string;
  latitude?: number;
}

const PLACES: Seed[] = [
  { id: 'test-nm-north', name: 'Test Northern Province', kind: 'GOVERNORATE', reviewStatus: 'REVIEWED' },
  { id: 'test-nm-south', name: 'Test Southern Province', kind: 'GOVERNORATE', reviewStatus: 'REVIEWED' },
  // Two imported villages called the same: neither may be chosen by chance.
  {
    id: 'test-nm-qarya-n',
    name: 'Tall Qaryat Mansurah',
    kind: 'VILLAGE',
    reviewStatus: 'NEEDS_REVIEW',
    partOf: 'test-nm-north',
  },
  {
    id: 'test-nm-qarya-s',
    name: 'Tall Qaryat Mansurah',
    kind: 'VILLAGE',
    reviewStatus: 'NEEDS_REVIEW',
    partOf: 'test-nm-south',
    latitude: 35,
  },
  // A curated town and an import's duplicate of it: the curated one is what the name means.
  { id: 'test-nm-burj', name: 'Burj al-Qasabiyah', kind: 'TOWN', reviewStatus: 'REVIEWED', partOf: 'test-nm-north' },
  {
    id: 'test-nm-burj-dup',
    name: 'Burj al-Qasabiyah',
    kind: 'TOWN',
    reviewStatus: 'NEEDS_REVIEW',
    partOf: 'test-nm-south',
  },
];

beforeAll(async () => {
  await executor.writeTransaction(async (run) => {
    await run('load-places', {
      rows: PLACES.map((p) => ({
        id: p.id,
        latitude: p.latitude ?? null,
        longitude: p.latitude === undefined ? null : 37,
        props: { name: p.name, kind: p.kind, reviewStatus: p.reviewStatus, aliases: [] },
      })),
    });
    for (const p of PLACES) if (p.partOf) await run('place-part-of-set', { id: p.id, partOf: p.partOf });
    await run('load-aliases', { rows: PLACES.flatMap((p) => storedAliasRows('Place', p.id, p.name, [])) });
  });
});

afterAll(async () => {
  await driver.executeQuery(`MATCH (n:Place) WHERE n.id STARTS WITH 'test-nm-' DETACH DELETE n`);
  await driver.executeQuery(`MATCH (a:Alias) WHERE a.entityId STARTS WITH 'test-nm-' DETACH DELETE a`);
});

async function placeNamed(name: string, within?: string) {
  const response = await graphql<{ place: { id: string } | null }>(
    app,
    `
      query ($name: String!, $within: String) {
        place(name: $name, within: $within) {
          id
        }
      }
    `,
    { name, within: within ?? null },
  );
  return {
    id: response.data?.place?.id ?? null,
    error: response.errors?.[0],
  };
}

describe('a name several places answer to', () => {
  it('is never resolved by chance: BAD_USER_INPUT lists every candidate with id, kind, parent place and review status', async () => {
    // A spelling stored nowhere: "Tell Qariyat Mansoura" for "Tall Qaryat Mansurah".
    const { id, error } = await placeNamed('Tell Qariyat Mansoura');
    expect(id).toBeNull();
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.argument).toBe('name');
    expect(error?.extensions?.candidates).toEqual([
      {
        id: 'test-nm-qarya-n',
        type: 'Place',
        name: 'Tall Qaryat Mansurah',
        kind: 'VILLAGE',
        partOf: { id: 'test-nm-north', name: 'Test Northern Province' },
        reviewStatus: 'NEEDS_REVIEW',
      },
      {
        id: 'test-nm-qarya-s',
        type: 'Place',
        name: 'Tall Qaryat Mansurah',
        kind: 'VILLAGE',
        partOf: { id: 'test-nm-south', name: 'Test Southern Province' },
        reviewStatus: 'NEEDS_REVIEW',
      },
    ]);
    expect(error?.message).toContain('within');
  });

  it('resolves within a place, given by name or by id', async () => {
    expect((await placeNamed('Tall Qaryat Mansurah', 'Test Southern Province')).id).toBe('test-nm-qarya-s');
    expect((await placeNamed('Tall Qaryat Mansurah', 'test-nm-north')).id).toBe('test-nm-qarya-n');
  });

  it('is null within a place that holds none of them, and an unknown within is BAD_USER_INPUT naming it', async () => {
    expect(await placeNamed('Tall Qaryat Mansurah', 'Burj al-Qasabiyah')).toEqual({ id: null, error: undefined });
    const { error } = await placeNamed('Tall Qaryat Mansurah', 'Test Nowhere Province');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'within' });
  });

  it('goes to the one reviewed place when the others were created by an import', async () => {
    expect((await placeNamed('Burj el Qasabiya')).id).toBe('test-nm-burj');
  });

  it('obeys the same policy in filters: whoFoughtWhere and engagements name the candidates, and take placeWithin', async () => {
    const who = await graphql(
      app,
      `
        {
          whoFoughtWhere(place: "Tall Qaryat Mansurah") {
            totalCount
          }
        }
      `,
    );
    expect(who.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'place' });
    expect(who.errors?.[0]?.extensions?.candidates?.map((c) => c.id)).toEqual(['test-nm-qarya-n', 'test-nm-qarya-s']);
    const scoped = await graphql<{ whoFoughtWhere: { totalCount: number } }>(
      app,
      `
        {
          whoFoughtWhere(place: "Tall Qaryat Mansurah", placeWithin: "Test Northern Province") {
            totalCount
          }
        }
      `,
    );
    expect(scoped.errors).toBeUndefined();
    expect(scoped.data?.whoFoughtWhere.totalCount).toBe(0);
    const engagements = await graphql(
      app,
      `
        {
          engagements(filter: { place: "Tall Qaryat Mansurah" }) {
            totalCount
          }
        }
      `,
    );
    expect(engagements.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.place' });
    const engagementsScoped = await graphql(
      app,
      `
        {
          engagements(filter: { place: "Tall Qaryat Mansurah", placeWithin: "test-nm-south" }) {
            totalCount
          }
        }
      `,
    );
    expect(engagementsScoped.errors).toBeUndefined();
  });
});

describe('a name no entity answers to', () => {
  it('is null for place(name:) and BAD_USER_INPUT with suggestions for a filter: a near miss is offered, not taken', async () => {
    expect(await placeNamed('Tall Qaryat Mansurat Kabira')).toEqual({ id: null, error: undefined });
    const who = await graphql(
      app,
      `
        {
          whoFoughtWhere(place: "Tall Qaryat Mansurat Kabira") {
            totalCount
          }
        }
      `,
    );
    expect(who.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'place' });
    expect(who.errors?.[0]?.extensions?.suggestions).toContain('Tall Qaryat Mansurah');
  });
});
