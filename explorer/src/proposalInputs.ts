/**
 * What `annotationAccept` takes for each proposal `annotate` made: the input of the fact's own
 * mutation (engagementCreate, sponsorshipAdd, allianceAdd, lineageAdd), citing the new source
 * with the proposal's sentence as its quote. A proposal that cannot become a fact as it stands
 * (a participant the graph does not know, no date for an engagement or a rename) says why instead;
 * nothing is filled in by guess. The server applies every rule again.
 */
import type {
  AcceptedProposalsInput,
  AnnotateQuery,
  EngagementKind,
  LineageKind,
  Outcome,
  Side,
  SupportKind,
} from './generated/graphql';

export type Proposal = AnnotateQuery['annotate']['proposals'][number];
type Participant = Proposal['participants'][number];

type List = keyof AcceptedProposalsInput;
/** One accepted fact: the list of AcceptedProposalsInput it goes in, and its input there. */
type Accepted = { [K in List]: { ok: true; list: K; input: NonNullable<AcceptedProposalsInput[K]>[number] } }[List];

export type ProposalInput = Accepted | { ok: false; reason: string };

const KIND_WORD: Partial<Record<string, string>> = {
  CAPTURE: 'Capture of',
  RECAPTURE: 'Recapture of',
  RETREAT: 'Retreat from',
  SHELLING: 'Shelling of',
  AIR_RAID: 'Air raid on',
  ROCKET_ATTACK: 'Rocket attack on',
  SUICIDE_CAR_BOMB: 'Suicide car bomb at',
  OFFENSIVE: 'Offensive on',
  ASSAULT: 'Assault on',
  CLASHES: 'Clashes at',
};

function names(participants: readonly Participant[]): string {
  return participants.map((p) => p.mention.entity?.name ?? p.mention.text).join(', ');
}

/** The proposal as the input of its list in AcceptedProposalsInput, or why it cannot be one. */
export function proposalInput(proposal: Proposal, sourceId: string): ProposalInput {
  const unknown = proposal.participants.filter((p) => p.mention.entity === null);
  if (unknown.length > 0) {
    const which = unknown.map((p) => `“${p.mention.text}”`).join(', ');
    return { ok: false, reason: `${which} is not linked to the graph: add it or resolve it first` };
  }
  const ids = (role: Participant['role'], type: 'Actor' | 'Place') =>
    proposal.participants.filter((p) => p.role === role && p.mention.entity?.__typename === type);
  const id = (p: Participant) => p.mention.entity!.id;
  const common = {
    contested: proposal.contested,
    contestedNote: proposal.contestedNote,
    citations: [{ source: sourceId, quote: proposal.quote }],
  };
  switch (proposal.kind) {
    case 'ALLIANCE': {
      const allies = [...new Set(ids('ALLY', 'Actor').map(id))];
      if (allies.length < 2) return { ok: false, reason: 'an alliance needs two actors of the graph' };
      return { ok: true, list: 'alliances', input: { actors: allies, ...common } };
    }
    case 'SPONSORSHIP': {
      const [sponsor] = ids('SPONSOR', 'Actor');
      const [client] = ids('CLIENT', 'Actor');
      if (!sponsor || !client) return { ok: false, reason: 'a sponsorship needs a sponsor and a client of the graph' };
      if (proposal.support.length === 0) return { ok: false, reason: 'the sentence names no kind of support' };
      return {
        ok: true,
        list: 'sponsorships',
        input: { sponsor: id(sponsor), client: id(client), support: proposal.support as SupportKind[], ...common },
      };
    }
    case 'RENAME': {
      const [from] = ids('FROM', 'Actor');
      const [to] = ids('TO', 'Actor');
      if (proposal.alreadyInGraph) return { ok: false, reason: 'the graph already links the two by lineage' };
      if (!from || !to || !proposal.lineageKind) return { ok: false, reason: 'a rename needs two actors of the graph' };
      if (!proposal.date) return { ok: false, reason: 'the sentence gives no date for it' };
      return {
        ok: true,
        list: 'renames',
        input: {
          kind: proposal.lineageKind as LineageKind,
          from: id(from),
          to: id(to),
          date: proposal.date.value,
          ...common,
        },
      };
    }
    case 'ENGAGEMENT': {
      const places = [...new Set(ids('PLACE', 'Place').map(id))];
      const sides = proposal.participants.filter(
        (p) => (p.role === 'ATTACKER' || p.role === 'DEFENDER') && p.mention.entity?.__typename === 'Actor',
      );
      if (!proposal.engagementKind) return { ok: false, reason: 'the sentence says no kind of engagement' };
      if (places.length === 0) return { ok: false, reason: 'the sentence names no place of the graph' };
      if (sides.length === 0) return { ok: false, reason: 'the sentence names no actor of the graph on a side' };
      if (!proposal.date) return { ok: false, reason: 'the sentence gives no date for it' };
      const placeNames = names(proposal.participants.filter((p) => p.role === 'PLACE'));
      const seen = new Set<string>();
      return {
        ok: true,
        list: 'engagements',
        input: {
          title: `${KIND_WORD[proposal.engagementKind] ?? `${proposal.engagementKind.toLowerCase()} at`} ${placeNames}, ${proposal.date.value}`,
          kind: proposal.engagementKind as EngagementKind,
          start: proposal.date.value,
          places,
          participants: sides
            .filter((p) => !seen.has(id(p)) && !!seen.add(id(p)))
            .map((p) => ({ actor: id(p), side: p.role as Side })),
          outcome: proposal.outcome as Outcome | null,
          ...common,
        },
      };
    }
  }
}

/** The accepted proposals grouped as annotationAccept takes them. */
export function acceptedProposals(inputs: readonly ProposalInput[]): AcceptedProposalsInput {
  const grouped: Partial<Record<List, unknown[]>> = {};
  for (const p of inputs) if (p.ok) (grouped[p.list] ??= []).push(p.input);
  return grouped as AcceptedProposalsInput;
}
