-- 004_lean_members: entity_members no longer keeps each member's natural key.
-- It is the notice key, carrier type and name key of the member's record
-- (pipeline/linker.h NaturalKey), so the store reads it from the record and
-- its notice (ForEachStoredMember, store/identity_diff.h) instead of holding
-- a copy in every member row: a third of the table's bytes, written again
-- at every relink that moved a member.
ALTER TABLE entity_members DROP COLUMN natural_key;
