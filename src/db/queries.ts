/**
 * The Cypher files in `cypher/`, loaded once at start. A name listed here without its file stops
 * the boot; a test checks that every file in the folder is listed and compiles (EXPLAIN).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

export const QUERY_NAMES = [
  // dataset loading
  'load-sources',
  'load-actors',
  'load-places',
  'load-place-parts',
  'load-aliases',
  'load-engagements',
  'load-participants',
  'load-engagement-places',
  'engagements-multi-place-missing',
  'engagements-multi-place-set',
  'load-engagement-parts',
  'load-actor-relations',
  'load-control',
  'load-citations',
  'load-agreements',
  'load-agreement-parties',
  'load-agreement-places',
  'load-violations',
  'load-weapons',
  'load-armaments',
  'delete-batch',
  'graph-counts',
  'graph-is-empty',
  'graph-write-lock',
  'graph-model-node-count',
  // reads behind the GraphQL API
  'actors-by-id',
  'places-by-id',
  'sources-by-id',
  'sources-all',
  'engagements-by-id',
  'resolve-names',
  'resolve-id',
  'name-candidates',
  'name-search',
  'alias-search-missing',
  'alias-search-set',
  'names-of',
  'citations-of-facts',
  'citations-of-sources',
  'edges-by-id',
  'fact-nodes-by-id',
  'actor-lineage',
  'actor-relations',
  'lineage-identity',
  'place-control',
  'place-parts',
  'engagement-participants',
  'engagement-places',
  'engagement-phases',
  'engagements-page',
  'actors-page',
  'places-page',
  'entities-named',
  'who-fought-where',
  'fought-at-places',
  'connection',
  'agreements-of',
  'armaments-of',
  'weapons-by-id',
  'network',
  // curation
  'aliases-sync',
  'alias-remove',
  'fact-contest',
  'fact-update',
  'fact-retract',
  'participant-update',
  'citation-by-id',
  'citation-retract',
  'place-ancestors',
  'place-part-of-set',
  'change-record',
  'history-of',
  'change-subjects-missing',
  'change-subjects-set',
  'merge-recorded',
  'merge-actors',
  'merge-places',
  // import, export and review
  'import-source',
  'import-actor-matches',
  'import-place-matches',
  'import-taken-ids',
  'import-actors',
  'import-places',
  'import-aliases',
  'import-events',
  'import-control',
  'import-existing-engagements',
  'import-checkpoint',
  'import-run',
  'export-id-page',
  'export-nodes',
  'export-edges',
  'export-schema',
  'export-select',
  'graph-import-nodes',
  'graph-import-edges',
  'review-pending',
  'review-cooccurrence',
  // reading an article
  'annotate-index',
  'annotate-index-stamp',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

/** The row projections in `cypher/rows/`, spliced into the files that return those rows. */
const ROW_NAMES = ['actor', 'place', 'engagement', 'actor-brief', 'place-brief', 'engagement-brief'] as const;
const ROW_REFERENCE = /\{\{([\w-]+) (\w+)\}\}/g;

function readRows(dir: string): Map<string, string> {
  return new Map(
    ROW_NAMES.map((name) => {
      const text = fs.readFileSync(path.join(dir, 'rows', `${name}.cypher`), 'utf8');
      const projection = text
        .split('\n')
        .filter((line) => !line.startsWith('//'))
        .join('\n')
        .trim();
      return [name, projection];
    }),
  );
}

/** `{{actor a}}` becomes the actor row projection of variable `a`; an unknown row name stops the boot. */
function spliceRows(name: string, text: string, rows: ReadonlyMap<string, string>): string {
  return text.replace(ROW_REFERENCE, (_, row: string, variable: string) => {
    const projection = rows.get(row);
    if (projection === undefined) throw new Error(`${name}.cypher: no row projection cypher/rows/${row}.cypher`);
    return projection.replace(/(?<!\w)_(?!\w)/g, variable);
  });
}

export class CypherQueries {
  private constructor(private readonly texts: ReadonlyMap<QueryName, string>) {}

  /** Reads every listed file; throws naming the missing ones. */
  static load(dir: string = CYPHER_DIR): CypherQueries {
    const texts = new Map<QueryName, string>();
    const missing: string[] = [];
    const rows = readRows(dir);
    for (const name of QUERY_NAMES) {
      const file = path.join(dir, `${name}.cypher`);
      if (!fs.existsSync(file)) missing.push(file);
      else texts.set(name, spliceRows(name, fs.readFileSync(file, 'utf8'), rows));
    }
    if (missing.length > 0) throw new Error(`Missing Cypher files:\n  ${missing.join('\n  ')}`);
    return new CypherQueries(texts);
  }

  text(name: QueryName): string {
    const text = this.texts.get(name);
    if (text === undefined) throw new Error(`Unknown query ${name}`);
    return text;
  }
}

/** The statements of `cypher/schema.cypher` (constraints and indexes), in order. */
export function schemaStatements(dir: string = CYPHER_DIR): string[] {
  return fs
    .readFileSync(path.join(dir, 'schema.cypher'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
