-- 003_table_data: every table of a notice as data (issue 7) — the generic
-- form of each table (flattened columns, rows with merged values filled down
-- and flagged), the indicator system (seed 003) and the plan tables: carrier
-- lists, properties with their milestones, per-area targets (seeds 004, 002).
-- Same portability rules as 001_core: lists are JSON text, numbers are
-- DOUBLE PRECISION with the cell text beside them (*_raw), so 3.30 prints as
-- written, and every row hangs off its notice and goes when the notice goes.

CREATE TABLE data_tables (
  notice_id   BIGINT NOT NULL,
  table_index INTEGER NOT NULL,
  kind        TEXT NOT NULL,   -- grade_list | indicator_system | carrier_list |
                               -- property_list | target_table | other
  columns     TEXT NOT NULL,   -- JSON array: one flattened header per column
  PRIMARY KEY (notice_id, table_index),
  FOREIGN KEY (notice_id, table_index) REFERENCES notice_tables (notice_id, table_index)
    ON DELETE CASCADE
);

-- Body rows in table order. derived: JSON array of the column indices whose
-- value was filled down from a merged cell above rather than written here.
CREATE TABLE data_rows (
  notice_id   BIGINT NOT NULL,
  table_index INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  row_index   INTEGER NOT NULL,   -- grid row
  kind        TEXT NOT NULL CHECK (kind = 'data' OR kind = 'total' OR kind = 'note'),
  cells       TEXT NOT NULL,      -- JSON array of strings, one per column
  derived     TEXT NOT NULL,
  PRIMARY KEY (notice_id, table_index, position),
  FOREIGN KEY (notice_id, table_index) REFERENCES data_tables (notice_id, table_index)
    ON DELETE CASCADE
);

-- One row per indicator node, in pre-order (position); the tree is parent_id.
CREATE TABLE indicators (
  notice_id           BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index         INTEGER NOT NULL,
  position            INTEGER NOT NULL,
  indicator_id        TEXT NOT NULL,     -- 1, 1.2, 1.2.3
  level               INTEGER NOT NULL,
  parent_id           TEXT,
  name                TEXT NOT NULL,
  name_raw            TEXT NOT NULL,
  weight              DOUBLE PRECISION,  -- W1, W2 or W3 in weight_unit
  weight_decimals     INTEGER,
  weight_raw          TEXT,
  weight_unit         TEXT,              -- from the table note 单位：%
  composite           DOUBLE PRECISION,  -- W1·W2·W3/10000 as printed (level 3)
  composite_decimals  INTEGER,
  composite_raw       TEXT,
  explanation         TEXT,
  unit                TEXT,
  type                TEXT,              -- 定性 | 定量
  grid_rows           TEXT NOT NULL,     -- JSON array of the grid rows it covers
  where_line          INTEGER,
  PRIMARY KEY (notice_id, table_index, indicator_id)
);

-- Bonus (加分项) and veto (否决指标) rules written under the indicators.
CREATE TABLE indicator_rules (
  notice_id           BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index         INTEGER NOT NULL,
  rule_index          INTEGER NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('bonus', 'veto')),
  label               TEXT NOT NULL,
  text                TEXT NOT NULL,
  max_points          DOUBLE PRECISION,
  max_points_decimals INTEGER,
  max_points_raw      TEXT,
  row_index           INTEGER NOT NULL,
  PRIMARY KEY (notice_id, table_index, rule_index)
);

-- A carrier to upgrade (list 'carrier') or a property to develop (list
-- 'property'), one row each, keyed by the grid row of its first row.
CREATE TABLE plan_sites (
  notice_id         BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index       INTEGER NOT NULL,
  row_index         INTEGER NOT NULL,
  list              TEXT NOT NULL CHECK (list IN ('carrier', 'property')),
  seq               INTEGER,
  seq_raw           TEXT NOT NULL,
  name              TEXT NOT NULL,
  name_raw          TEXT NOT NULL,
  name_key          TEXT NOT NULL,
  name_place        TEXT,
  name_qualifier    TEXT,
  name_legal_form   TEXT,
  area              DOUBLE PRECISION,   -- 万m²
  area_raw          TEXT NOT NULL,
  lead_department   TEXT,
  guide_departments TEXT NOT NULL,      -- JSON array of strings
  positioning       TEXT,
  operator          TEXT,               -- carriers
  owner             TEXT,               -- properties
  licences          TEXT NOT NULL,      -- JSON array of {text, level, carrier_type}:
                                        -- held (carriers) or sought (properties)
  task              TEXT,               -- carriers
  where_line        INTEGER,
  PRIMARY KEY (notice_id, table_index, row_index)
);

CREATE TABLE plan_milestones (
  notice_id       BIGINT NOT NULL,
  table_index     INTEGER NOT NULL,
  site_row        INTEGER NOT NULL,
  milestone_index INTEGER NOT NULL,
  row_index       INTEGER NOT NULL,
  task            TEXT NOT NULL,
  year            INTEGER,
  year_raw        TEXT NOT NULL,
  PRIMARY KEY (notice_id, table_index, site_row, milestone_index),
  FOREIGN KEY (notice_id, table_index, site_row)
    REFERENCES plan_sites (notice_id, table_index, row_index) ON DELETE CASCADE
);

CREATE TABLE plan_targets (
  notice_id          BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index        INTEGER NOT NULL,
  row_index          INTEGER NOT NULL,
  seq                INTEGER,
  seq_raw            TEXT NOT NULL,
  area_name          TEXT NOT NULL,
  area_region_name   TEXT,             -- the area resolved (pipeline/regions.h)
  area_region_code   TEXT,
  area_region_kind   TEXT,
  area_region_parent_code TEXT,
  area_region_full_name   TEXT,
  area               DOUBLE PRECISION, -- 万m²
  area_raw           TEXT NOT NULL,
  companies          DOUBLE PRECISION,
  companies_raw      TEXT NOT NULL,
  tech_companies     DOUBLE PRECISION,
  tech_companies_raw TEXT NOT NULL,
  main_carriers_raw  TEXT NOT NULL,
  remark             TEXT,
  where_line         INTEGER,
  PRIMARY KEY (notice_id, table_index, row_index)
);

-- The carriers named in a target's 主要运营载体 cell, in order.
CREATE TABLE plan_target_carriers (
  notice_id       BIGINT NOT NULL,
  table_index     INTEGER NOT NULL,
  row_index       INTEGER NOT NULL,
  carrier_index   INTEGER NOT NULL,
  name            TEXT NOT NULL,
  name_key        TEXT NOT NULL,
  name_place      TEXT,
  name_qualifier  TEXT,
  name_legal_form TEXT,
  PRIMARY KEY (notice_id, table_index, row_index, carrier_index),
  FOREIGN KEY (notice_id, table_index, row_index)
    REFERENCES plan_targets (notice_id, table_index, row_index) ON DELETE CASCADE
);

-- Identity (rebuilt by every relink with the rest of 002): a carrier named
-- in a plan table joined to the graded carrier it is. mention_index is 0 for
-- a plan site, the carrier_index for a target's carrier.
CREATE TABLE plan_links (
  notice_id     BIGINT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  table_index   INTEGER NOT NULL,
  row_index     INTEGER NOT NULL,
  mention_index INTEGER NOT NULL,
  entity_id     TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  score_milli   INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  PRIMARY KEY (notice_id, table_index, row_index, mention_index)
);
CREATE INDEX plan_links_entity ON plan_links (entity_id);
