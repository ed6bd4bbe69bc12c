// Upserts engagements. Params: $rows [{id, props}] (props: title, kind, startValue, startPrecision,
// startEarliest, startLatest, endValue, endPrecision, endEarliest, endLatest, dateNote, outcome,
// outcomeText, contested, contestedNote, casualtiesJson). Returns: count.
UNWIND $rows AS row
MERGE (e:Engagement {id: row.id})
SET e += row.props
RETURN count(*) AS count
