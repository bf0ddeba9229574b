-- 001_core: notices and everything extracted from them (tables, records,
-- checks, diagnostics), ingest runs and the quarantine list.
-- Portable SQL only: it runs unchanged on SQLite and PostgreSQL. Types are
-- BIGINT (ids), INTEGER, TEXT; booleans are INTEGER 0/1; times are ISO 8601
-- UTC text; lists are JSON text. Ids are allocated by the application from
-- id_counters (see store/README.md), never by the database.
-- Statements are split on ';' (store/sql_script.cc): no ';' inside literals.
-- A CHECK of three or more allowed values is written as ORs, not IN (...):
-- SQLite builds an ephemeral table for such an IN list on every row it checks,
-- which was a sixth of writing the identity members. Stores made before keep
-- the IN form, which means the same.

CREATE TABLE id_counters (
  name    TEXT PRIMARY KEY,
  next_id BIGINT NOT NULL
);
INSERT INTO id_counters (name, next_id) VALUES ('ingest_runs', 1);
INSERT INTO id_counters (name, next_id) VALUES ('notices', 1);
INSERT INTO id_counters (name, next_id) VALUES ('records', 1);
INSERT INTO id_counters (name, next_id) VALUES ('quarantine', 1);

CREATE TABLE ingest_runs (
  id              BIGINT PRIMARY KEY,
  command         TEXT NOT NULL,
  fuhua_version   TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  finished_at     TEXT,            -- NULL: still running, or interrupted
  files_seen      INTEGER NOT NULL DEFAULT 0,
  files_new       INTEGER NOT NULL DEFAULT 0,
  files_unchanged INTEGER NOT NULL DEFAULT 0,
  files_failed    INTEGER NOT NULL DEFAULT 0,
  records_added   BIGINT NOT NULL DEFAULT 0,
  checks_failed   INTEGER NOT NULL DEFAULT 0
);

-- One row per version of a source file. The current version of a path has
-- superseded_by NULL; older versions point at the version that replaced them.
CREATE TABLE notices (
  id                       BIGINT PRIMARY KEY,
  source_path              TEXT NOT NULL,
  sha256                   TEXT NOT NULL,
  version                  INTEGER NOT NULL,
  superseded_by            BIGINT REFERENCES notices (id) DEFERRABLE INITIALLY DEFERRED,
  format                   TEXT NOT NULL,
  title                    TEXT,
  doc_number               TEXT,
  issuers                  TEXT NOT NULL,   -- JSON array of strings
  published                TEXT,            -- YYYY-MM-DD
  year                     INTEGER,
  year_source              TEXT,
  period_from              INTEGER,
  period_to                INTEGER,
  jurisdiction_source      TEXT,
  jurisdiction_raw         TEXT,
  jurisdiction_name        TEXT,
  jurisdiction_code        TEXT,
  jurisdiction_kind        TEXT,
  jurisdiction_parent_code TEXT,
  jurisdiction_full_name   TEXT,
  ingested_at              TEXT NOT NULL,
  ingest_run               BIGINT REFERENCES ingest_runs (id),
  UNIQUE (source_path, version)
);
CREATE UNIQUE INDEX notices_current_path ON notices (source_path) WHERE superseded_by IS NULL;
CREATE INDEX notices_sha256 ON notices (sha256);

CREATE TABLE notice_tables (
  notice_id    BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index  INTEGER NOT NULL,
  block_index  INTEGER NOT NULL,
  annex        TEXT,
  caption      TEXT,
  notes        TEXT NOT NULL,   -- JSON array of strings
  kind         TEXT NOT NULL,   -- grade_list | other
  carrier_type TEXT,
  header_rows  INTEGER NOT NULL,
  header       TEXT NOT NULL,   -- JSON array, one label per grid column
  roles        TEXT NOT NULL,   -- JSON array, one role (or null) per column
  body_rows    INTEGER NOT NULL,
  where_source TEXT,
  where_part   TEXT,
  where_line   INTEGER,
  where_table  INTEGER,
  where_row    INTEGER,
  where_col    INTEGER,
  PRIMARY KEY (notice_id, table_index)
);

-- One row per grade record. (notice_id, table_index, row_index) is the
-- record's natural key; with the notice's sha256 it survives re-ingest.
CREATE TABLE records (
  id                  BIGINT PRIMARY KEY,
  notice_id           BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index         INTEGER NOT NULL,
  row_index           INTEGER NOT NULL,
  seq                 INTEGER,
  seq_raw             TEXT NOT NULL,
  carrier_type        TEXT,
  name                TEXT NOT NULL,
  name_raw            TEXT NOT NULL,
  name_key            TEXT NOT NULL,
  name_place          TEXT,
  name_qualifier      TEXT,
  name_legal_form     TEXT,
  operator            TEXT,
  operator_raw        TEXT,
  operator_key        TEXT,
  operator_place      TEXT,
  operator_qualifier  TEXT,
  operator_legal_form TEXT,
  region_raw          TEXT,            -- all region_* NULL: no region column
  region_name         TEXT,
  region_code         TEXT,
  region_kind         TEXT,
  region_parent_code  TEXT,
  region_full_name    TEXT,
  grade               TEXT,
  grade_raw           TEXT NOT NULL,
  status              TEXT NOT NULL,   -- graded | revoked | deferred | unknown
  remark              TEXT,
  evaluated_as        TEXT,
  revocation          TEXT,
  deferred_to         INTEGER,
  where_source        TEXT,
  where_part          TEXT,
  where_line          INTEGER,
  where_table         INTEGER,
  where_row           INTEGER,
  where_col           INTEGER,
  UNIQUE (notice_id, table_index, row_index),
  FOREIGN KEY (notice_id, table_index) REFERENCES notice_tables (notice_id, table_index)
);
CREATE INDEX records_name_key ON records (name_key);
CREATE INDEX records_operator_key ON records (operator_key);

CREATE TABLE checks (
  notice_id    BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  check_index  INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  expected     TEXT NOT NULL,
  found        TEXT NOT NULL,
  ok           INTEGER NOT NULL CHECK (ok IN (0, 1)),
  where_source TEXT,
  where_part   TEXT,
  where_line   INTEGER,
  where_table  INTEGER,
  where_row    INTEGER,
  where_col    INTEGER,
  PRIMARY KEY (notice_id, check_index)
);

CREATE TABLE diagnostics (
  notice_id        BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  diagnostic_index INTEGER NOT NULL,
  severity         TEXT NOT NULL CHECK (severity = 'error' OR severity = 'warning' OR severity = 'info'),
  code             TEXT NOT NULL,
  message          TEXT NOT NULL,
  where_source     TEXT,
  where_part       TEXT,
  where_line       INTEGER,
  where_table      INTEGER,
  where_row        INTEGER,
  where_col        INTEGER,
  PRIMARY KEY (notice_id, diagnostic_index)
);

-- Files that could not be read, per run (sha256 NULL when not even read).
CREATE TABLE quarantine (
  id             BIGINT PRIMARY KEY,
  run_id         BIGINT REFERENCES ingest_runs (id),
  path           TEXT NOT NULL,
  sha256         TEXT,
  error          TEXT NOT NULL,
  quarantined_at TEXT NOT NULL
);
CREATE INDEX quarantine_run ON quarantine (run_id);
