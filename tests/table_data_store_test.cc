// Tables as data in the store (issue 7, store/table_data_*.cc and
// store/plan_identity.cc), on both backends: every seed's generic tables,
// indicator system and plan tables read back equal to what was extracted
// (.txt and .docx), and a relink joins the carriers named in the plans of
// seeds 004 and 002 to the graded carriers of seed 000 — and to nothing else.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "pipeline/plan_links.h"
#include "store/identity.h"
#include "tests/store_fixture.h"

namespace fuhua::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SamplePaths() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(SourcePath("samples")))
    if (e.path().extension() == ".txt" || e.path().extension() == ".docx") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

class TableDataStoreTest : public StoreFixture {
 protected:
  // Extracts and stores every sample; returns the notices by stored id.
  std::map<int64_t, Notice> StoreSamples(Store* store) {
    std::map<int64_t, Notice> out;
    for (const std::string& p : SamplePaths()) {
      Notice n;
      Status st = ExtractFile(p, &n);
      EXPECT_TRUE(st.ok()) << p << ": " << st.ToString();
      WriteResult w;
      st = store->WriteNotice(n, 0, &w);
      EXPECT_TRUE(st.ok()) << p << ": " << st.ToString();
      out[w.notice_id] = std::move(n);
    }
    return out;
  }
};

TEST_P(TableDataStoreTest, EveryTableOfEverySampleReadsBackAsExtracted) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  std::map<int64_t, Notice> notices = StoreSamples(store.get());
  std::vector<NoticeContent> content;
  Status st = store->LoadContent(&content);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(content.size(), notices.size());  // every sample has tables
  size_t tables = 0, indicators = 0, sites = 0, milestones = 0, targets = 0;
  for (const NoticeContent& c : content) {
    const Notice& n = notices.at(c.notice_id);
    SCOPED_TRACE(n.source);
    ASSERT_EQ(c.tables.size(), n.data_tables.size());
    for (size_t i = 0; i < c.tables.size(); ++i) {
      EXPECT_EQ(c.tables[i].data, n.data_tables[i]) << "table " << i;
      EXPECT_EQ(c.tables[i].caption, n.tables[static_cast<size_t>(n.data_tables[i].table)].caption);
    }
    EXPECT_EQ(c.indicator_systems, n.indicator_systems);
    EXPECT_EQ(c.plans, n.plans);
    tables += c.tables.size();
    for (const IndicatorSystem& s : c.indicator_systems) indicators += s.indicators.size();
    sites += c.plans.carriers.size() + c.plans.properties.size();
    for (const PlanProperty& p : c.plans.properties) milestones += p.milestones.size();
    targets += c.plans.targets.size();
  }
  // The seeds' own figures (BRIEF.md), twice: .txt and .docx.
  EXPECT_EQ(indicators, 2u * (5 + 17 + 41));
  EXPECT_EQ(sites, 2u * (10 + 10));
  EXPECT_GT(milestones, sites / 2);
  EXPECT_EQ(targets, 2u * 9);
  EXPECT_GE(tables, 2u * 5);
}

// plan name -> graded carrier name, for every plan mention the relink linked.
std::multimap<std::string, std::string> PlanLinks(Store* store, const std::map<int64_t, Notice>& notices) {
  IdentitySnapshot s;
  EXPECT_TRUE(store->LoadIdentity(&s).ok());
  std::map<std::string, std::string> entity_name;
  for (const EntityRow& e : s.entities) entity_name[e.id] = e.canonical_name;
  std::multimap<std::string, std::string> out;
  for (const PlanLinkRow& l : s.plan_links) {
    const PlanTables& p = notices.at(l.notice_id).plans;
    std::string name;
    for (const PlanCarrier& c : p.carriers)
      if (c.site.table == l.table && c.site.row == l.row) name = c.site.name;
    for (const PlanProperty& c : p.properties)
      if (c.site.table == l.table && c.site.row == l.row) name = c.site.name;
    for (const PlanTarget& t : p.targets)
      if (t.table == l.table && t.row == l.row) name = t.main_carriers.at(static_cast<size_t>(l.mention)).name;
    out.emplace(name, entity_name[l.entity_id]);
  }
  return out;
}

TEST_P(TableDataStoreTest, RelinkJoinsPlanCarriersToTheirGradedCarriers) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  std::map<int64_t, Notice> notices = StoreSamples(store.get());
  RelinkReport r;
  Status st = RelinkStore(store.get(), &r);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::multimap<std::string, std::string> links = PlanLinks(store.get(), notices);
  // Issue 7's four links, from the .txt and the .docx rendition of each plan.
  std::multimap<std::string, std::string> expected = {
      {"微企梦工场（软件产业孵化园）", "重庆微企梦工场"},
      {"微托帮众创空间（原）", "微托帮创业孵化基地"},
      {"爱心惠残众创空间", "重庆爱心惠创业孵化基地"},
      {"三都创业孵化中心", "重庆市万州三都创业孵化中心"}};
  for (const auto& [plan, graded] : expected) {
    auto [from, to] = links.equal_range(plan);
    ASSERT_EQ(std::distance(from, to), 2) << plan;
    for (auto it = from; it != to; ++it) EXPECT_EQ(it->second, graded) << plan;
  }
  EXPECT_EQ(links.size(), 2 * expected.size()) << "a plan carrier linked to a carrier it is not";
  EXPECT_EQ(r.plan_links, static_cast<int>(links.size()));

  // A second relink keeps them (the snapshot is rebuilt, not appended).
  ASSERT_TRUE(RelinkStore(store.get(), &r).ok());
  EXPECT_EQ(PlanLinks(store.get(), notices), links);
}

// With two threads the plan links are made on a second connection while the
// members are written (store/identity.h): the snapshot must be the same.
TEST_P(TableDataStoreTest, RelinkOnTwoThreadsWritesTheSameSnapshot) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  StoreSamples(store.get());
  RelinkReport two, one;
  Status st = RelinkStore(store.get(), &two, 2);
  ASSERT_TRUE(st.ok()) << st.ToString();
  IdentitySnapshot on_two, on_one;
  ASSERT_TRUE(store->LoadIdentity(&on_two).ok());
  ASSERT_TRUE(RelinkStore(store.get(), &one, 1).ok());
  ASSERT_TRUE(store->LoadIdentity(&on_one).ok());
  EXPECT_GT(on_two.plan_links.size(), 0u);
  EXPECT_EQ(two.plan_links, static_cast<int>(on_two.plan_links.size()));
  EXPECT_TRUE(on_two == on_one) << "plan links " << on_two.plan_links.size() << " vs "
                                << on_one.plan_links.size() << ", members "
                                << on_two.members.size() << " vs " << on_one.members.size();
}

// The mentions are read a window of notices at a time: windows of one
// notice give the same mentions, in the same order, as one window of all.
TEST_P(TableDataStoreTest, PlanMentionsReadInWindowsAreAllOfThemInOrder) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store);
  StoreSamples(store.get());
  auto read = [&](int64_t window) {
    std::vector<std::string> out;
    Status st = store->ForEachPlanMention([&](PlanMentionRow&& m) {
      out.push_back(std::to_string(m.at.notice_id) + "/" + std::to_string(m.at.table) + "/" +
                    std::to_string(m.at.row) + "/" + std::to_string(m.at.mention) + " " + m.name_key +
                    (m.area ? " in " + m.area->code.value_or("?") : ""));
    }, window);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out;
  };
  std::vector<std::string> whole = read(1'000'000), by_one = read(1);
  EXPECT_GT(whole.size(), 20u);  // the plans of seeds 002 and 004, as .txt and .docx
  EXPECT_EQ(by_one, whole);
  std::set<std::string> notices;
  for (const std::string& m : whole) notices.insert(m.substr(0, m.find('/')));
  EXPECT_GE(notices.size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Backends, TableDataStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

// The matcher's guards, table-driven.
TEST(PlanLinks, LinksOnlyAClearBestCarrierInTheSamePlace) {
  std::vector<PlanCandidate> candidates = {
      {"C1", "微托帮创业孵化基地", "500104"},   {"C2", "爱心惠创业孵化基地", "500104"},
      {"C3", "三都创业孵化中心", "500101"},     {"C4", "金桥众创空间", "500104"},
      {"C5", "金桥创业孵化基地", "500104"},     {"C6", "智慧谷创业孵化基地", "500000"},
      {"C7", "星火创业孵化基地", "150102"}};
  struct Case {
    PlanMention mention;
    std::string entity;  // "" = no link
  };
  std::vector<Case> cases = {
      {{"微托帮众创空间", "500104"}, "C1"},        // same brand, other type
      {{"微托帮众创空间", "500101"}, ""},          // other county
      {{"微托帮众创空间", ""}, ""},                // place unknown
      {{"爱心惠残众创空间", "500104"}, "C2"},      // brand extended by one character
      {{"爱心惠残疾人众创空间", "500104"}, ""},    // by three: another carrier
      {{"三都创业孵化中心", "500000"}, "C3"},      // the county lies in the province
      {{"金桥孵化器", "500104"}, ""},              // two carriers share the brand: a tie
      {{"智慧谷众创空间", "500104"}, "C6"},          // the municipality contains the county
      {{"星火众创空间", "500104"}, ""},            // another province
      {{"万州科技创新中心", "500101"}, ""},        // nothing like it
  };
  for (const Case& c : cases) {
    std::vector<PlanLink> links;
    ASSERT_TRUE(LinkPlanMentions({c.mention}, candidates, &links).ok());
    EXPECT_EQ(links.empty() ? "" : links[0].entity_id, c.entity) << c.mention.name_key << " " << c.mention.region_code;
  }
}

// The mentions are indexed and the candidates stream past them, so which
// candidate gives a link its reason rests on their order: among equal
// scores the first offered, and a name-key match before any brand match.
TEST(PlanLinks, TheFirstCandidateAmongEqualsGivesTheReason) {
  const PlanMention in_municipality{"微托帮众创空间", "500000"};
  const PlanCandidate base_104{"C1", "微托帮创业孵化基地", "500104"};
  const PlanCandidate base_105{"C1", "微托帮创业孵化基地", "500105"};
  const PlanCandidate space_105{"C1", "微托帮众创空间", "500105"};
  auto reason = [&](const std::vector<PlanCandidate>& candidates) {
    std::vector<PlanLink> links;
    EXPECT_TRUE(LinkPlanMentions({in_municipality}, candidates, &links).ok());
    return links.size() == 1 ? links[0].reason : "no link";
  };
  EXPECT_EQ(reason({base_104, base_105}), "same brand 微托帮 in 500104");
  EXPECT_EQ(reason({base_105, base_104}), "same brand 微托帮 in 500105");
  EXPECT_EQ(reason({base_104, space_105}), "same name key in 500105");
}

// A mention repeated (the same plan as .txt and .docx) is one query: each
// copy gets the link.
TEST(PlanLinks, ARepeatedMentionIsLinkedEachTime) {
  std::vector<PlanLink> links;
  const PlanMention m{"微托帮众创空间", "500104"};
  ASSERT_TRUE(LinkPlanMentions({m, m}, {{"C1", "微托帮创业孵化基地", "500104"}}, &links).ok());
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].mention, 0u);
  EXPECT_EQ(links[1].mention, 1u);
  EXPECT_EQ(links[1].entity_id, "C1");
  std::unique_ptr<PlanMentionLinker> linker;
  ASSERT_TRUE(PlanMentionLinker::Make(&linker).ok());
  EXPECT_EQ(linker->Add(m), linker->Add(m));
  EXPECT_NE(linker->Add(m), linker->Add({"微托帮众创空间", "500105"}));
  EXPECT_TRUE(linker->WantsCandidates());
}

// Without a place no mention can link, and the records need not stream.
TEST(PlanLinks, MentionsWithoutAPlaceWantNoCandidates) {
  std::unique_ptr<PlanMentionLinker> linker;
  ASSERT_TRUE(PlanMentionLinker::Make(&linker).ok());
  EXPECT_FALSE(linker->WantsCandidates());
  linker->Add({"微托帮众创空间", ""});
  EXPECT_FALSE(linker->WantsCandidates());
  linker->Add({"微托帮众创空间", "500104"});
  EXPECT_TRUE(linker->WantsCandidates());
  EXPECT_TRUE(linker->MayMatch("微托帮众创空间"));
  EXPECT_TRUE(linker->MayMatch("微托帮创业孵化基地"));  // the same brand
  EXPECT_FALSE(linker->MayMatch("星火创业孵化基地"));
}

TEST(PlanLinks, RegionsNest) {
  EXPECT_TRUE(RegionsNest("500104", "500104"));
  EXPECT_TRUE(RegionsNest("500000", "500104"));
  EXPECT_TRUE(RegionsNest("150100", "150102"));
  EXPECT_TRUE(RegionsNest("150102", "150000"));
  EXPECT_FALSE(RegionsNest("500104", "500101"));
  EXPECT_FALSE(RegionsNest("150100", "150200"));
  EXPECT_FALSE(RegionsNest("500000", "150102"));
  EXPECT_FALSE(RegionsNest("", "500104"));
}

}  // namespace
}  // namespace fuhua::testing
