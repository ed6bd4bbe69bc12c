/**
 * `cli annotate FILE [--published DATE] [--json]` against the lane's Neo4j: a founding article's
 * paragraph read against the graph, highlighted for the terminal or as JSON for scripts, with
 * nothing written; a bad --published date refused with a code before any database work.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import type { Annotation } from '../../src/domain/annotate/types.js';
import { testExecutor } from '../helpers/graph.js';
import { cli, graphCounts, tempDir } from './support.js';

const executor = testExecutor();
const dir = tempDir();

/** The paragraph of a founding article that starts with `opening`, in a file of its own. */
function paragraphFile(article: string, opening: string): { file: string; text: string } {
  const whole = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'sources', `${article}.txt`), 'utf8');
  const text = whole.split(/\n\s*\n/).find((p) => p.startsWith(opening));
  if (text === undefined) throw new Error(`no paragraph of ${article} starts with "${opening}"`);
  const file = path.join(dir, `${article}-${opening.length}.txt`);
  fs.writeFileSync(file, text);
  return { file, text };
}

const southern = paragraphFile('000_60ecd4665a9ba8af', 'On 3 June, the Jaysh al-Fatah');

describe('cli annotate', () => {
  it('prints the text with its mentions highlighted, then the mentions, dates and proposals; writes nothing', async () => {
    const before = await graphCounts(executor);
    const { stdout } = await cli('annotate', southern.file, '--published', '2016-06');
    // Not a terminal: brackets instead of colours, [actor] {place} (date).
    expect(stdout).toContain('On (3 June), the [Jaysh al-Fatah] rebel coalition, along with [Jund al-Aqsa]');
    expect(stdout).toContain('surrounding {Khan Touman} were taken');
    expect(stdout).toContain('{Castilo Road}');
    expect(stdout).toContain('"Castilo Road" -> Place castello-road');
    expect(stdout).toMatch(/"last month" -> 2016-05 \(MONTH\)/);
    expect(stdout).toMatch(/^ {2}ALLIANCE on 2016-06-03: ALLY jaysh-al-fatah, ALLY jund-al-aqsa$/m);
    expect(stdout).toContain('Proposals (2; nothing is written):');
    expect(await graphCounts(executor)).toEqual(before);
  });

  it('--json gives the mentions, new names, dates and proposals as parseable JSON, offsets into the text', async () => {
    const { stdout } = await cli('annotate', southern.file, '--published', '2016-06', '--json');
    const annotation = JSON.parse(stdout) as Annotation;
    expect(Object.keys(annotation)).toEqual(['mentions', 'newNames', 'dates', 'proposals']);
    const khanTouman = annotation.mentions.filter((m) => m.entity?.entityId === 'khan-touman');
    expect(khanTouman).toHaveLength(3);
    for (const m of khanTouman) {
      expect(southern.text.slice(m.start, m.end)).toBe('Khan Touman');
      expect(m.entity).toEqual({ entityType: 'Place', entityId: 'khan-touman' });
    }
    expect(annotation.mentions[0]).toMatchObject({
      text: 'Jaysh al-Fatah',
      entity: { entityType: 'Actor', entityId: 'jaysh-al-fatah' },
      confidence: 1,
    });
    expect(annotation.dates.map((d) => [d.text, d.date, d.relative])).toEqual([
      ['3 June', expect.objectContaining({ value: '2016-06-03', precision: 'DAY' }), true],
      ['last month', expect.objectContaining({ value: '2016-05', precision: 'MONTH' }), true],
    ]);
    expect(annotation.newNames).toEqual([]);
    const engagement = annotation.proposals.find((p) => p.kind === 'ENGAGEMENT');
    expect(engagement?.quote).toBe(southern.text.slice(engagement!.start, engagement!.end));
    expect(engagement?.participants.map((p) => [p.role, p.mention.entity?.entityId])).toContainEqual([
      'PLACE',
      'southern-aleppo-countryside',
    ]);
  });

  it('--json flags a name used outside its period, with the lineage candidates', async () => {
    const { file } = paragraphFile('004_c69c3c6dcd667f41', 'In return for the violations of HTS/al-Nusra');
    const { stdout } = await cli('annotate', file, '--published', '2020-01', '--json');
    const nusra = (JSON.parse(stdout) as Annotation).mentions.find((m) => m.text === 'al-Nusra');
    expect(nusra?.lineageNote).toMatch(/in a text of 2020-01 it may mean Hay'at Tahrir al-Sham/);
    expect(nusra?.candidates.map((c) => [c.entityId, c.reason])).toEqual([
      ['jabhat-al-nusra', 'SPELLING'],
      ['hayat-tahrir-al-sham', 'LINEAGE'],
    ]);
  });

  it('refuses a bad --published date with BAD_USER_INPUT and a non-zero exit, printing nothing else', async () => {
    const failure = (await cli('annotate', southern.file, '--published', '2016-13', '--json').catch(
      (e: unknown) => e,
    )) as { code: number; stdout: string; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr).toContain(
      `option '--published <date>' argument '2016-13' is invalid. BAD_USER_INPUT: Invalid date "2016-13": month 13 does not exist`,
    );
  });
});
