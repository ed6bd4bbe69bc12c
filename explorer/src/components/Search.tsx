/**
 * Search as you type: any spelling or romanisation of a name (the API ranks the matches), the
 * spelling that matched shown beside the canonical name, actors and places told apart.
 * Arrow keys move through the results, Enter opens one.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { request } from '../api';
import { SearchDocument, type SearchQuery } from '../generated/graphql';
import { href, navigate } from '../router';

type Hit = SearchQuery['search'][number];

export function hitHref(hit: Hit): string {
  return hit.type === 'Place' ? href.place(hit.id) : href.actor(hit.id);
}

export function Search({ label = 'Search actors and places', autofocus = false }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(-1);
  const [failure, setFailure] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      request(SearchDocument, { text: trimmed }, controller.signal).then(
        (data) => {
          setHits(data.search);
          setActive(data.search.length > 0 ? 0 : -1);
          setFailure(null);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setFailure((error as Error).message);
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && hits[active]) navigate(hitHref(hits[active]));
    else if (event.key === 'Escape') setHits([]);
    else return;
    event.preventDefault();
  };

  return (
    <div class="search" role="search">
      <label for={`${listId}-input`}>{label}</label>
      <input
        id={`${listId}-input`}
        type="search"
        value={text}
        autofocus={autofocus}
        autocomplete="off"
        placeholder="Nusra, Khantouman, هيئة تحرير الشام …"
        aria-controls={hits.length > 0 ? listId : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {failure && <p class="error">{failure}</p>}
      {hits.length > 0 && (
        <ul id={listId} class="hits" aria-label="Matches" aria-live="polite">
          {hits.map((hit, i) => (
            <li key={`${hit.type}-${hit.id}`} class={i === active ? 'active' : undefined}>
              <a href={hitHref(hit)} onClick={() => setHits([])}>
                <span class={`kind ${hit.type.toLowerCase()}`}>{hit.type === 'Place' ? 'place' : 'actor'}</span>
                <span class="hit-name">{hit.name}</span>
                {hit.matched !== hit.name && <span class="matched">matched “{hit.matched}”</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
      {text.trim().length >= 2 && hits.length === 0 && !failure && <p class="muted">No match yet.</p>}
    </div>
  );
}
