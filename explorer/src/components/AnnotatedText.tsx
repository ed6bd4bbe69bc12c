/**
 * A pasted text with what `annotate` found in it marked: a mention the graph links for sure is a
 * link to that actor's or place's page; a mention that may mean more than one entity (two of one
 * name, or a name used outside its period) is marked apart and links to its candidates; new
 * names and dates are marked too. Where two marks overlap the first one wins.
 */
import type { ComponentChildren } from 'preact';
import type { AnnotateQuery } from '../generated/graphql';
import { href } from '../router';

export type Annotation = AnnotateQuery['annotate'];
export type Mention = Annotation['mentions'][number];
export type AnnotatedEntity = NonNullable<Mention['entity']>;

export function entityHref(entity: AnnotatedEntity): string {
  return entity.__typename === 'Actor' ? href.actor(entity.id) : href.place(entity.id);
}

/** A mention to check: no entity, several candidates, or a name outside its period. */
export function isUnsure(mention: Mention): boolean {
  return mention.entity === null || mention.candidates.length > 1 || mention.lineageNote !== null;
}

type Span = { start: number; end: number; render: (text: string) => ComponentChildren };

export function AnnotatedText({ text, annotation }: { text: string; annotation: Annotation }) {
  const spans: Span[] = [
    ...annotation.mentions.map((m, i): Span => ({
      start: m.start,
      end: m.end,
      render: (t) =>
        isUnsure(m) ? (
          <a class="mention unsure" href={`#mention-${i}`} data-mention={i}>
            {t}
            <span class="visually-hidden"> (to check: see its candidates)</span>
          </a>
        ) : (
          <a
            class={`mention ${m.entity!.__typename.toLowerCase()}`}
            href={entityHref(m.entity!)}
            title={`${m.entity!.__typename}: ${m.entity!.name}`}
            data-mention={i}
          >
            {t}
          </a>
        ),
    })),
    ...annotation.newNames.map((n): Span => ({
      start: n.start,
      end: n.end,
      render: (t) => (
        <mark class="new-name" title={`New name: looks like a ${n.looksLike.toLowerCase()}`}>
          {t}
        </mark>
      ),
    })),
    ...annotation.dates.map((d): Span => ({
      start: d.start,
      end: d.end,
      render: (t) => (
        <mark class="date" title={d.date ? `${d.date.value} (${d.date.precision.toLowerCase()})` : 'not read'}>
          {d.date ? <time dateTime={d.date.value}>{t}</time> : t}
        </mark>
      ),
    })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const pieces: ComponentChildren[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    pieces.push(text.slice(at, span.start), span.render(text.slice(span.start, span.end)));
    at = span.end;
  }
  pieces.push(text.slice(at));
  return (
    <div class="source-text annotated" lang="en">
      {pieces}
    </div>
  );
}

export function Legend() {
  return (
    <p class="legend muted">
      <span class="mention actor">actor</span> <span class="mention place">place</span>{' '}
      <span class="mention unsure">to check</span> <mark class="new-name">new name</mark> <mark class="date">date</mark>
    </p>
  );
}
