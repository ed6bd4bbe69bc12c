// Candidate names for a typed query, from the full-text indexes; the domain ranks them
// (src/db/nameSearch.ts builds the queries). Params: $query (Lucene query over searchText and
// entityType, or null), $arabic (Lucene query for Arabic-script names, or null), $entityTypes
// [string], $limit (candidates per index). Returns: name, entityId, entityType, entityName.
CALL () {
  WITH $query AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('alias_search', q, {limit: toInteger($limit)}) YIELD node
  RETURN node
  UNION
  WITH $arabic AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('alias_arabic', q, {limit: toInteger($limit)}) YIELD node
  RETURN node
}
WITH node WHERE node.entityType IN $entityTypes
MATCH (node)-[:ALIAS_OF]->(e)
RETURN node.name AS name, node.entityId AS entityId, node.entityType AS entityType, e.name AS entityName
