/** Engagements with their places, participants and the operation they belong to, written whole. */
import type { Viewer } from '../auth/tokens.js';
import type { Executor, Params } from '../db/executor.js';
import type { QueryName } from '../db/queries.js';
import { storedFuzzyDate } from '../db/storedValues.js';
import { badInput } from '../errors.js';
import type { EngagementInput } from '../schema/types.js';
import { MAX_LENGTH, optionalText, period, slug, slugFrom, text } from './validate.js';
import {
  type Written,
  checkCitations,
  refuseTakenId,
  recordChange,
  requireNodes,
  validCitations,
  writeCitations,
} from './edit.js';
import { periodProps } from './edges.js';

export async function createEngagement(executor: Executor, viewer: Viewer, input: EngagementInput): Promise<Written> {
  const title = text(input.title, 'input.title', MAX_LENGTH.name);
  const kind = input.kind;
  const { from: start, to: end } = period(input.start, input.end, 'input');
  if (start === undefined) throw badInput('input.start', 'is required');
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(`${title} ${start}`, 'input.title');
  if (input.places.length === 0) throw badInput('input.places', 'an engagement happens somewhere');
  if (input.participants.length === 0) throw badInput('input.participants', 'an engagement needs a participant');
  const places = input.places.map((p, i) => slug(p, `input.places[${i}]`));
  const participants = input.participants.map((p, i) => ({
    actor: slug(p.actor, `input.participants[${i}].actor`),
    side: p.side,
    role: p.role ?? null,
    argument: `input.participants[${i}].actor`,
  }));
  const partOf = input.partOf ? slug(input.partOf, 'input.partOf') : undefined;
  const outcome = input.outcome ? input.outcome : 'UNKNOWN';
  const { contested, contestedNote } = periodProps({}, input.contested, input.contestedNote);
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    await refuseTakenId(run, id, { label: 'Engagement', name: title });
    await checkCitations(run, citations, 'input.citations');
    await run('load-engagements', {
      rows: [
        {
          id,
          props: {
            title,
            kind,
            ...storedFuzzyDate('start', start),
            ...storedFuzzyDate('end', end),
            outcome,
            outcomeText: optionalText(input.outcomeText, 'input.outcomeText', MAX_LENGTH.note) ?? null,
            contested,
            contestedNote,
            casualtiesJson: '[]',
          },
        },
      ],
    });
    // Links are written in bulk; one that matched nothing is named, and the transaction rolls back.
    type Ref = { id: string; label: string; argument: string };
    const links: [QueryName, Params[], Ref[]][] = [
      [
        'load-participants',
        participants.map((p) => ({ actor: p.actor, engagement: id, side: p.side, role: p.role, note: null })),
        participants.map((p) => ({ id: p.actor, label: 'Actor', argument: p.argument })),
      ],
      [
        'load-engagement-places',
        places.map((place) => ({ engagement: id, place })),
        places.map((p, i) => ({ id: p, label: 'Place', argument: `input.places[${i}]` })),
      ],
    ];
    if (partOf)
      links.push([
        'load-engagement-parts',
        [{ id, partOf }],
        [{ id: partOf, label: 'Engagement', argument: 'input.partOf' }],
      ]);
    for (const [query, rows, refs] of links) {
      const [written] = await run(query, { rows });
      if (written?.['count'] !== rows.length) await requireNodes(run, refs);
    }
    await writeCitations(run, 'Engagement', id, citations);
    await recordChange(run, viewer, {
      operation: 'engagementCreate',
      input,
      entityIds: [id, ...places, ...participants.map((p) => p.actor)],
      summary: `Engagement ${title} (${start})`,
    });
    return { id };
  });
}
