// The identity written by difference (store/identity_diff.h), on both
// backends: WriteMembers and EntityDiff leave exactly the new rows whatever
// was stored (table-driven: unchanged, changed, gone and new rows, windows
// rewritten whole or row by row, gaps wider than a window), and a relink of
// an unchanged store writes no identity row at all (SQLite: counted by
// triggers; PostgreSQL: xmin).
#include "store/identity_diff.h"

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "store/identity.h"
#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

// The identity tables' columns and keys without the foreign keys to records,
// so the writer can be driven with any member rows.
constexpr const char* kTables[] = {
    "CREATE TABLE entities (id TEXT PRIMARY KEY, kind TEXT NOT NULL, canonical_name TEXT NOT NULL, "
    "name_key TEXT NOT NULL, carrier_type TEXT, region_code TEXT, first_year INTEGER, "
    "last_year INTEGER, members INTEGER NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE TABLE entity_members (entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE "
    "CASCADE, record_id BIGINT NOT NULL, role TEXT NOT NULL, "
    "score_milli INTEGER NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL, "
    "PRIMARY KEY (record_id, role))",
    "CREATE INDEX entities_key ON entities (kind, name_key)",
    "CREATE INDEX entity_members_entity ON entity_members (entity_id)",
};

using Row = std::tuple<std::string, int64_t, std::string, int64_t, std::string,
                       std::string>;  // entity, record, role, score, reason, status

MemberRow Member(int64_t record, const std::string& role, const std::string& entity,
                 const std::string& reason = "name 1.00") {
  return {entity, record, "k" + std::to_string(record), role, 0.9, reason, "auto"};
}

EntityRow Entity(const std::string& id, const std::string& name) {
  return {
      id, id[0] == 'C' ? "carrier" : "organisation", name, name, std::nullopt, "500107", 2021, 2021,
      1};
}

class IdentityDiffTest : public RawSessionFixture {
 protected:
  void CreateTables() override {
    for (const char* sql : kTables) db_->Exec(sql);
  }

  // Writes `entities` and `members` as one relink does.
  void Write(const std::vector<EntityRow>& entities, const std::vector<MemberRow>& members) {
    SqlTransaction tx(db_.get());
    size_t e = 0;
    EntityDiff diff(
        db_.get(),
        [&](EntityRow* row) {
          if (e == entities.size()) return false;
          *row = entities[e++];
          return true;
        },
        NowUtc());
    size_t i = 0;
    WriteMembers(db_.get(), [&](MemberRow* m) {
      if (i == members.size()) return false;
      *m = members[i++];
      return true;
    });
    diff.RemoveStale();
    tx.Commit();
  }

  std::vector<Row> Stored() {
    SqlRows rows = db_->Query(
        "SELECT entity_id, record_id, role, score_milli, reason, status "
        "FROM entity_members ORDER BY record_id, role");
    std::vector<Row> out;
    while (rows.Next())
      out.emplace_back(rows.Text(0), rows.Int(1), rows.Text(2), rows.Int(3), rows.Text(4),
                       rows.Text(5));
    return out;
  }

  static std::vector<Row> Expected(const std::vector<MemberRow>& members) {
    std::vector<Row> out;
    for (const MemberRow& m : members)
      out.emplace_back(m.entity_id, m.record_id, m.role, ScoreMilli(m.score), m.reason, m.status);
    std::sort(out.begin(), out.end(), [](const Row& a, const Row& b) {
      return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
    });
    return out;
  }

};

// Members of records `from`..`to` (step `step`), a carrier each and an
// operator for every third, all in entity `carrier` / O1.
std::vector<MemberRow> Span(int64_t from, int64_t to, int64_t step, const std::string& carrier) {
  std::vector<MemberRow> out;
  for (int64_t r = from; r <= to; r += step) {
    out.push_back(Member(r, "carrier", carrier));
    if (r % 3 == 0) out.push_back(Member(r, "operator", "O1"));
  }
  return out;
}

std::vector<MemberRow> Concat(std::vector<std::vector<MemberRow>> parts) {
  std::vector<MemberRow> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST_P(IdentityDiffTest, LeavesExactlyTheNewRows) {
  const std::vector<EntityRow> entities = {Entity("C1", "a"), Entity("C2", "b"), Entity("O1", "o")};
  struct Case {
    const char* what;
    std::vector<MemberRow> before, after;
  };
  std::vector<MemberRow> base = Span(1, 20000, 7, "C1");
  std::vector<MemberRow> renamed = base;  // a few reasons changed: row by row
  for (size_t i = 0; i < renamed.size(); i += 500) renamed[i].reason = "accepted by a person";
  std::vector<MemberRow> moved = base;  // every carrier moved: windows rewritten
  for (MemberRow& m : moved)
    if (m.role == "carrier") m.entity_id = "C2";
  std::vector<MemberRow> thinned;  // every other member gone
  for (size_t i = 0; i < base.size(); i += 2) thinned.push_back(base[i]);
  const std::vector<Case> cases = {
      {"from nothing", {}, base},
      {"unchanged", base, base},
      {"a few changed", base, renamed},
      {"most changed", base, moved},
      {"half gone", base, thinned},
      {"all gone", base, {}},
      {"gaps wider than a window", Concat({Span(1, 10, 1, "C1"), Span(50000, 50010, 1, "C1")}),
       Concat({Span(5, 12, 1, "C2"), Span(90000, 90003, 1, "C1"), Span(200000, 200001, 1, "C1")})},
      {"new records between stored ones", Span(2, 40000, 2, "C1"), Span(1, 40000, 1, "C1")},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    db_->Exec("DELETE FROM entity_members");
    Write(entities, c.before);
    ASSERT_EQ(Stored(), Expected(c.before));
    Write(entities, c.after);
    EXPECT_EQ(Stored(), Expected(c.after));
  }
}

TEST_P(IdentityDiffTest, EntitiesAreInsertedUpdatedAndRemovedAfterTheirMembersMove) {
  Write({Entity("C1", "a"), Entity("C2", "b")},
        {Member(1, "carrier", "C1"), Member(2, "carrier", "C2")});
  // C2 is gone: its member moved to the new C3 first, so the cascade from
  // deleting C2 takes nothing with it; C1 is renamed.
  Write({Entity("C1", "a2"), Entity("C3", "c")},
        {Member(1, "carrier", "C1"), Member(2, "carrier", "C3")});
  EXPECT_EQ(Stored(), Expected({Member(1, "carrier", "C1"), Member(2, "carrier", "C3")}));
  SqlRows rows = db_->Query("SELECT id, canonical_name FROM entities ORDER BY id");
  std::map<std::string, std::string> names;
  while (rows.Next()) names[rows.Text(0)] = rows.Text(1);
  EXPECT_EQ(names, (std::map<std::string, std::string>{{"C1", "a2"}, {"C3", "c"}}));
}

// Stored entities are compared by a digest of their content: one that is
// unchanged is not written (its updated_at stays), one that differs in any
// field, a NULL included, is.
TEST_P(IdentityDiffTest, OnlyEntitiesWhoseContentChangedAreWritten) {
  const std::vector<MemberRow> members = {Member(1, "carrier", "C1"), Member(2, "carrier", "C2"),
                                          Member(3, "carrier", "C3")};
  std::vector<EntityRow> entities = {Entity("C1", "a"), Entity("C2", "b"), Entity("C3", "c")};
  Write(entities, members);
  db_->Exec("UPDATE entities SET updated_at = '2000-01-01T00:00:00Z'");
  entities[1].region_code = std::nullopt;  // NULL, where "500107" was
  entities[2].members = 2;
  Write(entities, members);
  SqlRows rows =
      db_->Query("SELECT id, updated_at, region_code, members FROM entities ORDER BY id");
  std::map<std::string, std::string> updated;
  while (rows.Next()) {
    updated[rows.Text(0)] = rows.Text(1);
    if (rows.Text(0) == "C2") {
      EXPECT_FALSE(rows.OptText(2).has_value());
    }
    if (rows.Text(0) == "C3") {
      EXPECT_EQ(rows.Int(3), 2);
    }
  }
  ASSERT_EQ(updated.size(), 3u);
  EXPECT_EQ(updated["C1"], "2000-01-01T00:00:00Z");
  EXPECT_NE(updated["C2"], "2000-01-01T00:00:00Z");
  EXPECT_NE(updated["C3"], "2000-01-01T00:00:00Z");
}

// The stored entities are read a window of ids at a time: an entity past
// the first windows is still found (not inserted twice), compared, and
// removed when the snapshot drops it.
TEST_P(IdentityDiffTest, EntitiesPastTheFirstWindowsAreComparedAndRemoved) {
  std::vector<EntityRow> entities;
  for (int i = 0; i < 12000; ++i) entities.push_back(Entity("C" + std::to_string(100000 + i), "n"));
  Write(entities, {});
  db_->Exec("UPDATE entities SET updated_at = '2000-01-01T00:00:00Z'");
  entities[11000].canonical_name = "renamed";
  entities.erase(entities.begin() + 7000);
  Write(entities, {});
  EXPECT_EQ(db_->QueryInt("SELECT COUNT(*) FROM entities"), 11999);
  EXPECT_EQ(db_->QueryInt("SELECT COUNT(*) FROM entities WHERE id = 'C107000'"), 0);
  SqlRows rows = db_->Query(
      "SELECT id, canonical_name FROM entities WHERE updated_at <> '2000-01-01T00:00:00Z'");
  ASSERT_TRUE(rows.Next());
  EXPECT_EQ(rows.Text(0), "C111000");
  EXPECT_EQ(rows.Text(1), "renamed");
  EXPECT_FALSE(rows.Next());
}

TEST_P(IdentityDiffTest, MembersOutOfRecordOrderAreRefusedAndNothingIsWritten) {
  const std::vector<EntityRow> entities = {Entity("C1", "a")};
  Write(entities, {Member(1, "carrier", "C1")});
  // Record 2 after record 9000, a window later: it would be compared with
  // nothing stored and inserted beside its stored row.
  EXPECT_THROW(Write(entities, {Member(9000, "carrier", "C1"), Member(2, "carrier", "C1")}),
               Poco::Exception);
  EXPECT_EQ(Stored(), Expected({Member(1, "carrier", "C1")}));
}

// On SQLite a first write into empty tables drops their secondary indexes
// and makes them again after the rows (FreshIndex): they are there after
// it, and after a first write that failed and rolled back.
TEST_P(IdentityDiffTest, SecondaryIndexesSurviveAFirstWriteAndAFailedOne) {
  auto indexes = [&] {
    return db_->dialect() == Dialect::kSqlite
               ? db_->QueryInt(
                     "SELECT COUNT(*) FROM sqlite_master WHERE name IN "
                     "('entities_key', 'entity_members_entity')")
               : db_->QueryInt(
                     "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN "
                     "('entities_key', 'entity_members_entity')");
  };
  EXPECT_THROW(
      Write({Entity("C1", "a")}, {Member(9000, "carrier", "C1"), Member(2, "carrier", "C1")}),
      Poco::Exception);
  EXPECT_EQ(indexes(), 2);
  EXPECT_EQ(db_->QueryInt("SELECT COUNT(*) FROM entities"), 0);
  Write({Entity("C2", "b"), Entity("C1", "a")},
        {Member(1, "carrier", "C1"), Member(2, "carrier", "C2")});
  EXPECT_EQ(indexes(), 2);
  EXPECT_EQ(
      db_->QueryInt("SELECT COUNT(*) FROM entities WHERE kind = 'carrier' AND name_key = 'b'"), 1);
}

// A relink of a store that did not change touches no identity row.
class UnchangedRelinkTest : public StoreFixture {};

TEST_P(UnchangedRelinkTest, RewritesNoRow) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  for (const Notice& n : SeedNotices()) {
    WriteResult w;
    ASSERT_TRUE(store->WriteNotice(n, 0, &w).ok());
  }
  RelinkReport r;
  ASSERT_TRUE(RelinkStore(store.get(), &r).ok());
  ASSERT_GT(r.records, 100);
  // Every write to the identity tables from here on: on SQLite counted by
  // triggers, on PostgreSQL seen in xmin, the transaction that last wrote a
  // row (both the row's stored values and its updated_at are compared too).
  std::unique_ptr<SqlSession> db = Raw();
  const bool sqlite = GetParam() == Backend::kSqlite;
  if (sqlite) {
    db->Exec("CREATE TABLE identity_writes (n INTEGER NOT NULL)");
    db->Exec("INSERT INTO identity_writes VALUES (0)");
    for (const char* table : {"entities", "entity_members"})
      for (const char* op : {"INSERT", "UPDATE", "DELETE"})
        db->Exec(std::string("CREATE TRIGGER count_") + op + "_" + table + " AFTER " + op + " ON " +
                 table + " BEGIN UPDATE identity_writes SET n = n + 1; END");
  }
  auto rows = [&] {
    const std::string version = sqlite ? "''" : "xmin::text";
    std::map<std::string, std::string> out;
    SqlRows m =
        db->Query("SELECT record_id, role, entity_id, reason, " + version + " FROM entity_members");
    while (m.Next()) out["m" + m.Text(0) + m.Text(1)] = m.Text(2) + m.Text(3) + "/" + m.Text(4);
    SqlRows e = db->Query("SELECT id, canonical_name, updated_at, " + version + " FROM entities");
    while (e.Next()) out["e" + e.Text(0)] = e.Text(1) + e.Text(2) + "/" + e.Text(3);
    return out;
  };
  const auto before = rows();
  size_t entity_rows = 0;
  for (const auto& [key, v] : before) entity_rows += key[0] == 'e';
  ASSERT_EQ(entity_rows, static_cast<size_t>(r.carriers + r.organisations));
  ASSERT_GE(before.size() - entity_rows, static_cast<size_t>(r.records));  // a carrier each
  ASSERT_TRUE(RelinkStore(store.get(), &r).ok());
  EXPECT_EQ(rows(), before);
  if (sqlite) {
    EXPECT_EQ(db->QueryInt("SELECT n FROM identity_writes"), 0);
  }
}

// The first relink of a SQLite store makes the members' entity index after
// the rows; it must be there afterwards, as the migration made it.
TEST_P(UnchangedRelinkTest, FirstRelinkLeavesTheEntityIndex) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  WriteResult w;
  ASSERT_TRUE(store->WriteNotice(SeedNotices().front(), 0, &w).ok());
  RelinkReport r;
  ASSERT_TRUE(RelinkStore(store.get(), &r).ok());
  std::unique_ptr<SqlSession> db = Raw();
  const std::string sql =
      GetParam() == Backend::kSqlite
          ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
            "name = 'entity_members_entity'"
          : "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'entity_members_entity'";
  EXPECT_EQ(db->QueryInt(sql), 1);
  EXPECT_GT(
      db->QueryInt("SELECT COUNT(*) FROM entity_members WHERE entity_id IS NOT NULL").value_or(0),
      0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityDiffTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, UnchangedRelinkTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace fuhua::testing
