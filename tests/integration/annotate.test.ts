/**
 * `annotate` and `annotationAccept` through the real server and Neo4j with the founding dataset:
 * mentions linked to the graph's entities, a name written through the API seen by the next
 * annotation, and accepted proposals written in one transaction by the curation rules. Entities
 * and sources made here have ids starting "test-ann-" and are removed afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const EDITOR = 'editor-token-annotate-0123456789';
const { executor, driver } = testDatabase();
const app = testApp(executor, { apiTokens: readConfig({ API_TOKENS: `ann:editor:${EDITOR}` }).apiTokens });
const asEditor = { authorization: `Bearer ${EDITOR}` };

afterAll(async () => {
  await driver.executeQuery(
    `MATCH (c:Citation)-[:CITES]->(s:Source) WHERE s.id STARTS WITH 'test-ann-' DETACH DELETE c`,
  );
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Actor OR n:Place OR n:Engagement OR n:Source) AND n.id STARTS WITH 'test-ann-' DETACH DELETE n`,
  );
  await driver.executeQuery(`MATCH (a:Alias) WHERE a.entityId STARTS WITH 'test-ann-' DETACH DELETE a`);
  await driver.executeQuery(
    `MATCH (c:Change) WHERE any(id IN c.entityIds WHERE id STARTS WITH 'test-ann-') DETACH DELETE c`,
  );
});

const ANNOTATE = `query($text: String!, $published: Date) {
  annotate(text: $text, published: $published) {
    mentions { start end text matched confidence lineageNote
      entity { __typename ... on Actor { id name } ... on Place { id name } }
      candidates { reason score from { value } entity { ... on Actor { id } ... on Place { id } } } }
    newNames { text looksLike suggestions { matched } }
    dates { text date { value precision } relative }
    proposals { kind quote contested support participants { role mention { text entity { ... on Actor { id } ... on Place { id } } } } }
  }
}`;

interface Annotated {
  annotate: {
    mentions: {
      start: number;
      end: number;
      text: string;
      confidence: number;
      lineageNote: string | null;
      entity: { __typename: string; id: string } | null;
      candidates: { reason: string; entity: { id: string } }[];
    }[];
    newNames: { text: string; looksLike: string }[];
    dates: { text: string; date: { value: string; precision: string } | null }[];
    proposals: {
      kind: string;
      quote: string;
      contested: boolean;
      support: string[];
      participants: { role: string; mention: { entity: { id: string } | null } }[];
    }[];
  };
}

describe('annotate', () => {
  it('links actors and places of the graph under spellings it does not store, with offsets', async () => {
    const text = 'On 3 June Jebhat el-Nousra and Liwaa al Quds fought at Khan Tooman; Turkey supplied the rebels.';
    const response = await graphql<Annotated>(app, ANNOTATE, { text, published: '2016-06-20' });
    expect(response.errors).toBeUndefined();
    const mentions = response.data!.annotate.mentions;
    expect(mentions.map((m) => [m.text, m.entity?.__typename, m.entity?.id])).toEqual([
      ['Jebhat el-Nousra', 'Actor', 'jabhat-al-nusra'],
      ['Liwaa al Quds', 'Actor', 'liwa-al-quds'],
      ['Khan Tooman', 'Place', 'khan-touman'],
      ['Turkey', 'Actor', 'turkey'],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(response.data!.annotate.dates).toEqual([
      { text: '3 June', date: { value: '2016-06-03', precision: 'DAY' }, relative: true },
    ]);
  });

  it('flags al-Nusra in a 2017 text as possibly meaning HTS, from the lineage in the graph', async () => {
    const response = await graphql<Annotated>(app, ANNOTATE, {
      text: 'Al-Nusra shelled the town.',
      published: '2017-03-01',
    });
    const [m] = response.data!.annotate.mentions;
    expect(m?.entity?.id).toBe('jabhat-al-nusra');
    expect(m?.lineageNote).toMatch(/Hay'at Tahrir al-Sham/);
    expect(m?.candidates.filter((c) => c.reason === 'LINEAGE').map((c) => c.entity.id)).toContain(
      'hayat-tahrir-al-sham',
    );
  });

  it('refuses an empty text with BAD_USER_INPUT', async () => {
    const response = await graphql(app, ANNOTATE, { text: '   ' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
  });

  it('sees a name added through the API at the next request', async () => {
    const text = 'Fighters of Liwa Ababil al-Test stormed the hill.';
    const before = await graphql<Annotated>(app, ANNOTATE, { text });
    expect(before.data!.annotate.mentions).toEqual([]);
    expect(before.data!.annotate.newNames.map((n) => [n.text, n.looksLike])).toEqual([
      ['Liwa Ababil al-Test', 'GROUP'],
    ]);
    const created = await graphql(
      app,
      `
        mutation ($input: ActorCreateInput!) {
          actorCreate(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          id: 'test-ann-ababil',
          name: 'Liwa Ababil al-Test',
          kind: 'ARMED_GROUP',
          citations: [{ source: 'wikipedia-al-nusra-front', note: 'test fixture' }],
        },
      },
      asEditor,
    );
    expect(created.errors).toBeUndefined();
    const after = await graphql<Annotated>(app, ANNOTATE, { text });
    expect(after.data!.annotate.mentions.map((m) => m.entity?.id)).toEqual(['test-ann-ababil']);
  });
});

describe('annotationAccept', () => {
  const ARTICLE = {
    id: 'test-ann-article',
    kind: 'ARTICLE',
    title: 'A test report',
    published: '2016-06-20',
    text: 'Turkey provided Ahrar al-Sham with rockets. Ahrar al-Sham fought along with Faylaq al-Sham near Khan Touman.',
  };
  const ACCEPT = `mutation($source: SourceInput!, $proposals: AcceptedProposalsInput!) {
    annotationAccept(source: $source, proposals: $proposals) {
      source { id } sponsorships { sponsor { id } client { id } support citations { quote } } alliances { actors { id } }
    }
  }`;

  it('writes the source and the accepted facts with their quotes, and records them', async () => {
    const annotated = await graphql<Annotated>(app, ANNOTATE, { text: ARTICLE.text, published: ARTICLE.published });
    const proposals = annotated.data!.annotate.proposals;
    const sponsorship = proposals.find((p) => p.kind === 'SPONSORSHIP')!;
    const alliance = proposals.find((p) => p.kind === 'ALLIANCE')!;
    const id = (p: typeof sponsorship, role: string) => p.participants.find((x) => x.role === role)!.mention.entity!.id;
    const cite = (p: typeof sponsorship) => [{ source: ARTICLE.id, quote: p.quote }];
    const response = await graphql<{ annotationAccept: Record<string, unknown> }>(
      app,
      ACCEPT,
      {
        source: ARTICLE,
        proposals: {
          sponsorships: [
            {
              sponsor: id(sponsorship, 'SPONSOR'),
              client: id(sponsorship, 'CLIENT'),
              support: sponsorship.support,
              citations: cite(sponsorship),
            },
          ],
          alliances: [{ actors: alliance.participants.map((p) => p.mention.entity!.id), citations: cite(alliance) }],
        },
      },
      asEditor,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.annotationAccept).toEqual({
      source: { id: ARTICLE.id },
      sponsorships: [
        {
          sponsor: { id: 'turkey' },
          client: { id: 'ahrar-al-sham' },
          support: ['WEAPONS'],
          citations: [{ quote: 'Turkey provided Ahrar al-Sham with rockets.' }],
        },
      ],
      alliances: [{ actors: [{ id: 'ahrar-al-sham' }, { id: 'faylaq-al-sham' }] }],
    });
    const history = await graphql<{ history: { operation: string }[] }>(
      app,
      `{ history(id: "${ARTICLE.id}") { operation } }`,
    );
    expect(history.data!.history.map((h) => h.operation)).toEqual(['sourceAdd']);
  });

  it('writes nothing, not even the source, when one accepted fact breaks a rule', async () => {
    const source = { ...ARTICLE, id: 'test-ann-refused', text: `${ARTICLE.text} Extra.` };
    const response = await graphql(
      app,
      ACCEPT,
      {
        source,
        proposals: {
          alliances: [
            {
              actors: ['ahrar-al-sham', 'faylaq-al-sham'],
              citations: [
                { source: source.id, quote: 'Ahrar al-Sham fought along with Faylaq al-Sham near Khan Touman.' },
              ],
            },
            {
              actors: ['ahrar-al-sham', 'turkey'],
              citations: [{ source: source.id, quote: 'A sentence the article never says.' }],
            },
          ],
        },
      },
      asEditor,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'proposals.alliances[1].citations[0].quote',
    });
    const left = await driver.executeQuery(`MATCH (s:Source {id: 'test-ann-refused'}) RETURN count(s) AS n`);
    expect(Number(left.records[0]!.get('n'))).toBe(0);
  });

  it('refuses without an editor token', async () => {
    const response = await graphql(app, ACCEPT, { source: ARTICLE, proposals: { alliances: [] } });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
