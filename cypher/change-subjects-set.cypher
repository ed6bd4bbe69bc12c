// Sets the subjects of changes (src/db/changeSubjects.ts). Params: $rows [{id, subjects}]. Returns: count.
UNWIND $rows AS row
MATCH (c:Change {id: row.id})
SET c.subjects = row.subjects
RETURN count(*) AS count
