/**
 * Places: coordinates only from a gazetteer (a DATASET source), never guessed; a place cannot lie
 * in itself.
 */
import type { Viewer } from '../auth/tokens.js';
import type { Executor, StepRunner } from '../db/executor.js';
import { locationSourceProblem } from '../domain/provenance.js';
import { badInput, userError } from '../errors.js';
import type { LocationInput, PlaceCreateInput, PlaceUpdateInput } from '../schema/types.js';
import type { PlaceRow, SourceRow } from '../db/rows.js';
import { coordinate, MAX_LENGTH, optionalText, slug, slugFrom, text } from './validate.js';
import {
  type Written,
  checkCitations,
  refuseTakenId,
  recordChange,
  requireNodes,
  validCitations,
  writeCitations,
} from './edit.js';
import { refuseTakenNames, validAliases, writeAliases } from './names.js';

function validLocation(location: LocationInput | null | undefined, argument: string) {
  if (location === null || location === undefined) return undefined;
  coordinate(location.latitude, location.longitude, argument);
  return {
    latitude: location.latitude,
    longitude: location.longitude,
    source: text(location.source, `${argument}.source`, MAX_LENGTH.id),
    gazetteerName: text(location.gazetteerName, `${argument}.gazetteerName`, MAX_LENGTH.name),
    precision: text(location.precision, `${argument}.precision`, MAX_LENGTH.note),
  };
}

/** Coordinates must come from a gazetteer: a DATASET source. */
async function checkLocationSource(
  run: StepRunner,
  location: { source: string } | undefined,
  argument: string,
): Promise<void> {
  if (location === undefined) return;
  const [row] = await run('sources-by-id', { ids: [location.source] });
  const problem = locationSourceProblem(location.source, (row?.['source'] as SourceRow | undefined)?.kind);
  if (problem !== undefined) throw badInput(`${argument}.source`, problem);
}

async function checkPartOf(
  run: StepRunner,
  placeId: string,
  partOf: string | undefined,
  argument: string,
): Promise<void> {
  if (partOf === undefined) return;
  await requireNodes(run, [{ id: partOf, label: 'Place', argument }]);
  const [row] = await run('place-ancestors', { id: partOf });
  if (((row?.['ids'] as string[] | undefined) ?? []).includes(placeId)) {
    throw badInput(argument, `"${partOf}" lies in "${placeId}": a place cannot lie in itself`);
  }
}

type ValidLocation = NonNullable<ReturnType<typeof validLocation>>;

/** The location a place already has, in the form a new one is given. */
function storedLocation(place: PlaceRow | undefined): ValidLocation | undefined {
  if (place?.latitude == null || place.longitude == null) return undefined;
  return {
    latitude: place.latitude,
    longitude: place.longitude,
    source: place.locationSource ?? '',
    gazetteerName: place.locationName ?? '',
    precision: place.locationPrecision ?? '',
  };
}

function placeProps(name: string, kind: string, description: string | null, location: ValidLocation | undefined) {
  return {
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    props: {
      name,
      kind,
      description,
      locationSource: location?.source ?? null,
      locationName: location?.gazetteerName ?? null,
      locationPrecision: location?.precision ?? null,
      reviewStatus: 'REVIEWED',
    },
  };
}

export async function createPlace(executor: Executor, viewer: Viewer, input: PlaceCreateInput): Promise<Written> {
  const name = text(input.name, 'input.name', MAX_LENGTH.name);
  const id = input.id ? slug(input.id, 'input.id') : slugFrom(name, 'input.name');
  const kind = input.kind;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description) ?? null;
  const partOf = input.partOf ? slug(input.partOf, 'input.partOf') : undefined;
  const location = validLocation(input.location, 'input.location');
  const aliases = validAliases(input.aliases, 'input.aliases');
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('places-by-id', { ids: [id] });
    await refuseTakenId(run, id, { label: 'Place', name });
    const current = existing?.['place'] as PlaceRow | undefined;
    if (current !== undefined && current.kind !== kind) {
      throw userError('CONFLICT', `input.id: "${id}" is already the ${current.kind} "${current.name}"`, {
        argument: 'input.id',
      });
    }
    await refuseTakenNames(run, 'Place', id, [name, ...aliases.map((a) => a.name)], 'input.name');
    await checkPartOf(run, id, partOf, 'input.partOf');
    await checkLocationSource(run, location, 'input.location');
    await checkCitations(run, citations, 'input.citations');
    await run('load-places', {
      rows: [{ id, ...placeProps(name, kind, description, location ?? storedLocation(current)) }],
    });
    if (partOf !== undefined) await run('place-part-of-set', { id, partOf });
    await writeAliases(run, 'Place', id, name, aliases);
    await writeCitations(run, 'Place', id, citations);
    await recordChange(run, viewer, {
      operation: 'placeCreate',
      input,
      entityIds: [id],
      summary: `Place ${name} (${kind})`,
    });
    return { id };
  });
}

export async function updatePlace(
  executor: Executor,
  viewer: Viewer,
  id: string,
  input: PlaceUpdateInput,
): Promise<Written> {
  const name = optionalText(input.name, 'input.name', MAX_LENGTH.name);
  const kind = input.kind ?? undefined;
  const description = optionalText(input.description, 'input.description', MAX_LENGTH.description);
  const partOf = input.partOf ? slug(input.partOf, 'input.partOf') : undefined;
  const location = validLocation(input.location, 'input.location');
  const citations = validCitations(input.citations, 'input.citations');
  return executor.writeTransaction(async (run) => {
    const [existing] = await run('places-by-id', { ids: [id] });
    const current = existing?.['place'] as PlaceRow | undefined;
    if (current === undefined) throw userError('NOT_FOUND', `id: no place has the id "${id}"`, { argument: 'id' });
    if (name !== undefined) await refuseTakenNames(run, 'Place', id, [name], 'input.name');
    await checkPartOf(run, id, partOf, 'input.partOf');
    await checkLocationSource(run, location, 'input.location');
    await checkCitations(run, citations, 'input.citations');
    const nextName = name ?? current.name;
    await run('load-places', {
      rows: [
        {
          id,
          ...placeProps(
            nextName,
            kind ?? current.kind,
            description ?? current.description,
            location ?? storedLocation(current),
          ),
        },
      ],
    });
    if (partOf !== undefined) await run('place-part-of-set', { id, partOf });
    await writeAliases(
      run,
      'Place',
      id,
      nextName,
      name && name !== current.name ? [{ name: current.name, kind: 'ROMANISATION', sources: [] }] : [],
    );
    await writeCitations(run, 'Place', id, citations);
    await recordChange(run, viewer, {
      operation: 'placeUpdate',
      input: { id, ...input },
      entityIds: [id],
      summary: `Place ${current.name} updated`,
    });
    return { id };
  });
}
