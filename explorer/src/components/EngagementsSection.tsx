/** The engagements of an actor, or at a place and the places within it: a strip, a list and a map. */
import { useQuery } from '../api';
import { ActorEngagementsDocument, MapPlacesDocument, PlaceEngagementsDocument } from '../generated/graphql';
import { Engagements } from './Engagements';
import { PlacesMap, countedPlaces, type MapPlace } from './PlacesMap';

type Where = { actor: string } | { place: string; here: MapPlace };

export function EngagementsSection({ where, title }: { where: Where; title: string }) {
  const byActor = useQuery(ActorEngagementsDocument, 'actor' in where ? { actor: where.actor } : null);
  const byPlace = useQuery(PlaceEngagementsDocument, 'place' in where ? { place: where.place } : null);
  const result = 'actor' in where ? byActor : byPlace;
  // The server sends at most 2,000 places, the most engagements first.
  const mapPlaces = useQuery(MapPlacesDocument, 'actor' in where ? { actor: where.actor } : { place: where.place });
  const here = 'here' in where ? where.here : null;
  return (
    <section aria-labelledby="engagements-title">
      <h2 id="engagements-title">
        {title}
        {result.data && ` (${result.data.engagements.totalCount.toLocaleString('en')})`}
      </h2>
      {result.state === 'failed' && <p class="error">{result.error.message}</p>}
      {result.data && (
        <Engagements
          engagements={result.data.engagements.edges.map((e) => e.node)}
          total={result.data.engagements.totalCount}
        />
      )}
      {mapPlaces.state === 'failed' && (
        <p class="error">The map's places could not be read: {mapPlaces.error.message}</p>
      )}
      {mapPlaces.state === 'loading' && result.data && (
        <p class="muted" aria-busy="true">
          Reading the places for the map …
        </p>
      )}
      {mapPlaces.data && (
        <>
          {mapPlaces.data.foughtAtPlaces.places.length < mapPlaces.data.foughtAtPlaces.totalCount && (
            <p class="map-capped" role="status">
              The map shows the {mapPlaces.data.foughtAtPlaces.places.length.toLocaleString('en')} places with the most
              engagements, of {mapPlaces.data.foughtAtPlaces.totalCount.toLocaleString('en')}: the rest are not drawn.
            </p>
          )}
          <PlacesMap
            places={[
              ...(here ? [here] : []),
              ...countedPlaces(mapPlaces.data.foughtAtPlaces.places).filter((p) => p.id !== here?.id),
            ]}
            label={`Map: ${title}`}
          />
        </>
      )}
    </section>
  );
}
