// Who held each place, from when to when. Params: $ids [string].
// Returns: placeId, edge (as in edges-by-id).
UNWIND $ids AS placeId
MATCH (a:Actor)-[r:CONTROLLED]->(p:Place {id: placeId})
RETURN placeId, r {.id, type: 'CONTROLLED', fromId: a.id, toId: p.id, fromName: a.name, toName: p.name,
                   .fromValue, .fromPrecision, .toValue, .toPrecision, .contested, .contestedNote,
                   .inferredFrom} AS edge
ORDER BY placeId, r.fromEarliest, r.id
