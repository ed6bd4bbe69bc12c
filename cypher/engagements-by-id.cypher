// Engagements by id. Params: $ids [string]. Returns: engagement {id, title, kind, startValue,
// startPrecision, endValue, endPrecision, dateNote, outcome, outcomeText, contested, contestedNote,
// casualtiesJson, partOfId}.
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Engagement)
RETURN e {.id, .title, .kind, .startValue, .startPrecision, .endValue, .endPrecision, .dateNote,
          .outcome, .outcomeText, .contested, .contestedNote, .casualtiesJson,
          partOfId: parent.id} AS engagement
