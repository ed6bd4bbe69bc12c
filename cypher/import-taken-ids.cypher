// Which of the ids an import wants to give new actors and places are already taken.
// Params: $actorIds [string], $placeIds [string]. Returns: label ('Actor'|'Place'), id.
CALL () {
  UNWIND $actorIds AS id
  MATCH (a:Actor {id: id})
  RETURN 'Actor' AS label, a.id AS id
  UNION ALL
  UNWIND $placeIds AS id
  MATCH (p:Place {id: id})
  RETURN 'Place' AS label, p.id AS id
}
RETURN label, id
