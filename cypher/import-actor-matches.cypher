// Actors answering to exact name keys, for matching the names an import brings, with the period
// the name belongs to: the alias's own period, else the actor's as its lineage dates it (from the
// rename that gave it this name, to the rename or merger that ended it).
// Params: $keys [string] (normaliseName keys).
// Returns: key, actorId, kind, reviewStatus, alias (the name that matched), aliasFrom, aliasTo
// (earliest and latest day of that period, or null when open), sources (that name's source ids).
UNWIND $keys AS key
MATCH (n:Alias {key: key})-[:ALIAS_OF]->(a:Actor)
CALL (a) {
  OPTIONAL MATCH (:Actor)-[r:RENAMED_TO]->(a)
  RETURN min(r.dateEarliest) AS namedFrom
}
CALL (a) {
  OPTIONAL MATCH (a)-[r:RENAMED_TO|MERGED_INTO|ABSORBED_INTO]->(:Actor)
  RETURN max(r.dateLatest) AS namedTo
}
RETURN key, a.id AS actorId, a.kind AS kind, coalesce(a.reviewStatus, 'REVIEWED') AS reviewStatus, n.name AS alias,
       coalesce(n.fromEarliest, namedFrom) AS aliasFrom, coalesce(n.toLatest, namedTo) AS aliasTo,
       coalesce(n.sources, []) AS sources
