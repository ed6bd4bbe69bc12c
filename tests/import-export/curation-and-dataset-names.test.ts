/**
 * What an import may and may not write: it never undoes what a curator decided, and it keeps the
 * names it links (the dataset's own spellings) as DATASET names of the entity.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { importEvents } from '../../src/import/pipeline.js';
import { UCDP_GED } from '../../src/import/ucdpGed.js';
import { graphql, testApp, testExecutor } from '../helpers/graph.js';
import { cypher, engagementProperties, FIXTURES, participantsOf, tempDir, testDriver } from './support.js';

const executor = testExecutor();
const driver = testDriver();
const dir = tempDir();
const FILE = path.join(FIXTURES, 'ucdp-ged-aleppo.csv');
const UCDP_SOURCE = 'ucdp-ged-syria-19-1';
const EDITOR = 'editor-token-import-0123456789';
const app = testApp(executor, {
  apiTokens: readConfig({ API_TOKENS: `carol:editor:${EDITOR}` }).apiTokens,
});
const asEditor = { authorization: `Bearer ${EDITOR}` };
const ENGAGEMENT = 'ucdp-ged-900001';
const NOTE = 'Test: SOHR alone reports the capture; footage shows fighting in the town the next day.';

const importFixture = () =>
  importEvents(executor, UCDP_GED, FILE, { batchSize: 5, rejectsPath: path.join(dir, 'rejects.csv') });

beforeAll(async () => {
  await importFixture();
});

afterAll(async () => {
  await driver.executeQuery(
    `MATCH (e:Engagement {id: $id}) SET e.contested = false, e.contestedNote = null
     WITH e MATCH (c:Citation {factId: $id}) WHERE c.note CONTAINS 'Test: SOHR' DETACH DELETE c`,
    { id: ENGAGEMENT },
  );
  await driver.executeQuery(`MATCH (c:Change) WHERE c.by = 'carol' DETACH DELETE c`);
});

describe('a re-import never overwrites what a curator decided', () => {
  it('keeps a contest of an imported engagement, its note and its citation, after the file is imported again', async () => {
    const contested = await graphql(
      app,
      `mutation($note: String!) { factContest(fact: { type: "Engagement", id: "${ENGAGEMENT}" }, note: $note,
         citations: [{ source: "${UCDP_SOURCE}", note: "Test: SOHR is the only source UCDP lists" }]) { id } }`,
      { note: NOTE },
      asEditor,
    );
    expect(contested.errors).toBeUndefined();

    const again = await importFixture();
    expect(again.engagements.existing).toBeGreaterThan(0);

    const props = await engagementProperties(driver, ENGAGEMENT);
    expect(props['contested']).toBe(true);
    expect(props['contestedNote']).toBe(NOTE);
    // The import still owns the event's own fields.
    expect(props['importEventId']).toBe('900001');
    const read = await graphql<{
      engagements: { edges: { node: { id: string; contested: boolean; contestedNote: string } }[] };
    }>(
      app,
      `
        {
          engagements(filter: { contested: true, place: "Khan Touman" }) {
            edges {
              node {
                id
                contested
                contestedNote
              }
            }
          }
        }
      `,
    );
    expect(read.data?.engagements.edges.map((e) => e.node)).toContainEqual({
      id: ENGAGEMENT,
      contested: true,
      contestedNote: NOTE,
    });
    const citations = await cypher<{ note: string }>(driver, 'MATCH (c:Citation {factId: $id}) RETURN c.note AS note', {
      id: ENGAGEMENT,
    });
    expect(citations.map((c) => c.note)).toContain('Test: SOHR is the only source UCDP lists');
  });

  it("keeps a curator's correction of a participant's side", async () => {
    const [participant] = [...(await participantsOf(driver, ENGAGEMENT)).keys()];
    expect(participant).toBeDefined();
    await driver.executeQuery(
      `MATCH (:Actor {id: $actor})-[r:FOUGHT_IN]->(:Engagement {id: $id}) SET r.side = 'DEFENDER', r.role = 'LEAD'`,
      { actor: participant, id: ENGAGEMENT },
    );
    try {
      await importFixture();
      expect((await participantsOf(driver, ENGAGEMENT)).get(participant!)).toMatchObject({
        side: 'DEFENDER',
        role: 'LEAD',
      });
    } finally {
      await driver.executeQuery(
        `MATCH (:Actor {id: $actor})-[r:FOUGHT_IN]->(:Engagement {id: $id}) SET r.side = 'ATTACKER', r.role = null`,
        { actor: participant, id: ENGAGEMENT },
      );
    }
  });
});

describe('the names an import links are names of the entity', () => {
  it('answers "Government of Syria" (a UCDP side name) with the Syrian state, and lists it as a DATASET name', async () => {
    const response = await graphql<{
      actor: { id: string; names: { name: string; kind: string; sources: { id: string }[] }[] } | null;
    }>(
      app,
      `
        {
          actor(name: "Government of Syria") {
            id
            names {
              name
              kind
              sources {
                id
              }
            }
          }
        }
      `,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.actor?.id).toBe('syrian-government');
    expect(response.data?.actor?.names).toContainEqual({
      name: 'Government of Syria',
      kind: 'DATASET',
      sources: [{ id: UCDP_SOURCE }],
    });
  });

  it('ranks the entity with that exact dataset name first in search', async () => {
    const response = await graphql<{
      search: { id: string; score: number; entity: { __typename: string; id: string } }[];
    }>(
      app,
      `
        {
          search(text: "Government of Syria", first: 5) {
            id
            score
            entity {
              __typename
              ... on Actor {
                id
              }
            }
          }
        }
      `,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.search[0]).toMatchObject({
      id: 'syrian-government',
      score: 1,
      entity: { __typename: 'Actor', id: 'syrian-government' },
    });
  });

  it('adds the dataset to the sources of a name the actor already had, without changing its kind', async () => {
    const [row] = await cypher<{ kind: string; sources: string[] }>(
      driver,
      `MATCH (n:Alias {name: 'Jabhat Fateh al-Sham'})-[:ALIAS_OF]->(:Actor {id: 'jabhat-fatah-al-sham'})
       RETURN n.kind AS kind, n.sources AS sources`,
    );
    expect(row?.sources).toContain(UCDP_SOURCE);
    expect(row?.kind).not.toBe('DATASET');
  });
});
