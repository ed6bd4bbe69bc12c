// Constraints and indexes, applied at every start (each statement is idempotent).
// Parameters: none. Returns: nothing. Statements are separated by semicolons.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT engagement_id IF NOT EXISTS FOR (n:Engagement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (n:Alias) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT citation_id IF NOT EXISTS FOR (n:Citation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT graph_write_lock_id IF NOT EXISTS FOR (n:GraphWriteLock) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE TEXT INDEX change_subjects IF NOT EXISTS FOR (n:Change) ON (n.subjects);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX alias_key IF NOT EXISTS FOR (n:Alias) ON (n.key);
// An entity's names are its Alias nodes by entityId: without this index, reading one place's five
// names scanned all 285,800 aliases at the 1M scale (276 ms).
CREATE INDEX alias_entity IF NOT EXISTS FOR (n:Alias) ON (n.entityId);
CREATE INDEX change_merged_from IF NOT EXISTS FOR (n:Change) ON (n.mergedFrom);
CREATE INDEX citation_fact IF NOT EXISTS FOR (n:Citation) ON (n.factId);
// Retracted citations are few: a source's live count is its degree less those.
CREATE INDEX citation_retracted IF NOT EXISTS FOR (n:Citation) ON (n.retracted);
CREATE INDEX engagement_start IF NOT EXISTS FOR (n:Engagement) ON (n.startEarliest);
CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location);
CREATE INDEX renamed_id IF NOT EXISTS FOR ()-[r:RENAMED_TO]-() ON (r.id);
CREATE INDEX merged_id IF NOT EXISTS FOR ()-[r:MERGED_INTO]-() ON (r.id);
CREATE INDEX split_id IF NOT EXISTS FOR ()-[r:SPLIT_FROM]-() ON (r.id);
CREATE INDEX absorbed_id IF NOT EXISTS FOR ()-[r:ABSORBED_INTO]-() ON (r.id);
CREATE INDEX member_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX allied_id IF NOT EXISTS FOR ()-[r:ALLIED_WITH]-() ON (r.id);
CREATE INDEX sponsored_id IF NOT EXISTS FOR ()-[r:SPONSORED_BY]-() ON (r.id);
CREATE INDEX controlled_id IF NOT EXISTS FOR ()-[r:CONTROLLED]-() ON (r.id);
CREATE INDEX media_wing_id IF NOT EXISTS FOR ()-[r:MEDIA_WING_OF]-() ON (r.id);
CREATE INDEX subunit_id IF NOT EXISTS FOR ()-[r:SUBUNIT_OF]-() ON (r.id);
CREATE INDEX affiliated_id IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() ON (r.id);
CREATE INDEX leader_id IF NOT EXISTS FOR ()-[r:LEADER_OF]-() ON (r.id);
CREATE CONSTRAINT weapon_id IF NOT EXISTS FOR (n:Weapon) REQUIRE n.id IS UNIQUE;
CREATE INDEX armed_with_id IF NOT EXISTS FOR ()-[r:ARMED_WITH]-() ON (r.id);
CREATE INDEX armed_with_supplier IF NOT EXISTS FOR ()-[r:ARMED_WITH]-() ON (r.suppliedBy);
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE INDEX violated_id IF NOT EXISTS FOR ()-[r:VIOLATED]-() ON (r.id)
;
// Name search (src/db/nameSearch.ts): folded name tokens, whitespace-split because the folding is
// ours (src/domain/names.ts), and Arabic-script names under Lucene's Arabic analyzer.
CREATE FULLTEXT INDEX alias_search IF NOT EXISTS FOR (n:Alias) ON EACH [n.searchText, n.entityType]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX alias_arabic IF NOT EXISTS FOR (n:Alias) ON EACH [n.arabicText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'arabic'}}
