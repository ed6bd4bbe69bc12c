// What changes when a name or a lineage edge is written, to tell whether the annotator's cached
// index is stale: the database's id, the counts of names and lineage edges, the latest recorded
// change. Params: none. Returns: database, names, lineage, lastChange.
CALL db.info() YIELD id AS database
CALL () {
  MATCH (n:Alias)
  RETURN count(n) AS names
}
CALL () {
  MATCH (:Actor)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO]->(:Actor)
  RETURN count(r) AS lineage
}
// The latest from the index on `at`, not a read of every change.
CALL () {
  OPTIONAL MATCH (c:Change) WHERE c.at IS NOT NULL
  WITH c ORDER BY c.at DESC LIMIT 1
  RETURN c.at AS lastChange
}
RETURN database, names, lineage, lastChange
