/** An engagement: dates, sides, places, outcome and casualties in the source's words, with evidence. */
import { useEffect } from 'preact/hooks';
import { useQuery } from '../api';
import { CitationList } from '../components/Evidence';
import { PlacesMap } from '../components/PlacesMap';
import { showDate } from '../dates';
import { EngagementPageDocument } from '../generated/graphql';
import { href } from '../router';
import { Failure, Loading, NotFound } from './states';

export function EngagementPage({ id }: { id: string }) {
  const result = useQuery(EngagementPageDocument, { id });
  const engagement = result.data?.engagement;
  useEffect(() => {
    if (engagement) document.title = `${engagement.title}: Aleppo actors graph`;
  }, [engagement]);
  if (result.state === 'failed') return <Failure error={result.error} />;
  if (engagement === null) return <NotFound what={`engagement ${id}`} />;
  if (engagement === undefined || engagement.id !== id) return <Loading />;
  const sides = ['ATTACKER', 'DEFENDER'].map((side) => ({
    side,
    participants: engagement.participants.filter((p) => p.side === side),
  }));
  return (
    <article class={`entity engagement${engagement.contested ? ' contested' : ''}`}>
      <header>
        <p class="eyebrow">{engagement.kind.toLowerCase().replace(/_/g, ' ')}</p>
        <h1>{engagement.title}</h1>
        <p>
          {showDate(engagement.start)}
          {engagement.end && ` – ${showDate(engagement.end)}`}
          {engagement.dateNote && <span class="muted"> ({engagement.dateNote})</span>}
        </p>
        {engagement.contested && (
          <p class="contested-note">
            <strong>Contested.</strong> {engagement.contestedNote}
          </p>
        )}
        {engagement.partOf && (
          <p>
            Part of <a href={href.engagement(engagement.partOf.id)}>{engagement.partOf.title}</a>
          </p>
        )}
      </header>
      <section aria-labelledby="sides-title" class="sides">
        <h2 id="sides-title">Sides</h2>
        <div class="two">
          {sides.map(({ side, participants }) => (
            <div key={side}>
              <h3>{side === 'ATTACKER' ? 'Attackers' : 'Defenders'}</h3>
              <ul>
                {participants.map((p) => (
                  <li key={p.actor.id}>
                    <a href={href.actor(p.actor.id)}>{p.actor.name}</a>
                    {p.role && <span class="muted"> {p.role.toLowerCase()}</span>}
                    {p.note && <span class="muted"> ({p.note})</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
      {(engagement.outcome || engagement.outcomeText) && (
        <section aria-labelledby="outcome-title">
          <h2 id="outcome-title">Outcome</h2>
          <p>
            {engagement.outcome && <strong>{engagement.outcome.toLowerCase().replace(/_/g, ' ')}</strong>}
            {engagement.outcomeText && ` ${engagement.outcomeText}`}
          </p>
        </section>
      )}
      {engagement.casualties.length > 0 && (
        <section aria-labelledby="casualties-title">
          <h2 id="casualties-title">Casualties, as reported</h2>
          <ul>
            {engagement.casualties.map((c, i) => (
              <li key={i}>
                <strong>{c.group}</strong>: “{c.reported}” <a href={href.source(c.source.id)}>{c.source.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="places-title">
        <h2 id="places-title">Places</h2>
        <PlacesMap places={engagement.places} label={`Where ${engagement.title} happened`} />
      </section>
      {engagement.phases.length > 0 && (
        <section aria-labelledby="phases-title">
          <h2 id="phases-title">Phases</h2>
          <ul>
            {engagement.phases.map((p) => (
              <li key={p.id}>
                {showDate(p.start)} <a href={href.engagement(p.id)}>{p.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="evidence-title-list">
        <h2 id="evidence-title-list">Evidence</h2>
        <CitationList citations={engagement.citations} />
      </section>
    </article>
  );
}
