// The brief place row of `_`: the columns of the fields id, name and kind (see actor-brief.cypher).
_ {.id, .name, .kind}
