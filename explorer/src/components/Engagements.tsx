/** Engagements on a time strip and as a list, each linked to its page; contested ones marked. */
import type { EngagementSummary as EngagementSummaryFragment } from '../shapes';
import { showDate } from '../dates';
import { href, navigate } from '../router';
import { TimeStrip } from './TimeStrip';

export function Engagements({
  engagements,
  total,
}: {
  engagements: readonly EngagementSummaryFragment[];
  total: number;
}) {
  if (engagements.length === 0) return <p class="muted">No engagement is recorded.</p>;
  const sorted = [...engagements].sort((a, b) => a.start.earliest.localeCompare(b.start.earliest));
  return (
    <>
      <TimeStrip
        title="Engagements in time order"
        items={sorted.map((e) => ({
          key: e.id,
          label: `${showDate(e.start)} ${e.title}`,
          start: e.start.earliest,
          end: e.end?.latest ?? e.start.latest,
          contested: e.contested,
          onSelect: () => navigate(href.engagement(e.id)),
        }))}
      />
      {total > engagements.length && (
        <p class="muted">
          The first {engagements.length} of {total}.
        </p>
      )}
      <ul class="engagement-list">
        {sorted.map((e) => (
          <li key={e.id} class={e.contested ? 'contested' : undefined}>
            <time dateTime={e.start.value}>{showDate(e.start)}</time> <a href={href.engagement(e.id)}>{e.title}</a>{' '}
            <span class="muted">{e.kind.toLowerCase().replace(/_/g, ' ')}</span>
            {e.contested && (
              <span class="badge" title={e.contestedNote ?? undefined}>
                contested
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
