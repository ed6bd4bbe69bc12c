/** The engagements of an actor, or at a place and the places within it: a strip, a list and a map. */
import { useQuery } from '../api';
import { ActorEngagementsDocument, PlaceEngagementsDocument } from '../generated/graphql';
import { Engagements } from './Engagements';
import { PlacesMap, foughtAtPlaces, type MapPlace } from './PlacesMap';

type Where = { actor: string } | { place: string; here: MapPlace };

export function EngagementsSection({ where, title }: { where: Where; title: string }) {
  const byActor = useQuery(ActorEngagementsDocument, 'actor' in where ? { actor: where.actor } : null);
  const byPlace = useQuery(PlaceEngagementsDocument, 'place' in where ? { place: where.place } : null);
  const result = 'actor' in where ? byActor : byPlace;
  const here = 'here' in where ? where.here : null;
  return (
    <section aria-labelledby="engagements-title">
      <h2 id="engagements-title">
        {title}
        {result.data && ` (${result.data.engagements.totalCount})`}
      </h2>
      {result.state === 'failed' && <p class="error">{result.error.message}</p>}
      {result.data && (
        <>
          <Engagements
            engagements={result.data.engagements.edges.map((e) => e.node)}
            total={result.data.engagements.totalCount}
          />
          <PlacesMap
            places={[
              ...(here ? [here] : []),
              ...foughtAtPlaces(result.data.whoFoughtWhere.edges.map((edge) => edge.node)).filter(
                (p) => p.id !== here?.id,
              ),
            ]}
            label={`Map: ${title}`}
          />
        </>
      )}
    </section>
  );
}
