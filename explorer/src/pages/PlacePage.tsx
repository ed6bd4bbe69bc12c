/** A place: who held it when (a control band), what happened there and within it, its parent and parts. */
import { useEffect } from 'preact/hooks';
import { useQuery } from '../api';
import { CitationList, Fact, useEvidence } from '../components/Evidence';
import { EngagementsSection } from '../components/EngagementsSection';
import { Names } from '../components/Names';
import { TimeStrip } from '../components/TimeStrip';
import { showPeriod } from '../dates';
import { PlacePageDocument } from '../generated/graphql';
import { href } from '../router';
import { Failure, Loading, NotFound } from './states';

export function PlacePage({ id }: { id: string }) {
  const result = useQuery(PlacePageDocument, { id });
  const open = useEvidence();
  const place = result.data?.place;
  useEffect(() => {
    if (place) document.title = `${place.name}: Aleppo actors graph`;
  }, [place]);
  if (result.state === 'failed') return <Failure error={result.error} />;
  if (place === null) return <NotFound what={`place ${id}`} />;
  if (place === undefined || place.id !== id) return <Loading />;
  const control = [...place.controlHistory].sort((a, b) =>
    (a.from?.earliest ?? '').localeCompare(b.from?.earliest ?? ''),
  );
  const controlEvidence = (c: (typeof control)[number]) => ({
    title: `${c.actor.name} held ${place.name}, ${showPeriod(c.from, c.to)}`,
    citations: c.citations,
    contested: c.contested,
    contestedNote: c.contestedNote,
  });
  const here = {
    id: place.id,
    name: place.name,
    location: place.location,
    detail: 'this place',
    highlight: true,
  };
  return (
    <article class="entity place">
      <header>
        <p class="eyebrow">{place.kind.toLowerCase().replace(/_/g, ' ')}</p>
        <h1>{place.name}</h1>
        {place.description && <p class="description">{place.description}</p>}
        {place.partOf && (
          <p>
            Part of <a href={href.place(place.partOf.id)}>{place.partOf.name}</a>
          </p>
        )}
        {place.location ? (
          <p class="muted">
            {place.location.latitude.toFixed(4)}, {place.location.longitude.toFixed(4)}
            {place.location.source && (
              <>
                {' '}
                from <a href={href.source(place.location.source.id)}>{place.location.source.title}</a>
              </>
            )}
            {place.location.precision && ` (${place.location.precision})`}
          </p>
        ) : (
          <p class="muted">The graph has no coordinates for this place.</p>
        )}
      </header>
      <section aria-labelledby="control-title">
        <h2 id="control-title">Control history</h2>
        {control.length === 0 ? (
          <p class="muted">No source says who held it.</p>
        ) : (
          <>
            <TimeStrip
              title={`Who held ${place.name}`}
              items={control.map((c, i) => ({
                key: `${i}`,
                label: `${c.actor.name}, ${showPeriod(c.from, c.to)}`,
                start: c.from?.earliest ?? null,
                end: c.to?.latest ?? null,
                contested: c.contested,
                onSelect: () => open(controlEvidence(c)),
              }))}
            />
            <ol class="control-list" aria-label="Control history in time order">
              {control.map((c, i) => (
                <li key={i}>
                  <a href={href.actor(c.actor.id)}>{c.actor.name}</a>{' '}
                  <Fact evidence={controlEvidence(c)}>held it {showPeriod(c.from, c.to)}</Fact>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <EngagementsSection where={{ place: place.name, here }} title={`Engagements at ${place.name} and within`} />
      {place.partCount > 0 && (
        <section aria-labelledby="parts-title">
          <h2 id="parts-title">Places within ({place.partCount.toLocaleString('en')})</h2>
          {place.parts.length < place.partCount && (
            <p class="muted">
              The first {place.parts.length.toLocaleString('en')} by name, of {place.partCount.toLocaleString('en')}:
              search finds the others by name.
            </p>
          )}
          <ul class="columns">
            {place.parts.map((p) => (
              <li key={p.id}>
                <a href={href.place(p.id)}>{p.name}</a> <span class="muted">{p.kind.toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="names-title">
        <h2 id="names-title">Names</h2>
        <Names names={place.names} />
      </section>
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">Sources</h2>
        <CitationList citations={place.citations} />
      </section>
    </article>
  );
}
