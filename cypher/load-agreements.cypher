// Upserts agreements, ceasefires and plans. Params: $rows [{id, props}] (props: name, kind,
// announced*, from*, to*, dateNote, description, contested, contestedNote, note, inferredFrom).
// Returns: count.
UNWIND $rows AS row
MERGE (g:Agreement {id: row.id})
SET g += row.props
RETURN count(*) AS count
