/**
 * Sieges through the real server: an engagement of kind SIEGE whose ATTACKER side is the besieger
 * and DEFENDER side the besieged, dated and cited; asked from the place, the actor and by period;
 * curated through engagementCreate and factContest like every engagement. Sieges created here
 * have ids starting "test-siege-" and are removed afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const EDITOR = 'editor-token-sieges-0123456789abc';
const { executor, driver } = testDatabase();
const app = testApp(executor, { apiTokens: readConfig({ API_TOKENS: `dana:editor:${EDITOR}` }).apiTokens });
const asEditor = { authorization: `Bearer ${EDITOR}` };
const ARTICLE = '001_8571e92a88501cad';

afterAll(async () => {
  await driver.executeQuery(`MATCH (e:Engagement) WHERE e.id STARTS WITH 'test-siege-' DETACH DELETE e`);
  await driver.executeQuery(`MATCH (c:Citation) WHERE c.factId STARTS WITH 'test-siege-' DETACH DELETE c`);
  await driver.executeQuery(
    `MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id STARTS WITH 'test-siege-') DETACH DELETE c`,
  );
});

interface SiegeView {
  id: string;
  kind: string;
  start: { value: string; precision: string };
  end: { value: string } | null;
  dateNote: string | null;
  places: { id: string }[];
  participants: { actor: { id: string }; side: string; inferredFrom: string | null }[];
  contested: boolean;
  contestedNote: string | null;
  citations: { quote: string | null }[];
}
const FIELDS = `id kind start { value precision } end { value } dateNote places { id }
  participants { actor { id } side inferredFrom } contested contestedNote citations { quote }`;

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(app, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

describe('sieges as analysts ask for them', () => {
  it('from the place, any spelling: who besieged Aleppo, when, who was besieged, and the sentences that say so', async () => {
    const { place } = await data<{ place: { engagements: { edges: { node: SiegeView }[] } } }>(
      `{ place(name: "Aleppo city") { engagements(kinds: [SIEGE]) { edges { node { ${FIELDS} } } } } }`,
    );
    const sieges = place.engagements.edges.map((e) => e.node);
    expect(sieges.map((s) => s.id)).toEqual(['siege-of-aleppo-2016']);
    const [siege] = sieges;
    expect(siege).toMatchObject({
      kind: 'SIEGE',
      start: { value: '2016-08', precision: 'MONTH' },
      end: { value: '2016-11' },
    });
    expect(siege?.dateNote).toMatch(/not its start or end/);
    const besieger = siege?.participants.find((p) => p.side === 'ATTACKER');
    expect(besieger?.actor.id).toBe('syrian-government');
    // The text names no besieger: the reading is stated, not passed off as the source's.
    expect(besieger?.inferredFrom).toMatch(/names no besieger/);
    expect(siege?.participants.find((p) => p.side === 'DEFENDER')?.actor.id).toBe('jabhat-fatah-al-sham');
    expect(siege?.citations.map((c) => c.quote).join(' ')).toContain('breaking the siege of Aleppo city');
  });

  it('from the actor and by period: the sieges JFS was under, and none asked for 2015', async () => {
    const result = await data<{
      actor: { engagements: { edges: { node: { id: string } }[] } };
      during: { edges: { node: { id: string } }[] };
      before: { totalCount: number };
    }>(`{
      actor(name: "Jabhat Fatah al-Sham") { engagements(kinds: [SIEGE]) { edges { node { id } } } }
      during: engagements(filter: { kinds: [SIEGE], from: "2016-09-01", to: "2016-09-30" }) { edges { node { id } } }
      before: engagements(filter: { kinds: [SIEGE], from: "2015-01-01", to: "2015-12-31" }) { totalCount }
    }`);
    expect(result.actor.engagements.edges.map((e) => e.node.id)).toEqual(['siege-of-aleppo-2016']);
    expect(result.during.edges.map((e) => e.node.id)).toContain('siege-of-aleppo-2016');
    expect(result.before.totalCount).toBe(0);
  });
});

describe('curating sieges', () => {
  it('records a siege with engagementCreate and contests it with factContest; both are in the history', async () => {
    const created = await graphql<{ engagementCreate: SiegeView }>(
      app,
      `mutation($input: EngagementInput!) { engagementCreate(input: $input) { ${FIELDS} } }`,
      {
        input: {
          id: 'test-siege-minyan',
          title: 'Test siege of Minyan',
          kind: 'SIEGE',
          start: '2016-11',
          places: ['minyan'],
          participants: [
            { actor: 'syrian-arab-army', side: 'ATTACKER' },
            { actor: 'jabhat-fatah-al-sham', side: 'DEFENDER' },
          ],
          citations: [{ source: ARTICLE, quote: 'fighting restarted on the outskirts of Minyan' }],
        },
      },
      asEditor,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.engagementCreate).toMatchObject({ kind: 'SIEGE', places: [{ id: 'minyan' }] });
    const contested = await graphql(
      app,
      `mutation { factContest(fact: { type: "Engagement", id: "test-siege-minyan" },
         note: "Test: fighting on the outskirts is not an encirclement",
         citations: [{ source: "${ARTICLE}", quote: "fighting restarted on the outskirts of Minyan" }]) { id } }`,
      {},
      asEditor,
    );
    expect(contested.errors).toBeUndefined();
    const read = await data<{ engagement: SiegeView; history: { operation: string }[] }>(
      `{ engagement(id: "test-siege-minyan") { ${FIELDS} } history(id: "test-siege-minyan") { operation } }`,
    );
    expect(read.engagement).toMatchObject({
      contested: true,
      contestedNote: 'Test: fighting on the outskirts is not an encirclement',
    });
    expect(read.history.map((h) => h.operation).sort()).toEqual(['engagementCreate', 'factContest']);
  });
});
