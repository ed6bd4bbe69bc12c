// Upserts armaments: an actor had or used a weapon, dated and cited like any relation; the
// supplier and the engagement it was used in are ids on the edge (suppliedBy, usedIn).
// Params: $rows [{id, actor, weapon, props}] (props: from*, to*, suppliedBy, usedIn, contested,
// contestedNote, note, inferredFrom). Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (w:Weapon {id: row.weapon})
MERGE (a)-[r:ARMED_WITH {id: row.id}]->(w)
SET r += row.props
RETURN count(*) AS count
