/**
 * Curation of agreements, ceasefires and plans, and of their violations. The same rules as every
 * other fact: an editor's token (checked by the resolver), at least one citation whose article
 * quotes appear verbatim, one write transaction (all or nothing), a stable id derived from the
 * input (re-sending changes nothing) and a recorded change.
 */
import type { Executor } from '../db/executor.js';
import { storedFuzzyDate } from '../db/storedValues.js';
import { badInput } from '../errors.js';
import type { Viewer } from '../auth/tokens.js';
import type { AgreementInput, ViolationInput } from '../schema/types.js';
import {
  checkCitations,
  edgeId,
  refuseTakenId,
  recordChange,
  requireNodes,
  validCitations,
  writeCitations,
  type Written,
} from './edit.js';
import { periodProps } from './edges.js';
import { MAX_LENGTH, optionalFuzzyDate, optionalText, period, slug, slugFrom, text } from './validate.js';

/** Adds (or, re-sent, re-writes) an agreement with its parties and the places it covers. */
export async function addAgreement(executor: Executor, viewer: Viewer, input: AgreementInput): Promise<Written> {
  const name = text(input.name, 'input.name', MAX_LENGTH.name);
  const kind = input.kind;
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(name, 'input.name');
  const announced = optionalFuzzyDate(input.announced, 'input.announced');
  const props = {
    name,
    kind,
    ...storedFuzzyDate('announced', announced),
    dateNote: optionalText(input.dateNote, 'input.dateNote', MAX_LENGTH.note) ?? null,
    description: optionalText(input.description, 'input.description', MAX_LENGTH.description) ?? null,
    ...periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
  };
  if (input.parties.length === 0) throw badInput('input.parties', 'name at least one party, proposer or announcer');
  const parties = input.parties.map((p, i) => ({
    agreement: id,
    actor: slug(p.actor, `input.parties[${i}].actor`),
    role: p.role,
    note: optionalText(p.note, `input.parties[${i}].note`, MAX_LENGTH.note) ?? null,
  }));
  const places = (input.places ?? []).map((p, i) => ({ agreement: id, place: slug(p, `input.places[${i}]`) }));
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    await refuseTakenId(run, id, { label: 'Agreement', name });
    await requireNodes(run, [
      ...parties.map((p, i) => ({ id: p.actor, label: 'Actor', argument: `input.parties[${i}].actor` })),
      ...places.map((p, i) => ({ id: p.place, label: 'Place', argument: `input.places[${i}]` })),
    ]);
    await checkCitations(run, citations, 'input.citations');
    await run('load-agreements', { rows: [{ id, props }] });
    await run('load-agreement-parties', { rows: parties });
    await run('load-agreement-places', { rows: places });
    await writeCitations(run, 'Agreement', id, citations);
    await recordChange(run, viewer, {
      operation: 'agreementAdd',
      input,
      entityIds: [id, ...parties.map((p) => p.actor), ...places.map((p) => p.place)],
      summary: `Agreement ${name} (${kind})`,
    });
    return { id };
  });
}

/** Records that an actor violated an agreement: a dated, cited edge. */
export async function addViolation(executor: Executor, viewer: Viewer, input: ViolationInput): Promise<Written> {
  const actor = slug(input.actor, 'input.actor');
  const agreement = slug(input.agreement, 'input.agreement');
  const props = periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote);
  const citations = validCitations(input.citations, 'input.citations');
  const id = edgeId('VIOLATED', actor, agreement, props);
  return executor.writeTransaction(async (run) => {
    await requireNodes(run, [
      { id: actor, label: 'Actor', argument: 'input.actor' },
      { id: agreement, label: 'Agreement', argument: 'input.agreement' },
    ]);
    await checkCitations(run, citations, 'input.citations');
    await run('load-violations', { rows: [{ id, actor, agreement, props }] });
    await writeCitations(run, 'VIOLATED', id, citations);
    await recordChange(run, viewer, {
      operation: 'violationAdd',
      input,
      entityIds: [id, actor, agreement],
      summary: `${actor} VIOLATED ${agreement}`,
    });
    return { id };
  });
}
