// Marks an engagement or a dated edge contested, with what is disputed.
// Params: $type ('Engagement' or an edge type), $id, $note. Returns: updated (0 when not found).
CALL () {
  MATCH (e:Engagement {id: $id}) WHERE $type = 'Engagement'
  SET e.contested = true, e.contestedNote = $note
  RETURN count(e) AS updated
  UNION ALL
  MATCH ()-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED {id: $id}]->()
  WHERE type(r) = $type
  SET r.contested = true, r.contestedNote = $note
  RETURN count(r) AS updated
}
RETURN sum(updated) AS updated
