/**
 * The shape of the reviewed data files under `data/`. Every file is validated against these
 * schemas when it is loaded (by `npm start`, `npm run load` and the tests), so a typo in a
 * reviewed YAML file stops the load with the file, the entry and the field that is wrong.
 */
import { z } from 'zod';
import {
  ActorKind,
  AffiliationKind,
  AgreementKind,
  AgreementRole,
  EngagementKind,
  EngagementOutcome,
  LineageKind,
  MembershipEnd,
  NameKind,
  ParticipantRole,
  ParticipantSide,
  PlaceKind,
  SourceKind,
  SupportKind,
  WeaponKind,
} from '../domain/enums.js';
import { Slug } from '../domain/facts.js';

/** A source id: the article file name without `.txt`, or a slug for references and datasets. */
export const SourceId = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be a file-name-like id');

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the precision is read from the form. */
export const FuzzyDateText = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const Citation = z.strictObject({
  source: SourceId,
  /** Verbatim from the source text (whitespace may differ); optional only for reference works. */
  quote: z.string().min(1).optional(),
  /** Why the quote supports the fact, when that is not obvious from the quote alone. */
  note: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

const Citations = z.array(Citation).min(1, 'every fact needs at least one citation');

/** Fields every sourced fact carries: its citations and whether it is disputed. */
const Provenance = {
  citations: Citations,
  /** True when a source disputes the claim or states it as unconfirmed. */
  contested: z.boolean().default(false),
  /** What is disputed and by whom. Required when `contested` is true (checked in read.ts). */
  contestedNote: z.string().optional(),
  note: z.string().optional(),
};

/** Facts that hold for a period; either end may be open. */
const FactFields = {
  ...Provenance,
  from: FuzzyDateText.optional(),
  to: FuzzyDateText.optional(),
  /**
   * What of the fact is inferred, and from what, when its quotes do not name both ends ("the
   * government" read as the Syrian state). Without it, a fact cited only from articles must have
   * quotes naming both ends (checked in read.ts).
   */
  inferredFrom: z.string().min(1).optional(),
};

export const Source = z.strictObject({
  id: SourceId,
  kind: SourceKind,
  title: z.string().min(1),
  publisher: z.string().optional(),
  author: z.string().optional(),
  url: z.url().optional(),
  published: FuzzyDateText.optional(),
  /** How the publication date was established when the text does not print it. */
  publishedNote: z.string().optional(),
  /** The perspective the text itself shows (pro-government, pro-opposition, ...). */
  perspective: z.string().optional(),
  language: z.string().default('en'),
  licence: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const Alias = z.strictObject({
  name: z.string().min(1),
  kind: NameKind,
  /** Sources that use this spelling (required for SOURCE_SPELLING). */
  sources: z.array(SourceId).default([]),
  /** The period the name belongs to, for a group's old or later name. */
  from: FuzzyDateText.optional(),
  to: FuzzyDateText.optional(),
});
export type Alias = z.infer<typeof Alias>;

export const Actor = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  kind: ActorKind,
  description: z.string().optional(),
  /** When the group, coalition or operations room was formed, as far as its citations say. */
  formed: FuzzyDateText.optional(),
  /** How `formed` was worked out (e.g. "three months ago" in an article of June 2015). */
  formedNote: z.string().optional(),
  aliases: z.array(Alias).default([]),
  /** Where the sources name the actor: at least one, so every node is traceable. */
  citations: Citations,
});
export type Actor = z.infer<typeof Actor>;

/** A WGS84 point taken from a gazetteer row, never guessed. */
export const Location = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Source id of the gazetteer (a DATASET source). */
  source: SourceId,
  /** The row as the gazetteer names it, so a reviewer can find it. */
  gazetteerName: z.string().min(1),
  /** e.g. "UCDP where_prec 1 (exact place)" or "OCHA polygon centroid". */
  precision: z.string().min(1),
  note: z.string().optional(),
});

export const Place = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  kind: PlaceKind,
  partOf: Slug.optional(),
  description: z.string().optional(),
  aliases: z.array(Alias).default([]),
  location: Location.optional(),
  citations: Citations,
});
export type Place = z.infer<typeof Place>;

export const Participant = z.strictObject({
  actor: Slug,
  side: ParticipantSide,
  role: ParticipantRole.optional(),
  note: z.string().optional(),
  /**
   * Where the participant is inferred from when the engagement's quotes do not name it (a photo
   * caption, the previous sentence, the coalition credited with the operation). Without it the
   * quotes must name the participant (checked in read.ts).
   */
  inferredFrom: z.string().min(1).optional(),
});

export const Casualties = z.strictObject({
  /** Who the figure counts: civilians, attackers, defenders, fighters of a named actor... */
  group: z.string().min(1),
  killed: z.number().int().nonnegative().optional(),
  wounded: z.number().int().nonnegative().optional(),
  captured: z.number().int().nonnegative().optional(),
  /** The figure as the source words it ("tens of such fighters", "hundreds of fighters"). */
  reported: z.string().min(1),
  source: SourceId,
});

export const Engagement = z.strictObject({
  id: Slug,
  title: z.string().min(1),
  kind: EngagementKind,
  start: FuzzyDateText,
  end: FuzzyDateText.optional(),
  /** How the date was established when the source gives it only relative to its own date. */
  dateNote: z.string().optional(),
  partOf: Slug.optional(),
  places: z.array(Slug).min(1, 'an engagement happens somewhere'),
  participants: z.array(Participant).min(1, 'an engagement needs a participant'),
  outcome: EngagementOutcome.default('UNKNOWN'),
  outcomeText: z.string().optional(),
  casualties: z.array(Casualties).default([]),
  contested: z.boolean().default(false),
  contestedNote: z.string().optional(),
  citations: Citations,
});
export type Engagement = z.infer<typeof Engagement>;

export const LineageEvent = z.strictObject({
  id: Slug,
  kind: LineageKind,
  from: Slug,
  to: Slug,
  /** The day (or month/year) the change took effect. */
  date: FuzzyDateText,
  ...Provenance,
});
export type LineageEvent = z.infer<typeof LineageEvent>;

export const Membership = z.strictObject({
  id: Slug,
  member: Slug,
  group: Slug,
  ...FactFields,
  /** Why the membership ended at `to` (required with it; checked in read.ts). */
  endReason: MembershipEnd.optional(),
});
export type Membership = z.infer<typeof Membership>;

export const Alliance = z.strictObject({
  id: Slug,
  actors: z.tuple([Slug, Slug]),
  ...FactFields,
});
export type Alliance = z.infer<typeof Alliance>;

export const Sponsorship = z.strictObject({
  id: Slug,
  sponsor: Slug,
  client: Slug,
  support: z.array(SupportKind).min(1),
  ...FactFields,
});
export type Sponsorship = z.infer<typeof Sponsorship>;

/** Ties that are neither lineage nor coalition membership: a media wing, a battalion of a brigade. */
export const Affiliation = z.strictObject({
  id: Slug,
  kind: AffiliationKind,
  actor: Slug,
  of: Slug,
  ...FactFields,
});
export type Affiliation = z.infer<typeof Affiliation>;

export const Control = z.strictObject({
  id: Slug,
  actor: Slug,
  place: Slug,
  ...FactFields,
});
export type Control = z.infer<typeof Control>;

export const RelationsFile = z.strictObject({
  lineage: z.array(LineageEvent).default([]),
  memberships: z.array(Membership).default([]),
  alliances: z.array(Alliance).default([]),
  sponsorships: z.array(Sponsorship).default([]),
  affiliations: z.array(Affiliation).default([]),
  control: z.array(Control).default([]),
});

export const AgreementParty = z.strictObject({
  actor: Slug,
  role: AgreementRole,
  note: z.string().optional(),
});

/** An agreement, ceasefire or plan: a dated node with its parties and the places it covers. */
export const Agreement = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  kind: AgreementKind,
  /** When it was announced or signed. */
  announced: FuzzyDateText.optional(),
  /** How the dates were worked out when the source gives them relative to its own date. */
  dateNote: z.string().optional(),
  description: z.string().optional(),
  parties: z.array(AgreementParty).min(1, 'an agreement has at least one party, proposer or announcer'),
  /** The places it covers, as far as the sources say (none when they do not). */
  places: z.array(Slug).default([]),
  ...FactFields,
});
export type Agreement = z.infer<typeof Agreement>;

/** "HTS had violated the armistice": a cited, dated edge from the actor to the agreement. */
export const Violation = z.strictObject({
  id: Slug,
  actor: Slug,
  agreement: Slug,
  ...FactFields,
});
export type Violation = z.infer<typeof Violation>;

export const AgreementsFile = z.strictObject({
  agreements: z.array(Agreement).default([]),
  violations: z.array(Violation).default([]),
});

/**
 * A weapon (or kind of weapon) the sources name. Where it was made is a claim about the weapon
 * ("US-made TAO missiles"), kept apart from any claim of supply, which is an Armament.
 */
export const Weapon = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  kind: WeaponKind,
  /** Other names, the articles' spellings among them ("SVBEIDs", "TAO missiles"). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Where it was made, in the source's terms ("United States" for "US-made"). */
  origin: z.string().min(1).optional(),
  description: z.string().optional(),
  citations: Citations,
});
export type Weapon = z.infer<typeof Weapon>;

/** An actor had or used a weapon; `suppliedBy` is who provided it, where a source says so. */
export const Armament = z.strictObject({
  id: Slug,
  actor: Slug,
  weapon: Slug,
  suppliedBy: Slug.optional(),
  /** The engagement it was used in, where a text ties it to one. */
  usedIn: Slug.optional(),
  ...FactFields,
});
export type Armament = z.infer<typeof Armament>;

export const WeaponsFile = z.strictObject({
  weapons: z.array(Weapon).default([]),
  armaments: z.array(Armament).default([]),
});

export const SourcesFile = z.array(Source);
export const ActorsFile = z.array(Actor);
export const PlacesFile = z.array(Place);
export const EngagementsFile = z.array(Engagement);

/** The whole founding dataset, validated and cross-checked. */
export interface Dataset {
  sources: Source[];
  /** Article texts by source id, read from `data/sources/<id>.txt`. */
  sourceTexts: Map<string, string>;
  actors: Actor[];
  places: Place[];
  engagements: Engagement[];
  relations: z.infer<typeof RelationsFile>;
  /** Agreements, ceasefires and plans, and their violations (data/agreements.yaml). */
  agreements: z.infer<typeof AgreementsFile>;
  /** Weapons and who had, used or supplied them (data/weapons.yaml). */
  weapons: z.infer<typeof WeaponsFile>;
}
