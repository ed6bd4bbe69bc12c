/**
 * What every curation edit does, whatever the fact: cite sources (checked: they exist, a quote
 * from an article is verbatim), check what it refers to, and record the change in the history.
 * Each edit (one file per kind of fact: sources, actors, places, names, edges, engagements,
 * disputes, merges, facts) validates its input, then runs one write transaction; any failure rolls
 * the whole transaction back.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/tokens.js';
import type { StepRunner } from '../db/executor.js';
import { changeSubject, changeSubjects } from '../db/changeSubjects.js';
import { storedCitationRows } from '../db/storedValues.js';
import { citationProblem } from '../domain/provenance.js';
import { idClash, type FactNodeHolder, type NodeFactType } from '../domain/facts.js';
import { badInput, userError } from '../errors.js';
import type { CitationInput } from '../schema/types.js';
import type { SourceRow } from '../db/rows.js';
import { MAX_LENGTH, optionalText, text } from './validate.js';

/** What the caller gets back: the ids to read the result by. */
export interface Written {
  id: string;
}

export interface ValidCitation {
  source: string;
  quote?: string;
  note?: string;
}

export function hashOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A stable id for an edge created through the API: the same request gives the same id. */
export function edgeId(type: string, ...parts: unknown[]): string {
  return `${type.toLowerCase().replace(/_/g, '-')}-${hashOf(type, ...parts).slice(0, 16)}`;
}

export function validCitations(citations: readonly CitationInput[], argument = 'citations'): ValidCitation[] {
  if (citations.length === 0) throw badInput(argument, 'every change must cite at least one source');
  if (citations.length > 20) throw badInput(argument, 'at most 20 citations per change');
  return citations.map((c, i) => {
    const quote = optionalText(c.quote, `${argument}[${i}].quote`, MAX_LENGTH.quote);
    const note = optionalText(c.note, `${argument}[${i}].note`, MAX_LENGTH.note);
    return {
      source: text(c.source, `${argument}[${i}].source`, MAX_LENGTH.id),
      ...(quote ? { quote } : {}),
      ...(note ? { note } : {}),
    };
  });
}

/** The sources exist; a quote from an article we hold appears in its text. */
export async function checkCitations(
  run: StepRunner,
  citations: readonly ValidCitation[],
  argument = 'citations',
): Promise<void> {
  const ids = [...new Set(citations.map((c) => c.source))];
  const rows = await run('sources-by-id', { ids });
  const sources = new Map(rows.map((r) => [(r['source'] as SourceRow).id, r['source'] as SourceRow]));
  citations.forEach((c, i) => {
    const problem = citationProblem(c.source, c.quote, sources.get(c.source));
    if (problem === undefined) return;
    const hint = problem.field === 'source' ? '; add it with sourceAdd first' : '';
    throw badInput(`${argument}[${i}].${problem.field}`, problem.message + hint);
  });
}

export async function writeCitations(
  run: StepRunner,
  factType: string,
  factId: string,
  citations: readonly ValidCitation[],
): Promise<void> {
  await run('load-citations', { rows: storedCitationRows(factType, factId, citations) });
}

/** Labels of the given ids among actors, places and engagements. */
export async function labelsOf(
  run: StepRunner,
  ids: readonly string[],
): Promise<Map<string, { label: string; name: string }>> {
  const rows = await run('fact-nodes-by-id', { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r['id'] as string, { label: r['label'] as string, name: r['name'] as string }]));
}

/**
 * The id rule of `src/domain/facts.ts` for a create: the id is free, or already this very node (a
 * re-sent create). Otherwise CONFLICT naming every node that holds the id, before anything is
 * written (the caller is inside its write transaction, which holds the graph's write lock, so no
 * other write can take the id in between).
 */
export async function refuseTakenId(
  run: StepRunner,
  id: string,
  wanted: FactNodeHolder,
  argument = 'input.id',
): Promise<void> {
  const rows = await run('fact-nodes-by-id', { ids: [id] });
  const holders = rows.map((r) => ({ label: r['label'] as NodeFactType, name: r['name'] as string }));
  if (idClash(wanted, holders) === undefined) return;
  const list = holders.map((h) => `the ${h.label} "${h.name}"`).join(' and ');
  throw userError(
    'CONFLICT',
    `${argument}: "${id}" is already ${list}; ids are unique across actors, places, engagements, agreements and weapons`,
    { argument, candidates: holders.map((h) => ({ id, type: h.label, name: h.name })) },
  );
}

/** Every reference names an existing node of the right kind, or the argument is named. */
export async function requireNodes(
  run: StepRunner,
  refs: readonly { id: string; label: string; argument: string }[],
): Promise<void> {
  const found = await labelsOf(
    run,
    refs.map((r) => r.id),
  );
  for (const ref of refs) {
    if (found.get(ref.id)?.label !== ref.label) {
      throw badInput(ref.argument, `no ${ref.label.toLowerCase()} has the id "${ref.id}"`);
    }
  }
}

interface ChangeRecord {
  operation: string;
  input: unknown;
  entityIds: string[];
  summary: string;
  mergedFrom?: string;
  mergedInto?: string;
}

// Orders changes made within one millisecond; `at` alone cannot.
let changeCounter = 0;

/**
 * Records the change with an id of its own. Re-sending a request changes nothing in the graph (the
 * write is idempotent) and is recorded as a no-op pointing at the change it repeats.
 */
export async function recordChange(run: StepRunner, viewer: Viewer, change: ChangeRecord): Promise<void> {
  const now = Date.now();
  changeCounter = (changeCounter + 1) % 1000;
  await run('change-record', {
    firstSubject: changeSubject(change.entityIds[0] ?? ''),
    change: {
      id: randomUUID(),
      at: new Date(now).toISOString(),
      seq: now * 1000 + changeCounter,
      inputHash: hashOf(change.operation, change.input),
      by: viewer.name,
      operation: change.operation,
      entityIds: change.entityIds,
      subjects: changeSubjects(change.entityIds),
      summary: change.summary,
      details: JSON.stringify(change.input),
      mergedFrom: change.mergedFrom ?? null,
      mergedInto: change.mergedInto ?? null,
    },
  });
}
