// Upserts who held a place and when. Params: $rows [{id, actor, place, props}]. Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (p:Place {id: row.place})
MERGE (a)-[r:CONTROLLED {id: row.id}]->(p)
SET r += row.props
RETURN count(*) AS count
