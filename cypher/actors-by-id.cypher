// Actors by id. Params: $ids [string]. Returns: actor (the row of cypher/rows/actor.cypher).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN {{actor a}} AS actor
