/**
 * One list of edge types: src/domain/facts.ts. Cypher that looks facts up by id, or expands only
 * some types, spells its types out in the pattern (`[r:A|B|C]`), because Neo4j 5.26 plans a
 * dynamic type (`$types`) without the per-type id indexes and type-filtered expansion; every such
 * list in cypher/*.cypher must be one of the domain's lists, so adding an edge type to the domain
 * and not to a query fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineageKind } from '../../src/domain/enums.js';
import {
  ACTOR_RELATION_TYPES,
  EDGE_ENDPOINTS,
  EDGE_TYPES,
  ENTITY_EDGE_TYPES,
  SUCCESSION_TYPES,
} from '../../src/domain/facts.js';

const CYPHER_DIR = path.resolve(import.meta.dirname, '../../cypher');
const DOMAIN_LISTS: Record<string, readonly string[]> = {
  EDGE_TYPES,
  ENTITY_EDGE_TYPES,
  ACTOR_RELATION_TYPES,
  LineageKind: LineageKind.options,
  SUCCESSION_TYPES,
};
const key = (types: readonly string[]) => [...types].sort().join('|');
const byKey = new Map(Object.entries(DOMAIN_LISTS).map(([name, types]) => [key(types), name]));

/** Every alternation of two or more domain edge types in a relationship pattern (PARTY_TO|VIOLATED is not a list of facts). */
function typeLists(text: string): string[][] {
  const lists: string[][] = [];
  for (const match of text.matchAll(/\[\w*:([A-Z_]+(?:\|[A-Z_]+)+)/g)) {
    const types = match[1]!.split('|');
    if (types.filter((t) => Object.hasOwn(EDGE_ENDPOINTS, t)).length >= 2) lists.push(types);
  }
  return lists;
}

describe('edge types', () => {
  const files = readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher'));

  it.each(files)('%s spells out only the domain’s lists of edge types', (file) => {
    for (const types of typeLists(readFileSync(path.join(CYPHER_DIR, file), 'utf8'))) {
      expect(byKey.get(key(types)), `${file}: [${types.join('|')}] is none of the domain's lists`).toBeDefined();
    }
  });

  it('every id lookup of an edge covers every edge type, so each fact can be read, contested, corrected and withdrawn', () => {
    for (const file of ['edges-by-id.cypher', 'fact-contest.cypher', 'fact-update.cypher', 'fact-retract.cypher']) {
      const lists = typeLists(readFileSync(path.join(CYPHER_DIR, file), 'utf8'));
      expect(lists.map(key), file).toEqual([key(EDGE_TYPES)]);
    }
  });

  it('every edge type with an id has an index on it', () => {
    const schema = readFileSync(path.join(CYPHER_DIR, 'schema.cypher'), 'utf8');
    for (const type of EDGE_TYPES)
      expect(schema, type).toMatch(new RegExp(`\\(\\)-\\[r:${type}\\]-\\(\\) ON \\(r\\.id\\)`));
  });
});
