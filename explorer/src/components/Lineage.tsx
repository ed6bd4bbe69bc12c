/**
 * A group's lineage (renames, mergers, splits, absorptions, both directions) as a time strip and
 * as a list in time order, each event a fact that opens its evidence.
 */
import type { ActorPageQuery } from '../generated/graphql';
import { showDate } from '../dates';
import { href } from '../router';
import { Fact, useEvidence } from './Evidence';
import { TimeStrip } from './TimeStrip';

type LineageEvent = NonNullable<ActorPageQuery['actor']>['lineage'][number];

const VERB: Record<string, string> = {
  RENAMED_TO: 'renamed to',
  MERGED_INTO: 'merged into',
  SPLIT_FROM: 'split from',
  ABSORBED_INTO: 'absorbed into',
};

export function Lineage({
  events,
  actorId,
  actorName,
}: {
  events: readonly LineageEvent[];
  actorId: string;
  actorName: string;
}) {
  const open = useEvidence();
  if (events.length === 0) return <p class="muted">No rename, merger or split is recorded for this actor.</p>;
  const sorted = [...events].sort((a, b) => (a.date?.earliest ?? '').localeCompare(b.date?.earliest ?? ''));
  const evidence = (e: LineageEvent) => ({
    title: `${e.from.name} ${VERB[e.kind] ?? e.kind} ${e.to.name}`,
    citations: e.citations,
    contested: e.contested,
    contestedNote: e.contestedNote,
  });
  return (
    <>
      <TimeStrip
        title={`Lineage of ${actorName}, in time order`}
        items={sorted.map((e, i) => ({
          key: `${i}`,
          label: `${showDate(e.date)}: ${e.from.name} ${VERB[e.kind] ?? e.kind} ${e.to.name}`,
          start: e.date?.earliest ?? null,
          end: e.date?.latest ?? null,
          contested: e.contested,
          onSelect: () => open(evidence(e)),
        }))}
      />
      <ol class="lineage" aria-label="Lineage events in time order">
        {sorted.map((e, i) => (
          <li key={i}>
            <time dateTime={e.date?.value}>
              {showDate(e.date)}
              {e.date && e.date.precision !== 'DAY' && (
                <span class="precision"> ({e.date.precision.toLowerCase()})</span>
              )}
            </time>{' '}
            <a href={href.actor(e.from.id)} class={e.from.id === actorId ? 'self' : undefined}>
              {e.from.name}
            </a>{' '}
            <Fact evidence={evidence(e)}>{VERB[e.kind] ?? e.kind}</Fact> <a href={href.actor(e.to.id)}>{e.to.name}</a>
          </li>
        ))}
      </ol>
    </>
  );
}
