// Links an import's actors to its engagements. The side and role are set when the link is made; a
// re-import refreshes only the note saying which dataset column named the actor, so a curator's
// correction of a side or role stands. Params: $rows [{actor, engagement, side, role, note}].
// Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (e:Engagement {id: row.engagement})
MERGE (a)-[r:FOUGHT_IN]->(e)
ON CREATE SET r.side = row.side, r.role = row.role
SET r.note = row.note
RETURN count(*) AS count
