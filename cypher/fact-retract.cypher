// Withdraws an engagement or a dated edge: it leaves the graph (the history keeps its values), and
// its citations stay for the record, marked retracted with the reason.
// Params: $type ('Engagement' or an edge type), $id, $reason, $by, $at. Returns: removed (0
// when there is no such fact).
// Edge types: EDGE_TYPES of src/domain/facts.ts, spelled out so that each type's id index is used
// (tests/unit/edgeTypes.test.ts keeps the list equal to the domain's).
CALL () {
  MATCH (e:Engagement {id: $id}) WHERE $type = 'Engagement'
  DETACH DELETE e
  RETURN count(*) AS removed
  UNION ALL
  MATCH ()-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED|VIOLATED|ARMED_WITH {id: $id}]->()
  WHERE type(r) = $type
  DELETE r
  RETURN count(*) AS removed
}
WITH sum(removed) AS removed
CALL (removed) {
  MATCH (c:Citation {factId: $id})
  WHERE removed > 0 AND c.factType = $type AND coalesce(c.retracted, false) = false
  SET c.retracted = true, c.retractedReason = $reason, c.retractedBy = $by, c.retractedAt = $at
  RETURN count(c) AS citations
}
RETURN removed, citations
