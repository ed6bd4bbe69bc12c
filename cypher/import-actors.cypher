// Creates the actors an import found no match for. Properties are set only on creation, so a
// rerun never undoes a reviewer's edits. Params: $rows [{id, props}] (props: name, kind,
// description, aliases, reviewStatus, importSource). Returns: count.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a += row.props
RETURN count(*) AS count
