// The engagement row (EngagementRow in src/db/rows.ts) of the Engagement node `_`; see actor.cypher.
_ {.id, .title, .kind, .startValue, .startPrecision, .endValue, .endPrecision, .dateNote, .outcome, .outcomeText,
   .contested, .contestedNote, .casualtiesJson, partOfId: head([(_)-[:PART_OF]->(rowParent:Engagement) | rowParent.id])}
