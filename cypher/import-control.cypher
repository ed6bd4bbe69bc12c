// Control of places an import's events state. The period and note are the event's own; whether
// the fact is contested is a curator's decision, set only when the edge is created.
// Params: $rows [{id, actor, place, owned, curated}]. Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (p:Place {id: row.place})
MERGE (a)-[r:CONTROLLED {id: row.id}]->(p)
ON CREATE SET r += row.curated
SET r += row.owned
RETURN count(*) AS count
