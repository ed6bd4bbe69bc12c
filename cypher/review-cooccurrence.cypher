// How much two actors (or two places) that may be one share, for ranking merge suggestions.
// Actors: engagements both fought in on the same side, engagements where they fought each other,
// places both fought at. Places: engagements at both, actors who fought at both, the distance
// between their points. Each neighbour set is read from the pending entity (small) and checked
// against the candidate's own engagements, never expanded through a busy middle node.
// Params: $entityType ('Actor'|'Place'), $pairs [{pending, candidate}] (ids).
// Returns: pending, candidate, candidateName, candidateStatus, candidateEngagements,
// sharedEngagements, opposedEngagements (0 for places), sharedNeighbours (places for actors, actors
// for places), distanceMeters (places with points, else null).
UNWIND $pairs AS pair
CALL (pair) {
  WITH pair WHERE $entityType = 'Actor'
  MATCH (a:Actor {id: pair.pending})
  MATCH (b:Actor {id: pair.candidate})
  CALL (a, b) {
    OPTIONAL MATCH (a)-[:FOUGHT_IN]->(:Engagement)-[:AT]->(p:Place)
    WITH b, collect(DISTINCT p) AS places
    OPTIONAL MATCH (b)-[:FOUGHT_IN]->(:Engagement)-[:AT]->(q:Place)
    WHERE q IN places
    RETURN count(DISTINCT q) AS sharedNeighbours
  }
  RETURN b, COUNT { (a)-[r:FOUGHT_IN]->(:Engagement)<-[s:FOUGHT_IN]-(b) WHERE r.side = s.side } AS sharedEngagements,
         COUNT { (a)-[r:FOUGHT_IN]->(:Engagement)<-[s:FOUGHT_IN]-(b) WHERE r.side <> s.side } AS opposedEngagements,
         sharedNeighbours, COUNT { (b)-[:FOUGHT_IN]->() } AS candidateEngagements, null AS distanceMeters
  UNION ALL
  WITH pair WHERE $entityType = 'Place'
  MATCH (a:Place {id: pair.pending})
  MATCH (b:Place {id: pair.candidate})
  CALL (a, b) {
    OPTIONAL MATCH (a)<-[:AT]-(:Engagement)<-[:FOUGHT_IN]-(x:Actor)
    WITH b, collect(DISTINCT x) AS actors
    OPTIONAL MATCH (b)<-[:AT]-(:Engagement)<-[:FOUGHT_IN]-(y:Actor)
    WHERE y IN actors
    RETURN count(DISTINCT y) AS sharedNeighbours
  }
  RETURN b, COUNT { (a)<-[:AT]-(:Engagement)-[:AT]->(b) } AS sharedEngagements, 0 AS opposedEngagements,
         sharedNeighbours, COUNT { (b)<-[:AT]-() } AS candidateEngagements,
         point.distance(a.location, b.location) AS distanceMeters
}
RETURN pair.pending AS pending, pair.candidate AS candidate, b.name AS candidateName,
       coalesce(b.reviewStatus, 'REVIEWED') AS candidateStatus, candidateEngagements, sharedEngagements,
       opposedEngagements, sharedNeighbours, distanceMeters
