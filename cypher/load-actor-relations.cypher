// Upserts dated edges between actors: lineage, membership, alliance, sponsorship, affiliation.
// Params: $rows [{id, type, from, to, props}] where type is one of ACTOR_RELATION_TYPES of
// src/domain/facts.ts (the callers' row types say so). Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props
RETURN count(*) AS count
