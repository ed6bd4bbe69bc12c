// Sets the search fields of names. Params: $rows [{id, searchText, arabicText}]. Returns: count.
UNWIND $rows AS row
MATCH (n:Alias {id: row.id})
SET n.searchText = row.searchText, n.arabicText = row.arabicText
RETURN count(*) AS count
