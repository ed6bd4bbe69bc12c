/**
 * Accepting what `annotate` proposed: the article is added as a source (with its text, so every
 * quote is checked against it) and each accepted fact goes through the same curation function as
 * its own mutation (createEngagement, addSponsorship, addAlliance, addLineage), all inside one
 * write transaction: one refused fact and nothing is written, the source included. Each fact
 * records its change in the history as usual.
 */
import type { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { badInput, userError, type ErrorCode } from '../errors.js';
import type { AllianceInput, EngagementInput, LineageInput, SourceInput, SponsorshipInput } from '../schema/types.js';
import { addAlliance, addLineage, addSponsorship } from './edges.js';
import type { Written } from './edit.js';
import { createEngagement } from './engagements.js';
import { addSource } from './sources.js';

export interface AcceptedProposals {
  engagements?: readonly EngagementInput[] | null;
  sponsorships?: readonly SponsorshipInput[] | null;
  alliances?: readonly AllianceInput[] | null;
  renames?: readonly LineageInput[] | null;
}

export interface AcceptedIds {
  source: string;
  engagements: string[];
  sponsorships: string[];
  alliances: string[];
  renames: string[];
}

/** At most this many facts per acceptance: one article's worth. */
const MAX_ACCEPTED = 200;

/** Re-points an error about `input.x` of one fact at `proposals.<list>[i].x` (or `source.x`). */
function located(error: unknown, at: string): unknown {
  const extensions = (error as GraphQLError).extensions as { code?: ErrorCode; argument?: string } | undefined;
  if (extensions?.code === undefined) return error;
  const argument = `${at}${(extensions.argument ?? '').replace(/^input/, '')}`;
  return userError(extensions.code, `${argument}: ${(error as Error).message.replace(/^input[^:]*: /, '')}`, {
    argument,
  });
}

async function each<I>(
  list: string,
  inputs: readonly I[] | null | undefined,
  write: (input: I) => Promise<Written>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, input] of (inputs ?? []).entries()) {
    try {
      ids.push((await write(input)).id);
    } catch (error) {
      throw located(error, `proposals.${list}[${i}]`);
    }
  }
  return ids;
}

export async function acceptProposals(
  executor: Executor,
  viewer: Viewer,
  source: SourceInput,
  proposals: AcceptedProposals,
): Promise<AcceptedIds> {
  const count = ['engagements', 'sponsorships', 'alliances', 'renames'].reduce(
    (n, k) => n + (proposals[k as keyof AcceptedProposals]?.length ?? 0),
    0,
  );
  if (count === 0) throw badInput('proposals', 'accept at least one proposal');
  if (count > MAX_ACCEPTED) throw badInput('proposals', `at most ${MAX_ACCEPTED} facts at once, got ${count}`);
  return executor.writeTransaction(async (run) => {
    const tx = executor.joining(run);
    const { id } = await addSource(tx, viewer, source).catch((error: unknown) => {
      throw located(error, 'source');
    });
    return {
      source: id,
      engagements: await each('engagements', proposals.engagements, (input) => createEngagement(tx, viewer, input)),
      sponsorships: await each('sponsorships', proposals.sponsorships, (input) => addSponsorship(tx, viewer, input)),
      alliances: await each('alliances', proposals.alliances, (input) => addAlliance(tx, viewer, input)),
      renames: await each('renames', proposals.renames, (input) => addLineage(tx, viewer, input)),
    };
  });
}
