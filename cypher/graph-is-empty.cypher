// True when the graph holds no actor yet (the dataset has never been loaded). Params: none.
// Returns: empty.
RETURN NOT EXISTS { MATCH (:Actor) } AS empty
