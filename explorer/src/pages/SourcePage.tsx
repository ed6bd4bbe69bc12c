/**
 * A source as its text, every quoted passage highlighted and linked to the facts it supports:
 * read an article and see what the graph took from it.
 */
import { useEffect } from 'preact/hooks';
import { useQuery } from '../api';
import { showDate } from '../dates';
import { SourcePageDocument, type SourcePageQuery } from '../generated/graphql';
import { href } from '../router';
import { Failure, Loading, NotFound } from './states';

type Citation = NonNullable<SourcePageQuery['source']>['citations'][number];

interface Passage {
  start: number;
  end: number;
  citations: Citation[];
}

/** Where each quote stands in the text (whitespace aside), grouped by passage, overlaps dropped. */
export function locateQuotes(
  text: string,
  citations: readonly Citation[],
): { passages: Passage[]; missing: Citation[] } {
  const found = new Map<string, Passage>();
  const missing: Citation[] = [];
  for (const c of citations) {
    if (!c.quote) continue;
    const pattern = c.quote
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    const match = new RegExp(pattern).exec(text);
    if (!match) {
      missing.push(c);
      continue;
    }
    const key = `${match.index}:${match[0].length}`;
    const passage = found.get(key) ?? { start: match.index, end: match.index + match[0].length, citations: [] };
    passage.citations.push(c);
    found.set(key, passage);
  }
  const passages: Passage[] = [];
  for (const p of [...found.values()].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = passages[passages.length - 1];
    if (last && p.start < last.end) last.citations.push(...p.citations);
    else passages.push(p);
  }
  return { passages, missing };
}

function factHref(c: Citation): string | null {
  if (c.fact.type === 'Actor') return href.actor(c.fact.id);
  if (c.fact.type === 'Place') return href.place(c.fact.id);
  if (c.fact.type === 'Engagement') return href.engagement(c.fact.id);
  return null;
}

function FactLine({ citation }: { citation: Citation }) {
  const link = factHref(citation);
  return link ? <a href={link}>{citation.fact.summary}</a> : <span>{citation.fact.summary}</span>;
}

export function SourcePage({ id, cite }: { id: string; cite?: string }) {
  const result = useQuery(SourcePageDocument, { id });
  const source = result.data?.source;
  useEffect(() => {
    if (!source) return;
    document.title = `${source.title}: Aleppo actors graph`;
    const target = cite ? document.getElementById(`cite-${cite}`) : null;
    if (target) {
      target.classList.add('focused');
      target.scrollIntoView({ block: 'center' });
    }
  }, [source, cite]);
  if (result.state === 'failed') return <Failure error={result.error} />;
  if (source === null) return <NotFound what={`source ${id}`} />;
  if (source === undefined || source.id !== id) return <Loading />;

  const { passages, missing } = locateQuotes(source.text, source.citations);
  const pieces: preact.ComponentChildren[] = [];
  let at = 0;
  passages.forEach((p, n) => {
    pieces.push(source.text.slice(at, p.start));
    const first = p.citations[0]!;
    pieces.push(
      <mark id={`cite-${first.id}`} class="quote" key={first.id}>
        {p.citations.slice(1).map((c) => (
          <span id={`cite-${c.id}`} key={c.id} />
        ))}
        {source.text.slice(p.start, p.end)}
        <a href={`#passage-${n + 1}`} class="passage-ref" aria-label={`Facts from passage ${n + 1}`}>
          {n + 1}
        </a>
      </mark>,
    );
    at = p.end;
  });
  pieces.push(source.text.slice(at));

  return (
    <article class="entity source">
      <header>
        <p class="eyebrow">{source.kind.toLowerCase()}</p>
        <h1>{source.title}</h1>
        <p>
          {[source.publisher, source.author].filter(Boolean).join(', ')}
          {source.published && ` · ${showDate(source.published)}`}
          {source.publishedNote && <span class="muted"> ({source.publishedNote})</span>}
        </p>
        {source.perspective && <p class="muted">Perspective: {source.perspective}</p>}
        {source.url && <p class="muted url">{source.url}</p>}
      </header>
      <div class="source-layout">
        {source.text ? (
          <div class="source-text" lang="en">
            {pieces}
          </div>
        ) : (
          <p class="muted">A reference cited as a whole: the graph keeps no text of it.</p>
        )}
        <aside aria-labelledby="taken-title">
          <h2 id="taken-title">What the graph takes from it ({source.citationCount.toLocaleString('en')})</h2>
          {source.citations.length < source.citationCount && (
            <p class="muted">
              The first {source.citations.length.toLocaleString('en')} citations by id, of{' '}
              {source.citationCount.toLocaleString('en')}: the pages of the facts show the sources of each.
            </p>
          )}
          <ol class="passages">
            {passages.map((p, n) => (
              <li key={n} id={`passage-${n + 1}`}>
                <a href={`#cite-${p.citations[0]!.id}`} class="muted">
                  passage {n + 1}
                </a>
                <ul>
                  {p.citations.map((c) => (
                    <li key={c.id}>
                      <FactLine citation={c} />
                      {c.note && <p class="note">{c.note}</p>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {source.citations.some((c) => !c.quote) && (
            <>
              <h3>Cited as a whole</h3>
              <ul>
                {source.citations
                  .filter((c) => !c.quote)
                  .map((c) => (
                    <li key={c.id}>
                      <FactLine citation={c} />
                      {c.note && <p class="note">{c.note}</p>}
                    </li>
                  ))}
              </ul>
            </>
          )}
          {missing.length > 0 && <p class="error">{missing.length} quote(s) could not be found in this text.</p>}
        </aside>
      </div>
    </article>
  );
}
