-- 002_identity: carrier and organisation identity across notices (issue 5,
-- linking). Rebuilt by every relink (store/identity.cc) from the records and
-- the decisions people made; entity ids are stable text ids (C…, O…) that
-- the linker carries over from the previous snapshot.

INSERT INTO id_counters (name, next_id) VALUES ('link_decisions', 1);

-- A carrier (one base, incubator or maker space across years) or an
-- organisation (an operator, or a carrier named after its company).
CREATE TABLE entities (
  id             TEXT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('carrier', 'organisation')),
  canonical_name TEXT NOT NULL,   -- the latest display name
  name_key       TEXT NOT NULL,
  carrier_type   TEXT,            -- carriers only
  region_code    TEXT,
  first_year     INTEGER,
  last_year      INTEGER,
  members        INTEGER NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX entities_key ON entities (kind, name_key);

-- A record's membership: role 'carrier' links the record to its carrier
-- entity, 'operator' its operator to an organisation, 'named_organisation'
-- its name to an organisation when the name is a company's.
CREATE TABLE entity_members (
  entity_id   TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  record_id   BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  natural_key TEXT NOT NULL,     -- notice key|carrier type|name key (pipeline/linker.h)
  role        TEXT NOT NULL CHECK (role = 'carrier' OR role = 'operator' OR role = 'named_organisation'),
  score_milli INTEGER NOT NULL,  -- link score x 1000
  reason      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status = 'auto' OR status = 'accepted' OR status = 'single'),
  PRIMARY KEY (record_id, role)
);
CREATE INDEX entity_members_entity ON entity_members (entity_id);

-- Uncertain carrier pairs the linker left apart, for a person to settle
-- with `fuhua link --accept/--reject`.
CREATE TABLE link_reviews (
  record_a BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  record_b BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  score_milli INTEGER NOT NULL,  -- link score x 1000
  reason   TEXT NOT NULL,
  PRIMARY KEY (record_a, record_b)
);

-- Relations between records of different carrier types: a maker space whose
-- result was borrowed from the incubator evaluation points at that record.
CREATE TABLE record_relations (
  record_id         BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  related_record_id BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  kind              TEXT NOT NULL,   -- evaluated_as
  reason            TEXT NOT NULL,
  PRIMARY KEY (record_id, related_record_id, kind)
);

-- A person's decision on a pair of records: same carrier (accept) or not
-- (reject). Keyed by the records' natural keys (document number or title,
-- carrier type, name key), not by ids, so a decision survives re-ingest, a
-- new version of the file and re-linking.
CREATE TABLE link_decisions (
  id         BIGINT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('carrier', 'operator')),
  a_key      TEXT NOT NULL,
  b_key      TEXT NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  decided_by TEXT,
  decided_at TEXT NOT NULL,
  note       TEXT,
  UNIQUE (role, a_key, b_key)
);
