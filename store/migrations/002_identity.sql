-- 002_identity: room for carrier and organisation identity across notices
-- (issue 5, linking). Created empty; the linker fills them.

INSERT INTO id_counters (name, next_id) VALUES ('entities', 1);
INSERT INTO id_counters (name, next_id) VALUES ('link_decisions', 1);

-- A carrier (one base, incubator or maker space across years) or an
-- organisation (an operator). Ids are stable: the linker reuses them.
CREATE TABLE entities (
  id             BIGINT PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('carrier', 'organisation')),
  canonical_name TEXT NOT NULL,
  name_key       TEXT NOT NULL,
  carrier_type   TEXT,            -- carriers only
  region_code    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX entities_key ON entities (kind, name_key);

-- A record's membership: role 'carrier' links the record's name to a
-- carrier entity, role 'operator' its operator to an organisation entity.
CREATE TABLE entity_members (
  entity_id BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  record_id BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  role      TEXT NOT NULL CHECK (role IN ('carrier', 'operator')),
  score     DOUBLE PRECISION NOT NULL,
  reason    TEXT NOT NULL,
  status    TEXT NOT NULL CHECK (status IN ('auto', 'review', 'accepted', 'rejected')),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (record_id, role)
);
CREATE INDEX entity_members_entity ON entity_members (entity_id);

-- What is known of an organisation entity beyond its name.
CREATE TABLE organisations (
  entity_id   BIGINT PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
  legal_form  TEXT,
  place       TEXT,
  credit_code TEXT                -- 统一社会信用代码, when a notice gives it
);

-- A person's decision on a pair of records: same entity (accept) or not
-- (reject). Keyed by the records' natural keys (notice sha256, table, row),
-- not by ids, so a decision survives re-ingest and re-linking.
CREATE TABLE link_decisions (
  id         BIGINT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('carrier', 'operator')),
  a_sha256   TEXT NOT NULL,
  a_table    INTEGER NOT NULL,
  a_row      INTEGER NOT NULL,
  b_sha256   TEXT NOT NULL,
  b_table    INTEGER NOT NULL,
  b_row      INTEGER NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
  decided_by TEXT,
  decided_at TEXT NOT NULL,
  note       TEXT,
  UNIQUE (role, a_sha256, a_table, a_row, b_sha256, b_table, b_row)
);
