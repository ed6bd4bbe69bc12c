// Upserts violations: an actor broke an agreement, dated and cited like any relation.
// Params: $rows [{id, actor, agreement, props}] (props: from*, to*, contested, contestedNote,
// note, inferredFrom). Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (g:Agreement {id: row.agreement})
MERGE (a)-[r:VIOLATED {id: row.id}]->(g)
SET r += row.props
RETURN count(*) AS count
