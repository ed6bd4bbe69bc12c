// Upserts citations: which source states a fact, with its verbatim quote. A fact is a node
// (Actor, Place, Engagement) or an edge, named by its id. Params: $rows [{id, factId, factType,
// source, quote, note}]. Returns: count.
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MERGE (c:Citation {id: row.id})
SET c.factId = row.factId, c.factType = row.factType, c.quote = row.quote, c.note = row.note
MERGE (c)-[:CITES]->(s)
RETURN count(*) AS count
