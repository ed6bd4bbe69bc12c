/**
 * The explorer's "Read an article" page in a real Chromium, against the real server and the
 * founding dataset: a founding article's paragraph pasted, its mentions highlighted and linked,
 * the ambiguous ones shown with their ranked candidates, and accepted proposals written through
 * annotationAccept with a curator's token (refusals shown with their code). What a test writes
 * has ids starting "test-read-" and is removed in its finally.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, readConfig } from '../../src/config.js';
import { HAVE_CHROMIUM, explorerInBrowser } from '../helpers/browser.js';
import { graphql, testApp, testDatabase } from '../helpers/graph.js';

const database = testDatabase();
const EDITOR = 'read-page-editor-token-0123456789';
const READER = 'read-page-reader-token-0123456789';
const app = testApp(database.executor, {
  apiTokens: readConfig({ API_TOKENS: `read-e2e:editor:${EDITOR},read-e2e-reader:reader:${READER}` }).apiTokens,
});

/** The paragraph of a founding article that starts with `opening`, verbatim. */
function paragraph(article: string, opening: string): string {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'sources', `${article}.txt`), 'utf8');
  const found = text.split(/\n\s*\n/).find((p) => p.startsWith(opening));
  if (found === undefined) throw new Error(`no paragraph of ${article} starts with "${opening}"`);
  return found;
}

const SOUTHERN_ALEPPO = paragraph('000_60ecd4665a9ba8af', 'On 3 June, the Jaysh al-Fatah');
const NEW_FRONT = [
  paragraph('004_c69c3c6dcd667f41', 'The Battle for Aleppo: HTS Opens New Front'),
  paragraph('004_c69c3c6dcd667f41', 'In return for the violations of HTS/al-Nusra'),
].join('\n\n');

describe.skipIf(!HAVE_CHROMIUM)('reading an article in the explorer', () => {
  const browser = explorerInBrowser(() => app);
  // The first annotation builds the name index from the graph (cold plans on a busy machine):
  // build it here, so the browser's waits are about the page.
  beforeAll(async () => {
    const warm = await graphql(app, '{ annotate(text: "Khan Touman") { mentions { start } } }');
    expect(warm.errors).toBeUndefined();
  }, 60_000);

  const read = async (page: Page, text: string, published: string) => {
    await page.getByLabel('The text').fill(text);
    await page.getByLabel('Published on (optional)').fill(published);
    await page.getByRole('button', { name: 'Read it' }).click();
    await page.locator('.annotated').waitFor({ timeout: 30_000 });
  };
  /** The first mention whose words are `text` (an unsure one also holds a note for screen readers). */
  const mention = (page: Page, text: string) =>
    page
      .locator('.annotated a.mention')
      .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`) })
      .first();

  it('is in the navigation, and links each mention of a pasted paragraph to its actor or place', async () => {
    const page = await browser.open('/explore/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Read an article' }).click();
    await page.waitForURL('**/explore/read');
    await read(page, SOUTHERN_ALEPPO, '2016-06-15');

    expect(await mention(page, 'Jaysh al-Fatah').getAttribute('href')).toBe('/explore/actor/jaysh-al-fatah');
    expect(await mention(page, 'Jaysh al-Fatah').getAttribute('class')).toBe('mention actor');
    expect(await mention(page, 'Jund al-Aqsa').getAttribute('href')).toBe('/explore/actor/jund-al-aqsa');
    expect(await mention(page, 'Khan Touman').getAttribute('href')).toBe('/explore/place/khan-touman');
    expect(await mention(page, 'Khan Touman').getAttribute('class')).toBe('mention place');
    // A spelling the text uses, linked to the graph's name for it.
    expect(await mention(page, 'Castilo Road').getAttribute('href')).toBe('/explore/place/castello-road');
    expect(await page.locator('.annotated a.mention').count()).toBe(20);

    const dates = await page.locator('table.dates tbody tr').allTextContents();
    expect(dates).toEqual(['3 June (relative)3 Jun 2016day', 'last month (relative)May 2016month']);
    expect(await page.locator('ol.proposals li').count()).toBe(2);

    // An entity's page and back: the reading is still there.
    await mention(page, 'Khan Touman').click();
    await page.waitForURL('**/explore/place/khan-touman');
    await page.goBack();
    await page.locator('.annotated').waitFor({ timeout: 30_000 });
    expect(await mention(page, 'Jaysh al-Fatah').getAttribute('href')).toBe('/explore/actor/jaysh-al-fatah');
  });

  it('marks an ambiguous mention apart and shows its ranked candidates, with the lineage warning', async () => {
    const page = await browser.open('/explore/read');
    await read(page, NEW_FRONT, '2020-01-15');

    expect(await mention(page, 'HTS').getAttribute('href')).toBe('/explore/actor/hayat-tahrir-al-sham');
    const nusra = mention(page, 'al-Nusra');
    expect(await nusra.getAttribute('class')).toBe('mention unsure');
    await nusra.press('Enter');
    const entry = page.locator(`${await nusra.getAttribute('href')}`);
    expect(await entry.locator('.lineage-note').textContent()).toMatch(
      /"al-Nusra" names Jabhat al-Nusra from 2012-01 to 2016-07-28; in a text of 2020-01-15 it may mean Hay'at Tahrir al-Sham/,
    );
    expect(await entry.locator('ol.candidates a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/explore/actor/jabhat-al-nusra',
      '/explore/actor/hayat-tahrir-al-sham',
    ]);

    // "Syria" the state's government or the country: both, best first.
    const syria = mention(page, 'Syria');
    expect(await syria.getAttribute('class')).toBe('mention unsure');
    const candidates = page.locator(`${await syria.getAttribute('href')} ol.candidates a`);
    expect(await candidates.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/explore/actor/syrian-government',
      '/explore/place/syria',
    ]);
    // The proposal that reads Syria as a defender says to check it first, pointing at the same candidates.
    const check = page.locator('ol.proposals li .to-check');
    expect(await check.textContent()).toContain('“Syria” is read as Syria (actor)');
    expect(await check.getByRole('link').getAttribute('href')).toBe(await syria.getAttribute('href'));
  });

  it('accepts the selected proposals with an editor token, and shows a refusal with its code', async () => {
    const sourceId = 'test-read-southern-aleppo';
    let facts: string[] = [];
    try {
      const page = await browser.open('/explore/read');
      await read(page, SOUTHERN_ALEPPO, '2016-06-15');
      const proposal = (kind: string) => page.locator('ol.proposals li', { hasText: kind });
      await proposal('alliance').getByRole('checkbox').check();
      await proposal('engagement').getByRole('checkbox').check();
      await page.getByLabel('Title', { exact: true }).fill('Jaysh al-Fatah renew Southern Aleppo offensive');
      await page.getByLabel('Id', { exact: true }).fill(sourceId);
      const accept = page.getByRole('button', { name: 'Accept selected (2)' });

      await accept.click();
      expect(await page.getByRole('alert').textContent()).toContain('UNAUTHENTICATED');
      await page.getByLabel('Editor token').fill(READER);
      await accept.click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('FORBIDDEN');
      const nothing = await graphql(app, `{ source(id: "${sourceId}") { id } }`);
      expect(nothing.data).toEqual({ source: null });

      await page.getByLabel('Editor token').fill(EDITOR);
      // The token stays in this tab's session, nowhere longer-lived.
      expect(await page.evaluate(() => Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)))).toContain(
        EDITOR,
      );
      expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
      await accept.click();
      const written = page.getByRole('status');
      await written.locator('.accepted-alliance').waitFor();
      expect(await written.locator('.accepted-alliance').textContent()).toBe(
        'alliance of Jaysh al-Fatah, Jund al-Aqsa',
      );
      const engagementLink = written.locator('a[href^="/explore/engagement/"]');
      expect(await engagementLink.textContent()).toBe('Assault on Southern Aleppo countryside, 2016-06-03');

      const back = await graphql<{
        source: { text: string; citations: { quote: string; fact: { type: string; summary: string } }[] };
      }>(app, `{ source(id: "${sourceId}") { text citations { quote fact { type summary } } } }`);
      expect(back.data!.source.text).toBe(SOUTHERN_ALEPPO);
      const quote = SOUTHERN_ALEPPO.slice(0, SOUTHERN_ALEPPO.indexOf('Aleppo.') + 'Aleppo.'.length);
      expect(back.data!.source.citations.map((c) => [c.fact.type, c.quote]).sort()).toEqual([
        ['ALLIED_WITH', quote],
        ['Engagement', quote],
      ]);
      const engagementId = decodeURIComponent((await engagementLink.getAttribute('href'))!.split('/').pop()!);
      const engagement = await graphql<{ engagement: { kind: string; start: { value: string } } }>(
        app,
        `{ engagement(id: "${engagementId}") { kind start { value } } }`,
      );
      expect(engagement.data!.engagement).toEqual({ kind: 'ASSAULT', start: { value: '2016-06-03' } });
    } finally {
      facts = await removeSource(sourceId);
    }
    const left = await database.driver.executeQuery(
      `OPTIONAL MATCH (s:Source {id: $sourceId})
       OPTIONAL MATCH (c:Change) WHERE $sourceId IN c.entityIds
       OPTIONAL MATCH ()-[r]->() WHERE r.id IN $facts
       OPTIONAL MATCH (e:Engagement) WHERE e.id IN $facts
       RETURN count(DISTINCT s) + count(DISTINCT c) + count(DISTINCT r) + count(DISTINCT e) AS n`,
      { sourceId, facts },
    );
    expect(facts).toHaveLength(2);
    expect(Number(left.records[0]!.get('n')), 'what the test wrote, left behind').toBe(0);
  });
});

/**
 * Removes a source the test added and everything citing it (the facts, their citations and
 * changes); returns the ids of the facts removed.
 */
async function removeSource(sourceId: string): Promise<string[]> {
  const cited = await database.driver.executeQuery(
    `MATCH (c:Citation)-[:CITES]->(:Source {id: $sourceId}) RETURN collect(DISTINCT c.factId) AS facts`,
    { sourceId },
  );
  const facts = cited.records[0]!.get('facts') as string[];
  await database.driver.executeQuery(
    `OPTIONAL MATCH ()-[r]->() WHERE r.id IN $facts DELETE r
     WITH count(*) AS edges
     OPTIONAL MATCH (n) WHERE (n:Engagement AND n.id IN $facts) OR (n:Citation AND n.factId IN $facts)
       OR (n:Change AND any(id IN n.entityIds WHERE id IN $facts OR id = $sourceId)) OR (n:Source AND n.id = $sourceId)
     DETACH DELETE n`,
    { sourceId, facts },
  );
  return facts;
}
