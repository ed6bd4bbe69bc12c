// The shortest chains of sourced actor-to-actor relations between two actors, any direction.
// The hop bound in the pattern is the hard maximum (6); $maxHops narrows it.
// Params: $from, $to (actor ids), $maxHops, $limit.
// Returns: steps [edge (as in edges-by-id)] in path order.
// Edge types: ACTOR_RELATION_TYPES of src/domain/facts.ts, spelled out so that the search expands
// only those types (tests/unit/edgeTypes.test.ts checks the list).
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH path = allShortestPaths((a)-[:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF*..6]-(b))
WHERE length(path) <= $maxHops
WITH path LIMIT toInteger($limit)
RETURN [r IN relationships(path) |
          r {.id, type: type(r), fromId: startNode(r).id, toId: endNode(r).id,
             fromName: startNode(r).name, toName: endNode(r).name,
             .fromValue, .fromPrecision, .toValue, .toPrecision, .dateValue, .datePrecision,
             .contested, .contestedNote, .support}] AS steps
