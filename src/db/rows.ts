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

export interface EngagementPage {
  totalCount: number;
  ids: string[];
  offset: number;
}

export interface PathRow {
  steps: EdgeRow[];
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
