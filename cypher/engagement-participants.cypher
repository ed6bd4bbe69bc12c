// Who took part in each engagement, with the actors' rows. Params: $ids [string]; $brief {actor}:
// whether those rows are the brief ones (cypher/rows/actor-brief.cypher).
// Returns: engagementId, actorId, side, role, note, inferredFrom, actor (the row of
// cypher/rows/actor.cypher).
UNWIND $ids AS engagementId
MATCH (a:Actor)-[r:FOUGHT_IN]->(:Engagement {id: engagementId})
RETURN engagementId, a.id AS actorId, r.side AS side, r.role AS role, r.note AS note,
       r.inferredFrom AS inferredFrom,
       CASE WHEN $brief.actor THEN {{actor-brief a}} ELSE {{actor a}} END AS actor
ORDER BY engagementId, r.side, CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, a.name
