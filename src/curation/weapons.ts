/**
 * Curation of weapons and armaments, with the rules of every other fact: an editor's token
 * (checked by the resolver), citations whose article quotes appear verbatim, one write
 * transaction, a stable id (re-sending changes nothing) and a recorded change. Where a weapon was
 * made is a property of the weapon, cited with it; who supplied it is the armament's suppliedBy.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { badInput } from '../errors.js';
import type { ArmamentInput, WeaponInput } from '../schema/types.js';
import {
  checkCitations,
  edgeId,
  recordChange,
  refuseTakenId,
  requireNodes,
  validCitations,
  writeCitations,
  type Written,
} from './edit.js';
import { periodProps } from './edges.js';
import { MAX_LENGTH, optionalText, period, slug, slugFrom, text } from './validate.js';

/** Adds (or, re-sent, re-writes) a weapon. */
export async function addWeapon(executor: Executor, viewer: Viewer, input: WeaponInput): Promise<Written> {
  const name = text(input.name, 'input.name', MAX_LENGTH.name);
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(name, 'input.name');
  const props = {
    name,
    kind: input.kind,
    aliases: (input.aliases ?? []).map((a, i) => text(a, `input.aliases[${i}]`, MAX_LENGTH.name)),
    origin: optionalText(input.origin, 'input.origin', MAX_LENGTH.name) ?? null,
    description: optionalText(input.description, 'input.description', MAX_LENGTH.description) ?? null,
  };
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    await refuseTakenId(run, id, { label: 'Weapon', name });
    await checkCitations(run, citations, 'input.citations');
    await run('load-weapons', { rows: [{ id, props }] });
    await writeCitations(run, 'Weapon', id, citations);
    await recordChange(run, viewer, {
      operation: 'weaponAdd',
      input,
      entityIds: [id],
      summary: `Weapon ${name} (${input.kind}${props.origin ? `, made in ${props.origin}` : ''})`,
    });
    return { id };
  });
}

/** Records that an actor had or used a weapon, and who supplied it: a dated, cited edge. */
export async function addArmament(executor: Executor, viewer: Viewer, input: ArmamentInput): Promise<Written> {
  const actor = slug(input.actor, 'input.actor');
  const weapon = slug(input.weapon, 'input.weapon');
  const suppliedBy = input.suppliedBy ? slug(input.suppliedBy, 'input.suppliedBy') : null;
  if (suppliedBy === actor) throw badInput('input.suppliedBy', 'an actor does not supply itself');
  const usedIn = input.usedIn ? slug(input.usedIn, 'input.usedIn') : null;
  const props = {
    ...periodProps(period(input.from, input.to, 'input'), input.contested, input.contestedNote),
    suppliedBy,
    usedIn,
    note: optionalText(input.note, 'input.note', MAX_LENGTH.note) ?? null,
    inferredFrom: optionalText(input.inferredFrom, 'input.inferredFrom', MAX_LENGTH.note) ?? null,
  };
  const citations = validCitations(input.citations, 'input.citations');
  // The id names the fact (who, what, from whom, where), not its dates: factUpdate corrects those.
  const id = edgeId('ARMED_WITH', actor, weapon, suppliedBy, usedIn);
  return executor.writeTransaction(async (run) => {
    await requireNodes(run, [
      { id: actor, label: 'Actor', argument: 'input.actor' },
      { id: weapon, label: 'Weapon', argument: 'input.weapon' },
      ...(suppliedBy ? [{ id: suppliedBy, label: 'Actor', argument: 'input.suppliedBy' }] : []),
      ...(usedIn ? [{ id: usedIn, label: 'Engagement', argument: 'input.usedIn' }] : []),
    ]);
    await checkCitations(run, citations, 'input.citations');
    await run('load-armaments', { rows: [{ id, actor, weapon, props }] });
    await writeCitations(run, 'ARMED_WITH', id, citations);
    await recordChange(run, viewer, {
      operation: 'armamentAdd',
      input,
      entityIds: [id, actor, weapon, ...(suppliedBy ? [suppliedBy] : []), ...(usedIn ? [usedIn] : [])],
      summary: `${actor} ARMED_WITH ${weapon}${suppliedBy ? ` supplied by ${suppliedBy}` : ''}`,
    });
    return { id };
  });
}
