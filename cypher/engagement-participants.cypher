// Who took part in each engagement. Params: $ids [string].
// Returns: engagementId, actorId, side, role, note, inferredFrom.
UNWIND $ids AS engagementId
MATCH (a:Actor)-[r:FOUGHT_IN]->(:Engagement {id: engagementId})
RETURN engagementId, a.id AS actorId, r.side AS side, r.role AS role, r.note AS note,
       r.inferredFrom AS inferredFrom
ORDER BY engagementId, r.side, CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, a.name
