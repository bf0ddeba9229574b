-- 005_unindexed_record_keys: records are no longer indexed by name_key and
-- operator_key. No fuhua query looks records up by those keys (the linker
-- reads every current record; a carrier or organisation is found by name
-- through entities, indexed by kind and name_key, and entity_members), and
-- the two indexes took ~9% of the time of an ingest of 1,000 .docx: every
-- batch of notices rewrote most of their pages. Analysts who filter records
-- by key can make them again (README, Store and identity).
DROP INDEX IF EXISTS records_name_key;
DROP INDEX IF EXISTS records_operator_key;
