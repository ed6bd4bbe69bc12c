// Corrects an actor's side or role in an engagement. Params: $engagementId, $actorId, $props
// ({side, role}). Returns: before {side, role} (no row when the actor did not take part).
MATCH (:Actor {id: $actorId})-[r:FOUGHT_IN]->(:Engagement {id: $engagementId})
WITH r, r {.side, .role} AS before
SET r += $props
RETURN before
