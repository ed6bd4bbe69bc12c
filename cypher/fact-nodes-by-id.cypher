// Names of fact nodes (actors, places, engagements, agreements, weapons) by id, for one-line fact summaries.
// Params: $ids [string]. Returns: id, label, name.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN 'Actor' AS label, n.name AS name
  UNION
  MATCH (n:Place {id: id}) RETURN 'Place' AS label, n.name AS name
  UNION
  MATCH (n:Engagement {id: id}) RETURN 'Engagement' AS label, n.title AS name
  UNION
  MATCH (n:Agreement {id: id}) RETURN 'Agreement' AS label, n.name AS name
  UNION
  MATCH (n:Weapon {id: id}) RETURN 'Weapon' AS label, n.name AS name
}
RETURN id, label, name
