// An actor with its predecessors and successors through renames, mergers and absorptions: the
// actors that count as "the same group" for includeLineage. Splinters (SPLIT_FROM) are separate
// groups and are not included. Params: $id. Returns: ids.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[:RENAMED_TO|MERGED_INTO|ABSORBED_INTO]->{0,12}(s:Actor) RETURN collect(s.id) AS successors
}
CALL (a) {
  MATCH (p:Actor)-[:RENAMED_TO|MERGED_INTO|ABSORBED_INTO]->{0,12}(a) RETURN collect(p.id) AS predecessors
}
UNWIND successors + predecessors AS id
RETURN collect(DISTINCT id) AS ids
