/**
 * Precision and recall of an annotation against a gold file (format in docs/annotate.md).
 *
 * - Mentions: a found span counts when a gold mention has the same start and end.
 * - Linked mentions: ... and links the same entity (type and id).
 * - Entities: the distinct entities linked anywhere in the text against those of the gold file.
 */
import type { EntityType, Mention } from './types.js';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  entity: { type: EntityType; id: string };
  /** Other entities the span may equally mean (an actor and a place of one name). */
  alternatives?: { type: EntityType; id: string }[];
}

export interface GoldFile {
  /** The text's path, relative to the gold file. */
  text: string;
  /** The text's date, YYYY, YYYY-MM or YYYY-MM-DD, when known. */
  published?: string;
  /** How the gold mentions were made. */
  note?: string;
  mentions: GoldMention[];
}

export interface Score {
  found: number;
  expected: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  mentions: Score;
  linkedMentions: Score;
  entities: Score;
  /** Gold mentions not found with the right entity, and found mentions not in the gold file. */
  missed: GoldMention[];
  spurious: { start: number; end: number; text: string; entity: string | null }[];
}

function score(found: number, expected: number, correct: number): Score {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 10_000) / 10_000);
  return { found, expected, correct, precision: ratio(correct, found), recall: ratio(correct, expected) };
}

const entityOf = (m: Mention) => (m.entity === null ? null : `${m.entity.entityType}|${m.entity.entityId}`);

export function evaluateMentions(found: readonly Mention[], gold: readonly GoldMention[]): Evaluation {
  const goldBySpan = new Map(gold.map((g) => [`${g.start}:${g.end}`, g]));
  let spans = 0;
  let linked = 0;
  const hit = new Set<GoldMention>();
  const spurious: Evaluation['spurious'] = [];
  for (const m of found) {
    const g = goldBySpan.get(`${m.start}:${m.end}`);
    if (g !== undefined) spans++;
    if (g !== undefined && [g.entity, ...(g.alternatives ?? [])].some((e) => entityOf(m) === `${e.type}|${e.id}`)) {
      linked++;
      hit.add(g);
    } else {
      spurious.push({ start: m.start, end: m.end, text: m.text, entity: entityOf(m) });
    }
  }
  const goldEntities = new Set(gold.map((g) => `${g.entity.type}|${g.entity.id}`));
  const foundEntities = new Set(found.map(entityOf).filter((e): e is string => e !== null));
  const sharedEntities = [...foundEntities].filter((e) => goldEntities.has(e)).length;
  return {
    mentions: score(found.length, gold.length, spans),
    linkedMentions: score(found.length, gold.length, linked),
    entities: score(foundEntities.size, goldEntities.size, sharedEntities),
    missed: gold.filter((g) => !hit.has(g)),
    spurious,
  };
}
