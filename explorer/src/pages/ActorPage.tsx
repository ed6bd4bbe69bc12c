/** An actor: its names, its lineage, its network at a date, its engagements on a strip and a map. */
import { useEffect } from 'preact/hooks';
import { useQuery } from '../api';
import { CitationList } from '../components/Evidence';
import { EngagementsSection } from '../components/EngagementsSection';
import { Lineage } from '../components/Lineage';
import { Names } from '../components/Names';
import { NetworkSection } from '../components/NetworkSection';
import { ActorPageDocument } from '../generated/graphql';
import { href } from '../router';
import { Failure, Loading, NotFound } from './states';

export function ActorPage({ id }: { id: string }) {
  const result = useQuery(ActorPageDocument, { id });
  const actor = result.data?.actor;
  useEffect(() => {
    if (actor) {
      document.title = `${actor.name}: Aleppo actors graph`;
      performance.mark('actor-ready');
    }
  }, [actor]);
  if (result.state === 'failed') return <Failure error={result.error} />;
  if (actor === null) return <NotFound what={`actor ${id}`} />;
  // The network asks by id, so it loads alongside the actor instead of after it.
  if (actor === undefined || actor.id !== id) {
    return (
      <article class="entity actor">
        <Loading />
        <NetworkSection key="network" actorId={id} />
      </article>
    );
  }
  return (
    <article class="entity actor">
      <header>
        <p class="eyebrow">{actor.kind.toLowerCase().replace(/_/g, ' ')}</p>
        <h1>{actor.name}</h1>
        {actor.description && <p class="description">{actor.description}</p>}
        {actor.reviewStatus !== 'REVIEWED' && <p class="badge">needs review</p>}
        <p>
          <a href={href.connect(actor.name)}>How is {actor.name} connected to …</a>
        </p>
      </header>
      <section aria-labelledby="names-title">
        <h2 id="names-title">Names</h2>
        <Names names={actor.names} />
      </section>
      <section aria-labelledby="lineage-title">
        <h2 id="lineage-title">Lineage</h2>
        <Lineage events={actor.lineage} actorId={actor.id} actorName={actor.name} />
      </section>
      <NetworkSection key="network" actorId={actor.id} />
      <EngagementsSection where={{ actor: actor.name }} title={`Engagements of ${actor.name}`} />
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">Sources naming {actor.name}</h2>
        <CitationList citations={actor.citations} />
      </section>
    </article>
  );
}
