/**
 * Reading an article against the graph: mentions, new names, dates and proposed facts.
 * Pure: the caller passes the name index (see nameIndex.ts) and gets plain data back.
 */
import type { FuzzyDate } from '../fuzzyDate.js';
import { findDates } from './dates.js';
import { findMentions } from './mentions.js';
import type { NameIndex } from './nameIndex.js';
import { proposalsFor, type Participant } from './proposals.js';
import { sentences, tokenise } from './text.js';
import type { Annotation } from './types.js';

/** Longest text `annotate` reads (characters): a long report, not a book. */
export const MAX_ANNOTATE_LENGTH = 200_000;

/**
 * Annotates `text`. `published` is the text's own date (any precision): relative dates are read
 * against it and names used outside their period are flagged; without it both stay unread.
 */
export function annotate(text: string, index: NameIndex, published: FuzzyDate | null = null): Annotation {
  const dates = findDates(text, published);
  const tokens = tokenise(text);
  const { mentions, newNames } = findMentions(text, tokens, index, published, dates);
  // New names take part in proposals too: a fact about an unknown group is still a fact.
  const participants: Participant[] = [
    ...mentions,
    ...newNames.map((n): Participant => ({
      start: n.start,
      end: n.end,
      text: n.text,
      entity: null,
      matched: null,
      candidates: [],
      confidence: 0,
      lineageNote: null,
      looksLike: n.looksLike,
    })),
  ].sort((a, b) => a.start - b.start);
  const proposals = proposalsFor(text, sentences(text), participants, dates, index);
  return { mentions, newNames, dates, proposals };
}
