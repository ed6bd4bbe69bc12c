/**
 * Every fact is a button that opens its evidence: each citation's verbatim quote, its source
 * (linked to the source page, where the quote is highlighted) and note. Contested facts look
 * different and say what is disputed.
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Evidence as EvidenceFragment } from '../shapes';
import { href } from '../router';

export interface FactEvidence {
  title: string;
  citations: readonly EvidenceFragment[];
  contested?: boolean;
  contestedNote?: string | null;
}

const OpenEvidence = createContext<(fact: FactEvidence) => void>(() => undefined);

export function EvidenceProvider({ children }: { children: ComponentChildren }) {
  const [fact, setFact] = useState<FactEvidence | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (fact && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [fact]);
  return (
    <OpenEvidence.Provider value={setFact}>
      {children}
      <dialog ref={dialog} class="evidence" aria-labelledby="evidence-title" onClose={() => setFact(null)}>
        {fact && (
          <>
            <header>
              <h2 id="evidence-title">{fact.title}</h2>
              <button
                type="button"
                class="close"
                onClick={() => dialog.current?.close()}
                aria-label="Close the evidence"
              >
                ×
              </button>
            </header>
            {fact.contested && (
              <p class="contested-note">
                <strong>Contested.</strong> {fact.contestedNote ?? 'The sources disagree on this fact.'}
              </p>
            )}
            <CitationList citations={fact.citations} />
          </>
        )}
      </dialog>
    </OpenEvidence.Provider>
  );
}

export function CitationList({ citations }: { citations: readonly EvidenceFragment[] }) {
  if (citations.length === 0) return <p class="muted">No citation.</p>;
  return (
    <ul class="citations">
      {citations.map((c) => (
        <li key={c.id}>
          {c.quote ? <blockquote>“{c.quote}”</blockquote> : <p class="muted">The reference as a whole.</p>}
          <p class="cited-source">
            <a href={href.source(c.source.id, c.quote ? c.id : undefined)}>{c.source.title}</a>
            <span class="muted"> ({c.source.kind.toLowerCase()})</span>
          </p>
          {c.note && <p class="note">{c.note}</p>}
        </li>
      ))}
    </ul>
  );
}

/** A fact in the page: its text is the button that opens its evidence. */
export function Fact({
  evidence,
  children,
  class: className,
}: {
  evidence: FactEvidence;
  children: ComponentChildren;
  class?: string;
}) {
  const open = useContext(OpenEvidence);
  return (
    <button
      type="button"
      class={`fact${evidence.contested ? ' contested' : ''}${className ? ` ${className}` : ''}`}
      onClick={() => open(evidence)}
      title={evidence.contested ? `Contested: ${evidence.contestedNote ?? ''}` : 'Show the evidence'}
    >
      {children}
      {evidence.contested && <span class="badge">contested</span>}
    </button>
  );
}

export function useEvidence(): (fact: FactEvidence) => void {
  return useContext(OpenEvidence);
}
