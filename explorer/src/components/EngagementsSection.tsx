/** The engagements of an actor, or at a place and the places within it: a strip, a list and a map. */
import { useAllPages, useQuery } from '../api';
import {
  ActorEngagementsDocument,
  ActorFoughtAtDocument,
  PlaceEngagementsDocument,
  PlaceFoughtAtDocument,
} from '../generated/graphql';
import { Engagements } from './Engagements';
import { PlacesMap, foughtAtPlaces, type MapPlace } from './PlacesMap';

type Where = { actor: string } | { place: string; here: MapPlace };

/**
 * The map reads at most this many actor-place pairs (ten pages): enough for any one actor or
 * place of the UCDP release, and a bound on what one page view asks of the server. Past it the
 * map says how many it shows.
 */
export const MAP_PAIR_CAP = 2_000;

export function EngagementsSection({ where, title }: { where: Where; title: string }) {
  const byActor = useQuery(ActorEngagementsDocument, 'actor' in where ? { actor: where.actor } : null);
  const byPlace = useQuery(PlaceEngagementsDocument, 'place' in where ? { place: where.place } : null);
  const result = 'actor' in where ? byActor : byPlace;
  const pairsByActor = useAllPages(
    ActorFoughtAtDocument,
    'actor' in where ? { actor: where.actor } : null,
    (r) => r.whoFoughtWhere,
    MAP_PAIR_CAP,
  );
  const pairsByPlace = useAllPages(
    PlaceFoughtAtDocument,
    'place' in where ? { place: where.place } : null,
    (r) => r.whoFoughtWhere,
    MAP_PAIR_CAP,
  );
  const pairs = 'actor' in where ? pairsByActor : pairsByPlace;
  const here = 'here' in where ? where.here : null;
  return (
    <section aria-labelledby="engagements-title">
      <h2 id="engagements-title">
        {title}
        {result.data && ` (${result.data.engagements.totalCount})`}
      </h2>
      {result.state === 'failed' && <p class="error">{result.error.message}</p>}
      {result.data && (
        <Engagements
          engagements={result.data.engagements.edges.map((e) => e.node)}
          total={result.data.engagements.totalCount}
        />
      )}
      {pairs.state === 'failed' && <p class="error">The map's places could not be read: {pairs.error.message}</p>}
      {pairs.state === 'loading' && result.data && (
        <p class="muted" aria-busy="true">
          Reading the places for the map …
        </p>
      )}
      {pairs.data && (
        <>
          {pairs.data.capped && (
            <p class="map-capped" role="status">
              The map shows the first {pairs.data.items.length.toLocaleString('en')} of{' '}
              {pairs.data.total.toLocaleString('en')} actor-place pairs: the rest are not drawn.
            </p>
          )}
          <PlacesMap
            places={[...(here ? [here] : []), ...foughtAtPlaces(pairs.data.items).filter((p) => p.id !== here?.id)]}
            label={`Map: ${title}`}
          />
        </>
      )}
    </section>
  );
}
