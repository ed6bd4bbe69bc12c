/** "How are A and B connected": the shortest chains of sourced relations, each hop with its evidence. */
import { useState } from 'preact/hooks';
import { useQuery } from '../api';
import { Fact } from '../components/Evidence';
import { RELATION_LABEL } from '../components/relations';
import { showPeriod } from '../dates';
import { ConnectionDocument } from '../generated/graphql';
import { href, navigate } from '../router';
import { Failure, Loading } from './states';

export function ConnectPage({ from, to }: { from: string; to: string }) {
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const result = useQuery(ConnectionDocument, from && to ? { from, to } : null);
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(href.connect(a.trim(), b.trim()));
  };
  return (
    <article class="entity connect">
      <h1>How are they connected?</h1>
      <form onSubmit={submit} class="connect-form">
        <label for="connect-from">From</label>
        <input id="connect-from" value={a} onInput={(e) => setA(e.currentTarget.value)} placeholder="Turkey" required />
        <label for="connect-to">To</label>
        <input id="connect-to" value={b} onInput={(e) => setB(e.currentTarget.value)} placeholder="Nusra" required />
        <button type="submit">Find the chains</button>
      </form>
      {from && to && result.state === 'loading' && <Loading />}
      {from && to && result.state === 'failed' && <Failure error={result.error} />}
      {from && to && result.state === 'done' && (
        <section aria-labelledby="paths-title">
          <h2 id="paths-title">
            {result.data.connection.length === 0
              ? 'No chain of sourced relations links them.'
              : `${result.data.connection.length} shortest chain(s), ${result.data.connection[0]!.length} hop(s) each`}
          </h2>
          {result.data.connection.map((path, i) => (
            <ol key={i} class="path" aria-label={`Chain ${i + 1}`}>
              {path.steps.map((step) => (
                <li key={step.factId}>
                  <a href={href.actor(step.from.id)}>{step.from.name}</a>{' '}
                  <Fact
                    evidence={{
                      title: `${step.from.name} ${RELATION_LABEL[step.relation] ?? step.relation} ${step.to.name}`,
                      citations: step.citations,
                      contested: step.contested,
                      contestedNote: step.contestedNote,
                    }}
                  >
                    {RELATION_LABEL[step.relation] ?? step.relation}
                  </Fact>{' '}
                  <a href={href.actor(step.to.id)}>{step.to.name}</a>{' '}
                  <span class="muted">{step.period ? showPeriod(step.period.from, step.period.to) : ''}</span>
                </li>
              ))}
            </ol>
          ))}
        </section>
      )}
    </article>
  );
}
