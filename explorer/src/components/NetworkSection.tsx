/**
 * The network around an actor at a chosen date: an as-of slider (by month) that redraws the
 * graph, a hop count, and the relations drawn, listed as facts with their evidence.
 */
import { useState } from 'preact/hooks';
import { useQuery } from '../api';
import { NetworkDocument } from '../generated/graphql';
import { href } from '../router';
import { Fact } from './Evidence';
import { NetworkGraph } from './NetworkGraph';
import { RELATION_LABEL, edgeEvidence, edgeWhen } from './relations';

const FIRST_YEAR = 2011;
const LAST_YEAR = 2021;
const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12 - 1;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function monthStart(index: number): { iso: string; label: string } {
  const year = FIRST_YEAR + Math.floor(index / 12);
  const month = index % 12;
  return { iso: `${year}-${String(month + 1).padStart(2, '0')}-01`, label: `1 ${MONTH_NAMES[month]} ${year}` };
}

export function NetworkSection({ actorId }: { actorId: string }) {
  const [month, setMonth] = useState<number | null>(null);
  const [hops, setHops] = useState(1);
  const asOf = month === null ? null : monthStart(month);
  const result = useQuery(NetworkDocument, { id: actorId, asOf: asOf?.iso ?? null, hops });

  return (
    <section aria-labelledby="network-title">
      <h2 id="network-title">Network</h2>
      <div class="controls">
        <label for="as-of">As of</label>
        <input
          id="as-of"
          type="range"
          min={0}
          max={MONTHS}
          step={1}
          value={month ?? MONTHS}
          aria-valuetext={asOf?.label ?? 'all dates'}
          onInput={(e) => setMonth(Number(e.currentTarget.value))}
        />
        <output for="as-of" class="as-of-value">
          {asOf?.label ?? 'all dates'}
        </output>
        <button type="button" onClick={() => setMonth(null)} disabled={month === null}>
          All dates
        </button>
        <label for="hops">Hops</label>
        <select id="hops" value={hops} onChange={(e) => setHops(Number(e.currentTarget.value))}>
          <option value={1}>1</option>
          <option value={2}>2</option>
          <option value={3}>3</option>
        </select>
      </div>
      {result.state === 'failed' && <p class="error">{result.error.message}</p>}
      {result.data && (
        <div class={`network-view${result.state === 'loading' ? ' stale' : ''}`}>
          <NetworkGraph network={result.data.network} centerId={actorId} />
          <div class="relations">
            <h3>
              Relations {asOf ? `on ${asOf.label}` : 'at any date'} ({result.data.network.edges.length})
            </h3>
            {result.data.network.truncated && <p class="muted">More actors are in reach than drawn.</p>}
            {result.data.network.edges.length === 0 ? (
              <p class="muted">No sourced relation at this date.</p>
            ) : (
              <ul class="relation-list" aria-label="Relations drawn">
                {result.data.network.edges.map((e) => (
                  <li key={e.id}>
                    <a href={href.actor(e.source.id)}>{e.source.name}</a>{' '}
                    <Fact evidence={edgeEvidence(e)}>
                      {RELATION_LABEL[e.relation] ?? e.relation}
                      {e.support.length > 0 && ` (${e.support.join(', ').toLowerCase().replace(/_/g, ' ')})`}
                    </Fact>{' '}
                    <a href={href.actor(e.target.id)}>{e.target.name}</a> <span class="muted">{edgeWhen(e)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
