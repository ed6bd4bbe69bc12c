// The brief actor row of `_`: the columns of the fields id, name and kind. A request reads these
// instead of cypher/rows/actor.cypher when it asks nothing else of any actor (src/graphql/briefRows.ts).
_ {.id, .name, .kind}
