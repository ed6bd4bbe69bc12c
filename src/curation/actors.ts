/** Actors: created and updated with their names and citations; a renamed actor keeps its old name. */
import type { Viewer } from '../auth/tokens.js';
import type { Executor } from '../db/executor.js';
import { userError } from '../errors.js';
import type { ActorCreateInput, EntityUpdateInput } from '../schema/types.js';
import type { ActorRow } from '../db/rows.js';
import { MAX_LENGTH, optionalText, slug, slugFrom, text } from './validate.js';
import { type Written, checkCitations, refuseTakenId, recordChange, validCitations, writeCitations } from './edit.js';
import { refuseTakenNames, validAliases, writeAliases } from './names.js';

export async function createActor(executor: Executor, viewer: Viewer, input: ActorCreateInput): Promise<Written> {
  const name = text(input.name, 'input.name', MAX_LENGTH.name);
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(name, 'input.name');
  const kind = input.kind;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description);
  const aliases = validAliases(input.aliases, 'input.aliases');
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('actors-by-id', { ids: [id] });
    await refuseTakenId(run, id, { label: 'Actor', name });
    const current = existing?.['actor'] as ActorRow | undefined;
    if (current !== undefined && current.kind !== kind) {
      throw userError('CONFLICT', `input.id: "${id}" is already the ${current.kind} "${current.name}"`, {
        argument: 'input.id',
      });
    }
    await refuseTakenNames(run, 'Actor', id, [name, ...aliases.map((a) => a.name)], 'input.name');
    await checkCitations(run, citations, 'input.citations');
    await run('load-actors', {
      rows: [
        {
          id,
          props: { name, kind, description: description ?? current?.description ?? null, reviewStatus: 'REVIEWED' },
        },
      ],
    });
    await writeAliases(run, 'Actor', id, name, aliases);
    await writeCitations(run, 'Actor', id, citations);
    await recordChange(run, viewer, {
      operation: 'actorCreate',
      input,
      entityIds: [id],
      summary: `Actor ${name} (${kind})`,
    });
    return { id };
  });
}

export async function updateActor(
  executor: Executor,
  viewer: Viewer,
  id: string,
  input: EntityUpdateInput,
): Promise<Written> {
  const name = optionalText(input.name, 'input.name', MAX_LENGTH.name);
  const kind = input.kind ?? undefined;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description);
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('actors-by-id', { ids: [id] });
    const current = existing?.['actor'] as ActorRow | undefined;
    if (current === undefined) throw userError('NOT_FOUND', `id: no actor has the id "${id}"`, { argument: 'id' });
    if (name !== undefined) await refuseTakenNames(run, 'Actor', id, [name], 'input.name');
    await checkCitations(run, citations, 'input.citations');
    const next = {
      name: name ?? current.name,
      kind: kind ?? current.kind,
      description: description ?? current.description,
    };
    await run('load-actors', { rows: [{ id, props: next }] });
    // A renamed actor keeps its old name as an alias, so old reports still resolve.
    await writeAliases(
      run,
      'Actor',
      id,
      next.name,
      name && name !== current.name ? [{ name: current.name, kind: 'ROMANISATION', sources: [] }] : [],
    );
    await writeCitations(run, 'Actor', id, citations);
    await recordChange(run, viewer, {
      operation: 'actorUpdate',
      input: { id, ...input },
      entityIds: [id],
      summary: `Actor ${current.name}: ${JSON.stringify({ before: { name: current.name, kind: current.kind, description: current.description }, after: next })}`,
    });
    return { id };
  });
}
