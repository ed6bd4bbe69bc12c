// Writes a batch of an import's engagements, each with the place it happened AT, its FOUGHT_IN
// participants and its citation, in one statement. An engagement new to the graph is created with
// its links (nothing can link to a node that did not exist); a known one (a re-import, a revised
// event) gets only the import's own fields (`owned`: title, kind, dates, dateNote, casualtiesJson,
// importSource, importEventId) and the note of each participant, so what a curator decided
// (`curated`: outcome, outcomeText, contested, contestedNote; a participant's side and role) stands.
// Params: $source (the dataset's source id), $rows [{id, owned, curated, place, participants
// [{actor, side, role, note}], citation {id, quote, note}}].
// Returns: written (rows written), existing (of them, engagements the graph already had).
MATCH (s:Source {id: $source})
UNWIND $rows AS row
MATCH (p:Place {id: row.place})
OPTIONAL MATCH (known:Engagement {id: row.id})
CALL (row, p, known) {
  WITH row, p, known WHERE known IS NULL
  CREATE (e:Engagement {id: row.id})
  SET e += row.curated, e += row.owned
  CREATE (e)-[:AT]->(p)
  WITH row, e
  CALL (row, e) {
    UNWIND row.participants AS f
    MATCH (a:Actor {id: f.actor})
    CREATE (a)-[:FOUGHT_IN {side: f.side, role: f.role, note: f.note}]->(e)
  }
  RETURN e
  UNION
  WITH row, p, known WHERE known IS NOT NULL
  SET known += row.owned
  MERGE (known)-[:AT]->(p)
  // A revised event at another place is at both now, and labelled so (load-engagement-places.cypher).
  FOREACH (_ IN CASE WHEN COUNT { (known)-[:AT]->() } > 1 THEN [1] ELSE [] END | SET known:MultiPlace)
  WITH row, known AS e
  CALL (row, e) {
    UNWIND row.participants AS f
    MATCH (a:Actor {id: f.actor})
    MERGE (a)-[r:FOUGHT_IN]->(e)
    ON CREATE SET r.side = f.side, r.role = f.role
    SET r.note = f.note
  }
  RETURN e
}
MERGE (c:Citation {id: row.citation.id})
SET c.factId = row.id, c.factType = 'Engagement', c.quote = row.citation.quote, c.note = row.citation.note
MERGE (c)-[:CITES]->(s)
RETURN count(*) AS written, count(known) AS existing
