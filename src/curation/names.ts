/**
 * Names of actors and places: every spelling is an Alias node; a name another entity of the same
 * kind already has is refused (CONFLICT), so a curated name never becomes ambiguous.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor, StepRunner } from '../db/executor.js';
import { storedAliasRows } from '../db/storedValues.js';
import { normaliseName } from '../domain/names.js';
import { badInput, userError } from '../errors.js';
import type { AliasInput, CitationInput } from '../schema/types.js';
import { MAX_LENGTH, period, text } from './validate.js';
import { checkCitations, labelsOf, recordChange, validCitations, writeCitations } from './edit.js';

type EntityLabel = 'Actor' | 'Place';

export function validAliases(aliases: readonly AliasInput[] | null | undefined, argument: string) {
  return (aliases ?? []).map((a, i) => {
    const at = `${argument}[${i}]`;
    return {
      name: text(a.name, `${at}.name`, MAX_LENGTH.name),
      kind: a.kind,
      sources: (a.sources ?? []).map((s, j) => text(s, `${at}.sources[${j}]`, MAX_LENGTH.id)),
      ...period(a.from, a.to, at),
    };
  });
}

type ValidAlias = ReturnType<typeof validAliases>[number];

/** A name that already belongs to another entity of the same kind would make lookups ambiguous. */
export async function refuseTakenNames(
  run: StepRunner,
  label: EntityLabel,
  entityId: string,
  names: readonly string[],
  argument: string,
): Promise<void> {
  const keys = [...new Set(names.map(normaliseName).filter((k) => k !== ''))];
  const rows = await run('resolve-names', { keys, entityType: label, withinId: null });
  const other = rows.find((r) => r['entityId'] !== entityId);
  if (other !== undefined) {
    throw userError(
      'CONFLICT',
      `${argument}: "${String(other['name'])}" already names ${label.toLowerCase()} "${String(other['entityId'])}"; ` +
        'add the spelling to that entity, or merge the two if they are one',
      { argument },
    );
  }
}

export async function writeAliases(
  run: StepRunner,
  label: EntityLabel,
  entityId: string,
  canonical: string,
  aliases: readonly ValidAlias[],
): Promise<void> {
  await run('load-aliases', { rows: storedAliasRows(label, entityId, canonical, aliases) });
  await run('aliases-sync', { entities: [{ type: label, id: entityId }] });
}

/** The label and canonical name of the actor or place `id`, or BAD_USER_INPUT naming `argument`. */
async function namedEntity(
  run: StepRunner,
  id: string,
  argument: string,
): Promise<{ label: EntityLabel; canonical: string }> {
  const found = (await labelsOf(run, [id])).get(id);
  if (found?.label !== 'Actor' && found?.label !== 'Place')
    throw badInput(argument, `no actor or place has the id "${id}"`);
  return { label: found.label, canonical: found.name };
}

export async function addAlias(
  executor: Executor,
  viewer: Viewer,
  entityId: string,
  alias: AliasInput,
  citationsInput: readonly CitationInput[],
): Promise<EntityLabel> {
  const [valid] = validAliases([alias], 'alias');
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    const { label, canonical } = await namedEntity(run, entityId, 'entityId');
    await refuseTakenNames(run, label, entityId, [valid!.name], 'alias.name');
    await checkCitations(run, citations);
    await writeAliases(run, label, entityId, canonical, [valid!]);
    await writeCitations(run, label, entityId, citations);
    await recordChange(run, viewer, {
      operation: 'aliasAdd',
      input: { entityId, alias, citations: citationsInput },
      entityIds: [entityId],
      summary: `Name "${valid!.name}" added to ${canonical}`,
    });
    return label;
  });
}

export async function removeAlias(
  executor: Executor,
  viewer: Viewer,
  entityId: string,
  name: string,
  reason: string,
  citationsInput: readonly CitationInput[],
): Promise<EntityLabel> {
  const why = text(reason, 'reason', MAX_LENGTH.note);
  const citations = validCitations(citationsInput);
  return executor.writeTransaction(async (run) => {
    const { label, canonical } = await namedEntity(run, entityId, 'entityId');
    if (name === canonical) throw badInput('name', 'is the canonical name; rename the entity first');
    await checkCitations(run, citations);
    const [row] = await run('alias-remove', { entityType: label, entityId, name });
    if (row?.['removed'] === 0) throw badInput('name', `"${name}" is not a name of ${canonical}`);
    await run('aliases-sync', { entities: [{ type: label, id: entityId }] });
    await writeCitations(run, label, entityId, citations);
    await recordChange(run, viewer, {
      operation: 'aliasRemove',
      input: { entityId, name, reason: why },
      entityIds: [entityId],
      summary: `Name "${name}" removed from ${canonical}: ${why}`,
    });
    return label;
  });
}
