/** Disputes and withdrawn citations: contested facts stay visible; a fact keeps at least one citation. */
import { CONTESTABLE_NODE_TYPES, EDGE_TYPES, isContestableType } from '../domain/facts.js';
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { badInput, userError } from '../errors.js';
import type { CitationInput, FactInput } from '../schema/types.js';
import { MAX_LENGTH, text } from './validate.js';
import { checkCitations, recordChange, validCitations, writeCitations } from './edit.js';

export async function contestFact(
  executor: Executor,
  viewer: Viewer,
  fact: FactInput,
  note: string,
  citationsInput: readonly CitationInput[],
): Promise<{ factType: string; factId: string }> {
  if (!isContestableType(fact.type)) {
    throw badInput('fact.type', `must be one of ${[...CONTESTABLE_NODE_TYPES, ...EDGE_TYPES].join(', ')}`);
  }
  const what = text(note, 'note', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    await checkCitations(run, citations);
    const [row] = await run('fact-contest', { type: fact.type, id: fact.id, note: what });
    if (row?.['updated'] === 0)
      throw userError('NOT_FOUND', `fact.id: no ${fact.type} fact has the id "${fact.id}"`, { argument: 'fact.id' });
    await writeCitations(
      run,
      fact.type,
      fact.id,
      citations.map((c) => ({ ...c, note: c.note ?? `Disputes the fact: ${what}` })),
    );
    await recordChange(run, viewer, {
      operation: 'factContest',
      input: { fact, note: what, citations: citationsInput },
      entityIds: [fact.id],
      summary: `${fact.type} ${fact.id} contested: ${what}`,
    });
    return { factType: fact.type, factId: fact.id };
  });
}

export async function retractCitation(
  executor: Executor,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<{ factType: string; factId: string }> {
  const why = text(reason, 'reason', MAX_LENGTH.note);
  return executor.writeTransaction(async (run) => {
    const [row] = await run('citation-by-id', { id });
    if (row === undefined) throw userError('NOT_FOUND', `id: no citation has the id "${id}"`, { argument: 'id' });
    const citation = row['citation'] as { factId: string; factType: string; retracted: boolean };
    if (!citation.retracted) {
      if (row['others'] === 0) {
        throw badInput('id', 'is the last citation of its fact: add another citation first, or contest the fact');
      }
      await run('citation-retract', { id, reason: why, by: viewer.name, at: new Date().toISOString() });
      await recordChange(run, viewer, {
        operation: 'citationRetract',
        input: { id, reason: why },
        entityIds: [citation.factId, id],
        summary: `Citation ${id} of ${citation.factType} ${citation.factId} retracted: ${why}`,
      });
    }
    return { factType: citation.factType, factId: citation.factId };
  });
}
