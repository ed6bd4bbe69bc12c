/**
 * Weapons through the real server: who had or used what, who supplied it, where it was made and
 * where it was used, dated and cited; asked from the actor (holder or supplier), the weapon and by
 * period; curated with weaponAdd, armamentAdd and factContest like every other fact. Weapons
 * created here have ids starting "test-wpn-" and are removed afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { graphDigest, graphql, testApp, testDatabase } from '../helpers/graph.js';

const EDITOR = 'editor-token-weapons-0123456789ab';
const { executor, driver } = testDatabase();
const app = testApp(executor, { apiTokens: readConfig({ API_TOKENS: `erin:editor:${EDITOR}` }).apiTokens });
const asEditor = { authorization: `Bearer ${EDITOR}` };
const ARTICLE = '004_c69c3c6dcd667f41';
const QUOTE = 'Turkey recently has provided HTS terrorists with Grad rockets';

afterAll(async () => {
  await driver.executeQuery(`MATCH (w:Weapon) WHERE w.id STARTS WITH 'test-wpn-' DETACH DELETE w`);
  await driver.executeQuery(
    `MATCH (c:Citation) WHERE c.factId STARTS WITH 'test-wpn-' OR (c.factType = 'ARMED_WITH' AND NOT EXISTS { MATCH ()-[r:ARMED_WITH {id: c.factId}]->() }) DETACH DELETE c`,
  );
  await driver.executeQuery(
    `MATCH (c:Change) WHERE c.operation IN ['weaponAdd', 'armamentAdd'] OR (c.operation = 'factContest' AND any(id IN c.entityIds WHERE id STARTS WITH 'armed-with-')) DETACH DELETE c`,
  );
});

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(app, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

interface ArmamentView {
  id: string;
  actor: { id: string };
  weapon: { id: string; name: string; origin: string | null };
  suppliedBy: { id: string } | null;
  usedIn: { id: string; places: { id: string }[] } | null;
  from: { value: string } | null;
  inferredFrom: string | null;
  contested: boolean;
  contestedNote: string | null;
  citations: { quote: string | null }[];
}
const FIELDS = `id actor { id } weapon { id name origin } suppliedBy { id } usedIn { id places { id } }
  from { value } inferredFrom contested contestedNote citations { quote }`;

describe('weapons as analysts ask for them', () => {
  it('who supplied whom with what, and where it was fired: Turkey, HTS, Grad rockets, al-Sukkari', async () => {
    const { armaments } = await data<{ armaments: ArmamentView[] }>(
      `{ armaments(actor: "Hay'at Tahreer Al-Sham") { ${FIELDS} } }`,
    );
    expect(armaments.map((a) => a.weapon.id)).toEqual(['grad-rockets']);
    const [grad] = armaments;
    expect(grad).toMatchObject({
      actor: { id: 'hayat-tahrir-al-sham' },
      suppliedBy: { id: 'turkey' },
      usedIn: { id: 'grad-rocket-attack-al-sukkari-2020-01' },
      from: { value: '2020-01' },
      contested: false,
    });
    expect(grad?.usedIn?.places.map((p) => p.id)).toContain('al-sukkari');
    expect(grad?.citations.map((c) => c.quote).join(' ')).toContain('provided HTS terrorists with Grad rockets');
  });

  it('where a weapon was made is not who supplied it: the US-made TOW missiles and the Turkey-made launcher have no supplier', async () => {
    const result = await data<{
      tow: { origin: string; armaments: ArmamentView[] };
      launcher: { origin: string; armaments: ArmamentView[] };
    }>(
      `{ tow: weapon(id: "tow-missiles") { origin armaments { ${FIELDS} } }
         launcher: weapon(id: "turkish-made-rocket-launcher") { origin armaments { ${FIELDS} } } }`,
    );
    expect(result.tow.origin).toBe('United States');
    expect(result.tow.armaments).toMatchObject([
      { actor: { id: 'aleppo-conquest-operations-room' }, suppliedBy: null },
    ]);
    // The text does not say which faction fired them: the reading is stated.
    expect(result.tow.armaments[0]?.inferredFrom).toMatch(/does not say/);
    expect(result.launcher.origin).toBe('Turkey');
    expect(result.launcher.armaments).toMatchObject([{ actor: { id: 'badr-martyrs-battalion' }, suppliedBy: null }]);
  });

  it('from the actor and by period: what Turkey supplied, what Nusra used in June 2016, nothing in 2018', async () => {
    const result = await data<{
      turkey: { weaponsSupplied: ArmamentView[] };
      nusra: { armaments: ArmamentView[] };
      in2018: ArmamentView[];
    }>(`{
      turkey: actor(name: "Turkey") { weaponsSupplied { ${FIELDS} } }
      nusra: actor(name: "Jabhat al-Nusra") { armaments(asOf: "2016-06-15") { ${FIELDS} } }
      in2018: armaments(from: "2018-01-01", to: "2018-12-31") { id }
    }`);
    expect(result.turkey.weaponsSupplied.map((a) => [a.actor.id, a.weapon.id])).toEqual([
      ['hayat-tahrir-al-sham', 'grad-rockets'],
    ]);
    expect(result.nusra.armaments.map((a) => a.weapon.id)).toEqual(['svbieds']);
    expect(result.in2018).toEqual([]);
  });
});

describe('curating weapons', () => {
  it('adds a weapon and an armament once, contests the armament, and keeps the history', async () => {
    const weapon = await graphql<{ weaponAdd: { id: string; origin: string; citations: { quote: string }[] } }>(
      app,
      `
        mutation ($input: WeaponInput!) {
          weaponAdd(input: $input) {
            id
            origin
            citations {
              quote
            }
          }
        }
      `,
      {
        input: {
          id: 'test-wpn-rockets',
          name: 'Test rockets',
          kind: 'ROCKET_ARTILLERY',
          origin: 'Turkey',
          citations: [{ source: ARTICLE, quote: QUOTE }],
        },
      },
      asEditor,
    );
    expect(weapon.errors).toBeUndefined();
    expect(weapon.data?.weaponAdd).toMatchObject({ id: 'test-wpn-rockets', origin: 'Turkey' });
    const input = {
      actor: 'hayat-tahrir-al-sham',
      weapon: 'test-wpn-rockets',
      suppliedBy: 'turkey',
      from: '2020-01',
      to: '2020-01',
      citations: [{ source: ARTICLE, quote: QUOTE }],
    };
    const add = `mutation($input: ArmamentInput!) { armamentAdd(input: $input) { ${FIELDS} } }`;
    const first = await graphql<{ armamentAdd: ArmamentView }>(app, add, { input }, asEditor);
    expect(first.errors).toBeUndefined();
    const id = first.data!.armamentAdd.id;
    const after = await graphDigest(driver, { history: false });
    await graphql(app, add, { input }, asEditor);
    expect(await graphDigest(driver, { history: false })).toBe(after);

    const contested = await graphql(
      app,
      `mutation($id: ID!) { factContest(fact: { type: "ARMED_WITH", id: $id }, note: "Test: only the pro-government outlet says so",
         citations: [{ source: "${ARTICLE}", quote: "${QUOTE}" }]) { id } }`,
      { id },
      asEditor,
    );
    expect(contested.errors).toBeUndefined();
    const read = await data<{ weapon: { armaments: ArmamentView[] }; history: { operation: string }[] }>(
      `query($id: ID!) { weapon(id: "test-wpn-rockets") { armaments { ${FIELDS} } } history(id: $id) { operation } }`,
      { id },
    );
    expect(read.weapon.armaments).toMatchObject([
      {
        id,
        suppliedBy: { id: 'turkey' },
        contested: true,
        contestedNote: 'Test: only the pro-government outlet says so',
      },
    ]);
    expect(read.history.map((h) => h.operation)).toEqual(expect.arrayContaining(['armamentAdd', 'factContest']));
  });

  it.each([
    ['an unknown supplier', { suppliedBy: 'nobody' }, 'input.suppliedBy'],
    [
      'a quote not in the article',
      { citations: [{ source: ARTICLE, quote: 'Turkey sold TOW missiles' }] },
      'input.citations[0].quote',
    ],
    ['an actor supplying itself', { suppliedBy: 'hayat-tahrir-al-sham' }, 'input.suppliedBy'],
  ])('refuses an armament with %s, naming %s and writing nothing', async (_, override, argument) => {
    const before = await graphDigest(driver);
    const response = await graphql(
      app,
      'mutation($input: ArmamentInput!) { armamentAdd(input: $input) { id } }',
      {
        input: {
          actor: 'hayat-tahrir-al-sham',
          weapon: 'grad-rockets',
          citations: [{ source: ARTICLE, quote: QUOTE }],
          ...override,
        },
      },
      asEditor,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await graphDigest(driver)).toBe(before);
  });

  it('refuses a weapon id an actor holds, with CONFLICT naming it', async () => {
    const response = await graphql(
      app,
      'mutation($input: WeaponInput!) { weaponAdd(input: $input) { id } }',
      { input: { id: 'turkey', name: 'Test Turkey', kind: 'OTHER', citations: [{ source: ARTICLE, quote: QUOTE }] } },
      asEditor,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', candidates: [{ type: 'Actor' }] });
  });
});
