/**
 * "Read an article": paste a text (and the day it was published, when known), and see it against
 * the graph: the actors and places it names under whatever spelling, linked; the mentions to
 * check, with their ranked candidates and lineage warnings; the new names with the closest known
 * ones; the dates with their precision; and the facts it seems to state, to accept into the graph.
 * The last text read is kept in this tab's sessionStorage, so going to an entity and back keeps it.
 */
import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../api';
import {
  AnnotatedText,
  entityHref,
  isUnsure,
  Legend,
  type Annotation,
  type AnnotatedEntity,
} from '../components/AnnotatedText';
import { ProposalsForm } from '../components/ProposalsForm';
import { showDate } from '../dates';
import { AnnotateDocument } from '../generated/graphql';
import { sessionGet, sessionSet } from '../session';
import { Failure, Loading } from './states';

const DRAFT_KEY = 'aleppo-actors-graph:read-article';

interface Reading {
  text: string;
  published: string;
}

function storedReading(): Reading | null {
  try {
    const stored = JSON.parse(sessionGet(DRAFT_KEY) ?? 'null') as Reading | null;
    return stored && typeof stored.text === 'string' ? stored : null;
  } catch {
    return null; // not JSON: written by something else
  }
}

function EntityLink({ entity }: { entity: AnnotatedEntity }) {
  return (
    <>
      <span class={`kind ${entity.__typename.toLowerCase()}`}>{entity.__typename.toLowerCase()}</span>{' '}
      <a href={entityHref(entity)}>{entity.name}</a>
    </>
  );
}

function score(value: number): string {
  return value.toFixed(2);
}

export function ReadPage() {
  const [reading, setReading] = useState<Reading | null>(storedReading);
  const [text, setText] = useState(reading?.text ?? '');
  const [published, setPublished] = useState(reading?.published ?? '');
  const result = useQuery(
    AnnotateDocument,
    reading ? { text: reading.text, published: reading.published || null } : null,
  );
  useEffect(() => {
    document.title = 'Read an article: Aleppo actors graph';
  }, []);
  const submit = (event: Event) => {
    event.preventDefault();
    const next = { text, published };
    setReading(next);
    sessionSet(DRAFT_KEY, JSON.stringify(next));
  };
  const annotation = result.state === 'done' ? result.data.annotate : null;
  return (
    <article class="entity read">
      <h1>Read an article</h1>
      <p class="lede">
        Paste a report to see which actors and places the graph already knows in it, under whatever spelling it uses,
        which names are new, its dates, and the facts it seems to state.
      </p>
      <form class="read-form" onSubmit={submit}>
        <label for="read-text">The text</label>
        <textarea id="read-text" rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} required />
        <label for="read-published">Published on (optional)</label>
        <input
          id="read-published"
          type="date"
          value={published}
          aria-describedby="read-published-note"
          onInput={(e) => setPublished(e.currentTarget.value)}
        />
        <p id="read-published-note" class="note muted">
          Relative dates (“on 3 June”, “last month”) are read against it, and names used outside their period are
          flagged.
        </p>
        <button type="submit">Read it</button>
      </form>
      {reading && result.state === 'loading' && <Loading />}
      {reading && result.state === 'failed' && <Failure error={result.error} />}
      {reading && annotation && <ReadingResult reading={reading} annotation={annotation} />}
    </article>
  );
}

function ReadingResult({ reading, annotation }: { reading: Reading; annotation: Annotation }) {
  const known = new Map<string, { entity: AnnotatedEntity; count: number }>();
  for (const m of annotation.mentions) {
    if (!m.entity || isUnsure(m)) continue;
    const key = `${m.entity.__typename}:${m.entity.id}`;
    const seen = known.get(key) ?? { entity: m.entity, count: 0 };
    seen.count += 1;
    known.set(key, seen);
  }
  const unsure = annotation.mentions.map((m, i) => ({ m, i })).filter(({ m }) => isUnsure(m));
  return (
    <>
      <div class="source-layout">
        <section aria-labelledby="read-result-title">
          <h2 id="read-result-title">The text ({annotation.mentions.length} mentions)</h2>
          <Legend />
          <AnnotatedText text={reading.text} annotation={annotation} />
        </section>
        <aside aria-labelledby="known-title">
          <h2 id="known-title">Known to the graph ({known.size})</h2>
          {known.size === 0 ? (
            <p class="muted">No actor or place of the graph is named for sure.</p>
          ) : (
            <ul class="known">
              {[...known.values()].map(({ entity, count }) => (
                <li key={`${entity.__typename}:${entity.id}`}>
                  <EntityLink entity={entity} /> {count > 1 && <span class="muted">×{count}</span>}
                </li>
              ))}
            </ul>
          )}
          <h2 id="unsure-title">To check ({unsure.length})</h2>
          {unsure.length === 0 ? (
            <p class="muted">Every mention names one entity, in its period.</p>
          ) : (
            <ul class="unsure-list" aria-labelledby="unsure-title">
              {unsure.map(({ m, i }) => (
                <li key={i} id={`mention-${i}`} tabIndex={-1}>
                  <strong>“{m.text}”</strong>{' '}
                  {m.entity ? (
                    <>
                      read as <EntityLink entity={m.entity} />
                    </>
                  ) : (
                    <span>ambiguous</span>
                  )}{' '}
                  <span class="muted">confidence {score(m.confidence)}</span>
                  {m.lineageNote && <p class="contested-note lineage-note">{m.lineageNote}</p>}
                  <ol class="candidates" aria-label={`Candidates for “${m.text}”, best first`}>
                    {m.candidates.map((c, j) => (
                      <li key={j}>
                        <EntityLink entity={c.entity} />{' '}
                        <span class="muted">
                          {c.reason === 'LINEAGE' ? 'lineage' : `as “${c.matched}”`}, score {score(c.score)}
                          {(c.from || c.to) && `, ${c.from ? showDate(c.from) : '…'} – ${c.to ? showDate(c.to) : '…'}`}
                        </span>
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}
          <h2 id="new-names-title">New names ({annotation.newNames.length})</h2>
          {annotation.newNames.length === 0 ? (
            <p class="muted">None: every name that looks like a group or a place is in the graph.</p>
          ) : (
            <ul class="new-names">
              {annotation.newNames.map((n, i) => (
                <li key={i}>
                  <strong>“{n.text}”</strong> <span class="muted">looks like a {n.looksLike.toLowerCase()}</span>
                  {n.suggestions.length > 0 && (
                    <>
                      ; closest:{' '}
                      {n.suggestions.map((s, j) => (
                        <span key={j}>
                          {j > 0 && ', '}
                          <a href={entityHref(s.entity)}>{s.entity.name}</a>{' '}
                          <span class="muted">({score(s.score)})</span>
                        </span>
                      ))}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2 id="dates-title">Dates ({annotation.dates.length})</h2>
          {annotation.dates.length === 0 ? (
            <p class="muted">No date is written in the text.</p>
          ) : (
            <table class="names dates">
              <thead>
                <tr>
                  <th scope="col">In the text</th>
                  <th scope="col">Read as</th>
                  <th scope="col">Precision</th>
                </tr>
              </thead>
              <tbody>
                {annotation.dates.map((d, i) => (
                  <tr key={i}>
                    <td>
                      {d.text}
                      {d.relative && <span class="muted"> (relative)</span>}
                    </td>
                    <td>{d.date ? showDate(d.date) : <span class="muted">{d.note ?? 'not read'}</span>}</td>
                    <td>{d.date?.precision.toLowerCase() ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </aside>
      </div>
      <ProposalsForm
        key={`${reading.published}|${reading.text}`}
        proposals={annotation.proposals}
        mentions={annotation.mentions}
        text={reading.text}
        published={reading.published}
      />
    </>
  );
}
