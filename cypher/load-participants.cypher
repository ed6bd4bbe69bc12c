// Links actors to the engagements they fought in. Params: $rows [{actor, engagement, side, role,
// note, inferredFrom}] (inferredFrom may be absent: null). Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (e:Engagement {id: row.engagement})
MERGE (a)-[r:FOUGHT_IN]->(e)
SET r.side = row.side, r.role = row.role, r.note = row.note, r.inferredFrom = row.inferredFrom
RETURN count(*) AS count
