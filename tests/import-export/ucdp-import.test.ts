import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { importEvents, type ImportSummary } from '../../src/import/pipeline.js';
import { UCDP_GED } from '../../src/import/ucdpGed.js';
import { testExecutor } from '../helpers/graph.js';
import {
  cypher,
  engagementProperties,
  FIXTURES,
  graphCounts,
  idNamed,
  participantsOf,
  placesOf,
  readRejects,
  tempDir,
  testDriver,
} from './support.js';

const executor = testExecutor();
const driver = testDriver();
const dir = tempDir();
const FILE = path.join(FIXTURES, 'ucdp-ged-aleppo.csv');
const REAL_FILE = new URL('../../../shared/datasets/ucdp-ged-syria/ged_syria_20160101-20191130.csv', import.meta.url)
  .pathname;

let first: ImportSummary;

beforeAll(async () => {
  first = await importEvents(executor, UCDP_GED, FILE, { batchSize: 5, rejectsPath: path.join(dir, 'rejects.csv') });
});

describe('UCDP GED import: fixture', () => {
  it('imports the 16 good rows and rejects the 6 malformed ones, each with its line and reason', () => {
    expect(first.rows).toBe(22);
    expect(first.engagements.created + first.engagements.existing).toBe(16);
    const rejects = readRejects(path.join(dir, 'rejects.csv'));
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [10, expect.stringMatching(/^broken quoting/) as unknown],
      [19, 'date_start "2016-13-01" is not a day (expected YYYY-MM-DD)'],
      [20, 'latitude "123" is not between -90 and 90'],
      [21, 'missing id'],
      [22, 'date_end 2016-03-04 is before date_start 2016-03-09'],
      [23, 'type_of_violence "4" is not 1, 2 or 3'],
    ]);
  });

  it('links "Khan Tuman town" to Khan Touman and "Government of Syria" to the Syrian state', async () => {
    expect(await placesOf(driver, 'ucdp-ged-900001')).toEqual([await idNamed(executor, 'Place', 'Khan Touman')]);
    const participants = await participantsOf(driver, 'ucdp-ged-900001');
    expect(participants.get(await idNamed(executor, 'Actor', 'Syrian Arab Republic'))).toEqual({
      side: 'ATTACKER',
      role: null,
      note: 'UCDP side_a: Government of Syria',
    });
  });

  it('links the group by the name UCDP gives it, and notes when that name belongs to another period', async () => {
    const jfs = await idNamed(executor, 'Actor', 'Jabhat Fateh al-Sham');
    const note = (await participantsOf(driver, 'ucdp-ged-900002')).get(jfs)?.note;
    expect(note).toMatch(
      /^UCDP side_b: Jabhat Fateh al-Sham\. The name "Jabhat Fat[ae]h al-Sham" was in use from 2016-07-28/,
    );
    expect(note).toMatch(/no lineage is inferred/);
  });

  it('gives one participant per group of a coalition side', async () => {
    const participants = await participantsOf(driver, 'ucdp-ged-900011');
    expect(participants.get(await idNamed(executor, 'Actor', 'Ahrar al-Sham'))?.side).toBe('ATTACKER');
    expect(participants.get(await idNamed(executor, 'Actor', 'Jabhat Fateh al-Sham'))?.side).toBe('ATTACKER');
    expect(participants.get(await idNamed(executor, 'Actor', 'SDF'))?.side).toBe('DEFENDER');
  });

  it('creates a state actor for an unknown government, and no actor for civilians', async () => {
    const iraq = await idNamed(executor, 'Actor', 'Government of Iraq');
    const [actor] = await cypher<{ kind: string; status: string }>(
      driver,
      'MATCH (a:Actor {id: $id}) RETURN a.kind AS kind, a.reviewStatus AS status',
      { id: iraq },
    );
    expect(actor).toEqual({ kind: 'STATE', status: 'NEEDS_REVIEW' });
    expect([...(await participantsOf(driver, 'ucdp-ged-900006')).keys()]).toEqual([
      await idNamed(executor, 'Actor', 'IS'),
    ]);
  });

  it('keeps best, low and high and the deaths per side in the casualty figures', async () => {
    const casualties = JSON.parse(
      (await engagementProperties(driver, 'ucdp-ged-900001')).casualtiesJson as string,
    ) as unknown[];
    expect(casualties).toEqual([
      {
        group: 'all sides and civilians',
        killed: 42,
        reported: 'UCDP best estimate 42 (low 42, high 48)',
        source: 'ucdp-ged-syria-19-1',
      },
      { group: 'Government of Syria', killed: 12, reported: 'UCDP deaths_a: 12', source: 'ucdp-ged-syria-19-1' },
      { group: 'Syrian insurgents', killed: 30, reported: 'UCDP deaths_b: 30', source: 'ucdp-ged-syria-19-1' },
    ]);
  });

  it.each([
    ['ucdp-ged-900003', '2016-06', 'MONTH', null, /between 2016-06-03 and 2016-06-05/],
    ['ucdp-ged-900008', '2016-05', 'MONTH', '2016-06', /date_prec 4/],
    ['ucdp-ged-900009', '2016', 'YEAR', null, /date_prec 5/],
    ['ucdp-ged-900015', '2019-03', 'MONTH', null, /date_prec 3/],
    ['ucdp-ged-900001', '2016-05-05', 'DAY', null, null],
  ])('%s: date_prec gives start %s (%s), end %s', async (id, start, precision, end, note) => {
    const e = await engagementProperties(driver, id);
    expect([e.startValue, e.startPrecision, e.endValue ?? null]).toEqual([start, precision, end]);
    if (note === null) expect(e.dateNote ?? null).toBeNull();
    else expect(e.dateNote).toMatch(note);
  });

  it('matches places by name and distance: the governorate, the country, and not the Mansoura in Hama', async () => {
    expect(await placesOf(driver, 'ucdp-ged-900008')).toEqual([await idNamed(executor, 'Place', 'Aleppo Governorate')]);
    expect(await placesOf(driver, 'ucdp-ged-900009')).toEqual([
      await idNamed(executor, 'Place', 'Syrian Arab Republic'),
    ]);
    expect(await placesOf(driver, 'ucdp-ged-900007')).toEqual([await idNamed(executor, 'Place', 'al-Mansoura')]);
    const [hama] = await placesOf(driver, 'ucdp-ged-900006');
    expect(hama).not.toBe(await idNamed(executor, 'Place', 'al-Mansoura'));
  });

  it('cites the UCDP GED source with the headline and the event id', async () => {
    const rows = await cypher<{ quote: string; note: string; source: string }>(
      driver,
      `MATCH (c:Citation {factId: 'ucdp-ged-900016', factType: 'Engagement'})-[:CITES]->(s:Source)
       RETURN c.quote AS quote, c.note AS note, s.id AS source`,
    );
    expect(rows).toEqual([
      {
        quote: 'Rebels break the siege of Aleppo at the Ramouseh',
        note: 'UCDP GED event 900016; source_article: "SOHR,2016-08-06,Rebels break the siege of Aleppo at the Ramouseh"; event_clarity 2 (a summary, or ambiguous reporting)',
        source: 'ucdp-ged-syria-19-1',
      },
    ]);
  });

  it('importing the same file again changes nothing', async () => {
    const counts = await graphCounts(executor);
    const again = await importEvents(executor, UCDP_GED, FILE, { rejectsPath: path.join(dir, 'again.csv') });
    expect(await graphCounts(executor)).toEqual(counts);
    expect(again.engagements).toEqual({ created: 0, existing: 16 });
    expect(again.actors.created + again.places.created).toBe(0);
  });
});

describe.skipIf(!fs.existsSync(REAL_FILE))('UCDP GED import: the real Syria release', () => {
  it('imports its first 500 rows without a reject, linking Aleppo events to known places', async () => {
    // Copied line by line: the 16,566-row file is never read whole.
    const sample = path.join(dir, 'ged-500.csv');
    const out = fs.createWriteStream(sample);
    let lines = 0;
    for await (const line of readline.createInterface({ input: fs.createReadStream(REAL_FILE) })) {
      out.write(`${line}\n`);
      if (++lines > 500) break;
    }
    await new Promise((resolve) => out.end(resolve));

    const summary = await importEvents(executor, UCDP_GED, sample, { rejectsPath: path.join(dir, 'ged.rejects.csv') });
    expect(summary.rows).toBe(500);
    expect(summary.rejected).toBe(0);
    expect(summary.engagements.created + summary.engagements.existing).toBe(500);
    // Event 214825 (2016-01-01) is coded at "Khan Tuman town".
    expect(await placesOf(driver, 'ucdp-ged-214825')).toEqual([await idNamed(executor, 'Place', 'Khan Touman')]);
    const [count] = await cypher<{ n: number }>(
      driver,
      `MATCH (e:Engagement)-[:AT]->(:Place {id: $aleppo}) WHERE e.importSource = 'ucdp-ged' RETURN count(e) AS n`,
      { aleppo: await idNamed(executor, 'Place', 'Aleppo') },
    );
    expect(count?.n).toBeGreaterThan(10);
  });
});
