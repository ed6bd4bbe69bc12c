/**
 * The shapes the data layer hands to resolvers: the columns each Cypher file returns. The
 * generated resolver types map GraphQL types onto these (see scripts/codegen.ts).
 */
import type {
  ActorKind,
  EngagementKind,
  EngagementOutcome,
  EntityType,
  NameKind,
  ParticipantRole,
  ParticipantSide,
  PlaceKind,
  ReviewStatus,
  SourceKind,
  SupportKind,
} from '../domain/enums.js';
import type { EdgeType } from '../domain/facts.js';
import type { DatePrecision } from '../domain/fuzzyDate.js';

export interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  description: string | null;
  aliases: string[];
  reviewStatus: ReviewStatus | null;
  formedValue?: string | null;
  formedPrecision?: DatePrecision | null;
  formedNote?: string | null;
}

export interface PlaceRow {
  id: string;
  name: string;
  kind: PlaceKind;
  description: string | null;
  aliases: string[];
  reviewStatus: ReviewStatus | null;
  latitude: number | null;
  longitude: number | null;
  locationSource: string | null;
  locationName: string | null;
  locationPrecision: string | null;
  partOfId: string | null;
}

export interface SourceRow {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedValue: string | null;
  publishedPrecision: DatePrecision | null;
  publishedNote: string | null;
  perspective: string | null;
  text: string | null;
}

export interface EngagementRow {
  id: string;
  title: string;
  kind: EngagementKind;
  startValue: string;
  startPrecision: DatePrecision;
  endValue: string | null;
  endPrecision: DatePrecision | null;
  dateNote: string | null;
  outcome: EngagementOutcome | null;
  outcomeText: string | null;
  contested: boolean | null;
  contestedNote: string | null;
  casualtiesJson: string | null;
  partOfId: string | null;
}

export interface CitationRow {
  id: string;
  factId: string;
  factType: string;
  quote: string | null;
  note: string | null;
  sourceId: string;
}

/** A fact named by its type (Actor, Place, Engagement or an edge type) and id. */
export interface FactRow {
  factType: string;
  factId: string;
}

/** A sourced edge: lineage, membership, alliance, sponsorship, affiliation or control. */
export interface EdgeRow {
  id: string;
  type: EdgeType;
  fromId: string;
  toId: string;
  fromName: string;
  toName: string;
  fromValue?: string | null;
  fromPrecision?: DatePrecision | null;
  toValue?: string | null;
  toPrecision?: DatePrecision | null;
  dateValue?: string | null;
  datePrecision?: DatePrecision | null;
  contested: boolean | null;
  contestedNote: string | null;
  support?: SupportKind[] | null;
  /** How a membership ended (EXCLUDED, DEPARTED, DISSOLVED, RENAMED), where the sources say. */
  endReason?: string | null;
  /** What of the fact is read from context rather than stated, where the quotes do not name it. */
  inferredFrom?: string | null;
}

export interface NameRow {
  name: string;
  kind: NameKind;
  sources: string[] | null;
  fromValue: string | null;
  fromPrecision: DatePrecision | null;
  toValue: string | null;
  toPrecision: DatePrecision | null;
}

export interface ParticipationRow {
  actorId: string;
  side: ParticipantSide;
  role: ParticipantRole | null;
  note: string | null;
  inferredFrom: string | null;
}

export interface CasualtiesRow {
  group: string;
  killed?: number;
  wounded?: number;
  captured?: number;
  reported: string;
  source: string;
}

export interface FoughtAtRow {
  actorId: string;
  placeId: string;
  engagementIds: string[];
}

export interface FoughtAtPage {
  totalCount: number;
  pairs: FoughtAtRow[];
  offset: number;
}

export interface PlaceCountRow {
  placeId: string;
  engagements: number;
}

export interface PlaceCountsRow {
  totalCount: number;
  places: PlaceCountRow[];
}

export interface EngagementPage {
  totalCount: number;
  ids: string[];
  offset: number;
}

export interface PathRow {
  steps: EdgeRow[];
}

/** The network around an actor: its actors' ids (the centre first) and the edges between them. */
export interface NetworkRow {
  nodeIds: string[];
  edges: EdgeRow[];
  truncated: boolean;
}

export interface FuzzyDateValue {
  value: string;
  precision: DatePrecision;
}

export interface ChangeRow {
  id: string;
  at: string;
  by: string;
  operation: string;
  entityIds: string[];
  summary: string;
  details: string;
  noop: boolean;
  sameAs: string | null;
}

/** One ranked name match; `entity` is read by its loader. */
export interface SearchHitRow {
  type: EntityType;
  id: string;
  name: string;
  matched: string;
  score: number;
}

/** How an actor stands to an agreement (agreements-of). */
export interface AgreementPartyRow {
  actorId: string;
  role: string;
  note: string | null;
}

/** An agreement with its parties, places and violations embedded (agreements-of). */
export interface AgreementRow {
  id: string;
  name: string;
  kind: string;
  announcedValue: string | null;
  announcedPrecision: DatePrecision | null;
  fromValue: string | null;
  fromPrecision: DatePrecision | null;
  toValue: string | null;
  toPrecision: DatePrecision | null;
  dateNote: string | null;
  description: string | null;
  contested: boolean | null;
  contestedNote: string | null;
  inferredFrom: string | null;
  parties: AgreementPartyRow[];
  placeIds: string[];
  violations: EdgeRow[];
}

/** A weapon (weapons-by-id). */
export interface WeaponRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[] | null;
  origin: string | null;
  description: string | null;
}

/** An ARMED_WITH edge: holder, weapon, supplier and engagement by id (armaments-of). */
export interface ArmamentRow {
  id: string;
  actorId: string;
  weaponId: string;
  suppliedBy: string | null;
  usedIn: string | null;
  fromValue: string | null;
  fromPrecision: DatePrecision | null;
  toValue: string | null;
  toPrecision: DatePrecision | null;
  contested: boolean | null;
  contestedNote: string | null;
  inferredFrom: string | null;
  note: string | null;
}
