/**
 * The shapes the shared components read. The queries spell their selections out (see
 * operations.graphql), so these are structural: every generated query result that feeds a
 * component is checked against them by the compiler.
 */
import type { DatePrecision } from './generated/graphql';

export interface Day {
  value: string;
  precision: DatePrecision;
  earliest: string;
  latest: string;
}

export interface Evidence {
  id: string;
  quote?: string | null;
  note?: string | null;
  source: { id: string; title: string; kind: string };
}

export interface EngagementSummary {
  id: string;
  title: string;
  kind: string;
  start: Day;
  end?: Day | null;
  contested: boolean;
  contestedNote?: string | null;
}

export interface PlaceCount {
  place: { id: string; name: string; location?: { latitude: number; longitude: number } | null };
  engagements: number;
}
