/**
 * What the founding dataset answers after its close re-reading (issue 11), asked through the
 * real server of the loaded dataset: periods that stay within what the texts bound, memberships
 * that end (by renaming, departure, exclusion or the coalition's end), the two 2016 offensives of
 * article 001, and claims no longer stated more strongly than the text.
 */
import { describe, expect, it } from 'vitest';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const { executor } = testDatabase();
const app = testApp(executor);

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(app, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

interface Held {
  place: { id: string };
  from: { value: string } | null;
  inferredFrom: string | null;
}

describe('control as of a date stays within what the texts bound', () => {
  const heldBy = async (actor: string, asOf: string | null) =>
    (
      await data<{ actor: { control: Held[] } }>(
        'query($a: String, $d: Date) { actor(name: $a) { control(asOf: $d) { place { id } from { value } inferredFrom } } }',
        { a: actor, d: asOf },
      )
    ).actor.control;

  it('as of 2016-03, before the name JFS existed and before the offensives since August, JFS holds nothing', async () => {
    expect(await heldBy('Jabhat Fatah al-Sham', '2016-03-15')).toEqual([]);
  });

  it('as of 2016-10, JFS (named on both fronts) may hold Minyan and Dhahiyet al-Assad', async () => {
    const places = (await heldBy('JFS', '2016-10-15')).map((c) => c.place.id).sort();
    expect(places).toEqual(['dhahiyet-al-assad', 'minyan']);
  });

  it('says where the holder of a place is inferred from when the quotes do not name it', async () => {
    const held = await heldBy('Jaysh al-Fatah', null);
    const qarassi = held.find((c) => c.place.id === 'al-qarassi');
    expect(qarassi?.inferredFrom).toMatch(/names no captor/);
  });

  it('records who held the ground before a capture: loyalist villages before the June 2016 attacks', async () => {
    const result = await data<{ place: { controlHistory: { actor: { id: string } }[] } }>(
      '{ place(name: "Qal\'ajiyah") { controlHistory { actor { id } } } }',
    );
    // Both are attested in June 2016 (the article's month): the text gives the order, not days.
    expect(result.place.controlHistory.map((c) => c.actor.id).sort()).toEqual(['jaysh-al-fatah', 'syrian-government']);
  });
});

describe('coalition memberships end', () => {
  interface Member {
    group: { id: string };
    to: { value: string } | null;
    endReason: string | null;
  }
  const membershipsOf = async (actor: string, asOf: string | null) =>
    (
      await data<{ actor: { memberships: Member[] } }>(
        'query($a: String, $d: Date) { actor(name: $a) { memberships(asOf: $d) { group { id } to { value } endReason } } }',
        { a: actor, d: asOf },
      )
    ).actor.memberships;

  it('as of 2019, Jabhat al-Nusra is a member of nothing', async () => {
    expect(await membershipsOf('Jabhat al-Nusra', '2019-06-01')).toEqual([]);
  });

  it("Nusra's Jaysh al-Fatah membership ends with its renaming and goes on under JFS until the coalition ended", async () => {
    const nusra = await membershipsOf('Nusra', null);
    expect(nusra).toContainEqual({
      group: { id: 'jaysh-al-fatah' },
      to: { value: '2016-07-28' },
      endReason: 'RENAMED',
    });
    const jfs = await membershipsOf('JFS', '2016-12-01');
    expect(jfs).toEqual([{ group: { id: 'jaysh-al-fatah' }, to: { value: '2017-01' }, endReason: 'DISSOLVED' }]);
  });

  it('holds the exclusion of Nusra "from the ranks" as the dated end of a membership, with its quote', async () => {
    const result = await data<{
      actor: { memberships: (Member & { citations: { quote: string | null }[] })[] };
    }>(
      '{ actor(name: "Jabhat al-Nusra") { memberships { group { id } to { value } endReason citations { quote } } } }',
    );
    const excluded = result.actor.memberships.find((m) => m.group.id === 'aleppo-conquest-operations-room');
    expect(excluded).toMatchObject({ to: { value: '2015-06' }, endReason: 'EXCLUDED' });
    expect(excluded?.citations.map((c) => c.quote)).toContain(
      'Eventually, as a striking force, Jabhat al-Nusra has been excluded from the ranks of the armed groups.',
    );
  });

  it('a group that left is no longer listed after it left: Jund al-Aqsa in June 2016 is only an ally', async () => {
    const members = await data<{ actor: { members: { member: { id: string } }[] } }>(
      '{ actor(name: "Jaysh al-Fatah") { members(asOf: "2016-06-03") { member { id } } } }',
    );
    const ids = members.actor.members.map((m) => m.member.id);
    expect(ids).toContain('ajnad-al-sham');
    expect(ids).not.toContain('jund-al-aqsa');
    expect(ids).not.toContain('faylaq-al-sham');
  });

  it('gives the operations room its formation date, worked out from the article', async () => {
    const result = await data<{ actor: { formed: { value: string; precision: string }; formedNote: string } }>(
      '{ actor(name: "Fatah Halab") { formed { value precision } formedNote } }',
    );
    expect(result.actor.formed).toEqual({ value: '2015-03', precision: 'MONTH' });
    expect(result.actor.formedNote).toMatch(/three months ago/);
  });
});

describe('engagements as the texts tell them', () => {
  interface EngagementView {
    id: string;
    kind: string;
    contested: boolean;
    partOf: { id: string } | null;
    participants: { actor: { id: string }; side: string; inferredFrom: string | null }[];
  }
  const engagementsAt = async (place: string) =>
    (
      await data<{ engagements: { edges: { node: EngagementView }[] } }>(
        `query($p: String) { engagements(filter: { place: $p }, first: 100) { edges { node {
           id kind contested partOf { id } participants { actor { id } side inferredFrom } } } } }`,
        { p: place },
      )
    ).engagements.edges.map((e) => e.node);

  it('Zaytan: an air raid by the two air forces, and a separate shelling by ground artillery', async () => {
    const zaytan = await engagementsAt('Zaytan');
    const raid = zaytan.find((e) => e.kind === 'AIR_RAID');
    const shelling = zaytan.find((e) => e.kind === 'SHELLING');
    expect(raid?.participants.map((p) => p.actor.id).sort()).toEqual(['russian-aerospace-forces', 'syrian-air-force']);
    expect(shelling?.participants.map((p) => p.actor.id)).toEqual(['syrian-arab-army']);
    expect(shelling?.participants[0]?.inferredFrom).toMatch(/names no force/);
  });

  it('the second phase of 3 November 2016 belongs to the latest of the two offensives, not to both', async () => {
    const result = await data<{ actor: { engagements: { edges: { node: EngagementView }[] } } }>(
      '{ actor(name: "JFS") { engagements(first: 100) { edges { node { id kind contested partOf { id } participants { actor { id } side inferredFrom } } } } } }',
    );
    const byId = new Map(result.actor.engagements.edges.map((e) => [e.node.id, e.node]));
    expect(byId.get('rebel-offensive-second-phase-2016-11-03')?.partOf?.id).toBe('rebel-offensive-aleppo-latest-2016');
    expect(byId.get('rebel-offensive-aleppo-latest-2016')?.partOf?.id).toBe('rebel-offensives-break-aleppo-siege-2016');
    expect(byId.get('rebel-offensive-aleppo-initial-2016')?.partOf?.id).toBe(
      'rebel-offensives-break-aleppo-siege-2016',
    );
    expect(byId.get('dhahiyet-al-assad-capture-2016')?.partOf?.id).toBe('rebel-offensive-aleppo-initial-2016');
  });

  it('the recapture of Dhahiyet al-Assad is not contested: the text settles it', async () => {
    const recapture = (await engagementsAt('Dahiyat al-Assad')).find((e) => e.kind === 'RECAPTURE');
    expect(recapture?.contested).toBe(false);
  });

  it('the Turkistan Islamic Party, said "according to sources" to be among the wounded, is not a participant', async () => {
    const raids = (await engagementsAt('Khantouman')).filter((e) => e.kind === 'AIR_RAID');
    expect(raids.length).toBeGreaterThan(0);
    for (const raid of raids) expect(raid.participants.map((p) => p.actor.id)).not.toContain('turkistan-islamic-party');
  });
});
