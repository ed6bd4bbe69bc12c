/**
 * Correcting and withdrawing facts (engagements and dated edges). A correction changes the fact in
 * place, so it is never duplicated; a withdrawal removes it from the graph. Both cite a source,
 * run in one write transaction, and keep the earlier values in the history.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor, StepRunner } from '../db/executor.js';
import { storedFuzzyDate } from '../db/storedValues.js';
import { contestedProblem } from '../domain/provenance.js';
import { isEdgeType, type EdgeType } from '../domain/facts.js';
import { LineageKind } from '../domain/enums.js';
import { badInput, userError } from '../errors.js';
import type { CitationInput, FactChangesInput, FactInput } from '../schema/types.js';
import type { EdgeRow, EngagementRow } from '../db/rows.js';
import { checkCitations, recordChange, validCitations, writeCitations } from './edit.js';
import { fuzzyDate, MAX_LENGTH, optionalText, period, text } from './validate.js';

type Correctable = 'Engagement' | EdgeType;

export interface FactKey {
  factType: string;
  factId: string;
}

function correctable(fact: FactInput): Correctable {
  if (fact.type === 'Engagement' || isEdgeType(fact.type)) return fact.type;
  throw badInput('fact.type', `must be Engagement or an edge type, got "${fact.type}"`);
}

/** The fact's current values, or NOT_FOUND. */
async function current(run: StepRunner, type: Correctable, id: string): Promise<EdgeRow | EngagementRow> {
  if (type === 'Engagement') {
    const [row] = await run('engagements-by-id', { ids: [id] });
    if (row !== undefined) return row['engagement'] as EngagementRow;
  } else {
    const [row] = await run('edges-by-id', { ids: [id] });
    const edge = row?.['edge'] as EdgeRow | undefined;
    if (edge !== undefined && edge.type === type) return edge;
  }
  throw userError('NOT_FOUND', `fact.id: no ${type} fact has the id "${id}"`, { argument: 'fact.id' });
}

function refuse(field: keyof FactChangesInput, type: Correctable): never {
  throw badInput(`changes.${field}`, `does not apply to a ${type} fact`);
}

/** The properties a correction sets, checked against what the fact is and what it holds now. */
function correctedProps(type: Correctable, before: EdgeRow | EngagementRow, changes: FactChangesInput) {
  const given = (Object.keys(changes) as (keyof FactChangesInput)[]).filter(
    (k) => changes[k] !== null && changes[k] !== undefined,
  );
  if (given.length === 0) throw badInput('changes', 'name at least one change');
  const isLineage = LineageKind.safeParse(type).success;
  const props: Record<string, unknown> = {};
  for (const field of given) {
    const allowed =
      field === 'contested' ||
      field === 'contestedNote' ||
      (field === 'date' && isLineage) ||
      ((field === 'from' || field === 'to') && !isLineage) ||
      (field === 'support' && type === 'SPONSORED_BY') ||
      ((field === 'outcome' || field === 'participant' || field === 'side' || field === 'role') &&
        type === 'Engagement');
    if (!allowed) refuse(field, type);
  }
  if (changes.date) props['date'] = fuzzyDate(changes.date, 'changes.date');
  if (changes.from || changes.to) {
    const [fromKey, toKey] = type === 'Engagement' ? ['start', 'end'] : ['from', 'to'];
    const was = before as unknown as Record<string, string | null | undefined>;
    const next = period(changes.from ?? was[`${fromKey}Value`], changes.to ?? was[`${toKey}Value`], 'changes');
    if (type === 'Engagement' && next.from === undefined) throw badInput('changes.from', 'an engagement has a start');
    Object.assign(props, storedFuzzyDate(fromKey, next.from), storedFuzzyDate(toKey, next.to));
  }
  if (changes.support) {
    if (changes.support.length === 0) throw badInput('changes.support', 'name at least one kind of support');
    props['support'] = [...new Set(changes.support)].sort();
  }
  if (changes.outcome) props['outcome'] = changes.outcome;
  if (changes.contested === false) Object.assign(props, { contested: false, contestedNote: null });
  const note = optionalText(changes.contestedNote, 'changes.contestedNote', MAX_LENGTH.note);
  if (changes.contested === true) {
    const problem = contestedProblem(true, note);
    if (problem !== undefined) throw badInput(`changes.${problem.field}`, problem.message);
    Object.assign(props, { contested: true, contestedNote: note });
  } else if (note !== undefined) {
    if (changes.contested === false || before.contested !== true)
      throw badInput('changes.contestedNote', 'only a contested fact has a note on what is disputed');
    props['contestedNote'] = note;
  }
  if ((changes.side || changes.role) && !changes.participant)
    throw badInput('changes.participant', 'name the actor whose side or role is corrected');
  if (changes.participant && !changes.side && !changes.role)
    throw badInput('changes.side', 'give the corrected side or role of the participant');
  return props;
}

/** factUpdate: see the SDL. */
export async function updateFact(
  executor: Executor,
  viewer: Viewer,
  fact: FactInput,
  changes: FactChangesInput,
  citationsInput: readonly CitationInput[],
): Promise<FactKey> {
  const type = correctable(fact);
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    const before = await current(run, type, fact.id);
    const props = correctedProps(type, before, changes);
    await checkCitations(run, citations);
    let participantBefore: unknown = null;
    if (changes.participant) {
      const participation = {
        ...(changes.side ? { side: changes.side } : {}),
        ...(changes.role ? { role: changes.role } : {}),
      };
      const [row] = await run('participant-update', {
        engagementId: fact.id,
        actorId: changes.participant,
        props: participation,
      });
      if (row === undefined)
        throw badInput('changes.participant', `"${changes.participant}" did not take part in ${fact.id}`);
      participantBefore = row['before'];
    }
    if (Object.keys(props).length > 0) await run('fact-update', { type, id: fact.id, props });
    await writeCitations(run, type, fact.id, citations);
    await recordChange(run, viewer, {
      operation: 'factUpdate',
      input: { fact, changes, citations: citationsInput, before, ...(participantBefore ? { participantBefore } : {}) },
      entityIds: [fact.id, ...(changes.participant ? [changes.participant] : [])],
      summary: `${type} ${fact.id} corrected: ${JSON.stringify(changes)}`,
    });
    return { factType: type, factId: fact.id };
  });
}

/** factRetract: see the SDL. */
export async function retractFact(
  executor: Executor,
  viewer: Viewer,
  fact: FactInput,
  reason: string,
  citationsInput: readonly CitationInput[],
): Promise<FactKey> {
  const type = correctable(fact);
  const why = text(reason, 'reason', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    const before = await current(run, type, fact.id);
    await checkCitations(run, citations);
    await run('fact-retract', { type, id: fact.id, reason: why, by: viewer.name, at: new Date().toISOString() });
    // The citations saying why stay live under the fact's id: the source tells what it withdrew.
    await writeCitations(
      run,
      type,
      fact.id,
      citations.map((c) => ({ ...c, note: c.note ?? `Withdraws the fact: ${why}` })),
    );
    const ends = 'fromId' in before ? [before.fromId, before.toId] : [];
    await recordChange(run, viewer, {
      operation: 'factRetract',
      input: { fact, reason: why, citations: citationsInput, before },
      entityIds: [fact.id, ...ends],
      summary: `${type} ${fact.id} withdrawn: ${why}`,
    });
    return { factType: type, factId: fact.id };
  });
}
