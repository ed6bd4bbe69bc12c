// Everything the annotator's in-memory index needs, in one round trip: every name of every actor
// and place with the period it belongs to, and the lineage edges between actors.
// Params: none. Returns: names [{name, entityId, entityType, entityName, fromValue, fromPrecision,
// toValue, toPrecision}], lineage [{kind, fromId, toId, dateValue, datePrecision}].
CALL () {
  MATCH (n:Alias)-[:ALIAS_OF]->(e)
  RETURN collect(n {.name, .entityId, .entityType, entityName: e.name, .fromValue, .fromPrecision, .toValue,
                    .toPrecision}) AS names
}
CALL () {
  MATCH (a:Actor)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO]->(b:Actor)
  RETURN collect({kind: type(r), fromId: a.id, toId: b.id, dateValue: r.dateValue, datePrecision: r.datePrecision}) AS lineage
}
RETURN names, lineage
