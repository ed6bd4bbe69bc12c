/**
 * The facts a text seems to state, each with its sentence, a checkbox, and what stops it from
 * being accepted as it stands; "Accept selected" sends the checked ones to annotationAccept with
 * the text as a new source. The mutation needs an editor token: the curator types it here and it
 * is kept in this tab's sessionStorage only. A refusal is shown with its code and argument.
 */
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { showDate } from '../dates';
import { AnnotationAcceptDocument, type AnnotationAcceptMutation } from '../generated/graphql';
import { acceptedProposals, proposalInput, type Proposal } from '../proposalInputs';
import { href } from '../router';
import { isUnsure, type Mention } from './AnnotatedText';
import { sessionGet, sessionSet } from '../session';

const TOKEN_KEY = 'aleppo-actors-graph:curator-token';

/** A lower-case ASCII slug of a title, as source ids are. */
function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const ROLE_WORD: Record<string, string> = {
  ATTACKER: 'attacker',
  DEFENDER: 'defender',
  PLACE: 'at',
  SPONSOR: 'sponsor',
  CLIENT: 'client',
  ALLY: 'ally',
  FROM: 'from',
  TO: 'to',
};

function summary(p: Proposal): string {
  const what = [
    p.engagementKind?.toLowerCase().replace(/_/g, ' '),
    p.lineageKind?.toLowerCase().replace(/_/g, ' '),
    p.support.length > 0 ? p.support.map((s) => s.toLowerCase().replace(/_/g, ' ')).join(', ') : undefined,
    p.outcome?.toLowerCase().replace(/_/g, ' '),
    // Alliances and sponsorships are written undated: one sentence's day is not their period.
    p.date && (p.kind === 'ENGAGEMENT' || p.kind === 'RENAME') ? showDate(p.date) : undefined,
  ].filter(Boolean);
  const who = p.participants.map(
    (x) => `${ROLE_WORD[x.role] ?? x.role} ${x.mention.entity?.name ?? `“${x.mention.text}”`}`,
  );
  return `${p.kind.toLowerCase()}${what.length > 0 ? ` (${what.join('; ')})` : ''}: ${who.join(', ')}`;
}

type Outcome =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'written'; facts: AnnotationAcceptMutation['annotationAccept'] }
  | { state: 'refused'; code: string | undefined; message: string };

export function ProposalsForm({
  proposals,
  mentions,
  text,
  published,
}: {
  proposals: readonly Proposal[];
  /** The annotation's mentions, to point at the participants whose reading is to check. */
  mentions: readonly Mention[];
  text: string;
  published: string;
}) {
  const [title, setTitle] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [publisher, setPublisher] = useState('');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState(() => sessionGet(TOKEN_KEY) ?? '');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const id = sourceId.trim() || slug(title);
  const inputs = proposals.map((p) => proposalInput(p, id));

  const toggle = (i: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(i);
    else next.delete(i);
    setSelected(next);
  };
  const keepToken = (value: string) => {
    setToken(value);
    sessionSet(TOKEN_KEY, value);
  };
  const accept = async (event: Event) => {
    event.preventDefault();
    setOutcome({ state: 'sending' });
    try {
      const data = await request(
        AnnotationAcceptDocument,
        {
          source: {
            id,
            kind: 'ARTICLE',
            title: title.trim(),
            publisher: publisher.trim() || null,
            url: url.trim() || null,
            published: published || null,
            text,
          },
          proposals: acceptedProposals(inputs.filter((_, i) => selected.has(i))),
        },
        undefined,
        token.trim() || undefined,
      );
      setOutcome({ state: 'written', facts: data.annotationAccept });
      setSelected(new Set());
    } catch (error) {
      setOutcome({
        state: 'refused',
        code: error instanceof ApiError ? error.code : undefined,
        message: (error as Error).message,
      });
    }
  };

  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposed facts ({proposals.length})</h2>
      <p class="muted">
        Read from word patterns in each sentence, so check each against its quote. Nothing is written until you accept.
      </p>
      {proposals.length === 0 ? (
        <p class="muted">No sentence reads as a fact the graph records.</p>
      ) : (
        <form onSubmit={(e) => void accept(e)}>
          <ol class="proposals">
            {proposals.map((p, i) => {
              const input = inputs[i]!;
              return (
                <li key={i} class={`proposal${p.contested ? ' contested' : ''}`}>
                  <input
                    type="checkbox"
                    id={`proposal-${i}`}
                    checked={selected.has(i)}
                    disabled={!input.ok}
                    aria-describedby={`proposal-${i}-quote`}
                    onChange={(e) => toggle(i, e.currentTarget.checked)}
                  />{' '}
                  <label for={`proposal-${i}`}>{summary(p)}</label>
                  {p.contested && <span class="badge">contested</span>}
                  <blockquote id={`proposal-${i}-quote`}>{p.quote}</blockquote>
                  {p.contested && p.contestedNote && <p class="note">{p.contestedNote}</p>}
                  {!input.ok && <p class="note">Cannot be accepted as it stands: {input.reason}.</p>}
                  <ToCheck proposal={p} mentions={mentions} />
                </li>
              );
            })}
          </ol>
          <fieldset class="accept">
            <legend>The text as a source</legend>
            <label for="source-title">Title</label>
            <input id="source-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />
            <label for="source-id">Id</label>
            <input
              id="source-id"
              value={sourceId}
              placeholder={slug(title) || 'from the title'}
              onInput={(e) => setSourceId(e.currentTarget.value)}
            />
            <label for="source-publisher">Publisher</label>
            <input id="source-publisher" value={publisher} onInput={(e) => setPublisher(e.currentTarget.value)} />
            <label for="source-url">URL</label>
            <input id="source-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
            <label for="curator-token">Editor token</label>
            <input
              id="curator-token"
              type="password"
              autocomplete="off"
              value={token}
              aria-describedby="curator-token-note"
              onInput={(e) => keepToken(e.currentTarget.value)}
            />
            <p id="curator-token-note" class="note muted">
              Sent as the bearer token of this request; kept in this tab's session storage only.{' '}
              {token && (
                <button type="button" class="link" onClick={() => keepToken('')}>
                  Forget it
                </button>
              )}
            </p>
          </fieldset>
          <button type="submit" disabled={selected.size === 0 || outcome.state === 'sending'}>
            Accept selected ({selected.size})
          </button>
        </form>
      )}
      <AcceptOutcome outcome={outcome} />
    </section>
  );
}

/** The participants read from a mention to check (ambiguous, or a name outside its period). */
function ToCheck({ proposal, mentions }: { proposal: Proposal; mentions: readonly Mention[] }) {
  const unsure = proposal.participants.flatMap((x) => {
    const i = mentions.findIndex((m) => m.start === x.mention.start && m.end === x.mention.end);
    const m = mentions[i];
    return m && m.entity && isUnsure(m) ? [{ i, m, entity: m.entity }] : [];
  });
  if (unsure.length === 0) return null;
  return (
    <p class="note to-check">
      Check first:{' '}
      {unsure.map(({ i, m, entity }, j) => (
        <span key={i}>
          {j > 0 && '; '}“{m.text}” is read as {entity.name} ({entity.__typename.toLowerCase()}),{' '}
          <a href={`#mention-${i}`}>see its candidates</a>
        </span>
      ))}
      .
    </p>
  );
}

function AcceptOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.state === 'sending') return <p aria-busy="true">Writing …</p>;
  if (outcome.state === 'refused')
    return (
      <p class="error accept-error" role="alert">
        Refused{outcome.code ? <code> {outcome.code}</code> : ''}: {outcome.message}
      </p>
    );
  if (outcome.state !== 'written') return null;
  const { source, engagements, sponsorships, alliances, renames } = outcome.facts;
  return (
    <div class="accepted" role="status">
      <p>
        Written, citing <a href={href.source(source.id)}>{source.title}</a>:
      </p>
      <ul>
        {engagements.map((e) => (
          <li key={e.id}>
            engagement <a href={href.engagement(e.id)}>{e.title}</a>
          </li>
        ))}
        {sponsorships.map((s, i) => (
          <li key={`s${i}`}>
            <a href={href.actor(s.sponsor.id)}>{s.sponsor.name}</a> sponsored{' '}
            <a href={href.actor(s.client.id)}>{s.client.name}</a> ({s.support.join(', ').toLowerCase()})
          </li>
        ))}
        {alliances.map((a, i) => (
          <li key={`a${i}`} class="accepted-alliance">
            alliance of{' '}
            {a.actors.map((x, j) => (
              <span key={x.id}>
                {j > 0 && ', '}
                <a href={href.actor(x.id)}>{x.name}</a>
              </span>
            ))}
          </li>
        ))}
        {renames.map((r, i) => (
          <li key={`r${i}`}>
            <a href={href.actor(r.from.id)}>{r.from.name}</a> {r.kind.toLowerCase().replace(/_/g, ' ')}{' '}
            <a href={href.actor(r.to.id)}>{r.to.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
