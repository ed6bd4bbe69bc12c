/**
 * What reading an article produces: the mentions of known actors and places, the names the graph
 * does not know, the dates, and the facts the text seems to state. Plain data, no driver and no
 * GraphQL: the resolver, the CLI and the evaluation all read these shapes.
 */
import type { FuzzyDate } from '../fuzzyDate.js';

export type EntityType = 'Actor' | 'Place';

/** One name (canonical or alias) of an entity, with the period the name belongs to. */
export interface IndexedName {
  name: string;
  entityId: string;
  entityType: EntityType;
  /** The entity's canonical name. */
  entityName: string;
  from?: FuzzyDate | null;
  to?: FuzzyDate | null;
}

/** A lineage edge (RENAMED_TO, MERGED_INTO, SPLIT_FROM, ABSORBED_INTO) between two actors. */
export interface LineageLink {
  kind: string;
  fromId: string;
  toId: string;
  date?: FuzzyDate | null;
}

/** An entity a span may mean, best first. */
export interface Candidate {
  entityType: EntityType;
  entityId: string;
  entityName: string;
  /** The name of the entity that matched the span. */
  matched: string;
  /** 1 for a name with the same normalised key; lower for a close match. */
  score: number;
  /** SPELLING (the span is one of its names) or LINEAGE (a predecessor or successor, see note). */
  reason: 'SPELLING' | 'LINEAGE';
  /** The period of the matched name, or for LINEAGE the period of the successor's name. */
  from?: FuzzyDate | null;
  to?: FuzzyDate | null;
  note?: string;
}

/** A span of the text that names a known actor or place. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  /** The entity it links to; null when two or more are equally likely. */
  entity: { entityType: EntityType; entityId: string } | null;
  /** The name of the linked entity that matched. */
  matched: string | null;
  candidates: Candidate[];
  /** 0..1: 1 for an unambiguous name with the same key whose period fits the text's date. */
  confidence: number;
  /** Set when the name was not the entity's name at the text's date, e.g. "al-Nusra" in 2017. */
  lineageNote: string | null;
}

/** A span that looks like an armed group or a place but names nothing in the graph. */
export interface NewName {
  start: number;
  end: number;
  text: string;
  /** GROUP or PLACE, from the word that makes it look like one (Liwa, Brigade, Tell, village ...). */
  looksLike: 'GROUP' | 'PLACE';
  /** The closest names the graph holds. */
  suggestions: Candidate[];
}

/** A date in the text, never more precise than the text allows. */
export interface TextDate {
  start: number;
  end: number;
  text: string;
  /** null when the date is relative and the text's own date is not known. */
  date: FuzzyDate | null;
  /** True when read against the published date ("On 3 June", "last month"). */
  relative: boolean;
  note: string | null;
}

export type ProposalKind = 'ENGAGEMENT' | 'SPONSORSHIP' | 'ALLIANCE' | 'RENAME';
export type ProposalRole = 'ATTACKER' | 'DEFENDER' | 'PLACE' | 'SPONSOR' | 'CLIENT' | 'ALLY' | 'FROM' | 'TO';

export interface ProposalParticipant {
  role: ProposalRole;
  mention: Mention;
}

/** A fact the text seems to state, with its sentence as the quote. Nothing is written. */
export interface Proposal {
  kind: ProposalKind;
  /** The sentence, verbatim. */
  quote: string;
  start: number;
  end: number;
  /** The words that triggered it ("captured", "provided ... with", "formerly"). */
  trigger: string;
  participants: ProposalParticipant[];
  /** ENGAGEMENT: an EngagementKind (CAPTURE, ASSAULT, SHELLING ...). */
  engagementKind: string | null;
  /** ENGAGEMENT: ATTACKER_GAINS, ATTACKER_REPELLED, DEFENDER_RETREAT or null. */
  outcome: string | null;
  /** RENAME: the LineageKind. */
  lineageKind: string | null;
  /** SPONSORSHIP: SupportKinds named in the sentence. */
  support: string[];
  date: FuzzyDate | null;
  /** Hedged in the text ("reportedly", "claimed", "it appears"). */
  contested: boolean;
  contestedNote: string | null;
  /** RENAME: the graph already holds a lineage edge between the two. */
  alreadyInGraph: boolean;
}

export interface Annotation {
  mentions: Mention[];
  newNames: NewName[];
  dates: TextDate[];
  proposals: Proposal[];
}
