// A place and every place it lies in, to refuse PART_OF cycles. Params: $id. Returns: ids.
MATCH (:Place {id: $id})-[:PART_OF]->{0,20}(a:Place)
RETURN collect(DISTINCT a.id) AS ids
