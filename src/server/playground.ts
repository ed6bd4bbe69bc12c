/**
 * The playground's example tabs: one per file in examples/, so a newcomer runs useful queries in
 * a minute. The same files are run by the tests against the real dataset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');

export interface ExampleQuery {
  file: string;
  query: string;
}

export function exampleQueries(): ExampleQuery[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, query: fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8') }));
}

export function playgroundTabs(): { query: string }[] {
  return exampleQueries().map(({ query }) => ({ query }));
}
