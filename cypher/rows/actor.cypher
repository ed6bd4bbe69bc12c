// The actor row (ActorRow in src/db/rows.ts) of the Actor node `_`. Files write {{actor a}} where
// they return one, so a row read by id and a row fetched with its parent are the same.
_ {.id, .name, .kind, .description, .aliases, .reviewStatus, .formedValue, .formedPrecision, .formedNote}
