/**
 * The annotator's name index built from the data files instead of the graph: the same names the
 * loader writes (the canonical name and every alias, with its period) and the same lineage
 * edges. The evaluation uses it so it runs without a database; the API builds the index from the
 * graph itself (cypher/annotate-names.cypher).
 */
import { parseFuzzyDate } from '../domain/fuzzyDate.js';
import { buildNameIndex, type NameIndex } from '../domain/annotate/index.js';
import type { IndexedName, LineageLink } from '../domain/annotate/types.js';
import type { Dataset } from '../dataset/model.js';

function fuzzy(value: string | undefined) {
  return value === undefined ? null : parseFuzzyDate(value);
}

export function nameIndexOfDataset(dataset: Dataset): NameIndex {
  const names: IndexedName[] = [];
  const add = (entityType: 'Actor' | 'Place', e: Dataset['actors'][number] | Dataset['places'][number]) => {
    names.push({ name: e.name, entityId: e.id, entityType, entityName: e.name });
    for (const a of e.aliases) {
      names.push({
        name: a.name,
        entityId: e.id,
        entityType,
        entityName: e.name,
        from: fuzzy(a.from),
        to: fuzzy(a.to),
      });
    }
  };
  for (const actor of dataset.actors) add('Actor', actor);
  for (const place of dataset.places) add('Place', place);
  const lineage: LineageLink[] = dataset.relations.lineage.map((l) => ({
    kind: l.kind,
    fromId: l.from,
    toId: l.to,
    date: parseFuzzyDate(l.date),
  }));
  return buildNameIndex(names, lineage);
}
