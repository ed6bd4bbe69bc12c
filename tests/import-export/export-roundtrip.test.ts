import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, resetGraph } from '../../src/dataset/load.js';
import { DATA_DIR, readDataset } from '../../src/dataset/read.js';
import { exportGraph, type ExportSummary } from '../../src/export/exportGraph.js';
import { resolveExportFilter } from '../../src/export/selection.js';
import { ACLED } from '../../src/import/acled.js';
import { importGraphJson } from '../../src/import/graphJson.js';
import { importEvents } from '../../src/import/pipeline.js';
import { UCDP_GED } from '../../src/import/ucdpGed.js';
import { testExecutor } from '../helpers/graph.js';
import { cypher, FIXTURES, graphChecksum, idNamed, tempDir, testDriver } from './support.js';

const executor = testExecutor();
const driver = testDriver();
const dir = tempDir();

/** The graph before any export, which every round trip must give back. */
let original: Awaited<ReturnType<typeof graphChecksum>>;
/** Node ids per label and edge counts per type, read with plain Cypher. */
let nodeIds: Map<string, Set<string>>;
let edgeCounts: Record<string, number>;

/** The founding dataset plus both fixtures: what the lane's other files expect to find. */
async function loadGraph(): Promise<void> {
  await loadDataset(executor, await readDataset(DATA_DIR));
  // Imported facts too, so the round trip covers what imports write (new actors, points, notes).
  await importEvents(executor, ACLED, path.join(FIXTURES, 'acled-aleppo.csv'), {
    rejectsPath: path.join(dir, 'a.csv'),
  });
  await importEvents(executor, UCDP_GED, path.join(FIXTURES, 'ucdp-ged-aleppo.csv'), {
    rejectsPath: path.join(dir, 'u.csv'),
  });
  // A recorded change (the curation history), with an integer and a whole float, which JSON and
  // Cypher literals must keep apart.
  await cypher(
    driver,
    `MERGE (c:Change {id: 'round-trip-change'})
     SET c += {at: '2026-01-01T00:00:00.000Z', by: 'tests', operation: 'TEST', entityIds: ['khan-touman'],
               revision: 3, weight: 2.0, ratios: [0.5, 1.0]}`,
  );
}

// A round trip that fails half way leaves the graph empty or partial: put it back for what follows.
afterEach(async () => {
  if ((await graphChecksum(driver)).checksum !== original.checksum) {
    await resetGraph(executor);
    await loadGraph();
  }
});

beforeAll(async () => {
  await loadGraph();
  original = await graphChecksum(driver);
  const nodes = await cypher<{ label: string; id: string }>(
    driver,
    // The write lock and import checkpoints are operational and never exported.
    "MATCH (n) WHERE NOT n:GraphWriteLock AND NOT n:ImportRun RETURN [l IN labels(n) WHERE l <> 'MultiPlace'][0] AS label, n.id AS id",
  );
  nodeIds = new Map();
  for (const { label, id } of nodes) nodeIds.set(label, (nodeIds.get(label) ?? new Set()).add(id));
  const edges = await cypher<{ type: string; n: number }>(
    driver,
    'MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n',
  );
  edgeCounts = Object.fromEntries(edges.map((e) => [e.type, e.n]));
});

async function emptyGraph(): Promise<void> {
  await resetGraph(executor);
  expect((await graphChecksum(driver)).nodes).toBe(0);
}

function countsOf(summary: ExportSummary) {
  return {
    nodes: Object.fromEntries([...nodeIds].map(([label, ids]) => [label, ids.size])),
    edges: edgeCounts,
    written: { nodes: summary.nodes, edges: summary.edges },
  };
}

describe('export round trips', () => {
  it('cover agreements with their parties, the places they cover and their violations', () => {
    // Every round trip below compares all labels and edge types of the graph, so these go too.
    expect(nodeIds.get('Agreement')).toEqual(
      new Set(['russian-turkish-armistice-2020-01', 'sochi-agreement-2018', 'un-aleppo-freeze-plan']),
    );
    expect(edgeCounts).toMatchObject({ PARTY_TO: 6, COVERS: 5, VIOLATED: 1 });
  });

  it('cover weapons with their armaments', () => {
    expect(nodeIds.get('Weapon')).toEqual(
      new Set(['grad-rockets', 'tow-missiles', 'turkish-made-rocket-launcher', 'svbieds']),
    );
    expect(edgeCounts).toMatchObject({ ARMED_WITH: 4 });
  });

  it('JSON: export, empty the database, import the export: the same graph', async () => {
    const file = path.join(dir, 'graph.json');
    const summary = await exportGraph(executor, 'json', file);
    const { nodes, edges, written } = countsOf(summary);
    expect(written).toEqual({ nodes, edges });
    await emptyGraph();
    const imported = await importGraphJson(executor, file);
    expect(imported.written).toEqual(imported.declared);
    expect(await graphChecksum(driver)).toEqual(original);
  });

  it('Cypher: export, empty the database, run the script: the same graph', async () => {
    const file = path.join(dir, 'graph.cypher');
    await exportGraph(executor, 'cypher', file, { pageSize: 97 });
    const statements = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('//'));
    expect(statements.every((s) => s.endsWith(';'))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/\$[a-z]/i);
    await emptyGraph();
    const session = driver.session();
    try {
      // Each line is one statement, as cypher-shell would send it.
      for (const statement of statements) await session.run(statement);
    } finally {
      await session.close();
    }
    expect(await graphChecksum(driver)).toEqual(original);
  });

  it('CSV: one file per label and relationship type, with every id and every relationship', async () => {
    const folder = path.join(dir, 'csv');
    await exportGraph(executor, 'csv', folder);
    for (const [label, ids] of nodeIds) {
      const rows = parse<{ id: string }>(fs.readFileSync(path.join(folder, 'nodes', `${label}.csv`)), {
        columns: true,
      });
      expect(new Set(rows.map((r) => r.id)), label).toEqual(ids);
    }
    for (const [type, n] of Object.entries(edgeCounts)) {
      const rows = parse<Record<string, string>>(fs.readFileSync(path.join(folder, 'edges', `${type}.csv`)), {
        columns: true,
      });
      expect(rows.length, type).toBe(n);
      expect(
        rows.every((r) => nodeIds.get(r.from_label ?? '')?.has(r.from_id ?? '') === true),
        type,
      ).toBe(true);
    }
    const places = parse<Record<string, string>>(fs.readFileSync(path.join(folder, 'nodes', 'Place.csv')), {
      columns: true,
    });
    const khanTouman = places.find((p) => p.id === 'khan-touman');
    expect(Number(khanTouman?.['location.latitude'])).toBeCloseTo(36.11696, 5);
  });

  it('GraphML: every node and edge, with declared attributes, well formed enough to parse back', async () => {
    const file = path.join(dir, 'graph.graphml');
    await exportGraph(executor, 'graphml', file);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
    expect(xml.trimEnd().endsWith('</graphml>')).toBe(true);
    const unescape = (text: string) =>
      text
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const nodes = [...xml.matchAll(/<node id="([^"]*)">/g)].map((m) => unescape(m[1] ?? ''));
    const expected = [...nodeIds].flatMap(([label, ids]) => [...ids].map((id) => `${label}:${id}`));
    expect(new Set(nodes)).toEqual(new Set(expected));
    expect(nodes.length).toBe(expected.length);
    const edges = [
      ...xml.matchAll(/<edge id="[^"]*" source="([^"]*)" target="([^"]*)"><data key="type">([^<]*)<\/data>/g),
    ];
    const byType: Record<string, number> = {};
    for (const edge of edges) byType[edge[3] ?? ''] = (byType[edge[3] ?? ''] ?? 0) + 1;
    expect(byType).toEqual(edgeCounts);
    const declared = new Set([...xml.matchAll(/<key id="([^"]*)"/g)].map((m) => m[1]));
    const used = new Set([...xml.matchAll(/<data key="([^"]*)"/g)].map((m) => m[1]));
    expect([...used].filter((k) => !declared.has(k))).toEqual([]);
    expect(xml).toMatch(
      /<key id="n_location\.latitude" for="node" attr\.name="location\.latitude" attr\.type="double"\/>/,
    );
  });
});

describe('filtered exports', () => {
  async function exportFiltered(input: Parameters<typeof resolveExportFilter>[1]) {
    const filter = await resolveExportFilter(executor, input);
    const file = path.join(
      dir,
      `filtered-${Object.values(input)
        .join('-')
        .replace(/[^a-z0-9-]/gi, '')}.json`,
    );
    await exportGraph(executor, 'json', file, { filter });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const elements = lines
      .filter((l) => l.startsWith('{"label"') || l.startsWith('{"type"'))
      .map((l) => JSON.parse(l.replace(/,$/, '')) as Record<string, unknown>);
    const nodes = elements.filter((e) => 'label' in e) as {
      label: string;
      id: string;
      properties: Record<string, unknown>;
    }[];
    const edges = elements.filter((e) => 'type' in e) as {
      type: string;
      from: { label: string; id: string };
      to: { label: string; id: string };
    }[];
    return { nodes, edges, ids: (label: string) => new Set(nodes.filter((n) => n.label === label).map((n) => n.id)) };
  }

  it('by actor with lineage: the Nusra line, its engagements, their citations, and no dangling edge', async () => {
    const { nodes, edges, ids } = await exportFiltered({ actor: 'Nusra', lineage: true });
    const actors = ids('Actor');
    for (const name of ['Jabhat al-Nusra', 'Jabhat Fatah al-Sham', "Hay'at Tahrir al-Sham"]) {
      expect(actors.has(await idNamed(executor, 'Actor', name)), name).toBe(true);
    }
    expect(edges.some((e) => e.type === 'RENAMED_TO')).toBe(true);
    expect(ids('Engagement').has('acled-syr10001')).toBe(true);
    expect(ids('Engagement').has('ucdp-ged-900006')).toBe(false);
    const present = new Set(nodes.map((n) => `${n.label}:${n.id}`));
    expect(
      edges.filter((e) => !present.has(`${e.from.label}:${e.from.id}`) || !present.has(`${e.to.label}:${e.to.id}`)),
    ).toEqual([]);
    const cited = new Set(
      nodes
        .filter((n) => n.label === 'Citation')
        .map((n) => `${String(n.properties.factType)}:${String(n.properties.factId)}`),
    );
    for (const id of ids('Engagement')) expect(cited.has(`Engagement:${id}`), id).toBe(true);
  });

  it('by place: engagements at the place or in places lying in it, and only those', async () => {
    const { ids } = await exportFiltered({ place: 'Aleppo Governorate' });
    const engagements = ids('Engagement');
    expect(engagements.has('acled-syr10001')).toBe(true); // Khan Touman, in the southern countryside
    expect(engagements.has('acled-syr10008')).toBe(false); // the Mansoura in Hama
    expect(ids('Place').has(await idNamed(executor, 'Place', 'Khan Touman'))).toBe(true);
  });

  it('by period: engagements overlapping the days given', async () => {
    const { ids } = await exportFiltered({ from: '2020-02-01', to: '2020-02-10' });
    const engagements = ids('Engagement');
    expect(engagements.has('acled-syr10004')).toBe(true); // 2020-02-09
    expect(engagements.has('acled-syr10001')).toBe(false); // 2020-01-16
  });

  it('by actor: the agreements it violated or is party to, and its weapons, with their parties, suppliers and citations', async () => {
    const { nodes, edges, ids } = await exportFiltered({ actor: "Hay'at Tahrir al-Sham" });
    expect(ids('Weapon')).toEqual(new Set(['grad-rockets']));
    expect(edges.filter((e) => e.type === 'ARMED_WITH').map((e) => `${e.from.id} ${e.to.id}`)).toEqual([
      'hayat-tahrir-al-sham grad-rockets',
    ]);
    expect(ids('Agreement')).toContain('russian-turkish-armistice-2020-01');
    const agreementEdges = edges.filter((e) => e.to.id === 'russian-turkish-armistice-2020-01');
    expect(new Set(agreementEdges.map((e) => `${e.from.id} ${e.type}`))).toEqual(
      new Set(['hayat-tahrir-al-sham VIOLATED', 'russia PARTY_TO', 'turkey PARTY_TO']),
    );
    const cited = new Set(nodes.filter((n) => n.label === 'Citation').map((n) => `${String(n.properties.factType)}`));
    expect(cited).toContain('Agreement');
    expect(cited).toContain('VIOLATED');
    expect(cited).toContain('Weapon');
    expect(cited).toContain('ARMED_WITH');
    const present = new Set(nodes.map((n) => `${n.label}:${n.id}`));
    expect(
      edges.filter((e) => !present.has(`${e.from.label}:${e.from.id}`) || !present.has(`${e.to.label}:${e.to.id}`)),
    ).toEqual([]);
  });

  it('by place: the agreements covering it, with their parties; by period: only those in force then', async () => {
    const { ids } = await exportFiltered({ place: 'Aleppo' });
    expect(ids('Agreement')).toContain('un-aleppo-freeze-plan');
    expect(ids('Actor')).toContain('staffan-de-mistura');
    const later = await exportFiltered({ actor: "Hay'at Tahrir al-Sham", from: '2017-02-01', to: '2017-12-31' });
    expect(later.ids('Agreement').has('russian-turkish-armistice-2020-01')).toBe(false);
  });

  it('rejects an actor the graph does not know, with suggestions', async () => {
    await expect(resolveExportFilter(executor, { actor: 'Jabhat al-Musra' })).rejects.toThrow(
      /--actor: no actor is named "Jabhat al-Musra"\. Did you mean: Jabhat al-Nusra\b/i,
    );
  });
});
