/**
 * Agreements, ceasefires and plans through the real server: asked from an actor, from a place
 * (and the places it lies in or contains) and by period, with who violated them and the
 * sentences that say so; curated with the same rules as every other fact. Agreements created
 * here have ids starting "test-agr-" and are removed afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const EDITOR = 'editor-token-agreements-0123456789';
const { executor, driver } = testDatabase();
const app = testApp(executor, {
  apiTokens: readConfig({ API_TOKENS: `carol:editor:${EDITOR}` }).apiTokens,
});
const asEditor = { authorization: `Bearer ${EDITOR}` };

afterAll(async () => {
  await driver.executeQuery(`MATCH (g:Agreement) WHERE g.id STARTS WITH 'test-agr-' DETACH DELETE g`);
  await driver.executeQuery(
    `MATCH (c:Citation) WHERE c.factId STARTS WITH 'test-agr-' OR (c.factType = 'VIOLATED' AND NOT EXISTS { MATCH ()-[r:VIOLATED {id: c.factId}]->() }) DETACH DELETE c`,
  );
  await driver.executeQuery(`MATCH (c:Change) WHERE c.operation IN ['agreementAdd', 'violationAdd'] DETACH DELETE c`);
  await driver.executeQuery(
    `MATCH (c:Change {operation: 'factContest'})
     WHERE any(id IN c.entityIds WHERE id STARTS WITH 'test-agr-' OR id STARTS WITH 'violated-') DETACH DELETE c`,
  );
});

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(app, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

interface AgreementView {
  id: string;
  kind: string;
  announced: { value: string; precision: string } | null;
  parties: { actor: { id: string }; role: string }[];
  places: { id: string }[];
  violations: { actor: { id: string }; citations: { quote: string | null }[] }[];
}

const FIELDS = `id kind announced { value precision } parties { actor { id } role } places { id }
  violations { actor { id } citations { quote } }`;

describe('agreements as analysts ask for them', () => {
  const agreementsWhere = async (args: string) =>
    (await data<{ agreements: AgreementView[] }>(`{ agreements(${args}) { ${FIELDS} } }`)).agreements;

  it('from an actor: who violated the armistice of January 2020, and the sentence that says so', async () => {
    const [armistice, ...others] = await agreementsWhere('actor: "HTS"');
    expect(others).toEqual([]);
    expect(armistice).toMatchObject({ id: 'russian-turkish-armistice-2020-01', kind: 'CEASEFIRE' });
    expect(armistice?.parties.map((p) => [p.actor.id, p.role]).sort()).toEqual([
      ['russia', 'ANNOUNCER'],
      ['turkey', 'ANNOUNCER'],
    ]);
    expect(armistice?.violations[0]?.actor.id).toBe('hayat-tahrir-al-sham');
    expect(armistice?.violations[0]?.citations.map((c) => c.quote)).toContain(
      'In return for the violations of HTS/al-Nusra',
    );
  });

  it('from a place, whatever the spelling: the Sochi Agreement covers the M5 and the countryside Khan Touman lies in', async () => {
    expect((await agreementsWhere('place: "M5 highway"')).map((a) => a.id)).toEqual(['sochi-agreement-2018']);
    const khanTouman = await agreementsWhere('place: "Khantouman"');
    expect(khanTouman.map((a) => a.id)).toEqual(['sochi-agreement-2018']);
    expect(khanTouman[0]?.announced).toEqual({ value: '2018-09-17', precision: 'DAY' });
  });

  it('by period: in 2015 only the UN envoy’s freeze plan, with the envoy as proposer and the factions opposed', async () => {
    const in2015 = await agreementsWhere('from: "2015-01-01", to: "2015-12-31"');
    expect(in2015.map((a) => a.id)).toEqual(['un-aleppo-freeze-plan']);
    expect(in2015[0]?.parties.map((p) => [p.actor.id, p.role]).sort()).toEqual([
      ['aleppo-conquest-operations-room', 'OPPONENT'],
      ['staffan-de-mistura', 'PROPOSER'],
    ]);
  });

  it('an actor and a place list their agreements: Turkey announced one and is party to another', async () => {
    const result = await data<{ actor: { agreements: { id: string }[] }; place: { agreements: { id: string }[] } }>(
      '{ actor(name: "Turkey") { agreements { id } } place(name: "Aleppo") { agreements(to: "2016-01-01") { id } } }',
    );
    expect(result.actor.agreements.map((a) => a.id).sort()).toEqual([
      'russian-turkish-armistice-2020-01',
      'sochi-agreement-2018',
    ]);
    expect(result.place.agreements.map((a) => a.id)).toEqual(['un-aleppo-freeze-plan']);
  });

  it('an unknown actor name is an error naming the argument', async () => {
    const response = await graphql(app, '{ agreements(actor: "Jabhat al-Nonexistent") { id } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'actor' });
  });
});

describe('curating agreements and violations', () => {
  const ADD = `mutation($input: AgreementInput!) { agreementAdd(input: $input) { ${FIELDS} citations { quote } } }`;
  const QUOTE = 'the armistice announced by the Russians and Turks about 10 days ago';
  const input = (extra: Record<string, unknown> = {}) => ({
    id: 'test-agr-armistice',
    name: 'Test armistice',
    kind: 'CEASEFIRE',
    announced: '2020-01',
    parties: [{ actor: 'russia', role: 'ANNOUNCER' }],
    places: ['idlib-governorate'],
    citations: [{ source: '004_c69c3c6dcd667f41', quote: QUOTE }],
    ...extra,
  });
  const count = async () =>
    Number(
      (
        await driver.executeQuery(`MATCH (g:Agreement {id: 'test-agr-armistice'}) RETURN count(g) AS n`)
      ).records[0]?.get('n'),
    );

  it('needs an editor token: without one nothing is written', async () => {
    const response = await graphql(app, ADD, { input: input() });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(0);
  });

  it('refuses a quote that is not in its article, and an unknown party, naming the argument', async () => {
    const badQuote = await graphql(
      app,
      ADD,
      { input: input({ citations: [{ source: '004_c69c3c6dcd667f41', quote: 'a ceasefire was signed' }] }) },
      asEditor,
    );
    expect(badQuote.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.citations[0].quote',
    });
    const badParty = await graphql(
      app,
      ADD,
      { input: input({ parties: [{ actor: 'nobody', role: 'PARTY' }] }) },
      asEditor,
    );
    expect(badParty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.parties[0].actor',
    });
    expect(await count()).toBe(0);
  });

  it('adds an agreement once, however often it is sent, and records a violation of it', async () => {
    const first = await graphql<{ agreementAdd: AgreementView }>(app, ADD, { input: input() }, asEditor);
    expect(first.errors).toBeUndefined();
    expect(first.data?.agreementAdd).toMatchObject({ id: 'test-agr-armistice', places: [{ id: 'idlib-governorate' }] });
    await graphql(app, ADD, { input: input() }, asEditor);
    expect(await count()).toBe(1);

    const violation = await graphql<{
      violationAdd: { id: string; actor: { id: string }; agreement: { id: string }; citations: { quote: string }[] };
    }>(
      app,
      `
        mutation ($input: ViolationInput!) {
          violationAdd(input: $input) {
            id
            actor {
              id
            }
            agreement {
              id
            }
            citations {
              quote
            }
          }
        }
      `,
      {
        input: {
          actor: 'hayat-tahrir-al-sham',
          agreement: 'test-agr-armistice',
          from: '2020-01',
          to: '2020-01',
          citations: [{ source: '004_c69c3c6dcd667f41', quote: 'In return for the violations of HTS/al-Nusra' }],
        },
      },
      asEditor,
    );
    expect(violation.errors).toBeUndefined();
    expect(violation.data?.violationAdd).toMatchObject({
      actor: { id: 'hayat-tahrir-al-sham' },
      agreement: { id: 'test-agr-armistice' },
      citations: [{ quote: 'In return for the violations of HTS/al-Nusra' }],
    });
    const history = await data<{ history: { operation: string }[] }>(
      'query($id: ID!) { history(id: $id) { operation } }',
      { id: 'test-agr-armistice' },
    );
    const operations = history.history.map((h) => h.operation);
    expect(operations).toContain('agreementAdd');
    expect(operations).toContain('violationAdd');
  });

  it('contests an agreement and a violation with a citation: the notes show, the history says who', async () => {
    const id = 'test-agr-contested';
    const added = await graphql<{ agreementAdd: { id: string } }>(
      app,
      ADD,
      { input: input({ id, name: 'Test contested armistice' }) },
      asEditor,
    );
    expect(added.errors).toBeUndefined();
    const violated = await graphql<{ violationAdd: { id: string } }>(
      app,
      'mutation($input: ViolationInput!) { violationAdd(input: $input) { id } }',
      {
        input: {
          actor: 'hayat-tahrir-al-sham',
          agreement: id,
          from: '2020-01',
          to: '2020-01',
          citations: [{ source: '004_c69c3c6dcd667f41', quote: 'In return for the violations of HTS/al-Nusra' }],
        },
      },
      asEditor,
    );
    const violationId = violated.data?.violationAdd.id;
    expect(violationId).toBeDefined();
    const contest = (type: string, factId: string, note: string) =>
      graphql<{ factContest: { type: string; id: string } }>(
        app,
        `
          mutation ($fact: FactInput!, $note: String!, $citations: [CitationInput!]!) {
            factContest(fact: $fact, note: $note, citations: $citations) {
              type
              id
            }
          }
        `,
        {
          fact: { type, id: factId },
          note,
          citations: [{ source: '004_c69c3c6dcd667f41', quote: QUOTE }],
        },
        asEditor,
      );
    const onAgreement = await contest('Agreement', id, 'Test: whether Turkey agreed is disputed');
    expect(onAgreement.errors).toBeUndefined();
    expect(onAgreement.data?.factContest).toMatchObject({ type: 'Agreement', id });
    expect(
      (await contest('VIOLATED', violationId!, 'Test: only the pro-government outlet says so')).errors,
    ).toBeUndefined();

    const read = await data<{
      agreements: {
        id: string;
        contested: boolean;
        contestedNote: string;
        violations: { id: string; contested: boolean; contestedNote: string }[];
      }[];
    }>(
      '{ agreements(actor: "Russia", from: "2020-01-01", to: "2020-01-31") { id contested contestedNote violations { id contested contestedNote } } }',
    );
    const agreement = read.agreements.find((a) => a.id === id);
    expect(agreement).toMatchObject({ contested: true, contestedNote: 'Test: whether Turkey agreed is disputed' });
    expect(agreement?.violations).toEqual([
      { id: violationId, contested: true, contestedNote: 'Test: only the pro-government outlet says so' },
    ]);
    const history = await data<{ history: { operation: string; by: string }[] }>(
      'query($id: ID!) { history(id: $id) { operation by } }',
      { id },
    );
    expect(history.history).toContainEqual({ operation: 'factContest', by: 'carol' });

    const unknown = await contest('Agreement', 'test-agr-none', 'Test: nothing');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'fact.id' });
  });
});
