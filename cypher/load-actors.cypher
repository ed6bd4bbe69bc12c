// Upserts actors. Params: $rows [{id, props}] (props: name, kind, description, aliases,
// reviewStatus). Returns: count.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a += row.props
RETURN count(*) AS count
