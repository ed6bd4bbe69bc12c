// Writes the engagements of an import. The import owns only its event's own fields (`owned`:
// title, kind, dates, dateNote, casualtiesJson, importSource, importEventId); what a curator
// decides (`curated`: outcome, outcomeText, contested, contestedNote) is set only when the
// engagement is created, so re-importing a file never undoes a factContest or a correction.
// Params: $rows [{id, owned, curated}]. Returns: count.
UNWIND $rows AS row
MERGE (e:Engagement {id: row.id})
ON CREATE SET e += row.curated
SET e += row.owned
RETURN count(*) AS count
