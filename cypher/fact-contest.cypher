// Marks an engagement, an agreement or a dated edge contested, with what is disputed.
// Params: $type ('Engagement', 'Agreement' or an edge type), $id, $note. Returns: updated (0 when
// not found). Edge types: EDGE_TYPES of src/domain/facts.ts, spelled out so that each type's id
// index is used (tests/unit/edgeTypes.test.ts keeps the list equal to the domain's).
CALL () {
  MATCH (e:Engagement {id: $id}) WHERE $type = 'Engagement'
  SET e.contested = true, e.contestedNote = $note
  RETURN count(e) AS updated
  UNION ALL
  MATCH (g:Agreement {id: $id}) WHERE $type = 'Agreement'
  SET g.contested = true, g.contestedNote = $note
  RETURN count(g) AS updated
  UNION ALL
  MATCH ()-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED|VIOLATED|ARMED_WITH {id: $id}]->()
  WHERE type(r) = $type
  SET r.contested = true, r.contestedNote = $note
  RETURN count(r) AS updated
}
RETURN sum(updated) AS updated
