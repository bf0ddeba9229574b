// The relink's reader (store/link_rows.h), on both backends: every current
// record reads back as linking saw it through whole RecordRows (the same
// LinkInput, region, name and year), superseded versions are left out, and
// the previous ids are those the last member of each natural key and role
// had. Plus TextPool and PreviousIds on their own.
#include "store/link_rows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/identity.h"
#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

std::string Fields(const LinkInput& in) {
  const std::string notice = std::to_string(in.notice);
  const std::string_view fields[] = {in.natural_key,  notice,          in.name_key,
                                     in.name_place,   in.name_is_org ? "org" : "-",
                                     in.carrier_type, in.region_code,  in.operator_key,
                                     in.operator_place, in.evaluated_as, in.grade};
  std::string out;
  for (std::string_view f : fields) out.append(f).append("|");
  return out;
}

// The link notices as made from whole notices (what Store::LoadLinkNotices
// reads as only their columns).
LinkNotices MakeLinkNotices(std::vector<NoticeRow> notices) {
  std::sort(notices.begin(), notices.end(), [](const NoticeRow& a, const NoticeRow& b) { return a.id < b.id; });
  LinkNotices out;
  for (const NoticeRow& n : notices) {
    std::optional<std::string> division;
    if (n.meta.jurisdiction) division = DivisionOf(n.meta.jurisdiction->place);
    out.Add(n.id, NoticeKey(n.meta, n.sha256), division);
  }
  return out;
}

// Link notices with the keys of `keys` and no division.
LinkNotices WithKeys(const std::unordered_map<int64_t, std::string>& keys) {
  std::map<int64_t, std::string> by_id(keys.begin(), keys.end());
  LinkNotices out;
  for (const auto& [id, key] : by_id) out.Add(id, key, std::nullopt);
  return out;
}

class LinkRowsTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    store_ = Open();
    ASSERT_TRUE(store_);
    for (const Notice& n : SeedNotices()) Write(n);
    Notice v2 = Seed("inner_mongolia");  // a new version: the old records drop out
    v2.sha256 = std::string(64, 'e');
    v2.records.pop_back();
    Write(v2);
  }
  void Write(const Notice& n) {
    WriteResult w;
    Status st = store_->WriteNotice(n, 0, &w);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  std::unique_ptr<Store> store_;
};

TEST_P(LinkRowsTest, ReadsWhatLinkingReadsFromWholeRecords) {
  std::vector<RecordRow> records;
  ASSERT_TRUE(store_->LoadRecords(RecordFilter{}, &records).ok());
  LinkRows rows;
  Status st = store_->LoadLinkRows(&rows);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(rows.rows.size(), records.size());
  std::unordered_map<int64_t, std::string> keys;
  for (const RecordRow& r : records) keys[r.notice_id] = "notice " + std::to_string(r.notice_id);
  TextPool text;
  // Every other record's natural key is a decided one: only those inputs
  // carry theirs; NaturalKeys makes every record's.
  std::vector<std::string> every_other;
  for (size_t i = 0; i < records.size(); i += 2)
    every_other.push_back(NaturalKey(keys[records[i].notice_id], records[i].record));
  const std::unordered_set<std::string_view> decided(every_other.begin(), every_other.end());
  const LinkNotices notices = WithKeys(keys);
  RowInputs inputs(rows, notices, decided);
  ASSERT_EQ(inputs.size(), records.size());
  NaturalKeys natural(rows, notices);
  ASSERT_EQ(natural.size(), records.size());
  int operators = 0, orgs = 0, divisions = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const RecordRow& want = records[i];
    const LinkRow& got = rows.rows[i];
    EXPECT_EQ(got.id, want.id);
    EXPECT_EQ(got.notice_id, want.notice_id);
    EXPECT_EQ(got.year, want.year.value_or(0));
    EXPECT_EQ(rows.text.Str(rows.Of(got).name), want.record.name);
    EXPECT_EQ(rows.text.Opt(rows.Of(got).operator_name), want.record.operator_name);
    std::optional<Region> region = RegionOf(rows, got);
    ASSERT_EQ(region.has_value(), want.record.region.has_value()) << want.record.name;
    if (region) {
      EXPECT_EQ(region->code, want.record.region->code);
      EXPECT_EQ(region->kind, want.record.region->kind);
      EXPECT_EQ(region->parent_code, want.record.region->parent_code);
    }
    LinkInput whole = MakeLinkInput(keys[want.notice_id], want.record, want.notice_id, &text);
    EXPECT_EQ(natural.Text(i), whole.natural_key);
    EXPECT_EQ(natural.Hash(i), NaturalKeys::Hash(whole.natural_key));
    EXPECT_TRUE(natural.Same(i, whole.natural_key));
    if (!decided.count(whole.natural_key)) whole.natural_key = {};
    EXPECT_EQ(Fields(inputs[i]), Fields(whole));
    operators += !whole.operator_key.empty(), orgs += whole.name_is_org;
    divisions += !whole.region_code.empty();
  }
  // The seeds exercise every optional part.
  EXPECT_GT(operators, 0);
  EXPECT_GT(orgs, 0);
  EXPECT_GT(divisions, 0);
}

// A connection that keeps what it writes (as an ingest's does) and then
// stores a new version of a notice stored before it, one of a notice it
// stored itself (which drops out) and the next version of that, and copies
// of notices that are then superseded: its link rows are the current records
// exactly as another connection reads them.
TEST_P(LinkRowsTest, KeptRowsOfAWritingConnectionAreTheStoredOnes) {
  std::unique_ptr<Store> writer = Open();
  ASSERT_TRUE(writer);
  writer->KeepWrittenLinkRows();
  auto write = [&](Notice n, char sha, size_t keep, const std::string& elsewhere = "") {
    n.sha256 = std::string(64, sha);
    n.source += elsewhere;
    n.records.resize(std::min(keep, n.records.size()));
    WriteResult w;
    Status st = writer->WriteNotice(n, 0, &w);
    ASSERT_TRUE(st.ok()) << st.ToString();
  };
  write(Seed("chongqing"), 'a', 5);
  write(Seed("chongqing"), 'f', 5, ".copy");  // a copy of 'a', kept folded into it
  write(Seed("inner_mongolia"), 'b', 3);
  write(Seed("inner_mongolia"), 'c', 2);
  ExpectKeptLinkRowsAsStored(writer.get(), target_);
  write(Seed("chongqing"), 'd', 100);  // after a relink's read: kept from empty again;
                                       // 'a' is superseded, its copy now stands alone
  ExpectKeptLinkRowsAsStored(writer.get(), target_);
  write(Seed("chongqing"), 'g', 100, ".copy2");  // a copy of 'd', kept folded into it
  write(Seed("chongqing"), 'h', 100);  // supersedes 'd', whose copy now stands alone
  ExpectKeptLinkRowsAsStored(writer.get(), target_);
}

TEST_P(LinkRowsTest, PreviousIdsAreTheLastMembersIds) {
  RelinkReport report;
  ASSERT_TRUE(RelinkStore(store_.get(), &report).ok());
  IdentitySnapshot s;
  ASSERT_TRUE(store_->LoadIdentity(&s).ok());  // members by record id, role
  std::map<std::pair<std::string, std::string>, std::string> last;
  NaturalKeys natural;
  for (const MemberRow& m : s.members) {
    last[{m.natural_key, m.role}] = m.entity_id;
    natural.Add(m.natural_key, "");
  }
  PreviousIds previous(natural);
  ASSERT_TRUE(store_->LoadPreviousIds(LinkRows(), &previous).ok());  // no record current: by key
  ASSERT_FALSE(last.empty());
  for (const auto& [key, id] : last) EXPECT_EQ(previous.Of(key.first, key.second), id);
  for (size_t row = 0; row < s.members.size(); ++row) {  // by row, as a relink asks
    const MemberRow& m = s.members[row];
    EXPECT_EQ(previous.Of(row, m.role), (last[{m.natural_key, m.role}]));
  }
}

// The relink reads only the columns it needs of the current notices: the
// same keys and divisions as from whole notices, none of a superseded one.
TEST_P(LinkRowsTest, LinkNoticesAreThoseOfWholeNotices) {
  std::vector<NoticeRow> notices;
  ASSERT_TRUE(store_->CurrentNotices(&notices).ok());
  LinkNotices read;
  ASSERT_TRUE(store_->LoadLinkNotices(&read).ok());
  const LinkNotices whole = MakeLinkNotices(notices);
  EXPECT_EQ(read.size(), notices.size());
  auto text = [](std::optional<std::string_view> s) {
    return s ? std::optional<std::string>(*s) : std::nullopt;
  };
  int divisions = 0;
  for (const NoticeRow& n : notices) {
    ASSERT_TRUE(read.Key(n.id)) << n.id;
    EXPECT_EQ(*read.Key(n.id), *whole.Key(n.id));
    EXPECT_EQ(text(read.Division(n.id)), text(whole.Division(n.id)));
    divisions += read.Division(n.id).has_value();
  }
  EXPECT_GT(divisions, 0);
  EXPECT_LT(divisions, static_cast<int>(notices.size())) << "the seeds have a notice without jurisdiction";
  EXPECT_FALSE(read.Key(-1)) << "no such notice";
}

// What an ingest skips files by: the path and sha256 of each current
// notice, as whole notices have them.
TEST_P(LinkRowsTest, CurrentFilesAreTheCurrentNoticesPathsAndShas) {
  std::vector<NoticeRow> notices;
  ASSERT_TRUE(store_->CurrentNotices(&notices).ok());
  std::vector<std::pair<std::string, std::string>> files, want;
  ASSERT_TRUE(store_->CurrentFiles(&files).ok());
  for (const NoticeRow& n : notices) want.emplace_back(n.source_path, n.sha256);
  std::sort(files.begin(), files.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(files, want);
  EXPECT_FALSE(files.empty());
}

// Members of current records are found by record id, the others by natural
// key: the ids are the same either way, and a new version of a notice stored
// after the relink still gets its records' previous ids through their keys.
TEST_P(LinkRowsTest, PreviousIdsByRecordIdAreThoseByNaturalKey) {
  RelinkReport report;
  ASSERT_TRUE(RelinkStore(store_.get(), &report).ok());
  auto load = [&](LinkRows* rows, NaturalKeys* natural) {
    ASSERT_TRUE(store_->LoadLinkRows(rows).ok());
    std::vector<NoticeRow> notices;
    ASSERT_TRUE(store_->CurrentNotices(&notices).ok());
    *natural = NaturalKeys(*rows, MakeLinkNotices(notices));
  };
  auto expect_same = [&](const LinkRows& rows, const NaturalKeys& natural) {
    PreviousIds by_record(natural), by_key(natural);
    ASSERT_TRUE(store_->LoadPreviousIds(rows, &by_record).ok());
    ASSERT_TRUE(store_->LoadPreviousIds(LinkRows(), &by_key).ok());
    int found = 0;
    for (size_t row = 0; row < rows.rows.size(); ++row)
      for (const char* role : {"carrier", "operator", "named_organisation"}) {
        EXPECT_EQ(by_record.Of(row, role), by_key.Of(row, role)) << row << " " << role;
        found += !by_record.Of(row, role).empty();
      }
    EXPECT_GE(found, static_cast<int>(rows.rows.size())) << "every record had a carrier";
  };
  LinkRows rows;
  NaturalKeys natural;
  load(&rows, &natural);
  expect_same(rows, natural);

  Notice v3 = Seed("inner_mongolia");  // stored after the relink: its records have no members
  v3.sha256 = std::string(64, 'f');
  Write(v3);
  load(&rows, &natural);
  expect_same(rows, natural);
}

INSTANTIATE_TEST_SUITE_P(Backends, LinkRowsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

// Records that say the same share one profile; an interner made over
// profiles already there finds them (the relink's reader goes on from the
// rows an ingest kept).
TEST(ProfileInterner, OneProfileForWhatRecordsShare) {
  std::vector<LinkProfile> profiles;
  ProfileInterner interner(&profiles);
  std::vector<uint32_t> ids;
  for (TextId name = 1; name <= 1000; ++name) {
    LinkProfile p;
    p.name = name;
    p.grade = name % 3;
    p.has_region = name % 2;
    ids.push_back(interner.Intern(p));
  }
  ASSERT_EQ(profiles.size(), 1000u);
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], i);
  LinkProfile again;
  again.name = 7, again.grade = 1, again.has_region = true;
  EXPECT_EQ(interner.Intern(again), 6u);
  again.region_kind = RegionKind::kDivision;  // any field tells them apart
  EXPECT_EQ(interner.Intern(again), 1000u);
  ProfileInterner later(&profiles);
  EXPECT_EQ(later.Intern(profiles[500]), 500u);
  EXPECT_EQ(profiles.size(), 1001u);
}

// No previous id until one is added (a store's first relink adds none, and
// the index of the keys is made only then).
TEST(PreviousIds, NoneUntilOneIsAdded) {
  NaturalKeys natural;
  for (const char* tail : {"|众创空间|甲", "|众创空间|乙", "|众创空间|甲"}) natural.Add("notice", tail);
  PreviousIds previous(natural);
  for (size_t row = 0; row < natural.size(); ++row)
    for (const char* role : {"carrier", "operator", "named_organisation"})
      EXPECT_EQ(previous.Of(row, role), "") << row << role;
  EXPECT_EQ(previous.Of("notice|众创空间|甲", "carrier"), "");
  previous.Add("notice|众创空间|甲", "carrier", "C-1");
  EXPECT_EQ(previous.Of(0, "carrier"), "C-1");
  EXPECT_EQ(previous.Of(2, "carrier"), "C-1") << "the same key";
  EXPECT_EQ(previous.Of(1, "carrier"), "");
  EXPECT_EQ(previous.Of(0, "operator"), "");
}

TEST(TextPool, InternsOnceAndTellsNullFromEmpty) {
  TextPool pool;
  TextId a = pool.Intern(std::string("丝梦源"));
  EXPECT_EQ(pool.Intern(std::string("丝梦源")), a);
  TextId empty = pool.Intern(std::string());
  EXPECT_NE(empty, TextPool::kNull);
  EXPECT_EQ(pool.Intern(std::optional<std::string>()), TextPool::kNull);
  EXPECT_EQ(pool.Opt(empty), std::optional<std::string>(""));
  EXPECT_EQ(pool.Opt(TextPool::kNull), std::nullopt);
  EXPECT_EQ(pool.Str(TextPool::kNull), "");
  TextPool moved = std::move(pool);  // the index still finds the texts
  EXPECT_EQ(moved.Intern(std::string("丝梦源")), a);
  EXPECT_EQ(moved.Str(a), "丝梦源");
}

TEST(TextPool, HeldTextsStayPutAcrossChunksAndMoves) {
  TextPool pool;
  std::vector<std::string> texts;
  std::vector<std::string_view> held;
  for (int i = 0; i < 20000; ++i) {  // several 256 KiB chunks
    texts.push_back("重庆市" + std::to_string(i) + "|创业孵化基地");
    held.push_back(pool.Hold(texts.back()));
  }
  std::string big(300 * 1024, 'x');  // larger than a chunk
  texts.push_back(big);
  held.push_back(pool.Hold(big));
  EXPECT_EQ(pool.Hold(""), std::string_view());
  TextPool moved = std::move(pool);
  held.push_back(moved.Hold("after the move"));
  texts.push_back("after the move");
  ASSERT_EQ(held.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(held[i], texts[i]) << i;
}

TEST(PreviousIds, KeepsTheLastIdOfCurrentKeysOnly) {
  NaturalKeys natural;  // "a", "b", "a", split anywhere
  natural.Add("a", "");
  natural.Add("", "b");
  natural.Add("", "a");
  PreviousIds p(natural);
  p.Add("a", "carrier", "C1");
  p.Add("a", "carrier", "C2");
  p.Add("a", "operator", "O1");
  p.Add("gone", "carrier", "C9");
  EXPECT_EQ(p.Of("a", "carrier"), "C2");
  EXPECT_EQ(p.Of("a", "operator"), "O1");
  EXPECT_EQ(p.Of("a", "named_organisation"), "");
  EXPECT_EQ(p.Of("b", "carrier"), "");
  EXPECT_EQ(p.Of("gone", "carrier"), "");
  EXPECT_EQ(p.Of(size_t{2}, "carrier"), "C2");  // row 2's key is row 0's
  EXPECT_EQ(p.Of(size_t{1}, "carrier"), "");
}

// A key held in two parts is the same key whatever the split: it compares,
// hashes and orders (MemberKey) as its text whole.
TEST(NaturalKeys, PartsActAsTheirText) {
  const std::vector<std::string> texts = {"", "a", "ab", "ab|", "ab|c", "abc", "ab|d", "b", "a|bc",
                                          "渝人社〔2021〕415号|创业孵化基地|重庆微企", "渝人社〔2021〕415号|"};
  NaturalKeys keys;
  std::vector<std::string> whole;  // row by row
  for (const std::string& t : texts)
    for (size_t cut = 0; cut <= t.size(); ++cut) {
      keys.Add(std::string_view(t).substr(0, cut), std::string_view(t).substr(cut));
      whole.push_back(t);
    }
  for (size_t a = 0; a < whole.size(); ++a) {
    EXPECT_EQ(keys.Text(a), whole[a]);
    EXPECT_EQ(keys.Hash(a), NaturalKeys::Hash(whole[a]));
    EXPECT_TRUE(keys.Same(a, whole[a]));
    for (size_t b = 0; b < whole.size(); ++b) {
      EXPECT_EQ(keys.Same(a, b), whole[a] == whole[b]) << whole[a] << " / " << whole[b];
      for (std::string_view role : {"", "carrier"}) {
        MemberKey x{keys.Head(a), role, keys.Tail(a)}, y{keys.Head(b), "operator", keys.Tail(b)};
        MemberKey wx{whole[a], role}, wy{whole[b], "operator"};
        EXPECT_EQ(x < y, wx < wy) << whole[a] << " / " << whole[b];
        EXPECT_EQ(x.Text(), wx.Text());
        EXPECT_EQ(wx < wy, wx.Text() < wy.Text());
      }
    }
  }
}

}  // namespace
}  // namespace fuhua::testing
