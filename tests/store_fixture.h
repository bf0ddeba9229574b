// The store test fixture: every store test runs once per backend, against a
// fresh SQLite file in a temporary directory and against a fresh database on
// the throwaway PostgreSQL server (tests/pg_server.h). PostgreSQL cases are
// skipped, loudly, only when the server cannot start (failed instead with
// FUHUA_REQUIRE_POSTGRES=1).
#ifndef FUHUA_TESTS_STORE_FIXTURE_H_
#define FUHUA_TESTS_STORE_FIXTURE_H_

#include <Poco/Exception.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "store/link_rows.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_target.h"
#include "tests/pg_server.h"
#include "tests/test_support.h"

namespace fuhua::testing {

enum class Backend { kSqlite, kPostgres };

// For gtest's test names and messages.
inline void PrintTo(Backend b, std::ostream* os) {
  *os << (b == Backend::kSqlite ? "sqlite" : "postgres");
}

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

// The seed notices (samples/*.txt), extracted once, in file-name order.
inline const std::vector<Notice>& SeedNotices() {
  static const std::vector<Notice> notices = [] {
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(SourcePath("samples"))) {
      if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<Notice> out;
    for (const std::string& p : paths) {
      Notice n;
      Status st = ExtractFile(p, &n);
      if (!st.ok()) throw std::runtime_error(st.ToString());
      out.push_back(std::move(n));
    }
    return out;
  }();
  return notices;
}

// A seed notice by file name prefix (e.g. "chongqing").
inline const Notice& Seed(const std::string& prefix) {
  for (const Notice& n : SeedNotices()) {
    if (std::filesystem::path(n.source).filename().string().rfind(prefix, 0) == 0) return n;
  }
  throw std::runtime_error("no seed " + prefix);
}

class StoreFixture : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      char tmpl[] = "/tmp/fuhua_store_test.XXXXXX";
      ASSERT_NE(mkdtemp(tmpl), nullptr);
      dir_ = tmpl;
      target_ = dir_ + "/store.db";
      return;
    }
    PgServer& pg = PgServer::Get();
    if (!pg.ok()) {
      std::cerr << "\n*** PostgreSQL store tests NOT RUN: " << pg.error() << " ***\n\n";
      if (RequirePostgres()) FAIL() << "FUHUA_REQUIRE_POSTGRES=1 and " << pg.error();
      GTEST_SKIP() << "PostgreSQL server could not start: " << pg.error();
    }
    std::string error;
    ASSERT_TRUE(pg.CreateDatabase(&target_, &error)) << error;
  }

  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Store> Open() {
    std::unique_ptr<Store> store;
    Status st = OpenStore(target_, &store);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return store;
  }

  // A direct connection, for what the Store API deliberately does not offer
  // (tampering with schema_migrations, checking rows per notice).
  std::unique_ptr<SqlSession> Raw() {
    StoreTarget t;
    EXPECT_TRUE(ParseStoreTarget(target_, &t).ok());
    return std::make_unique<SqlSession>(t);
  }

  StoreCounts Counts(Store* store) {
    StoreCounts c;
    Status st = store->Count(&c);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return c;
  }

  std::string dir_;     // SQLite only
  std::string target_;  // file path or postgresql:// URL
};

// A store test on a bare connection to the backend's fresh database (no
// migrations): db_ is open when CreateTables runs, which makes what the
// test needs; a database error there fails the test.
class RawSessionFixture : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db_ = Raw();
    try {
      CreateTables();
    } catch (const Poco::Exception& e) {
      FAIL() << e.displayText();
    }
  }
  virtual void CreateTables() = 0;

  std::unique_ptr<SqlSession> db_;
};

// Every current record's link row as text: id, notice, year and the fields
// linking reads (a copied notice's records as the rows they are folded into,
// with their own ids and notice).
inline std::vector<std::string> LinkRowTexts(Store* store) {
  LinkRows rows;
  Status st = store->LoadLinkRows(&rows);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<std::string> out;
  ForEachRecord(rows, [&](const LinkRow& row, const NoticeBlock&, size_t) {
    const LinkProfile& r = rows.Of(row);
    std::string t = std::to_string(row.id) + "|" + std::to_string(row.notice_id) + "|" +
                    std::to_string(row.year) + "|" + std::to_string(r.has_region) +
                    std::to_string(static_cast<int>(r.region_kind));
    for (TextId f : {r.carrier_type, r.name, r.name_key, r.name_place, r.name_legal_form,
                     r.operator_name, r.operator_key, r.operator_place, r.region_code,
                     r.region_parent, r.evaluated_as, r.grade})
      t += "|" + (f == TextPool::kNull ? std::string("NULL") : std::string(rows.text.Str(f)));
    out.push_back(t);
  });
  return out;
}

// The link rows the ingesting connection kept as it wrote (a relink takes
// them instead of reading them back) are exactly what another connection
// reads from the store: none of a notice or batch that was rolled back.
inline void ExpectKeptLinkRowsAsStored(Store* ingesting, const std::string& target) {
  std::unique_ptr<Store> reader;
  ASSERT_TRUE(OpenStore(target, &reader).ok());
  EXPECT_EQ(LinkRowTexts(ingesting), LinkRowTexts(reader.get()));
}

}  // namespace fuhua::testing

#endif  // FUHUA_TESTS_STORE_FIXTURE_H_
