// Links actors to the agreements they made, guaranteed, proposed, announced or opposed; the
// parties are part of the agreement's fact and share its citations.
// Params: $rows [{agreement, actor, role, note}]. Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (g:Agreement {id: row.agreement})
MERGE (a)-[r:PARTY_TO {role: row.role}]->(g)
SET r.note = row.note
RETURN count(*) AS count
