/**
 * Facts a sentence seems to state, read from the mentions in it and the words between them:
 * engagements around verbs of fighting, capture, retreat and bombardment; sponsorship ("provided
 * X with rockets", "backed by"); alliances ("along with", "in coordination with"); renames
 * ("formerly", "renamed", "aka"). A hedge anywhere in the sentence ("reportedly", "claimed", "it
 * appears") makes the proposal contested. Each proposal quotes its whole sentence verbatim, so
 * accepting it passes the same quote check as any other citation. Nothing here writes.
 */
import type { Sentence } from './text.js';
import type { NameIndex } from './nameIndex.js';
import type { Mention, Proposal, ProposalParticipant, ProposalRole, TextDate } from './types.js';

interface Verb {
  regex: RegExp;
  kind: string;
  outcome: string | null;
}

// In order of strength: a sentence gets one engagement, from the first verb class that matches.
const ENGAGEMENT_VERBS: Verb[] = [
  { regex: /\b(recaptur\w*|retook|retaken|regain\w*|took back)\b/i, kind: 'RECAPTURE', outcome: 'ATTACKER_GAINS' },
  {
    regex: /\b(captur\w*|seiz\w*|took control|taken|took|overr[au]n|liberat\w*|fell to|stormed)\b/i,
    kind: 'CAPTURE',
    outcome: 'ATTACKER_GAINS',
  },
  {
    regex: /\b(retreat\w*|withdr[ae]w\w*|pulled out|forced out|fled)\b/i,
    kind: 'RETREAT',
    outcome: 'DEFENDER_RETREAT',
  },
  {
    regex: /\b(repel\w*|repuls\w*|thwart\w*|fought off|beat back|beaten back|pushed back)\b/i,
    kind: 'ASSAULT',
    outcome: 'ATTACKER_REPELLED',
  },
  { regex: /\b(suicide car bomb\w*|SVBIEDs?|SVBEIDs?|VBIEDs?)\b/i, kind: 'SUICIDE_CAR_BOMB', outcome: null },
  {
    regex: /\b(air ?strikes?|air ?raids?|warplanes?|bombed|bombing|bombard\w*|airstrikes?)\b/i,
    kind: 'AIR_RAID',
    outcome: null,
  },
  { regex: /\b(shell\w*|artillery|mortars?)\b/i, kind: 'SHELLING', outcome: null },
  { regex: /\b(rockets? attacks?|fired rockets|missiles? strikes?)\b/i, kind: 'ROCKET_ATTACK', outcome: null },
  { regex: /\b(offensive|counter-?offensive)\b/i, kind: 'OFFENSIVE', outcome: null },
  { regex: /\b(attack\w*|assault\w*|advanc\w*|push(?:ed)? into|launched)\b/i, kind: 'ASSAULT', outcome: null },
  { regex: /\b(clash\w*|fighting|fought|battl\w*)\b/i, kind: 'CLASHES', outcome: null },
];

const SPONSOR_VERB =
  /\b(suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|deliver\w*|arm(?:s|ed|ing)|fund(?:s|ed|ing)?|financ\w*|sponsor\w*|train(?:s|ed|ing)|back(?:s|ed|ing)?|support(?:s|ed|ing)?|sen[dt]s?)\b/i;
const SUPPORT_WORDS: [RegExp, string][] = [
  [
    /\b(rockets?|missiles?|weapons?|arms|ammunition|artillery|tanks?|mortars?|launchers?|TOWs?|Grads?|rifles?|guns?)\b/i,
    'WEAPONS',
  ],
  [/\b(fund\w*|money|cash|financ\w*|salar\w*|paid)\b/i, 'FUNDING'],
  [/\b(air support|air ?strikes?|air cover|air power|warplanes?)\b/i, 'AIR_SUPPORT'],
  [/\b(fighters|troops|militiamen|volunteers|advisers|advisors)\b/i, 'FIGHTERS'],
  [/\b(train\w*)\b/i, 'TRAINING'],
  [/\b(political|diplomatic) (cover|support|backing)\b/i, 'POLITICAL_COVER'],
  [/\b(vehicles?|equipment|supplies)\b/i, 'EQUIPMENT'],
  [/\b(orders?|commands?|directs?|directed)\b/i, 'ORDERS'],
];
const ALLY_WORDS =
  /\b(along with|alongside|in coordination with|together with|allied with|in alliance with|jointly with|joined by|and its allies)\b/i;
const RENAME_WORDS =
  /\b(formerly(?: known as)?|previously known as|renamed(?: itself)?(?: as| to)?|rebranded(?: itself)?(?: as)?|now (?:called|known as)|aka|a\.k\.a\.|also known as)\b/gi;
const HEDGES =
  /\b(reportedly|reported(?:ly)? to|were reported|was reported|claim\w*|alleged\w*|it appears|appears? to|apparently|according to|unconfirmed|said to|purportedly|rumou?r\w*|unverified)\b/i;
const PASSIVE_BY = /\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|n)\s+by\b/i;

/** A mention, or a new name (entity null) with what it looks like. */
export type Participant = Mention & { looksLike?: 'GROUP' | 'PLACE' };

/** Mentions and new names as participants: an unknown name can still be accepted once it exists. */
export function proposalsFor(
  text: string,
  sentenceList: readonly Sentence[],
  mentions: readonly Participant[],
  dates: readonly TextDate[],
  index: NameIndex,
): Proposal[] {
  const proposals: Proposal[] = [];
  let m = 0;
  for (const sentence of sentenceList) {
    while (m < mentions.length && mentions[m]!.start < sentence.start) m++;
    const inside: Participant[] = [];
    for (let k = m; k < mentions.length && mentions[k]!.end <= sentence.end; k++) inside.push(mentions[k]!);
    if (inside.length === 0) continue;
    const quote = text.slice(sentence.start, sentence.end);
    const hedge = HEDGES.exec(quote);
    const date = dates.find((d) => d.start >= sentence.start && d.end <= sentence.end && d.date !== null)?.date ?? null;
    const base = {
      quote,
      start: sentence.start,
      end: sentence.end,
      date,
      contested: hedge !== null,
      contestedNote: hedge === null ? null : `The text hedges the claim: "${hedge[0]}".`,
      engagementKind: null,
      outcome: null,
      lineageKind: null,
      support: [] as string[],
      alreadyInGraph: false,
    };
    const at = (match: RegExpExecArray | RegExpMatchArray) => ({
      start: sentence.start + (match.index ?? 0),
      end: sentence.start + (match.index ?? 0) + match[0].length,
    });
    const actors = inside.filter(isActorLike);
    const places = inside.filter((x) => !isActorLike(x));

    // "X (aka Y, formerly Z)": each marker between the name before it and the one after.
    for (const rename of quote.matchAll(RENAME_WORDS)) {
      const { start, end } = at(rename);
      const to = last(actors.filter((a) => a.end <= start));
      const from = actors.find((a) => a.start >= end);
      if (to === undefined || from === undefined || sameEntity(to, from)) continue;
      proposals.push({
        ...base,
        kind: 'RENAME',
        trigger: rename[0],
        lineageKind: 'RENAMED_TO',
        participants: [role('FROM', from), role('TO', to)],
        alreadyInGraph: linkedByLineage(from, to, index),
      });
      break;
    }

    const sponsor = SPONSOR_VERB.exec(quote);
    if (sponsor !== null) {
      const { start, end } = at(sponsor);
      const passive = /\s+by\b/i.test(quote.slice(end - sentence.start, end - sentence.start + 4));
      const before = last(actors.filter((a) => a.end <= start));
      const after = actors.find((a) => a.start >= end);
      const [giver, taker] = passive ? [after, before] : [before, after];
      if (giver !== undefined && taker !== undefined && !sameEntity(giver, taker)) {
        const support = SUPPORT_WORDS.filter(([re]) => re.test(quote.slice(end - sentence.start))).map(
          ([, kind]) => kind,
        );
        if (/^train/i.test(sponsor[0]) && !support.includes('TRAINING')) support.push('TRAINING');
        if (/^(fund|financ)/i.test(sponsor[0]) && !support.includes('FUNDING')) support.push('FUNDING');
        proposals.push({
          ...base,
          kind: 'SPONSORSHIP',
          trigger: sponsor[0],
          support: [...new Set(support)].sort(),
          participants: [role('SPONSOR', giver), role('CLIENT', taker)],
        });
      }
    }

    const ally = ALLY_WORDS.exec(quote);
    if (ally !== null) {
      const { start, end } = at(ally);
      const a = last(actors.filter((x) => x.end <= start));
      const b = actors.find((x) => x.start >= end);
      if (a !== undefined && b !== undefined && !sameEntity(a, b)) {
        proposals.push({
          ...base,
          kind: 'ALLIANCE',
          trigger: ally[0],
          participants: [role('ALLY', a), role('ALLY', b)],
        });
      }
    }

    for (const verb of ENGAGEMENT_VERBS) {
      const hit = verb.regex.exec(quote);
      if (hit === null) continue;
      const { start, end } = at(hit);
      const participants = engagementSides(quote, sentence.start, start, end, actors, verb.kind);
      if (participants.length === 0 && places.length === 0) break;
      if (participants.length === 0) break; // an engagement needs someone fighting
      proposals.push({
        ...base,
        kind: 'ENGAGEMENT',
        trigger: hit[0],
        engagementKind: verb.kind,
        outcome: verb.outcome,
        participants: [...participants, ...places.map((p) => role('PLACE', p))],
      });
      break;
    }
  }
  return proposals;
}

/** An actor, or an ambiguous or new name that most likely is one; everything else is a place. */
function isActorLike(m: Participant): boolean {
  if (m.entity !== null) return m.entity.entityType === 'Actor';
  if (m.looksLike !== undefined) return m.looksLike === 'GROUP';
  return m.candidates[0]?.entityType === 'Actor';
}

function role(r: ProposalRole, mention: Mention): ProposalParticipant {
  return { role: r, mention };
}

function last<T>(list: readonly T[]): T | undefined {
  return list[list.length - 1];
}

function sameEntity(a: Mention, b: Mention): boolean {
  if (a.entity === null || b.entity === null) return a.text === b.text;
  return a.entity.entityType === b.entity.entityType && a.entity.entityId === b.entity.entityId;
}

function linkedByLineage(a: Mention, b: Mention, index: NameIndex): boolean {
  if (a.entity === null || b.entity === null) return false;
  const ids = new Set([a.entity.entityId, b.entity.entityId]);
  // The graph's chain, in either direction and over any number of steps.
  const seen = new Set<string>([a.entity.entityId]);
  let frontier = [a.entity.entityId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const link of [...(index.lineageFrom.get(id) ?? []), ...(index.lineageTo.get(id) ?? [])]) {
        for (const other of [link.fromId, link.toId]) {
          if (seen.has(other)) continue;
          if (ids.has(other)) return true;
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return false;
}

/**
 * Who attacked and who defended: the actors before the verb attack and those after it defend
 * ("X attacked Y"), unless after "with", "by" or "alongside"; in the passive ("was captured by
 * X") the other way round. For a retreat, the actors that retreated defended.
 */
function engagementSides(
  quote: string,
  offset: number,
  verbStart: number,
  verbEnd: number,
  actors: readonly Mention[],
  kind: string,
): ProposalParticipant[] {
  const passive = PASSIVE_BY.test(quote.slice(Math.max(0, verbStart - offset - 20), verbEnd - offset + 4));
  const result: ProposalParticipant[] = [];
  for (const actor of actors) {
    const before = actor.end <= verbStart;
    const lead = quote.slice(Math.max(0, actor.start - offset - 12), actor.start - offset).toLowerCase();
    const withAttacker = /\b(with|by|alongside|and)\s+(the\s+)?$/.test(lead);
    let side: ProposalRole;
    if (kind === 'RETREAT') side = before ? 'DEFENDER' : 'ATTACKER';
    else if (passive) side = before ? 'DEFENDER' : 'ATTACKER';
    else if (before) side = 'ATTACKER';
    else side = withAttacker ? 'ATTACKER' : 'DEFENDER';
    if (!result.some((r) => sameEntity(r.mention, actor))) result.push(role(side, actor));
  }
  return result;
}
