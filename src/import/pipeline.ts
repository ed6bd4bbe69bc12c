/**
 * The import pipeline shared by the event datasets: stream the file, map each row to an event,
 * match its names a batch at a time, and write each batch in one write transaction.
 *
 * Robust by design:
 *  - Streaming: rows are read as the batches are written; memory holds one batch being matched,
 *    one being written, and bounded memos of the names already matched.
 *  - One transaction per batch: every statement of a batch (new actors and places with their
 *    names; the engagements with their places, participants and citations in one statement;
 *    control; the other citations) runs in one write transaction, sent together so the batch waits
 *    for one round trip, so a batch is in the graph whole or not at all. A crash, kill -9 or
 *    Ctrl-C loses only the batch in flight; every write is keyed by a stable id (a MERGE, or a
 *    CREATE of an engagement the same transaction found missing), so nothing is written twice.
 *  - Resumable: the same transaction records a checkpoint (an ImportRun node keyed by the
 *    dataset and the file's SHA-256) with the last data row committed. Running the same command
 *    on the same file again resumes after it, and says from which batch.
 *  - Batch n+1 is read and matched while batch n is written, but writes happen one at a time in
 *    file order, so an actor or place a batch creates exists before a later batch links to it.
 *  - A dry run does the same reading and matching, with reads instead of writes.
 *  - Rows that cannot be read or mapped go to the rejects file with their line and reason.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Executor, Params } from '../db/executor.js';
import type { QueryName } from '../db/queries.js';
import { aliasId, citationId, storedFuzzyDate } from '../db/storedValues.js';
import { earliestDay, latestDay, parseFuzzyDate } from '../domain/fuzzyDate.js';
import { nameLookupFields } from '../domain/names.js';
import { readCsv } from './csvRecords.js';
import {
  ImportFileError,
  RowRejected,
  type EventDataset,
  type ImportedEvent,
  type ParticipantMention,
} from './events.js';
import {
  ActorResolver,
  PlaceResolver,
  type ActorMatch,
  type NewActor,
  type NewPlace,
  type PlaceMatch,
} from './matching.js';
import { RejectsFile } from './rejects.js';

/** Rows per write transaction unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface ImportOptions {
  /** Rows per write transaction; default 1000. */
  batchSize?: number;
  /** Read and match only, and report what would change; default false. */
  dryRun?: boolean;
  /** Where rejected lines go; default `<file>.rejects.csv`. */
  rejectsPath?: string;
  /** Told after every row read, for progress bars. */
  onProgress?: (progress: ImportProgress) => void;
  /** Told before the first row when an earlier run of the same file stopped part way. */
  onResume?: (resume: ImportResume) => void;
}

/** Where a rerun picks up an import that an earlier run of the same file left unfinished. */
export interface ImportResume {
  /** The first batch this run writes (batches before it were committed by the earlier run). */
  batch: number;
  /** Data rows the earlier run committed; this run writes the rows after them. */
  afterRow: number;
}

export interface ImportProgress {
  /** Data rows read so far (imported or rejected). */
  rows: number;
  bytes: number;
  totalBytes: number;
  /** Rows in batches already committed (or, in a dry run, checked). */
  committedRows: number;
}

/** What an import did (or, in a dry run, would do). */
export interface ImportSummary {
  dataset: string;
  file: string;
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  rejected: number;
  rejectsPath: string;
  engagements: { created: number; existing: number };
  /** Distinct actors and places: matched to ones the graph had, or created by this import. */
  actors: { matched: number; created: number };
  places: { matched: number; created: number };
  participations: number;
  controlChanges: number;
  batches: number;
  /** Set when this run resumed an earlier, interrupted run of the same file. */
  resumed: ImportResume | null;
  elapsedMs: number;
}

/** The statements of one batch, in the order they run, and what they amount to. */
interface PreparedBatch {
  engagementIds: string[];
  /** The rows of import-events, which runs after `entities` (what it links to) and before `facts`. */
  events: Params[];
  entities: [QueryName, Params[]][];
  facts: [QueryName, Params[]][];
  rows: number;
  /** The data row number of the batch's last row, for the checkpoint. */
  throughRow: number;
  newActors: number;
  newPlaces: number;
  participations: number;
  controlChanges: number;
}

/**
 * Imports `file` into the graph as `dataset` events (see the module comment). Throws
 * ImportFileError, having written nothing to the graph, when the file is missing or lacks
 * required columns. The rejects file is written in a dry run too.
 */
export async function importEvents(
  executor: Executor,
  dataset: EventDataset,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const dryRun = options.dryRun ?? false;
  if (!fs.existsSync(file)) throw new ImportFileError(`No such file: ${file}`);
  const totalBytes = fs.statSync(file).size;
  const rejects = new RejectsFile(options.rejectsPath ?? `${file}.rejects.csv`);
  const batches = new BatchBuilder(executor, dataset);
  // A dry run writes no checkpoint, so it need not read the whole file once more to key one.
  const runId = dryRun ? '' : `${dataset.name}:${await fileDigest(file)}`;
  const resumed = dryRun ? null : await earlierRun(executor, runId);
  if (resumed !== null) options.onResume?.(resumed);
  const checkpoint = (throughRow: number, batchCount: number, completed: boolean): Params => ({
    id: runId,
    file: path.basename(file),
    dataset: dataset.name,
    throughRow,
    batches: batchCount,
    completed,
  });
  const summary: ImportSummary = {
    dataset: dataset.name,
    file,
    dryRun,
    rows: 0,
    rejected: 0,
    rejectsPath: rejects.path,
    engagements: { created: 0, existing: 0 },
    actors: { matched: 0, created: 0 },
    places: { matched: 0, created: 0 },
    participations: 0,
    controlChanges: 0,
    batches: 0,
    resumed,
    elapsedMs: 0,
  };
  const skipRows = resumed?.afterRow ?? 0;
  const batchOffset = resumed === null ? 0 : resumed.batch - 1;
  let bytes = 0;
  let committedRows = 0;
  let writing: Promise<void> = Promise.resolve();

  const write = async (batch: PreparedBatch): Promise<void> => {
    const existing = dryRun
      ? (await executor.read('import-existing-engagements', { ids: batch.engagementIds })).length
      : await executor.writeTransaction(async (run) => {
          // Sent together and run by Neo4j in this order: the batch waits for one round trip, not one
          // a statement. The source goes with the first facts that cite it, so a refused file writes nothing.
          const steps = (list: [QueryName, Params[]][]) =>
            list.filter(([, rows]) => rows.length > 0).map(([query, rows]) => run(query, { rows }));
          const source = run('import-source', dataset.source);
          const entities = steps(batch.entities);
          const written = run('import-events', { source: dataset.source.id, rows: batch.events });
          const facts = steps(batch.facts);
          const checkpointed = run(
            'import-checkpoint',
            checkpoint(batch.throughRow, batchOffset + summary.batches + 1, false),
          );
          const [[events]] = await Promise.all([written, source, ...entities, ...facts, checkpointed]);
          // An engagement whose place or source was not found would be missing: the batch is refused whole.
          if (events?.['written'] !== batch.events.length)
            throw new Error(`import-events wrote ${String(events?.['written'])} of ${batch.events.length} engagements`);
          return events['existing'] as number;
        });
    summary.batches += 1;
    summary.engagements.existing += existing;
    summary.engagements.created += batch.engagementIds.length - existing;
    summary.actors.created += batch.newActors;
    summary.places.created += batch.newPlaces;
    summary.participations += batch.participations;
    summary.controlChanges += batch.controlChanges;
    committedRows += batch.rows;
  };
  const flush = async (events: ImportedEvent[], throughRow: number): Promise<void> => {
    const batch = await batches.prepare(events, throughRow);
    await writing;
    writing = write(batch);
    // Awaited before the next batch or at the end; this only keeps Node from calling it unhandled.
    writing.catch(() => undefined);
  };

  // A refused file leaves no rejects file behind: it was not imported at all.
  let headerAccepted = false;
  try {
    let events: ImportedEvent[] = [];
    const checkHeader = (columns: string[]) => {
      const missing = dataset.requiredColumns.filter((c) => !columns.includes(c));
      if (missing.length > 0) {
        throw new ImportFileError(
          `${file} is not an export of ${dataset.label}: it lacks the column(s) ${missing.join(', ')}.`,
        );
      }
      headerAccepted = true;
    };
    for await (const item of readCsv(file, checkHeader, (read) => (bytes = read))) {
      summary.rows += 1;
      if ('reason' in item) {
        rejects.add(item.line, item.reason, item.raw);
      } else {
        try {
          const event = dataset.toEvent(item.record);
          // Rows an earlier run committed are still read, so the rejects file stays whole.
          if (summary.rows > skipRows) events.push(event);
        } catch (error) {
          if (!(error instanceof RowRejected)) throw error;
          rejects.add(item.line, error.message, item.text);
        }
      }
      if (events.length >= batchSize) {
        await flush(events, summary.rows);
        events = [];
      }
      options.onProgress?.({ rows: summary.rows, bytes, totalBytes, committedRows: skipRows + committedRows });
    }
    if (events.length > 0) await flush(events, summary.rows);
    await writing;
    if (!dryRun)
      await executor.write('import-checkpoint', checkpoint(summary.rows, batchOffset + summary.batches, true));
  } finally {
    if (headerAccepted) await rejects.close();
  }
  summary.rejected = rejects.count;
  summary.actors.matched = batches.matchedActors.size;
  summary.places.matched = batches.matchedPlaces.size;
  summary.elapsedMs = Math.round(performance.now() - started);
  options.onProgress?.({ rows: summary.rows, bytes: totalBytes, totalBytes, committedRows });
  return summary;
}

/** Matches the names of a batch of events and turns it into the rows of each write statement. */
class BatchBuilder {
  readonly matchedActors = new Set<string>();
  readonly matchedPlaces = new Set<string>();
  private readonly actors: ActorResolver;
  private readonly places: PlaceResolver;

  constructor(
    private readonly executor: Executor,
    private readonly dataset: EventDataset,
  ) {
    this.actors = new ActorResolver(executor, dataset);
    this.places = new PlaceResolver(executor, dataset);
  }

  async prepare(batch: readonly ImportedEvent[], throughRow: number): Promise<PreparedBatch> {
    // A repeated event id is one event revised (ACLED keeps ids across revisions): the last row wins.
    const events = [...new Map(batch.map((e) => [e.engagementId, e])).values()];
    await Promise.all([
      this.actors.prepare(events.flatMap((e) => e.participants)),
      this.places.prepare(events.map((e) => e.place)),
    ]);
    const resolved = events.map((event) => ({
      event,
      place: this.places.resolve(event.place, event.eventId),
      actors: event.participants.map((p) => this.actors.resolve(p, event.eventId)),
    }));
    const newActors = this.actors.takeNew();
    const newPlaces = this.places.takeNew();
    await this.renameTakenIds(newActors, newPlaces);
    for (const { place, actors } of resolved) {
      if (!place.created) this.matchedPlaces.add(place.placeId);
      for (const actor of actors) if (!actor.created) this.matchedActors.add(actor.actorId);
    }
    return { ...this.rows(resolved, newActors, newPlaces), throughRow };
  }

  /** New ids are slugs of names; two different names can share one, and then the later gets a suffix. */
  private async renameTakenIds(newActors: NewActor[], newPlaces: NewPlace[]): Promise<void> {
    if (newActors.length === 0 && newPlaces.length === 0) return;
    const taken = await this.executor.read<{ label: string; id: string }>('import-taken-ids', {
      actorIds: newActors.map((a) => a.match.actorId),
      placeIds: newPlaces.map((p) => p.match.placeId),
    });
    const takenKeys = new Set(taken.map((t) => `${t.label}:${t.id}`));
    for (const actor of newActors) if (takenKeys.has(`Actor:${actor.match.actorId}`)) this.actors.renameTaken(actor);
    for (const place of newPlaces) if (takenKeys.has(`Place:${place.match.placeId}`)) this.places.renameTaken(place);
  }

  private rows(
    resolved: readonly { event: ImportedEvent; place: PlaceMatch; actors: ActorMatch[] }[],
    newActors: readonly NewActor[],
    newPlaces: readonly NewPlace[],
  ): Omit<PreparedBatch, 'throughRow'> {
    const { source, label, name: importSource } = this.dataset;
    const citations: Params[] = [];
    const cite = (factType: string, factId: string, quote: string | null, note: string) =>
      citations.push({ id: citationId(factId, source.id, quote), factId, factType, source: source.id, quote, note });
    const alias = (entityType: 'Actor' | 'Place', entityId: string, name: string, kind: string): Params => ({
      id: aliasId(entityType, entityId, name),
      entityType,
      entityId,
      props: {
        name,
        ...nameLookupFields(name),
        kind,
        sources: [source.id],
        ...storedFuzzyDate('from', null),
        ...storedFuzzyDate('to', null),
      },
    });
    const aliases: Params[] = [];

    const actorRows = newActors.map((a) => {
      cite('Actor', a.match.actorId, null, `Named "${a.name}" in ${label} event ${a.eventId}.`);
      aliases.push(...a.aliases.map((n) => alias('Actor', a.match.actorId, n, 'DATASET')));
      return {
        id: a.match.actorId,
        props: {
          name: a.name,
          kind: a.kind,
          description:
            `Created by the ${label} import from event ${a.eventId}; kind guessed from ${a.kindReason}. ` +
            'Not reviewed: it may be a known actor under another name (npm run cli -- review).',
          aliases: a.aliases,
          reviewStatus: 'NEEDS_REVIEW',
          importSource,
        },
      };
    });
    const placeRows = newPlaces.map(({ match, mention, partOf, eventId }) => {
      const names = [...new Set([mention.displayName, mention.name])];
      cite(
        'Place',
        match.placeId,
        null,
        `${label} event ${eventId}: "${mention.name}"; ${mention.context}; ${mention.precision}.`,
      );
      aliases.push(...names.map((n) => alias('Place', match.placeId, n, 'GAZETTEER')));
      return {
        id: match.placeId,
        latitude: mention.latitude,
        longitude: mention.longitude,
        partOf,
        props: {
          name: mention.displayName,
          kind: mention.kind,
          description:
            `Created by the ${label} import from event ${eventId} (${mention.context}); kind guessed from the ` +
            'dataset. Not reviewed: it may be a known place under another name (npm run cli -- review).',
          aliases: names,
          locationSource: source.id,
          locationName: mention.name,
          locationPrecision: mention.precision,
          reviewStatus: 'NEEDS_REVIEW',
          importSource,
        },
      };
    });

    const engagements: Params[] = [];
    const control: Params[] = [];
    let participations = 0;
    for (const { event, place, actors } of resolved) {
      // What the dataset says is the import's; what a curator may decide is only the first value.
      const participants: Params[] = [];
      const owned = {
        title: event.title,
        kind: event.kind,
        ...storedFuzzyDate('start', event.start),
        ...storedFuzzyDate('end', event.end),
        dateNote: event.dateNote,
        casualtiesJson: JSON.stringify(event.casualties),
        importSource,
        importEventId: event.eventId,
      };
      engagements.push({
        id: event.engagementId,
        place: place.placeId,
        participants,
        citation: {
          id: citationId(event.engagementId, source.id, event.citation.quote),
          quote: event.citation.quote,
          note: event.citation.note,
        },
        owned,
        curated: { outcome: event.outcome, outcomeText: null, contested: false, contestedNote: null },
      });
      const linked = new Set<string>();
      event.participants.forEach((mention, index) => {
        const actor = actors[index];
        // The same actor named twice in one event (e.g. as actor and associated actor): the first naming stands.
        if (actor === undefined || linked.has(actor.actorId)) return;
        linked.add(actor.actorId);
        // The dataset's name for a known actor is kept as its DATASET name, so its readers find it.
        if (!actor.created && this.actors.lacksDatasetName(actor, mention.name.trim()))
          aliases.push(alias('Actor', actor.actorId, mention.name.trim(), 'DATASET'));
        participants.push({
          actor: actor.actorId,
          side: mention.side,
          role: mention.role,
          note: participantNote(mention, actor, event),
        });
      });
      participations += participants.length;
      const taker = event.control === null ? undefined : actors[event.control.participant];
      if (event.control !== null && taker !== undefined) {
        const id = `${event.engagementId}-control`;
        control.push({
          id,
          actor: taker.actorId,
          place: place.placeId,
          owned: { ...storedFuzzyDate('from', event.start), ...storedFuzzyDate('to', null), note: event.control.note },
          curated: { contested: false, contestedNote: null },
        });
        cite('CONTROLLED', id, event.citation.quote, event.citation.note);
      }
    }
    return {
      engagementIds: engagements.map((e) => e.id as string),
      events: engagements,
      entities: [
        ['import-actors', actorRows],
        ['import-places', placeRows],
        ['import-aliases', uniqueById(aliases)],
      ],
      facts: [
        ['import-control', control],
        ['load-citations', citations],
      ],
      rows: resolved.length,
      newActors: newActors.length,
      newPlaces: newPlaces.length,
      participations,
      controlChanges: control.length,
    };
  }
}

/**
 * The FOUGHT_IN note: which dataset column named the actor and, when the event falls outside the
 * period of the name it was matched by, that the dataset uses another period's name (UCDP names
 * groups by their later names back in time). The link stays as the dataset names it.
 */
function participantNote(mention: ParticipantMention, actor: ActorMatch, event: ImportedEvent): string {
  if (actor.aliasFrom === null && actor.aliasTo === null) return mention.note;
  const earliest = earliestDay(parseFuzzyDate(event.start));
  const latest = latestDay(parseFuzzyDate(event.end ?? event.start));
  const tooEarly = actor.aliasFrom !== null && latest < actor.aliasFrom;
  const tooLate = actor.aliasTo !== null && earliest > actor.aliasTo;
  if (!tooEarly && !tooLate) return mention.note;
  const period = [actor.aliasFrom && `from ${actor.aliasFrom}`, actor.aliasTo && `to ${actor.aliasTo}`].filter(Boolean);
  return (
    `${mention.note}. The name "${actor.alias}" was in use ${period.join(' ')}, not at the event's date: ` +
    'the dataset names the group by the name of another period; no lineage is inferred from it.'
  );
}

/** SHA-256 of the file: the same rows resume a checkpoint, an edited file starts afresh. */
async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 32);
}

/** The resume point of an earlier run of the same file that did not finish, or null. */
async function earlierRun(executor: Executor, runId: string): Promise<ImportResume | null> {
  const [run] = await executor.read<{ throughRow: number; batches: number; completed: boolean }>('import-run', {
    id: runId,
  });
  if (run === undefined || run.completed || run.throughRow <= 0) return null;
  return { batch: run.batches + 1, afterRow: run.throughRow };
}

/** Rows with distinct ids, the first of each kept (an actor named in many events of a batch). */
function uniqueById(rows: readonly Params[]): Params[] {
  const byId = new Map<string, Params>();
  for (const row of rows) if (!byId.has(row['id'] as string)) byId.set(row['id'] as string, row);
  return [...byId.values()];
}
