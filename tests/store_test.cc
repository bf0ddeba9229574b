// Store: opening and migrations, and the seed notices written and read back
// field by field — on SQLite and on PostgreSQL (tests/store_fixture.h).
// Versioning, quarantine, rollback and interruption: store_write_test.cc.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "store/migrations.h"
#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

class StoreOpenTest : public StoreFixture {};

void ExpectSameRegion(const std::optional<Region>& a, const std::optional<Region>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (!a) return;
  EXPECT_EQ(a->raw, b->raw);
  EXPECT_EQ(a->name, b->name);
  EXPECT_EQ(a->code, b->code);
  EXPECT_EQ(a->kind, b->kind);
  EXPECT_EQ(a->parent_code, b->parent_code);
  EXPECT_EQ(a->full_name, b->full_name);
}

void ExpectSameKey(const std::optional<NameKey>& a, const std::optional<NameKey>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (!a) return;
  EXPECT_EQ(a->key, b->key);
  EXPECT_EQ(a->place, b->place);
  EXPECT_EQ(a->qualifier, b->qualifier);
  EXPECT_EQ(a->legal_form, b->legal_form);
}

void ExpectSameRecord(const GradeRecord& a, const GradeRecord& b) {
  SCOPED_TRACE(a.name + " (table " + std::to_string(a.table) + " row " + std::to_string(a.row) +
               ")");
  EXPECT_EQ(a.table, b.table);
  EXPECT_EQ(a.row, b.row);
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.seq_raw, b.seq_raw);
  EXPECT_EQ(a.carrier_type, b.carrier_type);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.name_raw, b.name_raw);
  EXPECT_EQ(a.operator_name, b.operator_name);
  EXPECT_EQ(a.operator_raw, b.operator_raw);
  ExpectSameRegion(a.region, b.region);
  ExpectSameKey(a.name_key, b.name_key);
  ExpectSameKey(a.operator_key, b.operator_key);
  EXPECT_EQ(a.grade, b.grade);
  EXPECT_EQ(a.grade_raw, b.grade_raw);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.remark, b.remark);
  EXPECT_EQ(a.evaluated_as, b.evaluated_as);
  EXPECT_EQ(a.revocation, b.revocation);
  EXPECT_EQ(a.deferred_to, b.deferred_to);
  EXPECT_EQ(a.where.line, b.where.line);
  EXPECT_EQ(a.where.table, b.where.table);
  EXPECT_EQ(a.where.row, b.where.row);
  EXPECT_EQ(a.where.col, b.where.col);
  EXPECT_EQ(a.where.part, b.where.part);
}

void ExpectSameMetadata(const NoticeMetadata& a, const NoticeMetadata& b) {
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.doc_number, b.doc_number);
  EXPECT_EQ(a.issuers, b.issuers);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.year_source, b.year_source);
  EXPECT_EQ(a.period_from, b.period_from);
  EXPECT_EQ(a.period_to, b.period_to);
  ASSERT_EQ(a.jurisdiction.has_value(), b.jurisdiction.has_value());
  if (!a.jurisdiction) return;
  EXPECT_EQ(a.jurisdiction->source, b.jurisdiction->source);
  ExpectSameRegion(a.jurisdiction->place, b.jurisdiction->place);
}

StoreCounts ExpectedCounts(const std::vector<Notice>& notices) {
  StoreCounts c;
  for (const Notice& n : notices) {
    c.notices++, c.current_notices++;
    c.tables += static_cast<int64_t>(n.tables.size());
    c.records += static_cast<int64_t>(n.records.size());
    c.checks += static_cast<int64_t>(n.checks.size());
    c.diagnostics += static_cast<int64_t>(n.diagnostics.size());
    for (const Check& k : n.checks) c.failed_checks += k.ok ? 0 : 1;
  }
  c.current_records = c.records;
  return c;
}

TEST_P(StoreOpenTest, MigratesFromEmptyAndReopeningChangesNothing) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), LatestSchemaVersion());
  EXPECT_GE(LatestSchemaVersion(), 2);
  StoreCounts c = Counts(store.get());
  EXPECT_EQ(c.notices + c.records + c.runs + c.quarantined, 0);
  store.reset();

  std::unique_ptr<Store> again = Open();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->schema_version(), LatestSchemaVersion());
  std::unique_ptr<SqlSession> raw = Raw();
  EXPECT_EQ(raw->QueryInt("SELECT COUNT(*) FROM schema_migrations"), LatestSchemaVersion());
  EXPECT_EQ(raw->QueryInt("SELECT MAX(version) FROM schema_migrations"), LatestSchemaVersion());
  // Migration 002 created the identity tables, empty.
  for (const char* table :
       {"entities", "entity_members", "link_reviews", "record_relations", "link_decisions"}) {
    EXPECT_EQ(raw->QueryInt(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
}

// In SQLite only INTEGER PRIMARY KEY makes the id the rowid: then a table has
// no separate index of its ids (pragma_index_list shows none of origin pk).
TEST(StoreSqlite, NoticeAndRecordIdsAreTheRowid) {
  char tmpl[] = "/tmp/fuhua_rowid_test.XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl, path = dir + "/store.db";
  std::unique_ptr<Store> store;
  ASSERT_TRUE(OpenStore(path, &store).ok());
  StoreTarget target;
  ASSERT_TRUE(ParseStoreTarget(path, &target).ok());
  SqlSession raw(target);
  for (const char* table : {"ingest_runs", "notices", "records", "quarantine", "link_decisions"}) {
    EXPECT_EQ(raw.QueryInt(std::string("SELECT COUNT(*) FROM pragma_index_list('") + table +
                           "') WHERE origin = 'pk'"),
              0)
        << table;
  }
  EXPECT_EQ(raw.QueryInt("SELECT COUNT(*) FROM pragma_index_list('entity_members') "
                         "WHERE origin = 'pk'"),
            1);  // a composite key keeps its index
  store.reset();
  std::filesystem::remove_all(dir);
}

// A connection that reads the store through once (the plan links a relink
// makes on another thread) gets a 1 MiB page cache; the others keep 8 MiB.
TEST(StoreSqlite, AOnePassConnectionHasASmallPageCache) {
  char tmpl[] = "/tmp/fuhua_cache_test.XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  StoreTarget target;
  ASSERT_TRUE(ParseStoreTarget(dir + "/store.db", &target).ok());
  SqlSession one_pass(target), other(target);
  one_pass.UseSmallCache();
  EXPECT_EQ(one_pass.QueryInt("PRAGMA cache_size").value_or(0), -1024);
  EXPECT_EQ(other.QueryInt("PRAGMA cache_size").value_or(0), -8192);
  std::filesystem::remove_all(dir);
}

// A new store gets 16 KiB pages; a file made with SQLite's 4 KiB pages (by an
// earlier fuhua) keeps them and opens as before, and on both the WAL is
// checkpointed at about 40 MiB, counted in pages of the file's own size.
TEST(StoreSqlite, NewStoresUseLargePagesOldOnesKeepTheirsBothCacheEightMiB) {
  char tmpl[] = "/tmp/fuhua_page_test.XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  auto pages = [](const std::string& path, int64_t* size, int64_t* checkpoint) {
    StoreTarget target;
    ASSERT_TRUE(ParseStoreTarget(path, &target).ok());
    SqlSession raw(target);
    *size = raw.QueryInt("PRAGMA page_size").value_or(0);
    *checkpoint = raw.QueryInt("PRAGMA wal_autocheckpoint").value_or(0);
    // The page cache is given in KiB (negative), whatever the page size.
    EXPECT_EQ(raw.QueryInt("PRAGMA cache_size").value_or(0), -8192) << path;
  };
  int64_t size = 0, checkpoint = 0;
  std::unique_ptr<Store> store;
  ASSERT_TRUE(OpenStore(dir + "/new.db", &store).ok());
  store.reset();
  pages(dir + "/new.db", &size, &checkpoint);
  EXPECT_EQ(size, 16384);
  EXPECT_EQ(checkpoint * size, 40 << 20);

  {  // a 4 KiB file, as SQLite makes it by default
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session old("SQLite", dir + "/old.db");
    old << "PRAGMA page_size=4096", Poco::Data::Keywords::now;
    old << "CREATE TABLE made_before (x INTEGER)", Poco::Data::Keywords::now;
  }
  ASSERT_TRUE(OpenStore(dir + "/old.db", &store).ok());
  store.reset();
  pages(dir + "/old.db", &size, &checkpoint);
  EXPECT_EQ(size, 4096);
  EXPECT_EQ(checkpoint * size, 40 << 20);
  std::filesystem::remove_all(dir);
}

TEST_P(StoreOpenTest, RefusesAStoreNewerThanTheBinary) {
  ASSERT_TRUE(Open());
  const int future = LatestSchemaVersion() + 1;
  Raw()->Exec(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
      {int64_t{future}, std::string("from_the_future"), std::string("2099-01-01T00:00:00Z")});
  std::unique_ptr<Store> store;
  Status st = OpenStore(target_, &store);
  EXPECT_EQ(st.code(), Status::Code::kUnsupported) << st.ToString();
  EXPECT_NE(st.message().find("schema version " + std::to_string(future)), std::string::npos);
  EXPECT_NE(st.message().find("newer than this fuhua"), std::string::npos) << st.message();
  EXPECT_FALSE(store);
  EXPECT_EQ(Raw()->QueryInt("SELECT MAX(version) FROM schema_migrations"), future);
}

TEST_P(StoreOpenTest, ReportsAnUnreachableTargetWithItsName) {
  std::string bad = GetParam() == Backend::kSqlite
                        ? dir_ + "/no/such/dir/store.db"
                        : target_.substr(0, target_.rfind('/')) + "/no_such_database";
  std::unique_ptr<Store> store;
  Status st = OpenStore(bad, &store);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(),
            GetParam() == Backend::kSqlite ? Status::Code::kNotFound : Status::Code::kIoError);
  EXPECT_NE(st.message().find(GetParam() == Backend::kSqlite ? bad : "no_such_database"),
            std::string::npos)
      << st.message();
}

TEST_P(StoreOpenTest, SeedNoticesRoundTripFieldByField) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  const std::vector<Notice>& seeds = SeedNotices();
  ASSERT_EQ(seeds.size(), 5u);
  for (const Notice& n : seeds) {
    WriteResult w;
    Status st = store->WriteNotice(n, 0, &w);
    ASSERT_TRUE(st.ok()) << st.ToString();
    EXPECT_EQ(w.outcome, WriteResult::Outcome::kInserted);
    EXPECT_EQ(w.version, 1);
    EXPECT_EQ(w.records_added, static_cast<int>(n.records.size()));
  }
  StoreCounts want = ExpectedCounts(seeds), got = Counts(store.get());
  EXPECT_EQ(got.notices, want.notices);
  EXPECT_EQ(got.tables, want.tables);
  EXPECT_EQ(got.records, want.records);
  EXPECT_EQ(got.records, 157);  // 57 Chongqing bases + 100 Inner Mongolia carriers
  EXPECT_EQ(got.checks, want.checks);
  EXPECT_EQ(got.failed_checks, want.failed_checks);
  EXPECT_EQ(got.diagnostics, want.diagnostics);

  for (const Notice& n : seeds) {
    NoticeRow row;
    ASSERT_TRUE(store->FindNoticeBySha(n.sha256, &row).ok());
    EXPECT_EQ(row.source_path, n.source);
    EXPECT_EQ(row.format, "text");
    EXPECT_FALSE(row.superseded_by);
    ExpectSameMetadata(row.meta, n.meta);
    std::vector<RecordRow> records;
    ASSERT_TRUE(store->LoadRecords({.notice_id = row.id}, &records).ok());
    ASSERT_EQ(records.size(), n.records.size()) << n.source;
    for (size_t i = 0; i < records.size(); ++i) {
      ExpectSameRecord(records[i].record, n.records[i]);
      EXPECT_EQ(records[i].notice_sha256, n.sha256);
      EXPECT_EQ(records[i].source_path, n.source);
      EXPECT_EQ(records[i].year, n.meta.year);
    }
  }
}

TEST_P(StoreOpenTest, KnownSeedFactsReadBackExactly) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  WriteResult w;
  for (const Notice& n : SeedNotices()) ASSERT_TRUE(store->WriteNotice(n, 0, &w).ok());

  NoticeRow chongqing;
  ASSERT_TRUE(store->FindNoticeBySha(Seed("chongqing").sha256, &chongqing).ok());
  EXPECT_EQ(chongqing.meta.doc_number, "渝人社〔2021〕415号");
  EXPECT_EQ(chongqing.meta.year, 2021);
  std::vector<RecordRow> bases;
  ASSERT_TRUE(store->LoadRecords({.notice_id = chongqing.id}, &bases).ok());
  ASSERT_EQ(bases.size(), 57u);
  EXPECT_EQ(bases[0].record.where.line, 42);
  EXPECT_EQ(bases[0].record.carrier_type, "创业孵化基地");

  std::vector<RecordRow> incubators, spaces;
  ASSERT_TRUE(store->LoadRecords({.carrier_type = "科技企业孵化器"}, &incubators).ok());
  ASSERT_TRUE(store->LoadRecords({.carrier_type = "众创空间"}, &spaces).ok());
  EXPECT_EQ(incubators.size(), 15u);
  EXPECT_EQ(spaces.size(), 85u);
  ASSERT_GT(incubators.size(), 13u);
  EXPECT_EQ(incubators[13].record.operator_name, "赤峰市众人合创网络科技有限公司");
  for (const RecordRow& r : spaces) EXPECT_EQ(r.source_path, Seed("inner_mongolia").source);

  std::vector<RecordRow> of2021, of2030;
  ASSERT_TRUE(store->LoadRecords({.year = 2021}, &of2021).ok());
  ASSERT_TRUE(store->LoadRecords({.year = 2030}, &of2030).ok());
  EXPECT_EQ(of2021.size(), 157u);
  EXPECT_TRUE(of2030.empty());

  std::vector<NoticeRow> current;
  ASSERT_TRUE(store->CurrentNotices(&current).ok());
  ASSERT_EQ(current.size(), 5u);
  for (size_t i = 0; i < current.size(); ++i)
    EXPECT_EQ(current[i].source_path, SeedNotices()[i].source);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreOpenTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace fuhua::testing
