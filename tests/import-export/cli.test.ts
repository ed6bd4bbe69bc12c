import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testExecutor } from '../helpers/graph.js';
import { FIXTURES, cli, cliWith, graphCounts, tempDir } from './support.js';

const executor = testExecutor();
const dir = tempDir();

describe('the command line', () => {
  it.each([
    [
      ['import', 'acled', '--help'],
      ['--dry-run', '--rejects <path>', '--batch-size <n>'],
    ],
    [
      ['import', 'ucdp-ged', '--help'],
      ['--dry-run', '--rejects <path>', '--batch-size <n>'],
    ],
    [
      ['export', '--help'],
      [
        'json',
        'csv',
        'graphml',
        'cypher',
        '--out <path>',
        '--actor <name>',
        '--lineage',
        '--place <name>',
        '--from <day>',
        '--to <day>',
      ],
    ],
    [
      ['review', '--help'],
      ['--type <type>', '--limit <n>', '--min-score <x>'],
    ],
  ])('%j documents its options', async (args, options) => {
    const { stdout } = await cli(...args);
    for (const option of options) expect(stdout).toContain(option);
  });

  it('import --dry-run prints what would change and writes nothing', async () => {
    const before = await graphCounts(executor);
    const { stdout } = await cli(
      'import',
      'acled',
      path.join(FIXTURES, 'acled-aleppo.csv'),
      '--dry-run',
      '--rejects',
      path.join(dir, 'rejects.csv'),
    );
    expect(stdout).toMatch(/^Dry run \(nothing written\)/);
    expect(stdout).toMatch(/rows\s+27 read, 19 imported, 8 rejected/);
    expect(await graphCounts(executor)).toEqual(before);
  });

  it('refuses a file that is not an export of the dataset, naming the missing columns, and writes nothing', async () => {
    const error = (await cli('import', 'acled', path.join(FIXTURES, 'ucdp-ged-aleppo.csv'), '--dry-run').catch(
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(fs.existsSync(path.join(FIXTURES, 'ucdp-ged-aleppo.csv.rejects.csv'))).toBe(false);
    expect(error.stderr).toMatch(
      /is not an export of ACLED: it lacks the column\(s\) event_id_cnty, event_date, event_type, actor1, location/,
    );
  });

  it('export refuses an impossible day before it reaches for Neo4j', async () => {
    const out = path.join(dir, 'never.json');
    // Nothing listens on port 9: a command that tried to connect would retry for two minutes.
    const error = (await cliWith(
      { NEO4J_URI: 'bolt://127.0.0.1:9' },
      'export',
      'json',
      '--out',
      out,
      '--from',
      '2016-13-01',
    ).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/--from: Invalid date "2016-13-01": month 13 does not exist/);
    expect(error.stderr).not.toMatch(/Neo4j/);
    expect(fs.existsSync(out)).toBe(false);
  }, 20_000);
});
