/**
 * Curation and safety, through the real server and Neo4j: sourced edits, tokens and roles,
 * atomicity, idempotence, history, limits. Entities created here have ids starting "test-cur-"
 * and are removed afterwards; files of this lane run one at a time, so whole-graph checksums
 * taken here see only this file's writes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { backfillChangeSubjects, changeSubject } from '../../src/db/changeSubjects.js';
import { graphDigest, graphql, testApp, testDatabase, type GraphQLResponse } from '../helpers/graph.js';

const EDITOR = 'editor-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdef';
const { executor, driver, queries } = testDatabase();
const settings = { apiTokens: readConfig({ API_TOKENS: `alice:editor:${EDITOR},bob:reader:${READER}` }).apiTokens };
const app = testApp(executor, settings);

const ARTICLE = '000_60ecd4665a9ba8af';
const QUOTE = 'The offensive was led by Jabhat al-Nusra, who employed multiple SVBEIDs across the front.';
const citation = { source: ARTICLE, quote: QUOTE };

const asEditor = { authorization: `Bearer ${EDITOR}` };
const asReader = { authorization: `Bearer ${READER}` };

afterAll(async () => {
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Actor OR n:Place OR n:Engagement OR n:Source) AND n.id STARTS WITH 'test-cur-' DETACH DELETE n`,
  );
  await driver.executeQuery(`MATCH (a:Alias) WHERE a.entityId STARTS WITH 'test-cur-' DETACH DELETE a`);
  await driver.executeQuery(
    `MATCH (c:Citation) WHERE c.factId STARTS WITH 'test-cur-' OR c.factType IN ['MEMBER_OF', 'ALLIED_WITH'] AND NOT EXISTS { MATCH ()-[r {id: c.factId}]->() } DETACH DELETE c`,
  );
  await driver.executeQuery(`MATCH (c:Change) DETACH DELETE c`);
});

function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

const CREATE_ACTOR = `mutation($input: ActorCreateInput!) { actorCreate(input: $input) { id name kind aliases citations { id quote } } }`;

function actorInput(id: string, extra: Record<string, unknown> = {}) {
  return { id, name: `Test ${id}`, kind: 'ARMED_GROUP', citations: [citation], ...extra };
}

describe('authentication and roles', () => {
  const mutation = CREATE_ACTOR;
  const variables = { input: actorInput('test-cur-auth') };

  it.each([
    ['without a token', {}, 'UNAUTHENTICATED'],
    ['with a forged token', { authorization: 'Bearer forged-token-0123456789abcdef' }, 'UNAUTHENTICATED'],
    ['with a malformed header', { authorization: 'Basic YWxpY2U6c2VjcmV0' }, 'UNAUTHENTICATED'],
    ["with a reader's token", asReader, 'FORBIDDEN'],
  ])('a write %s is refused with %s and writes nothing', async (_, headers, code) => {
    const before = await graphDigest(driver);
    const response = await graphql(app, mutation, variables, headers);
    expect(codeOf(response)).toBe(code);
    expect(response.data?.['actorCreate'] ?? null).toBeNull();
    expect(await graphDigest(driver)).toBe(before);
  });

  it('a reader token reads; reads are open without a token by default', async () => {
    expect((await graphql(app, '{ actor(id: "turkey") { id } }', {}, asReader)).data).toEqual({
      actor: { id: 'turkey' },
    });
    expect((await graphql(app, '{ actor(id: "turkey") { id } }')).data).toEqual({ actor: { id: 'turkey' } });
  });

  it('with READS_REQUIRE_TOKEN, a read without a token is UNAUTHENTICATED', async () => {
    const closed = testApp(executor, { ...settings, readsRequireToken: true });
    expect(codeOf(await graphql(closed, '{ sources { id } }'))).toBe('UNAUTHENTICATED');
    expect((await graphql(closed, '{ actor(id: "turkey") { id } }', {}, asReader)).data).toEqual({
      actor: { id: 'turkey' },
    });
  });
});

describe('sourced, idempotent edits with history', () => {
  it('creates an actor that resolves by any of its names, and re-sending changes nothing', async () => {
    const input = actorInput('test-cur-brigade', { aliases: [{ name: 'Liwa Test al-Kabir', kind: 'ROMANISATION' }] });
    const first = await graphql(app, CREATE_ACTOR, { input }, asEditor);
    expect(first.errors).toBeUndefined();
    expect(first.data?.['actorCreate']).toMatchObject({ id: 'test-cur-brigade', aliases: ['Liwa Test al-Kabir'] });
    const after = await graphDigest(driver, { history: false });
    const again = await graphql(app, CREATE_ACTOR, { input }, asEditor);
    expect(again.errors).toBeUndefined();
    expect(await graphDigest(driver, { history: false })).toBe(after);
    const found = await graphql(app, '{ actor(name: "liwa test el-kabir") { id } }');
    expect(found.data).toEqual({ actor: { id: 'test-cur-brigade' } });
  });

  it('records who changed what and when', async () => {
    const response = await graphql<{
      history: {
        id: string;
        by: string;
        operation: string;
        at: string;
        details: string;
        noop: boolean;
        sameAs: string;
      }[];
    }>(app, '{ history(id: "test-cur-brigade") { id by operation at summary details noop sameAs } }');
    // The create, and its re-send recorded as a no-op.
    const [resent, created] = response.data?.history ?? [];
    expect(response.data?.history).toHaveLength(2);
    expect(created).toMatchObject({ by: 'alice', operation: 'actorCreate', noop: false });
    expect(resent).toMatchObject({ operation: 'actorCreate', noop: true, sameAs: created?.id });
    expect(Date.parse(created!.at)).not.toBeNaN();
    expect(JSON.parse(created!.details)).toMatchObject({ id: 'test-cur-brigade' });
  });

  it("reads an entity's history from the index on what each change touches, not from every change", async () => {
    const operators = async (name: 'history-of' | 'change-record', params: Record<string, unknown>) => {
      const result = await driver.executeQuery(`EXPLAIN ${queries.text(name)}`, params);
      const found: string[] = [];
      const walk = (operator: { operatorType: string; children: unknown[] }) => {
        found.push(operator.operatorType);
        for (const child of operator.children) walk(child as typeof operator);
      };
      walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
      return found;
    };
    const subject = changeSubject('test-cur-brigade');
    for (const plan of [
      await operators('history-of', { subject, limit: 50 }),
      await operators('change-record', { firstSubject: subject, change: { id: 'never-run' } }),
    ]) {
      expect(
        plan.some((operator) => /NodeIndexContainsScan/.test(operator)),
        plan.join(' '),
      ).toBe(true);
      expect(
        plan.some((operator) => /LabelScan|AllNodesScan/.test(operator)),
        plan.join(' '),
      ).toBe(false);
    }
  });

  it('a change recorded before changes stored what they touch (an older backup) is in the history once the start has indexed it', async () => {
    await driver.executeQuery(
      `CREATE (:Change {id: 'test-cur-older-change', seq: 1, at: '2024-01-01T00:00:00.000Z', by: 'alice',
               operation: 'actorUpdate', entityIds: ['test-cur-brigade', 'test-cur-older'], summary: 'older'})`,
    );
    try {
      expect(await backfillChangeSubjects(executor)).toBe(1);
      const response = await graphql<{ history: { id: string }[] }>(app, '{ history(id: "test-cur-older") { id } }');
      expect(response.data?.history).toEqual([{ id: 'test-cur-older-change' }]);
      expect(await backfillChangeSubjects(executor)).toBe(0);
    } finally {
      await driver.executeQuery(`MATCH (c:Change {id: 'test-cur-older-change'}) DELETE c`);
    }
  });

  it('refuses a name that already belongs to another actor, pointing at it', async () => {
    const response = await graphql(
      app,
      CREATE_ACTOR,
      { input: actorInput('test-cur-dup', { name: 'Jabhat an-Nusrah' }) },
      asEditor,
    );
    expect(codeOf(response)).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toContain('jabhat-al-nusra');
  });

  // Facts, citations and the history name a node by its id alone, so every create refuses an id
  // that a node of another kind holds, and names the holder.
  it.each([
    ['actorCreate', 'ActorCreateInput', { ...actorInput('khan-touman'), name: 'Khan Touman Brigade' }, 'Place'],
    ['placeCreate', 'PlaceCreateInput', { id: 'hezbollah', name: 'Hezbollah Hill', kind: 'HILL' }, 'Actor'],
    [
      'engagementCreate',
      'EngagementInput',
      {
        id: 'aleppo-city',
        title: 'Test clash at Khan Touman',
        kind: 'CLASHES',
        start: '2016-06',
        places: ['khan-touman'],
        participants: [{ actor: 'jabhat-al-nusra', side: 'ATTACKER' }],
      },
      'Place',
    ],
    [
      'agreementAdd',
      'AgreementInput',
      { id: 'turkey', name: 'Test truce', kind: 'CEASEFIRE', parties: [{ actor: 'turkey', role: 'PARTY' }] },
      'Actor',
    ],
  ])(
    '%s refuses an id held by a node of another kind with CONFLICT naming it, writing nothing',
    async (mutation, inputType, input, holder) => {
      const before = await graphDigest(driver);
      const response = await graphql(
        app,
        `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`,
        { input: { citations: [citation], ...input } },
        asEditor,
      );
      expect(codeOf(response)).toBe('CONFLICT');
      const id = input.id;
      expect(response.errors?.[0]?.extensions).toMatchObject({
        argument: 'input.id',
        candidates: [{ id, type: holder }],
      });
      expect(response.errors?.[0]?.message).toContain(`the ${holder} "`);
      expect(await graphDigest(driver)).toBe(before);
    },
  );

  it.each([
    [
      'a quote not in the article',
      { citations: [{ source: ARTICLE, quote: 'Nusra withdrew from Aleppo in 2014.' }] },
      'input.citations[0].quote',
    ],
    ['no citation at all', { citations: [] }, 'input.citations'],
    ['an unknown source', { citations: [{ source: 'no-such-source', quote: 'x' }] }, 'input.citations[0].source'],
    ['an article cited without quote', { citations: [{ source: ARTICLE }] }, 'input.citations[0].quote'],
    ['an unknown kind', { kind: 'BAND' }, 'input.kind'],
    ['an id that is not a slug', { id: 'Test Cur!' }, 'input.id'],
    ['a name too long', { name: 'x'.repeat(201) }, 'input.name'],
    [
      'an alias with an impossible date',
      { aliases: [{ name: 'Test Old Name', kind: 'ROMANISATION', from: '2015-02-29' }] },
      'input.aliases[0].from',
    ],
  ])('refuses %s with BAD_USER_INPUT naming %s, writing nothing', async (_, override, argument) => {
    const before = await graphDigest(driver);
    const response = await graphql(
      app,
      CREATE_ACTOR,
      { input: { ...actorInput('test-cur-bad'), ...override } },
      asEditor,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(await graphDigest(driver)).toBe(before);
  });

  it.each([
    [
      'a latitude out of range',
      { latitude: 123, longitude: 37, source: 'ucdp-ged-syria-19-1' },
      'input.location.latitude',
    ],
    [
      'a longitude out of range',
      { latitude: 36, longitude: -200, source: 'ucdp-ged-syria-19-1' },
      'input.location.longitude',
    ],
    [
      'coordinates that do not come from a gazetteer',
      { latitude: 36.1, longitude: 37.1, source: ARTICLE },
      'input.location.source',
    ],
  ])('refuses a place with %s, naming %s', async (_, point, argument) => {
    const before = await graphDigest(driver);
    const response = await graphql(
      app,
      `
        mutation ($input: PlaceCreateInput!) {
          placeCreate(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          id: 'test-cur-village',
          name: 'Test Village',
          kind: 'VILLAGE',
          location: { ...point, gazetteerName: 'x', precision: 'x' },
          citations: [citation],
        },
      },
      asEditor,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await graphDigest(driver)).toBe(before);
  });

  it('a dated membership answers asOf, and an end before its start is refused', async () => {
    await graphql(app, CREATE_ACTOR, { input: actorInput('test-cur-room', { kind: 'OPERATIONS_ROOM' }) }, asEditor);
    const add = `mutation($input: MembershipInput!) { membershipAdd(input: $input) { member { id } group { id } from { value } } }`;
    const bad = await graphql(
      app,
      add,
      {
        input: {
          member: 'test-cur-brigade',
          group: 'test-cur-room',
          from: '2016-06',
          to: '2016-05',
          citations: [citation],
        },
      },
      asEditor,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.to' });
    const ok = await graphql(
      app,
      add,
      { input: { member: 'test-cur-brigade', group: 'test-cur-room', from: '2016-06', citations: [citation] } },
      asEditor,
    );
    expect(ok.errors).toBeUndefined();
    const asOf = await graphql<{ a: { memberships: unknown[] }; b: { memberships: unknown[] } }>(
      app,
      '{ a: actor(id: "test-cur-brigade") { memberships(asOf: "2016-05-31") { from { value } } } b: actor(id: "test-cur-brigade") { memberships(asOf: "2016-06-30") { from { value } } } }',
    );
    expect(asOf.data?.a.memberships).toHaveLength(0);
    expect(asOf.data?.b.memberships).toHaveLength(1);
  });
});

describe('all or nothing', () => {
  it('an engagement whose third of five participants is unknown leaves the graph exactly as before', async () => {
    const before = await graphDigest(driver);
    const response = await graphql(
      app,
      `
        mutation ($input: EngagementInput!) {
          engagementCreate(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          id: 'test-cur-battle',
          title: 'Test battle',
          kind: 'ASSAULT',
          start: '2016-06-03',
          places: ['khan-touman'],
          participants: [
            { actor: 'jabhat-al-nusra', side: 'ATTACKER', role: 'LEAD' },
            { actor: 'jaysh-al-fatah', side: 'ATTACKER' },
            { actor: 'test-cur-nobody', side: 'ATTACKER' },
            { actor: 'syrian-arab-army', side: 'DEFENDER' },
            { actor: 'hezbollah', side: 'DEFENDER' },
          ],
          citations: [citation],
        },
      },
      asEditor,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.participants[2].actor',
    });
    expect(await graphDigest(driver)).toBe(before);
  });

  it('the same engagement with known participants is written whole, once', async () => {
    const input = {
      id: 'test-cur-battle',
      title: 'Test battle',
      kind: 'ASSAULT',
      start: '2016-06-03',
      places: ['khan-touman'],
      participants: [
        { actor: 'jabhat-al-nusra', side: 'ATTACKER', role: 'LEAD' },
        { actor: 'syrian-arab-army', side: 'DEFENDER' },
      ],
      citations: [citation],
    };
    const mutation = `mutation($input: EngagementInput!) { engagementCreate(input: $input) { id participants { actor { id } side role } places { id } } }`;
    const first = await graphql(app, mutation, { input }, asEditor);
    expect(first.errors).toBeUndefined();
    const digest = await graphDigest(driver, { history: false });
    await graphql(app, mutation, { input }, asEditor);
    expect(await graphDigest(driver, { history: false })).toBe(digest);
  });
});

describe('injection strings are data', () => {
  const hostile = [
    `x'}) MATCH (n) DETACH DELETE n //`,
    '$name } RETURN 1 //',
    '"; CALL db.clearQueryCaches(); //',
    '`Actor`) DETACH DELETE (n',
    '<script>alert(1)</script>',
  ];

  it.each(hostile.map((h, i) => [i, h]))('string arguments of queries holding %s change nothing', async (_, text) => {
    const before = await graphDigest(driver);
    const queries = [
      ['query($t: String!) { search(text: $t) { id } }', { t: text }],
      ['query($t: String) { actor(name: $t) { id } }', { t: text }],
      ['query($t: String) { place(name: $t) { id } }', { t: text }],
      ['query($t: ID!) { source(id: $t) { id } }', { t: text }],
      ['query($t: ID!) { history(id: $t) { id } }', { t: text }],
      ['query($t: String) { engagements(filter: { actor: $t }) { totalCount } }', { t: text }],
      ['query($t: String) { whoFoughtWhere(place: $t) { totalCount } }', { t: text }],
      ['query($t: String!) { connection(from: $t, to: "Turkey") { length } }', { t: text }],
    ] as const;
    for (const [query, variables] of queries) {
      const response = await graphql(app, query, variables);
      for (const error of response.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await graphDigest(driver)).toBe(before);
  });

  it('string arguments of mutations are stored and returned as text, and nothing else changes', async () => {
    const [name, description, aliasName, note] = hostile;
    const response = await graphql(
      app,
      `
        mutation ($input: ActorCreateInput!) {
          actorCreate(input: $input) {
            id
            name
            description
            aliases
            citations {
              note
            }
          }
        }
      `,
      {
        input: {
          id: 'test-cur-hostile',
          name,
          kind: 'ARMED_GROUP',
          description,
          aliases: [{ name: aliasName, kind: 'ROMANISATION' }],
          citations: [{ ...citation, note }],
        },
      },
      asEditor,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.['actorCreate']).toEqual({
      id: 'test-cur-hostile',
      name,
      description,
      aliases: [aliasName],
      citations: [{ note }],
    });
    const counts = await driver.executeQuery('MATCH (a:Actor) RETURN count(a) AS n');
    expect(counts.records[0]?.get('n')).toBeGreaterThan(40);
  });
});

describe('disputes, retractions and merges', () => {
  it('marks a fact contested with a citation, visible through the API', async () => {
    const response = await graphql<{ factContest: { type: string; id: string } }>(
      app,
      `mutation { factContest(fact: { type: "Engagement", id: "test-cur-battle" }, note: "Test: another source says it never happened",
          citations: [{ source: "${ARTICLE}", quote: "Rebel forces reported their capturing of tens of such fighters." }]) { type id } }`,
      {},
      asEditor,
    );
    expect(response.errors).toBeUndefined();
    const read = await graphql(
      app,
      '{ engagements(filter: { contested: true }, first: 200) { edges { node { id contestedNote } } } }',
    );
    expect(JSON.stringify(read.data)).toContain('another source says it never happened');
  });

  it('retracts a citation but never the last one of a fact', async () => {
    const cited = await graphql<{ actor: { citations: { id: string }[] } }>(
      app,
      '{ actor(id: "test-cur-room") { citations { id } } }',
    );
    const only = cited.data!.actor.citations;
    expect(only).toHaveLength(1);
    const refused = await graphql(
      app,
      `mutation { citationRetract(id: "${only[0]!.id}", reason: "test") { id } }`,
      {},
      asEditor,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });

    await graphql(
      app,
      `mutation { aliasAdd(entityId: "test-cur-room", alias: { name: "Test Room Two", kind: ROMANISATION },
         citations: [{ source: "${ARTICLE}", quote: "Faylaq al-Sham video from Humayra." }]) { name } }`,
      {},
      asEditor,
    );
    const two = await graphql<{ actor: { citations: { id: string; quote: string }[] } }>(
      app,
      '{ actor(id: "test-cur-room") { citations { id quote } } }',
    );
    expect(two.data!.actor.citations).toHaveLength(2);
    const target = two.data!.actor.citations.find((c) => c.quote.startsWith('Faylaq'))!;
    const retracted = await graphql(
      app,
      `mutation { citationRetract(id: "${target.id}", reason: "does not name the room") { id } }`,
      {},
      asEditor,
    );
    expect(retracted.errors).toBeUndefined();
    const one = await graphql<{ actor: { citations: unknown[] } }>(
      app,
      '{ actor(id: "test-cur-room") { citations { id } } }',
    );
    expect(one.data!.actor.citations).toHaveLength(1);
  });

  it('merging keeps every name, edge and citation of the removed actor, and records the merge', async () => {
    await graphql(
      app,
      CREATE_ACTOR,
      { input: actorInput('test-cur-twin', { aliases: [{ name: 'Test Twin Alias', kind: 'ROMANISATION' }] }) },
      asEditor,
    );
    await graphql(
      app,
      `mutation { allianceAdd(input: { actors: ["test-cur-twin", "turkey"], from: "2016", citations: [{ source: "${ARTICLE}", quote: "${QUOTE}" }] }) { from { value } } }`,
      {},
      asEditor,
    );
    const merge = `mutation { mergeActors(keep: "test-cur-brigade", remove: "test-cur-twin", reason: "one group",
        citations: [{ source: "${ARTICLE}", quote: "${QUOTE}" }]) { id aliases alliances { actors { id } } citations { quote } } }`;
    const response = await graphql<{ mergeActors: { aliases: string[]; alliances: { actors: { id: string }[] }[] } }>(
      app,
      merge,
      {},
      asEditor,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.mergeActors.aliases).toEqual(
      expect.arrayContaining(['Test Twin Alias', 'Test test-cur-twin', 'Liwa Test al-Kabir']),
    );
    expect(response.data!.mergeActors.alliances.flatMap((a) => a.actors.map((x) => x.id))).toContain('turkey');
    expect((await graphql(app, '{ actor(id: "test-cur-twin") { id } }')).data).toEqual({ actor: null });
    expect((await graphql(app, '{ actor(name: "Test Twin Alias") { id } }')).data).toEqual({
      actor: { id: 'test-cur-brigade' },
    });
    const history = await graphql<{ history: { operation: string }[] }>(
      app,
      '{ history(id: "test-cur-twin") { operation } }',
    );
    expect(history.data!.history.map((h) => h.operation)).toContain('mergeActors');
  });

  it('concurrent merges of the same pair end with one node', async () => {
    await graphql(app, CREATE_ACTOR, { input: actorInput('test-cur-left') }, asEditor);
    await graphql(
      app,
      CREATE_ACTOR,
      { input: actorInput('test-cur-right', { aliases: [{ name: 'Test Right Alias', kind: 'ROMANISATION' }] }) },
      asEditor,
    );
    const merge = `mutation { mergeActors(keep: "test-cur-left", remove: "test-cur-right", reason: "same",
        citations: [{ source: "${ARTICLE}", quote: "${QUOTE}" }]) { id } }`;
    const results = await Promise.all([1, 2, 3, 4].map(() => graphql(app, merge, {}, asEditor)));
    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const left = await driver.executeQuery(
      `MATCH (a:Actor) WHERE a.id IN ['test-cur-left', 'test-cur-right'] RETURN collect(a.id) AS ids`,
    );
    expect(left.records[0]?.get('ids')).toEqual(['test-cur-left']);
    expect((await graphql(app, '{ actor(name: "Test Right Alias") { id } }')).data).toEqual({
      actor: { id: 'test-cur-left' },
    });
  });
});

describe('a curation session with every kind of edit', () => {
  async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await graphql<T>(app, query, variables, asEditor);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data as T;
  }
  const cite = (quote: string) => [{ source: 'test-cur-source', quote }];

  it('adds a source, a place, names, lineage, sponsorship and control, renames, and merges places', async () => {
    await ok(`mutation($input: SourceInput!) { sourceAdd(input: $input) { id } }`, {
      input: {
        id: 'test-cur-source',
        kind: 'ARTICLE',
        title: 'Test report',
        published: '2016-06',
        text: 'The Test Hill fell to the Test Brigade in June.\nTurkey armed the Test Brigade, the report says.',
      },
    });
    for (const id of ['test-cur-s-brigade', 'test-cur-s-room', 'test-cur-s-new']) {
      await ok(CREATE_ACTOR, { input: { ...actorInput(id), citations: cite('the report says') } });
    }
    await ok(
      `mutation { aliasAdd(entityId: "test-cur-s-room", alias: { name: "Test Session Alias", kind: ROMANISATION }, citations: [{ source: "test-cur-source", quote: "the report says" }]) { name } }`,
    );
    const place = await ok<{ placeCreate: { partOf: { id: string }; location: { latitude: number } } }>(
      `mutation($input: PlaceCreateInput!) { placeCreate(input: $input) { id partOf { id } location { latitude } } }`,
      {
        input: {
          id: 'test-cur-hill',
          name: 'Test Hill',
          kind: 'HILL',
          partOf: 'aleppo-city',
          location: {
            latitude: 36.1,
            longitude: 37.1,
            source: 'ocha-cod-ab-syria-v02',
            gazetteerName: 'Test',
            precision: 'test',
          },
          citations: cite('The Test Hill fell to the Test Brigade in June.'),
        },
      },
    );
    expect(place.placeCreate).toEqual({
      id: 'test-cur-hill',
      partOf: { id: 'aleppo-city' },
      location: { latitude: 36.1 },
    });

    const cycle = await graphql(
      app,
      `
        mutation {
          placeUpdate(
            id: "aleppo-city"
            input: { partOf: "test-cur-hill", citations: [{ source: "test-cur-source", quote: "The Test Hill fell" }] }
          ) {
            id
          }
        }
      `,
      {},
      asEditor,
    );
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.partOf' });

    await ok(`mutation($input: ControlInput!) { controlAdd(input: $input) { actor { id } } }`, {
      input: {
        actor: 'test-cur-s-brigade',
        place: 'test-cur-hill',
        from: '2016-06',
        citations: cite('The Test Hill fell to the Test Brigade in June.'),
      },
    });
    await ok(`mutation($input: SponsorshipInput!) { sponsorshipAdd(input: $input) { support } }`, {
      input: {
        sponsor: 'turkey',
        client: 'test-cur-s-brigade',
        support: ['WEAPONS'],
        citations: cite('Turkey armed the Test Brigade, the report says.'),
      },
    });
    await ok(`mutation($input: LineageInput!) { lineageAdd(input: $input) { kind } }`, {
      input: {
        kind: 'RENAMED_TO',
        from: 'test-cur-s-room',
        to: 'test-cur-s-new',
        date: '2016-07',
        citations: cite('the report says'),
      },
    });
    await ok(
      `mutation { actorUpdate(id: "test-cur-s-room", input: { name: "Test Room Renamed", citations: [{ source: "test-cur-source", quote: "the report says" }] }) { name } }`,
    );
    await ok(
      `mutation { aliasRemove(entityId: "test-cur-s-room", name: "Test Session Alias", reason: "misread", citations: [{ source: "test-cur-source", quote: "the report says" }]) { name } }`,
    );

    const read = await graphql<{
      hill: { controlHistory: { actor: { id: string }; from: { value: string } }[] };
      brigade: { sponsors: { sponsor: { id: string }; support: string[] }[] };
      old: { id: string; lineage: { kind: string; to: { id: string } }[] } | null;
      removed: { id: string } | null;
    }>(
      app,
      `
        {
          hill: place(name: "Test Hill") {
            controlHistory {
              actor {
                id
              }
              from {
                value
              }
            }
          }
          brigade: actor(id: "test-cur-s-brigade") {
            sponsors {
              sponsor {
                id
              }
              support
            }
          }
          old: actor(name: "Test test-cur-s-room") {
            id
            lineage {
              kind
              to {
                id
              }
            }
          }
          removed: actor(name: "Test Session Alias") {
            id
          }
        }
      `,
    );
    expect(read.data?.hill.controlHistory).toEqual([
      { actor: { id: 'test-cur-s-brigade' }, from: { value: '2016-06' } },
    ]);
    expect(read.data?.brigade.sponsors).toEqual([{ sponsor: { id: 'turkey' }, support: ['WEAPONS'] }]);
    expect(read.data?.old?.id).toBe('test-cur-s-room');
    expect(read.data?.old?.lineage).toEqual([{ kind: 'RENAMED_TO', to: { id: 'test-cur-s-new' } }]);
    expect(read.data?.removed).toBeNull();

    await ok(`mutation($input: PlaceCreateInput!) { placeCreate(input: $input) { id } }`, {
      input: { id: 'test-cur-hill-copy', name: 'Tall Test Copy', kind: 'HILL', citations: cite('The Test Hill fell') },
    });
    await ok(
      `mutation { mergePlaces(keep: "test-cur-hill", remove: "test-cur-hill-copy", reason: "same hill", citations: [{ source: "test-cur-source", quote: "The Test Hill fell" }]) { id } }`,
    );
    const merged = await graphql<{ place: { id: string; location: { latitude: number } } }>(
      app,
      '{ place(name: "Tall Test Copy") { id location { latitude } } }',
    );
    expect(merged.data?.place).toEqual({ id: 'test-cur-hill', location: { latitude: 36.1 } });
  });
});

describe('limits', () => {
  it('refuses a query deeper than the limit with QUERY_TOO_COMPLEX', async () => {
    const nesting = Array.from({ length: 8 }, () => 'sponsoring { client { ').join('');
    const deep = `{ actor(id: "turkey") { ${nesting} name ${'} } '.repeat(8)} } }`;
    const response = await graphql(app, deep);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/depth limit/i);
  });

  it('refuses a too costly (wide) query', async () => {
    const wide = testApp(executor, {
      ...settings,
      limits: { ...readConfig({}).limits, ratePerMinute: 0, maxCost: 50 },
    });
    const response = await graphql(
      wide,
      '{ engagements(first: 50) { edges { node { title places { name } participants { actor { name } } } } } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases', async () => {
    const aliased = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: actor(id: "turkey") { id }`).join(' ')} }`;
    const response = await graphql(app, aliased);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses an oversized document', async () => {
    const huge = `{ sources { id } } # ${'x'.repeat(200_000)}`;
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: huge }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a batch of more operations than allowed', async () => {
    const batch = Array.from({ length: 6 }, () => ({ query: '{ sources { id } }' }));
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).toMatch(/Batching is limited to 5 operations/);
  });

  it('rate-limits a client past its requests per minute with RATE_LIMITED (HTTP 429)', async () => {
    const limited = testApp(executor, { ...settings, limits: { ...readConfig({}).limits, ratePerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await limited.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ sources { id } }' }),
      });
      statuses.push(response.status);
      if (response.status === 429)
        expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('turns introspection off when configured', async () => {
    const closed = testApp(executor, { ...settings, introspection: false });
    const response = await graphql(closed, '{ __schema { types { name } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
