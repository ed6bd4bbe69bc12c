// Upserts dated edges between actors: lineage, membership, alliance, sponsorship, affiliation.
// Params: $rows [{id, type, from, to, props}] where type is one of RENAMED_TO, MERGED_INTO,
// SPLIT_FROM, ABSORBED_INTO, MEMBER_OF, ALLIED_WITH, SPONSORED_BY, MEDIA_WING_OF, SUBUNIT_OF,
// AFFILIATED_WITH, LEADER_OF (checked by the caller against that list). Returns: count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props
RETURN count(*) AS count
