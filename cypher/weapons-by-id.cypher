// Weapons by id. Params: $ids [string]. Returns: weapon {id, name, kind, aliases, origin, description}.
UNWIND $ids AS id
MATCH (w:Weapon {id: id})
RETURN w {.id, .name, .kind, .aliases, .origin, .description} AS weapon
