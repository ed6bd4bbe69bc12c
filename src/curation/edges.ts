/**
 * Dated edges between actors (lineage, membership, alliance, sponsorship) and control of places.
 * An edge's id names the relation, not its dates: the same request again is a no-op, other values
 * for the same relation are refused with a pointer to factUpdate.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { storedFuzzyDate } from '../db/storedValues.js';
import { EDGE_ENDPOINTS, type ActorRelationType } from '../domain/facts.js';
import { contestedProblem } from '../domain/provenance.js';
import { badInput, userError } from '../errors.js';
import type { AllianceInput, ControlInput, LineageInput, MembershipInput, SponsorshipInput } from '../schema/types.js';
import type { EdgeRow } from '../db/rows.js';
import { fuzzyDate, MAX_LENGTH, optionalText, period, slug } from './validate.js';
import {
  type ValidCitation,
  type Written,
  checkCitations,
  edgeId,
  recordChange,
  requireNodes,
  validCitations,
  writeCitations,
} from './edit.js';

interface EdgeFact {
  /** The labels its ends must have come from the domain (EDGE_ENDPOINTS). */
  type: 'CONTROLLED' | ActorRelationType;
  from: string;
  to: string;
  arguments: [string, string];
  props: Record<string, unknown>;
  citations: ValidCitation[];
  operation: string;
  input: unknown;
}

export function periodProps(
  p: { from?: string; to?: string },
  contested: boolean | null | undefined,
  contestedNote: string | null | undefined,
) {
  const note = optionalText(contestedNote, 'input.contestedNote', MAX_LENGTH.note);
  const problem = contestedProblem(contested ?? false, note);
  if (problem !== undefined) throw badInput(`input.${problem.field}`, problem.message);
  return {
    ...storedFuzzyDate('from', p.from),
    ...storedFuzzyDate('to', p.to),
    contested: contested ?? false,
    contestedNote: note ?? null,
  };
}

/** Whether an edge-add's values differ from the edge already recorded (re-sending it is a no-op). */
function differsFrom(recorded: EdgeRow, props: Record<string, unknown>): boolean {
  const was = recorded as unknown as Record<string, unknown>;
  return ['fromValue', 'toValue', 'dateValue', 'contested', 'contestedNote', 'support']
    .filter((key) => key in props)
    .some((key) => JSON.stringify(was[key] ?? null) !== JSON.stringify(props[key] ?? null));
}

async function addEdge(executor: Executor, viewer: Viewer, fact: EdgeFact): Promise<Written> {
  if (fact.from === fact.to) throw badInput(fact.arguments[1], 'must differ from the other end');
  // The id names the relation, not its dates: a corrected period is the same fact (factUpdate).
  const id = edgeId(fact.type, fact.from, fact.to);
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('edges-by-id', { ids: [id] });
    const recorded = existing?.['edge'] as EdgeRow | undefined;
    if (recorded !== undefined && differsFrom(recorded, fact.props)) {
      throw userError(
        'CONFLICT',
        `input: ${fact.from} ${fact.type} ${fact.to} is already recorded, with other values, as fact "${id}"; ` +
          `correct it with factUpdate(fact: { type: "${fact.type}", id: "${id}" }, ...)`,
        { argument: 'input' },
      );
    }
    await checkCitations(run, fact.citations, 'input.citations');
    const [written] =
      fact.type === 'CONTROLLED'
        ? await run('load-control', { rows: [{ id, actor: fact.from, place: fact.to, props: fact.props }] })
        : await run('load-actor-relations', {
            rows: [{ id, type: fact.type, from: fact.from, to: fact.to, props: fact.props }],
          });
    if (written?.['count'] !== 1) {
      const [fromLabel, toLabel] = EDGE_ENDPOINTS[fact.type];
      await requireNodes(run, [
        { id: fact.from, label: fromLabel, argument: fact.arguments[0] },
        { id: fact.to, label: toLabel, argument: fact.arguments[1] },
      ]);
    }
    await writeCitations(run, fact.type, id, fact.citations);
    await recordChange(run, viewer, {
      operation: fact.operation,
      input: fact.input,
      entityIds: [id, fact.from, fact.to],
      summary: `${fact.from} ${fact.type} ${fact.to}`,
    });
    return { id };
  });
}

export function addLineage(executor: Executor, viewer: Viewer, input: LineageInput): Promise<Written> {
  const kind = input.kind;
  const date = fuzzyDate(input.date, 'input.date');
  const { contested, contestedNote } = periodProps({}, input.contested, input.contestedNote);
  return addEdge(executor, viewer, {
    type: kind,
    from: slug(input.from, 'input.from'),
    to: slug(input.to, 'input.to'),
    arguments: ['input.from', 'input.to'],
    props: { ...storedFuzzyDate('date', date), contested, contestedNote },
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'lineageAdd',
    input,
  });
}

export function addMembership(executor: Executor, viewer: Viewer, input: MembershipInput): Promise<Written> {
  return addEdge(executor, viewer, {
    type: 'MEMBER_OF',
    from: slug(input.member, 'input.member'),
    to: slug(input.group, 'input.group'),
    arguments: ['input.member', 'input.group'],
    props: periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'membershipAdd',
    input,
  });
}

export function addAlliance(executor: Executor, viewer: Viewer, input: AllianceInput): Promise<Written> {
  if (input.actors.length !== 2)
    throw badInput('input.actors', 'an alliance joins exactly two actors; use a coalition and memberships for more');
  // Stored in id order, so "A allied with B" and "B allied with A" are one edge.
  const [a, b] = [slug(input.actors[0]!, 'input.actors[0]'), slug(input.actors[1]!, 'input.actors[1]')].sort() as [
    string,
    string,
  ];
  return addEdge(executor, viewer, {
    type: 'ALLIED_WITH',
    from: a,
    to: b,
    arguments: ['input.actors[0]', 'input.actors[1]'],
    props: periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'allianceAdd',
    input,
  });
}

export function addSponsorship(executor: Executor, viewer: Viewer, input: SponsorshipInput): Promise<Written> {
  if (input.support.length === 0) throw badInput('input.support', 'name at least one kind of support');
  const support = [...new Set(input.support)].sort();
  return addEdge(executor, viewer, {
    type: 'SPONSORED_BY',
    from: slug(input.client, 'input.client'),
    to: slug(input.sponsor, 'input.sponsor'),
    arguments: ['input.client', 'input.sponsor'],
    props: { ...periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote), support },
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'sponsorshipAdd',
    input,
  });
}

export function addControl(executor: Executor, viewer: Viewer, input: ControlInput): Promise<Written> {
  return addEdge(executor, viewer, {
    type: 'CONTROLLED',
    from: slug(input.actor, 'input.actor'),
    to: slug(input.place, 'input.place'),
    arguments: ['input.actor', 'input.place'],
    props: periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    citations: validCitations(input.citations, 'input.citations'),
    operation: 'controlAdd',
    input,
  });
}
