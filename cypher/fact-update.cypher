// Corrects an engagement or a dated edge in place: the same node or edge, the same id.
// Params: $type ('Engagement' or an edge type), $id, $props (the properties to set; nulls remove).
// Returns: updated (0 when there is no such fact).
// Edge types: EDGE_TYPES of src/domain/facts.ts, spelled out so that each type's id index is used
// (tests/unit/edgeTypes.test.ts keeps the list equal to the domain's).
CALL () {
  MATCH (e:Engagement {id: $id}) WHERE $type = 'Engagement'
  SET e += $props
  RETURN count(e) AS updated
  UNION ALL
  MATCH ()-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED|VIOLATED|ARMED_WITH {id: $id}]->()
  WHERE type(r) = $type
  SET r += $props
  RETURN count(r) AS updated
}
RETURN sum(updated) AS updated
