/**
 * The closed sets of the model: every kind, side, role, outcome and support value the graph may
 * hold. The data files' schema, the mutations and the importers take them from here, and
 * `schema.graphql` declares the same sets as enums (a unit test compares the two), so GraphiQL
 * autocompletes them and a value outside a set is refused before a resolver runs.
 *
 * Each set holds what the founding dataset uses plus what the importers map the datasets' own
 * codes to (ACLED event types, UCDP violence types, ACLED actor types), so an imported fact is
 * never outside the schema.
 */
import { z } from 'zod';

export const ActorKind = z.enum([
  'ARMED_GROUP',
  'COALITION',
  'OPERATIONS_ROOM',
  'STATE',
  'STATE_FORCE',
  'MILITIA',
  'FOREIGN_ARMED_ORGANISATION',
  'PERSON',
  'MEDIA_WING',
  'INTERNATIONAL_ORGANISATION',
  'MEDIA_OUTLET',
  /** ACLED actor types 5, 6 and 8. */
  'RIOTERS',
  'PROTESTERS',
  'EXTERNAL_FORCE',
]);
export type ActorKind = z.infer<typeof ActorKind>;

export const PlaceKind = z.enum([
  'COUNTRY',
  'GOVERNORATE',
  'REGION',
  'CITY',
  'DISTRICT',
  'NEIGHBOURHOOD',
  'TOWN',
  'VILLAGE',
  'HILL',
  'BASE',
  'FACILITY',
  'ROAD',
  'FRONT',
  /** A dataset's populated place whose kind it does not say. */
  'LOCALITY',
]);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const EngagementKind = z.enum([
  'OFFENSIVE',
  'PHASE',
  'COUNTER_OFFENSIVE',
  'ASSAULT',
  'CAPTURE',
  'RECAPTURE',
  'RETREAT',
  'CLASHES',
  'SHELLING',
  'ROCKET_ATTACK',
  'AIR_RAID',
  'SUICIDE_CAR_BOMB',
  'MISSILE_STRIKE',
  'SIEGE',
  'DEFENCE',
  /** The kinds ACLED and UCDP GED events are mapped to (see src/import). */
  'TERRITORY_TRANSFER',
  'SUICIDE_BOMBING',
  'EXPLOSIVE_DEVICE',
  'REMOTE_VIOLENCE',
  'ATTACK_ON_CIVILIANS',
  'STRATEGIC_DEVELOPMENT',
  'PROTEST',
  'RIOT',
  'OTHER',
]);
export type EngagementKind = z.infer<typeof EngagementKind>;

export const ParticipantSide = z.enum(['ATTACKER', 'DEFENDER']);
export type ParticipantSide = z.infer<typeof ParticipantSide>;

export const ParticipantRole = z.enum(['LEAD', 'SUPPORT']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const EngagementOutcome = z.enum([
  'ATTACKER_GAINS',
  'ATTACKER_REPELLED',
  'DEFENDER_RETREAT',
  'STALEMATE',
  'INCONCLUSIVE',
  'CONTESTED',
  'UNKNOWN',
]);
export type EngagementOutcome = z.infer<typeof EngagementOutcome>;

export const SupportKind = z.enum([
  'WEAPONS',
  'FUNDING',
  'AIR_SUPPORT',
  'FIGHTERS',
  'TRAINING',
  'POLITICAL_COVER',
  'EQUIPMENT',
  'ORDERS',
]);
export type SupportKind = z.infer<typeof SupportKind>;

export const LineageKind = z.enum(['RENAMED_TO', 'MERGED_INTO', 'SPLIT_FROM', 'ABSORBED_INTO']);
export type LineageKind = z.infer<typeof LineageKind>;

export const AffiliationKind = z.enum(['MEDIA_WING_OF', 'SUBUNIT_OF', 'AFFILIATED_WITH', 'LEADER_OF']);
export type AffiliationKind = z.infer<typeof AffiliationKind>;

export const NameKind = z.enum([
  /** Spelled this way in at least one of the cited sources. */
  'SOURCE_SPELLING',
  /** A standard romanisation or English name an analyst would type. */
  'ROMANISATION',
  /** The name in Arabic script (or another script). */
  'NATIVE_SCRIPT',
  'ABBREVIATION',
  /** The spelling a gazetteer uses. */
  'GAZETTEER',
  /** The name an event dataset (UCDP side name, ACLED actor string) uses; lists the dataset source. */
  'DATASET',
]);
export type NameKind = z.infer<typeof NameKind>;

export const SourceKind = z.enum(['ARTICLE', 'REFERENCE', 'DATASET']);
export type SourceKind = z.infer<typeof SourceKind>;

/** REVIEWED: curated (the data files, the mutations); NEEDS_REVIEW: created by an import. */
export const ReviewStatus = z.enum(['REVIEWED', 'NEEDS_REVIEW']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** The kinds of entity a name can belong to. */
export const EntityType = z.enum(['Actor', 'Place']);
export type EntityType = z.infer<typeof EntityType>;

/** Every closed set with the name of its enum in schema.graphql. */
/** How a membership ended, when the sources say: the period's `to` is then the end, not an attestation. */
export const MembershipEnd = z.enum([
  /** Put out of the coalition by it or by its backers ("excluded from the ranks"). */
  'EXCLUDED',
  /** Left of its own accord (a split, a withdrawal). */
  'DEPARTED',
  /** The coalition itself ceased to exist. */
  'DISSOLVED',
  /** The member continued under a new name (see the lineage): the membership of the old name ends. */
  'RENAMED',
]);

/** The kinds of agreement. */
export const AgreementKind = z.enum([
  /** A halt to the fighting, announced or agreed ("the armistice"). */
  'CEASEFIRE',
  /** A wider accord with terms (lines, withdrawals, roads): the Sochi Agreement. */
  'AGREEMENT',
  /** A proposal that may never have been agreed (the UN envoy's plan to freeze the fighting). */
  'PLAN',
]);

/** How an actor stands to an agreement. */
export const AgreementRole = z.enum(['PARTY', 'GUARANTOR', 'MEDIATOR', 'PROPOSER', 'ANNOUNCER', 'OPPONENT']);

/** The kinds of weapon the sources name. */
export const WeaponKind = z.enum([
  /** Multiple rocket launchers' rockets (Grad). */
  'ROCKET_ARTILLERY',
  /** A rocket launcher as a piece of equipment. */
  'ROCKET_LAUNCHER',
  /** Guided anti-tank missiles (TOW). */
  'ANTI_TANK_MISSILE',
  /** Suicide vehicle-borne explosive devices (SVBIEDs). */
  'VEHICLE_BOMB',
  'TANK',
  'ARMOURED_VEHICLE',
  'OTHER',
]);
export type WeaponKind = z.infer<typeof WeaponKind>;

export const SCHEMA_ENUMS = {
  ActorKind,
  PlaceKind,
  EngagementKind,
  Side: ParticipantSide,
  ParticipantRole,
  Outcome: EngagementOutcome,
  SupportKind,
  LineageKind,
  AffiliationKind,
  NameKind,
  SourceKind,
  ReviewStatus,
  MembershipEnd,
  AgreementKind,
  AgreementRole,
  WeaponKind,
} as const;
