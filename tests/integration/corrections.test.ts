/**
 * A complete history, and facts that can be corrected and withdrawn, through the real server and
 * Neo4j. Entities created here have ids starting "test-fx-" and are removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { graphql, testApp, testDatabase, type GraphQLResponse } from '../helpers/graph.js';

const EDITOR = 'editor-token-fx-0123456789abcdef';
const { executor, driver } = testDatabase();
const app = testApp(executor, { apiTokens: readConfig({ API_TOKENS: `dora:editor:${EDITOR}` }).apiTokens });
const asEditor = { authorization: `Bearer ${EDITOR}` };
const ARTICLE = '000_60ecd4665a9ba8af';
const QUOTE = 'The offensive was led by Jabhat al-Nusra, who employed multiple SVBEIDs across the front.';
const CITE = `citations: [{ source: "${ARTICLE}", quote: "${QUOTE}" }]`;

async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(app, query, variables, asEditor);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

const codeOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;

interface Change {
  id: string;
  operation: string;
  noop: boolean;
  sameAs: string | null;
  details: string;
}
const history = async (id: string) =>
  (await ok<{ history: Change[] }>(`{ history(id: "${id}") { id operation noop sameAs details } }`)).history;

beforeAll(async () => {
  for (const [id, name, kind] of [
    ['test-fx-brigade', 'Test Fx Brigade', 'ARMED_GROUP'],
    ['test-fx-room', 'Test Fx Room', 'OPERATIONS_ROOM'],
  ]) {
    await ok(`mutation { actorCreate(input: { id: "${id}", name: "${name}", kind: ${kind}, ${CITE} }) { id } }`);
  }
});

afterAll(async () => {
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Actor OR n:Engagement) AND n.id STARTS WITH 'test-fx-' DETACH DELETE n`,
  );
  await driver.executeQuery(`MATCH (a:Alias) WHERE a.entityId STARTS WITH 'test-fx-' DETACH DELETE a`);
  await driver.executeQuery(`MATCH (c:Change) WHERE c.by = 'dora' DETACH DELETE c`);
  await driver.executeQuery(
    `MATCH (c:Citation) WHERE c.factId STARTS WITH 'test-fx-' OR c.factId STARTS WITH 'member-of-' AND NOT EXISTS { MATCH ()-[r {id: c.factId}]->() } DETACH DELETE c`,
  );
});

describe('the history', () => {
  it('records every accepted change with its own id: a rename back and forth and forth again is three entries', async () => {
    const rename = (name: string) =>
      ok(`mutation { actorUpdate(id: "test-fx-brigade", input: { name: "${name}", ${CITE} }) { name } }`);
    await rename('Test Fx Brigade Renamed');
    await rename('Test Fx Brigade');
    await rename('Test Fx Brigade Renamed');
    const changes = await history('test-fx-brigade');
    expect(changes.map((c) => c.operation)).toEqual(['actorUpdate', 'actorUpdate', 'actorUpdate', 'actorCreate']);
    expect(new Set(changes.map((c) => c.id)).size).toBe(4);
    expect(changes.every((c) => !c.noop)).toBe(true);
  });

  it('records an identical re-send as a no-op that names the change it repeats', async () => {
    const [latest] = await history('test-fx-brigade');
    await ok(
      `mutation { actorUpdate(id: "test-fx-brigade", input: { name: "Test Fx Brigade Renamed", ${CITE} }) { name } }`,
    );
    const [resent, ...rest] = await history('test-fx-brigade');
    expect(rest[0]?.id).toBe(latest?.id);
    expect(resent).toMatchObject({ operation: 'actorUpdate', noop: true, sameAs: latest?.id });
  });
});

describe('correcting and withdrawing a fact', () => {
  const membership = (to: string) =>
    graphql<{ membershipAdd: { from: { value: string }; to: { value: string } } }>(
      app,
      `mutation { membershipAdd(input: { member: "test-fx-brigade", group: "test-fx-room", from: "2015-03", to: "${to}", ${CITE} }) { from { value } to { value } } }`,
      {},
      asEditor,
    );
  const memberships = async () =>
    (
      await ok<{
        actor: { memberships: { to: { value: string } | null; contested: boolean; citations: { id: string }[] }[] };
      }>(`{ actor(id: "test-fx-brigade") { memberships { to { value } contested citations { id } } } }`)
    ).actor.memberships;
  const factId = async () => {
    const [row] = (
      await driver.executeQuery(
        `MATCH (:Actor {id: 'test-fx-brigade'})-[r:MEMBER_OF]->(:Actor {id: 'test-fx-room'}) RETURN r.id AS id`,
      )
    ).records;
    return row?.get('id') as string;
  };

  it('gives a fact an id that does not depend on its dates: a corrected period is refused as a new fact, pointing at factUpdate', async () => {
    expect((await membership('2016-01')).errors).toBeUndefined();
    expect((await membership('2016-01')).errors).toBeUndefined(); // the same request again: no change
    const corrected = await membership('2017-01');
    expect(codeOf(corrected)).toBe('CONFLICT');
    expect(corrected.errors?.[0]?.message).toContain(`factUpdate(fact: { type: "MEMBER_OF", id: "${await factId()}" }`);
    expect(await memberships()).toHaveLength(1);
  });

  it('corrects the period in place with factUpdate, keeping the earlier values in the history', async () => {
    const id = await factId();
    const updated = await ok<{ factUpdate: { id: string; type: string } }>(
      `mutation { factUpdate(fact: { type: "MEMBER_OF", id: "${id}" }, changes: { to: "2017-01" }, ${CITE}) { id type } }`,
    );
    expect(updated.factUpdate).toEqual({ id, type: 'MEMBER_OF' });
    const now = await memberships();
    expect(now).toHaveLength(1);
    expect(now[0]?.to?.value).toBe('2017-01');
    expect(await factId()).toBe(id);
    const [change] = await history(id);
    expect(change?.operation).toBe('factUpdate');
    expect(JSON.parse(change!.details)).toMatchObject({ before: { toValue: '2016-01' }, changes: { to: '2017-01' } });
  });

  it('refuses an unknown fact with NOT_FOUND (update, retract and contest alike), a change that does not fit the fact or no citation with BAD_USER_INPUT', async () => {
    const id = await factId();
    const attempts: [string, string][] = [
      [`fact: { type: "MEMBER_OF", id: "test-fx-none" }, changes: { to: "2017" }, ${CITE}`, 'NOT_FOUND'],
      [`fact: { type: "MEMBER_OF", id: "${id}" }, changes: { outcome: STALEMATE }, ${CITE}`, 'BAD_USER_INPUT'],
      [`fact: { type: "MEMBER_OF", id: "${id}" }, changes: { to: "2014" }, ${CITE}`, 'BAD_USER_INPUT'],
      [`fact: { type: "MEMBER_OF", id: "${id}" }, changes: { to: "2018" }, citations: []`, 'BAD_USER_INPUT'],
    ];
    for (const [args, code] of attempts) {
      expect(codeOf(await graphql(app, `mutation { factUpdate(${args}) { id } }`, {}, asEditor)), args).toBe(code);
    }
    expect((await memberships())[0]?.to?.value).toBe('2017-01');
    const retract = await graphql(
      app,
      `mutation { factRetract(fact: { type: "MEMBER_OF", id: "test-fx-none" }, reason: "x", ${CITE}) { id } }`,
      {},
      asEditor,
    );
    expect(codeOf(retract)).toBe('NOT_FOUND');
    const contest = await graphql(
      app,
      `mutation { factContest(fact: { type: "MEMBER_OF", id: "test-fx-none" }, note: "x", ${CITE}) { id } }`,
      {},
      asEditor,
    );
    expect(codeOf(contest)).toBe('NOT_FOUND');
  });

  it('withdraws a fact with factRetract: it leaves the graph, and its values stay in the history', async () => {
    const id = await factId();
    await ok(
      `mutation { factRetract(fact: { type: "MEMBER_OF", id: "${id}" }, reason: "Test: the brigade never joined", ${CITE}) { id } }`,
    );
    expect(await memberships()).toEqual([]);
    const [change] = await history(id);
    expect(change?.operation).toBe('factRetract');
    expect(JSON.parse(change!.details)).toMatchObject({ before: { id, toValue: '2017-01' } });
  });

  it("corrects an engagement's outcome and a participant's side in place", async () => {
    await ok(
      `mutation { engagementCreate(input: { id: "test-fx-assault", title: "Test Fx assault", kind: ASSAULT, start: "2016-06",
        places: ["khan-touman"], participants: [{ actor: "test-fx-brigade", side: ATTACKER }], ${CITE} }) { id } }`,
    );
    await ok(
      `mutation { factUpdate(fact: { type: "Engagement", id: "test-fx-assault" },
        changes: { outcome: ATTACKER_REPELLED, participant: "test-fx-brigade", side: DEFENDER, role: LEAD }, ${CITE}) { id } }`,
    );
    const read = await ok<{
      engagements: { edges: { node: { outcome: string; participants: { side: string; role: string }[] } }[] };
    }>(
      `{ engagements(filter: { actor: "test-fx-brigade" }) { edges { node { outcome participants { side role } } } } }`,
    );
    expect(read.engagements.edges.map((e) => e.node)).toEqual([
      { outcome: 'ATTACKER_REPELLED', participants: [{ side: 'DEFENDER', role: 'LEAD' }] },
    ]);
  });
});
