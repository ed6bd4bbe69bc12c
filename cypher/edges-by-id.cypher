// Sourced edges by their id, any fact type. Params: $ids [string].
// Returns: edge {id, type, fromId, toId, fromName, toName, fromValue, fromPrecision, toValue,
// toPrecision, dateValue, datePrecision, contested, contestedNote, support,
// endReason, inferredFrom}.
// Edge types: EDGE_TYPES of src/domain/facts.ts, spelled out so that each type's id index is used
// (tests/unit/edgeTypes.test.ts keeps the list equal to the domain's).
UNWIND $ids AS id
MATCH (a)-[r:RENAMED_TO|MERGED_INTO|SPLIT_FROM|ABSORBED_INTO|MEMBER_OF|ALLIED_WITH|SPONSORED_BY|MEDIA_WING_OF|SUBUNIT_OF|AFFILIATED_WITH|LEADER_OF|CONTROLLED|VIOLATED|ARMED_WITH {id: id}]->(b)
RETURN r {.id, type: type(r), fromId: a.id, toId: b.id, fromName: a.name, toName: b.name,
          .fromValue, .fromPrecision, .toValue, .toPrecision, .dateValue, .datePrecision,
          .contested, .contestedNote, .support, .endReason, .inferredFrom} AS edge
