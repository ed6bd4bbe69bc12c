/**
 * The provenance rules every fact obeys, whoever writes it (the data files' loader, the curation
 * mutations): a citation names a source we hold; a citation of an article carries a quote found
 * in its text verbatim; a contested fact says what is disputed; coordinates come from a gazetteer.
 * Each rule answers with what is wrong (or nothing), and each caller reports it its own way (one
 * list of problems for the data files, a BAD_USER_INPUT naming the argument for a mutation).
 *
 * Verbatim: the only thing forgiven is whitespace (line breaks, runs of spaces, non-breaking
 * spaces), because articles are re-flowed when copied. Case, punctuation and quote marks (’ vs ',
 * “ vs ") are NOT folded: a quote that differs in any of them is not the source's wording.
 */
import type { SourceKind } from './enums.js';

/** Collapses every run of whitespace (including newlines, tabs and no-break spaces) to one space and trims. */
export function normaliseWhitespace(text: string): string {
  // `\s` in a JS regex covers ASCII whitespace, U+00A0, U+1680, U+2000-U+200A, U+2028/9, U+202F,
  // U+205F, U+3000 and U+FEFF.
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * True when `quote` occurs in `text` verbatim after whitespace normalisation of both.
 * An empty (or whitespace-only) quote never "appears": it would prove nothing.
 */
export function quoteAppearsIn(text: string, quote: string): boolean {
  const q = normaliseWhitespace(quote);
  if (q === '') return false;
  return normaliseWhitespace(text).includes(q);
}

/** What a citation rule needs to know of the cited source; `text` is the article's text where held. */
export interface CitedSource {
  kind: SourceKind;
  text?: string | null | undefined;
}

/** A broken rule: the field of the citation (or fact) at fault, and why. */
export interface ProvenanceProblem {
  field: 'source' | 'quote' | 'contestedNote';
  message: string;
}

/**
 * The rule for one citation of `sourceId` (undefined `source`: no source has that id). A REFERENCE
 * or DATASET citation vouches for the fact as a whole and needs no quote.
 */
export function citationProblem(
  sourceId: string,
  quote: string | undefined,
  source: CitedSource | undefined,
): ProvenanceProblem | undefined {
  if (source === undefined) return { field: 'source', message: `no source has the id "${sourceId}"` };
  if (source.kind !== 'ARTICLE') return undefined;
  if (quote === undefined) {
    return { field: 'quote', message: `a citation of ARTICLE source "${sourceId}" needs its verbatim quote` };
  }
  if (source.text && !quoteAppearsIn(source.text, quote)) {
    return { field: 'quote', message: `quote not found verbatim in source "${sourceId}": "${quote}"` };
  }
  return undefined;
}

/** A contested fact explains itself: what is disputed, and by whom. */
export function contestedProblem(
  contested: boolean,
  contestedNote: string | null | undefined,
): ProvenanceProblem | undefined {
  if (!contested || (contestedNote ?? '').trim() !== '') return undefined;
  return {
    field: 'contestedNote',
    message: 'contested is true but no contestedNote says what is disputed, and by whom',
  };
}

/** Coordinates are never guessed: they come from a gazetteer, a DATASET source. Undefined: fine. */
export function locationSourceProblem(sourceId: string, kind: SourceKind | undefined): string | undefined {
  if (kind === 'DATASET') return undefined;
  return kind === undefined
    ? `no source has the id "${sourceId}"`
    : `coordinates come from a gazetteer (a DATASET source), not the ${kind} "${sourceId}"; they are never guessed`;
}
