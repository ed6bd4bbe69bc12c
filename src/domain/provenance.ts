/**
 * Provenance checks: a quote cited from a source text must appear in that text verbatim.
 *
 * The only thing forgiven is whitespace (line breaks, runs of spaces, non-breaking spaces), because
 * articles are re-flowed when copied. Case, punctuation and quote marks (’ vs ', “ vs ") are NOT
 * folded: a quote that differs in any of them is not the source's wording.
 */

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
