// Actors by id. Params: $ids [string]. Returns: actor {id, name, kind, description, aliases,
// reviewStatus, formedValue, formedPrecision, formedNote}.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.id, .name, .kind, .description, .aliases, .reviewStatus, .formedValue, .formedPrecision,
          .formedNote} AS actor
