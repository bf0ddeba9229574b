// Relinking a store (store/identity.h), on both backends: the seed facts of
// issue 5 hold in the stored entities, ids are stable across relinks and new
// versions of a file, and a person's decision survives re-ingest. Uses the
// real seeds and the SYNTHETIC later years in tests/synthetic/.
#include "store/identity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <map>

#include "pipeline/linker.h"
#include "store/held_links.h"
#include "store/link_rows.h"
#include "store/migrations.h"
#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

namespace fs = std::filesystem;

class IdentityTest : public StoreFixture {
 protected:
  void Ingest(const std::string& rel) {
    Notice n;
    ASSERT_TRUE(ExtractFile(SourcePath(rel), &n).ok());
    WriteResult w;
    Status st = store_->WriteNotice(n, 0, &w);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  void IngestAll() {
    store_ = Open();
    ASSERT_TRUE(store_);
    for (const char* f : {"samples/chongqing_2021_municipal_incubation_base_grades.txt",
                          "samples/inner_mongolia_2021_incubator_makerspace_results.txt",
                          "tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt",
                          "tests/synthetic/chongqing_2023_SYNTHETIC_grades.txt"})
      Ingest(f);
  }
  RelinkReport Relink() {
    RelinkReport r;
    Status st = RelinkStore(store_.get(), &r);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return r;
  }
  // record name -> entity ids (carrier role) of the current snapshot.
  std::map<std::string, std::set<std::string>> CarrierOf() {
    IdentitySnapshot s;
    EXPECT_TRUE(store_->LoadIdentity(&s).ok());
    std::vector<RecordRow> rows;
    EXPECT_TRUE(store_->LoadRecords(RecordFilter{}, &rows).ok());
    std::map<int64_t, std::string> name;
    for (const RecordRow& r : rows) name[r.id] = r.record.name;
    std::map<std::string, std::set<std::string>> out;
    for (const MemberRow& m : s.members)
      if (m.role == "carrier") out[name[m.record_id]].insert(m.entity_id);
    return out;
  }
  std::unique_ptr<Store> store_;
};

TEST_P(IdentityTest, SeedFactsAndSyntheticRenames) {
  IngestAll();
  RelinkReport r = Relink();
  EXPECT_EQ(r.records, 57 + 100 + 57 + 56);
  EXPECT_EQ(r.carriers, 58 + 100);
  EXPECT_EQ(r.relations, 2);  // 浙江大学…众创空间 and 金珠拉… borrowed incubator results
  auto of = CarrierOf();
  EXPECT_EQ(of["重庆大地创业孵化基地"], of["重庆市大地创业孵化基地"]);
  EXPECT_EQ(of["京东云（重庆）创业孵化基地"], of["京东云【重庆】创业孵化基地"]);
  EXPECT_EQ(of["重庆渝创科技孵化器有限责任公司"], of["重庆渝创科技孵化器有限公司"]);
  EXPECT_NE(of["软通动力乐业综合体"], of["鄂尔多斯软通动力创新产业园"]);
  EXPECT_NE(of["万达孵化器A座"], of["万达企业孵化器B座"]);
  EXPECT_NE(of["乌兰察布爱创空间"], of["特力弓爱创空间"]);
  for (const auto& [name, ids] : of) EXPECT_EQ(ids.size(), 1u) << name;
}

TEST_P(IdentityTest, IdsAreStableAcrossRelinksAndNewVersions) {
  IngestAll();
  Relink();
  auto first = CarrierOf();
  Relink();
  EXPECT_EQ(CarrierOf(), first);
  // A new version of the 2022 notice (same path, other bytes): its records get
  // new row ids, its carriers keep their entity ids.
  fs::path copy = fs::path(dir_.empty() ? "/tmp" : dir_) / "2022.txt";
  fs::copy_file(SourcePath("tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt"), copy,
                fs::copy_options::overwrite_existing);
  std::ofstream(copy, std::ios::app) << "\n（此件为新版本，供测试）\n";
  Notice n;
  ASSERT_TRUE(ExtractFile(SourcePath("tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt"), &n).ok());
  Notice changed;
  ASSERT_TRUE(ExtractFile(copy.string(), &changed).ok());
  changed.source = n.source;  // same path, new content
  WriteResult w;
  ASSERT_TRUE(store_->WriteNotice(changed, 0, &w).ok());
  ASSERT_EQ(w.outcome, WriteResult::Outcome::kNewVersion);
  Relink();
  EXPECT_EQ(CarrierOf(), first);
  fs::remove(copy);
}

// A store made before migration 004 kept every member's natural key in
// entity_members, and (until 005) indexed records by name and operator key.
// Put back at that schema (the column restored and filled, the indexes
// made), it migrates on open, on both backends, and its next relink leaves
// the identity exactly as it was.
TEST_P(IdentityTest, AStoreThatStoredMemberKeysMigratesAndKeepsItsIdentity) {
  IngestAll();
  Relink();
  IdentitySnapshot before;
  ASSERT_TRUE(store_->LoadIdentity(&before).ok());
  ASSERT_FALSE(before.members.empty());
  store_.reset();
  {
    std::unique_ptr<SqlSession> raw = Raw();
    raw->Exec("ALTER TABLE entity_members ADD COLUMN natural_key TEXT NOT NULL DEFAULT ''");
    for (const MemberRow& m : before.members)
      raw->Exec("UPDATE entity_members SET natural_key = ? WHERE record_id = ? AND role = ?",
                {m.natural_key, m.record_id, m.role});
    raw->Exec("CREATE INDEX records_name_key ON records (name_key)");
    raw->Exec("CREATE INDEX records_operator_key ON records (operator_key)");
    raw->Exec("DELETE FROM schema_migrations WHERE version >= 4");
  }
  store_ = Open();
  ASSERT_TRUE(store_);
  EXPECT_EQ(store_->schema_version(), LatestSchemaVersion());
  EXPECT_ANY_THROW(Raw()->QueryInt("SELECT COUNT(natural_key) FROM entity_members"));  // dropped
  // The indexes are gone: making them again succeeds (an analyst may).
  EXPECT_NO_THROW(Raw()->Exec("CREATE INDEX records_name_key ON records (name_key)"));
  EXPECT_NO_THROW(Raw()->Exec("CREATE INDEX records_operator_key ON records (operator_key)"));
  Relink();
  IdentitySnapshot after;
  ASSERT_TRUE(store_->LoadIdentity(&after).ok());
  EXPECT_EQ(after.entities, before.entities);
  EXPECT_EQ(after.members, before.members);
  EXPECT_EQ(after.relations, before.relations);
}

TEST_P(IdentityTest, DecisionsSurviveReingest) {
  IngestAll();
  Relink();
  auto of = CarrierOf();
  ASSERT_EQ(of["重庆大地创业孵化基地"], of["重庆市大地创业孵化基地"]);
  // Find the two records' natural keys as the link command would.
  std::vector<RecordRow> rows;
  ASSERT_TRUE(store_->LoadRecords(RecordFilter{}, &rows).ok());
  IdentitySnapshot s;
  ASSERT_TRUE(store_->LoadIdentity(&s).ok());
  std::map<int64_t, std::string> key;
  for (const MemberRow& m : s.members)
    if (m.role == "carrier") key[m.record_id] = m.natural_key;
  std::string a, b;
  for (const RecordRow& r : rows) {
    if (r.record.name == "重庆大地创业孵化基地") a = key[r.id];
    if (r.record.name == "重庆市大地创业孵化基地" && r.year == 2022) b = key[r.id];
  }
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  ASSERT_TRUE(store_->AddDecision({"carrier", a, b, false, "tester", "two bases", ""}).ok());
  Relink();
  of = CarrierOf();
  EXPECT_NE(of["重庆大地创业孵化基地"], of["重庆市大地创业孵化基地"]);
  // Re-ingesting the same files changes nothing; the decision still holds.
  IngestAll();
  Relink();
  EXPECT_NE(CarrierOf()["重庆大地创业孵化基地"], CarrierOf()["重庆市大地创业孵化基地"]);
}

// Copies of notices (the same notice stored again under another path and
// bytes) are linked as their original's records: what a relink stores is
// what linking every record stores, from scratch and over a previous
// snapshot, and with a person's decision on a copied record.
TEST_P(IdentityTest, FoldedCopiesStoreWhatLinkingEveryRecordStores) {
  IngestAll();
  const char* copied[] = {"samples/chongqing_2021_municipal_incubation_base_grades.txt",
                          "samples/chongqing_2021_municipal_incubation_base_grades.txt",
                          "tests/synthetic/chongqing_2023_SYNTHETIC_grades.txt",
                          "samples/inner_mongolia_2021_incubator_makerspace_results.docx"};
  for (size_t k = 0; k < std::size(copied); ++k) {
    Notice n;
    ASSERT_TRUE(ExtractFile(SourcePath(copied[k]), &n).ok());
    n.source += ".copy" + std::to_string(k);
    n.sha256 = std::string(63, 'c') + static_cast<char>('0' + k);
    WriteResult w;
    ASSERT_TRUE(store_->WriteNotice(n, 0, &w).ok());
  }
  LinkRows rows;
  ASSERT_TRUE(store_->LoadLinkRows(&rows).ok());
  EXPECT_GE(std::count_if(rows.notices.begin(), rows.notices.end(), [](const NoticeBlock& b) { return b.copy; }), 3);
  EXPECT_EQ(rows.records(), 2u * (57 + 100 + 57 + 56));
  EXPECT_LE(rows.rows.size(), rows.records() - (57 + 57 + 56));
  auto relink = [&](bool fold) {
    RelinkReport r;
    Status st = RelinkStore(store_.get(), &r, 1, fold);
    EXPECT_TRUE(st.ok()) << st.ToString();
    IdentitySnapshot s;
    EXPECT_TRUE(store_->LoadIdentity(&s).ok());
    r.seconds = 0;
    return std::pair{r, s};
  };
  auto wipe = [&] {
    ASSERT_TRUE(store_->ReplaceIdentity(IdentityWrite(), [](MemberRow*) { return false; }).ok());
    IdentitySnapshot s;
    ASSERT_TRUE(store_->LoadIdentity(&s).ok());
    ASSERT_TRUE(s.members.empty() && s.entities.empty());
  };
  auto expect_same = [](const std::pair<RelinkReport, IdentitySnapshot>& a,
                        const std::pair<RelinkReport, IdentitySnapshot>& b) {
    const RelinkReport &x = a.first, &y = b.first;
    EXPECT_EQ(std::tie(x.records, x.carriers, x.organisations, x.carrier_links, x.reviews, x.relations,
                       x.plan_links, x.pairs_scored),
              std::tie(y.records, y.carriers, y.organisations, y.carrier_links, y.reviews, y.relations,
                       y.plan_links, y.pairs_scored));
    EXPECT_EQ(a.second.entities, b.second.entities);
    EXPECT_EQ(a.second.members, b.second.members);
    EXPECT_EQ(a.second.reviews, b.second.reviews);
    EXPECT_EQ(a.second.relations, b.second.relations);
    EXPECT_EQ(a.second.plan_links, b.second.plan_links);
  };
  auto every = relink(false);
  EXPECT_EQ(every.first.records, static_cast<int>(rows.records()));
  EXPECT_EQ(every.first.relations, 2 * 2);  // the inner Mongolia notice's, and its .docx's
  expect_same(every, relink(true));  // over the previous snapshot
  wipe();
  auto folded = relink(true);
  wipe();
  expect_same(relink(false), folded);  // from scratch
  // A decision on a record that has copies holds for each of them.
  std::map<int64_t, std::string> key;
  for (const MemberRow& m : folded.second.members)
    if (m.role == "carrier") key[m.record_id] = m.natural_key;
  std::vector<RecordRow> records;
  ASSERT_TRUE(store_->LoadRecords(RecordFilter{}, &records).ok());
  std::string a, b;
  for (const RecordRow& r : records) {
    if (r.record.name == "重庆大地创业孵化基地") a = key[r.id];
    if (r.record.name == "重庆市大地创业孵化基地" && r.year == 2022) b = key[r.id];
  }
  ASSERT_FALSE(a.empty() || b.empty());
  ASSERT_TRUE(store_->AddDecision({"carrier", a, b, false, "tester", "two bases", ""}).ok());
  wipe();
  auto decided = relink(true);
  wipe();
  expect_same(relink(false), decided);
  EXPECT_EQ(decided.first.carriers, folded.first.carriers + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace fuhua::testing
