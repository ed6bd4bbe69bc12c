// Upserts weapons. Params: $rows [{id, props}] (props: name, kind, aliases, origin, description).
// Returns: count.
UNWIND $rows AS row
MERGE (w:Weapon {id: row.id})
SET w += row.props
RETURN count(*) AS count
