// Carrier and organisation linking (pipeline/linker.h) and the cross-year
// comparison (pipeline/compare.h) on the real seeds and on the SYNTHETIC later
// years of seed 000 (tests/synthetic/, invented test data).
#include "pipeline/linker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "pipeline/compare.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

struct Linked {
  std::vector<Notice> notices;
  TextPool text;  // what the inputs view
  std::vector<LinkInput> inputs;
  std::vector<const GradeRecord*> records;
  std::vector<int> years;
  LinkResult result;

  int Find(const std::string& name) const {
    for (size_t i = 0; i < records.size(); ++i)
      if (records[i]->name == name) return static_cast<int>(i);
    return -1;
  }
  int FindOperator(const std::string& op) const {
    for (size_t i = 0; i < records.size(); ++i)
      if (records[i]->operator_name == op) return static_cast<int>(i);
    return -1;
  }
  int Carrier(const std::string& name) const {
    int i = Find(name);
    if (i < 0) throw std::runtime_error("no record " + name);
    return result.carrier_cluster[static_cast<size_t>(i)];
  }
};

Linked Link(const std::vector<std::string>& files, const std::vector<LinkDecision>& decisions = {}) {
  Linked l;
  l.notices.resize(files.size());
  for (size_t f = 0; f < files.size(); ++f) {
    Status st = ExtractFile(testing::SourcePath(files[f]), &l.notices[f]);
    if (!st.ok()) throw std::runtime_error(st.ToString());
  }
  for (size_t f = 0; f < files.size(); ++f)
    for (const GradeRecord& r : l.notices[f].records) {
      l.inputs.push_back(MakeLinkInput(l.notices[f].sha256, r, static_cast<int64_t>(f), &l.text));
      l.records.push_back(&r);
      l.years.push_back(l.notices[f].meta.year.value_or(0));
    }
  Status st = LinkRecords(l.inputs, decisions, &l.result);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return l;
}

const char kChongqing2021[] = "samples/chongqing_2021_municipal_incubation_base_grades.txt";
const char kInnerMongolia[] = "samples/inner_mongolia_2021_incubator_makerspace_results.txt";
const char kSynthetic2022[] = "tests/synthetic/chongqing_2022_SYNTHETIC_grades.txt";
const char kSynthetic2023[] = "tests/synthetic/chongqing_2023_SYNTHETIC_grades.txt";

TEST(Linker, SeedOrganisations) {
  Linked l = Link({kChongqing2021, kInnerMongolia});
  auto org = [&](const std::string& op) {
    int i = l.FindOperator(op);
    EXPECT_GE(i, 0) << op;
    return i < 0 ? -2 : l.result.org_cluster[static_cast<size_t>(i)];
  };
  auto name_org = [&](const std::string& name) {
    int i = l.Find(name);
    EXPECT_GE(i, 0) << name;
    return i < 0 ? -3 : l.result.name_org_cluster[static_cast<size_t>(i)];
  };
  // Misspelt (旗/期, 源/缘): one organisation.
  EXPECT_EQ(org("苏尼特左旗丝梦源孵化器商务有限责任公司"), org("苏尼特左期丝梦缘孵化器商务有限责任公司"));
  // A carrier named 呼伦贝尔森龙源科技企业孵化器有限责任公司 run by …有限公司: one organisation.
  EXPECT_EQ(name_org("呼伦贝尔森龙源科技企业孵化器有限责任公司"), org("呼伦贝尔森龙源科技企业孵化器有限公司"));
  EXPECT_GE(org("呼伦贝尔森龙源科技企业孵化器有限公司"), 0);
  // One operator, two carriers.
  int a = l.Find("聚火空间"), b = l.Find("内蒙古海勃湾工业园科技创新创业基地");
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  EXPECT_EQ(l.result.org_cluster[static_cast<size_t>(a)], l.result.org_cluster[static_cast<size_t>(b)]);
  EXPECT_NE(l.Carrier("聚火空间"), l.Carrier("内蒙古海勃湾工业园科技创新创业基地"));
}

TEST(Linker, SeedCarriersStayApart) {
  Linked l = Link({kChongqing2021, kInnerMongolia});
  const std::vector<std::vector<std::string>> apart = {
      {"软通动力乐业综合体", "鄂尔多斯软通动力创新产业园"},
      {"万达孵化器A座", "万达企业孵化器B座", "赤峰市万达创业孵化基地"},
      {"乌兰察布爱创空间", "爱创众创空间", "特力弓爱创空间"},
  };
  for (const auto& group : apart)
    for (size_t x = 0; x < group.size(); ++x)
      for (size_t y = x + 1; y < group.size(); ++y)
        EXPECT_NE(l.Carrier(group[x]), l.Carrier(group[y])) << group[x] << " / " << group[y];
  // Two notices of different provinces and one year: every record is its own carrier.
  std::set<int> clusters(l.result.carrier_cluster.begin(), l.result.carrier_cluster.end());
  EXPECT_EQ(clusters.size(), l.records.size());
}

TEST(Linker, BorrowedResultsPointAtTheIncubator) {
  Linked l = Link({kInnerMongolia});
  std::map<std::string, std::string> relation;
  for (const fuhua::Link& r : l.result.relations)
    relation[l.records[static_cast<size_t>(r.a)]->name] = l.records[static_cast<size_t>(r.b)]->name;
  EXPECT_EQ(relation["浙江大学包头工业技术研究院众创空间"], "浙江大学包头工业技术研究院");
  EXPECT_EQ(relation["金珠拉民族文化众创空间"], "苏尼特左旗丝梦源孵化器商务有限责任公司");
  // Deferred to 2022: no incubator record of 2021 to point at.
  EXPECT_EQ(relation.count("汇·空间"), 0u);
}

TEST(Linker, SyntheticYearsLinkRenamedBases) {
  Linked l = Link({kChongqing2021, kSynthetic2022, kSynthetic2023});
  const std::vector<std::vector<std::string>> same = {
      {"D+M浪尖智造工场", "D + M浪尖智造工场"},
      {"京东云（重庆）创业孵化基地", "京东云【重庆】创业孵化基地"},
      {"重庆大地创业孵化基地", "重庆市大地创业孵化基地"},
      {"重庆渝创科技孵化器有限责任公司", "重庆渝创科技孵化器有限公司"},
  };
  for (const auto& names : same) EXPECT_EQ(l.Carrier(names[0]), l.Carrier(names[1])) << names[0];
  // 57 + 57 + 56 records; 58 carriers in all (57 of 2021 and the new one of 2022).
  std::set<int> clusters(l.result.carrier_cluster.begin(), l.result.carrier_cluster.end());
  EXPECT_EQ(clusters.size(), 58u);
}

TEST(Linker, DecisionsOverrideScores) {
  Linked auto_linked = Link({kChongqing2021, kSynthetic2022});
  int a = auto_linked.Find("重庆大地创业孵化基地"), b = auto_linked.Find("重庆市大地创业孵化基地");
  ASSERT_NE(auto_linked.result.carrier_cluster[static_cast<size_t>(a)],
            -1);
  // Rejected by a person: kept apart although the names agree.
  Linked rejected = Link({kChongqing2021, kSynthetic2022},
                         {{std::string(auto_linked.inputs[static_cast<size_t>(a)].natural_key),
                           std::string(auto_linked.inputs[static_cast<size_t>(b)].natural_key), false}});
  EXPECT_NE(rejected.Carrier("重庆大地创业孵化基地"), rejected.Carrier("重庆市大地创业孵化基地"));
  // Accepted by a person: joined although the names differ.
  int x = auto_linked.Find("芸山创业孵化基地"), y = auto_linked.Find("重庆渝创科技孵化器有限责任公司");
  Linked accepted = Link({kChongqing2021, kSynthetic2022},
                         {{std::string(auto_linked.inputs[static_cast<size_t>(x)].natural_key),
                           std::string(auto_linked.inputs[static_cast<size_t>(y)].natural_key), true}});
  EXPECT_EQ(accepted.Carrier("芸山创业孵化基地"), accepted.Carrier("重庆渝创科技孵化器有限责任公司"));
}

TEST(Linker, EntityIdsAreStable) {
  Linked l = Link({kChongqing2021, kSynthetic2022});
  std::vector<MemberKey> keys;
  for (const LinkInput& in : l.inputs) keys.push_back({in.natural_key, "carrier"});
  std::vector<std::string_view> none(keys.size());
  std::vector<std::string> first = AssignEntityIds(l.result.carrier_cluster, keys, none, "C");
  // Same records again, previous ids known: the same ids.
  std::vector<std::string_view> previous;  // viewing `first`
  for (int c : l.result.carrier_cluster) previous.push_back(first[static_cast<size_t>(c)]);
  EXPECT_EQ(AssignEntityIds(l.result.carrier_cluster, keys, previous, "C"), first);
  // From scratch again: still the same (ids derive from the members).
  EXPECT_EQ(AssignEntityIds(l.result.carrier_cluster, keys, none, "C"), first);
}

// `copies` copies of the records, each copy a notice of its own (as bulk
// imports of many years give), linked together.
LinkResult LinkCopies(const Linked& l, int copies) {
  std::vector<LinkInput> in;
  for (int k = 0; k < copies; ++k)
    for (LinkInput x : l.inputs) {
      x.notice += 1000 * k;
      in.push_back(std::move(x));
    }
  LinkResult r;
  Status st = LinkRecords(in, {}, &r);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return r;
}

// Records that agree on every linking field are scored once as a profile:
// copies link into the entities one copy forms, one record per copy each, and
// the work does not grow with the square of the copies.
TEST(Linker, CopiesOfNoticesLinkLikeOneCopy) {
  Linked l = Link({kChongqing2021, kSynthetic2022});
  std::set<int> one(l.result.carrier_cluster.begin(), l.result.carrier_cluster.end());
  const int copies = 20;  // twenty years of the same notice
  LinkResult r = LinkCopies(l, copies);
  ASSERT_EQ(r.carrier_cluster.size(), l.inputs.size() * copies);
  for (size_t i = 0; i < r.carrier_cluster.size(); ++i)
    ASSERT_EQ(r.carrier_cluster[i], l.result.carrier_cluster[i % l.inputs.size()]) << i;
  std::map<int, int> sizes;
  for (int c : r.carrier_cluster) ++sizes[c];
  for (int c : one) {
    int per_copy = static_cast<int>(std::count(l.result.carrier_cluster.begin(), l.result.carrier_cluster.end(), c));
    EXPECT_EQ(sizes[c], per_copy * copies) << c;
  }
  // The renamed bases of 2022 still join their 2021 records.
  EXPECT_EQ(r.carrier_cluster[static_cast<size_t>(l.Find("D+M浪尖智造工场"))],
            r.carrier_cluster[static_cast<size_t>(l.Find("D + M浪尖智造工场"))]);
  EXPECT_EQ(r.org_cluster, [&] {
    std::vector<int> want;
    for (int k = 0; k < copies; ++k) want.insert(want.end(), l.result.org_cluster.begin(), l.result.org_cluster.end());
    return want;
  }());
  EXPECT_LT(r.pairs_scored, 2 * l.result.pairs_scored + 2 * l.inputs.size());
}

// Inputs that stand for copies (LinkInputs::Weight).
class WeightedInputs : public LinkInputs {
 public:
  WeightedInputs(const std::vector<LinkInput>& in, const std::vector<uint32_t>& weight)
      : in_(in), weight_(weight) {}
  size_t size() const override { return in_.size(); }
  LinkInput operator[](size_t i) const override { return in_[i]; }
  uint32_t Weight(size_t i) const override { return weight_[i]; }

 private:
  const std::vector<LinkInput>& in_;
  const std::vector<uint32_t>& weight_;
};

// The best link (score, reason) each input has, as a relink keeps it: the
// first of the highest score among the links it is in.
std::vector<std::pair<double, std::string>> BestLinks(const LinkResult& r, size_t n,
                                                      const std::vector<fuhua::Link>& links) {
  std::vector<std::pair<double, std::string>> best(n, {-1.0, ""});
  for (const fuhua::Link& l : links)
    for (int i : {l.a, l.b})
      if (l.score > best[static_cast<size_t>(i)].first)
        best[static_cast<size_t>(i)] = {l.score, std::string(r.Reason(l))};
  return best;
}

// A notice's records standing for its copies link exactly as the copies
// themselves: the same clusters (copies in their original's), best links,
// review pairs, relations, joins and pairs scored. The notices: the seeds,
// two synthetic years, and one that lists a name twice; some copied once,
// some several times, some not at all.
TEST(Linker, WeightedInputsLinkAsTheirCopies) {
  Linked l = Link({kChongqing2021, kInnerMongolia, kSynthetic2022, kSynthetic2023});
  LinkInput twice;  // one name twice in notice 10, as IdenticalRecordsOfOneNoticeStayApart
  twice.name_key = "梦工场创业孵化基地", twice.carrier_type = "创业孵化基地", twice.region_code = "500101";
  twice.notice = 10;
  std::vector<LinkInput> originals = l.inputs;
  originals.push_back(twice), originals.push_back(twice);
  const std::map<int64_t, uint32_t> copies = {{0, 3}, {1, 1}, {3, 2}, {10, 4}};  // by notice
  // Each notice's records, then its copies, the k-th after k more notices
  // (as ingests interleave them); a copy never comes before its original.
  std::vector<std::pair<double, std::pair<int64_t, uint32_t>>> order;  // place, (notice, copy k)
  std::vector<int64_t> notices;
  for (const LinkInput& in : originals)
    if (notices.empty() || notices.back() != in.notice) notices.push_back(in.notice);
  for (size_t f = 0; f < notices.size(); ++f) {
    order.push_back({static_cast<double>(f), {notices[f], 0}});
    auto c = copies.find(notices[f]);
    for (uint32_t k = 1; c != copies.end() && k <= c->second; ++k)
      order.push_back({static_cast<double>(f) + 1.5 * k, {notices[f], k}});
  }
  std::stable_sort(order.begin(), order.end());
  std::vector<LinkInput> expanded;
  std::vector<size_t> original_of;  // per expanded input
  std::vector<bool> is_copy;
  std::vector<uint32_t> weight(originals.size(), 1);
  for (const auto& [place, block] : order)
    for (size_t i = 0; i < originals.size(); ++i) {
      if (originals[i].notice != block.first) continue;
      LinkInput c = originals[i];
      if (block.second > 0) c.notice = 1000 * block.second + c.notice, ++weight[i];
      expanded.push_back(c), original_of.push_back(i), is_copy.push_back(block.second > 0);
    }
  LinkResult full, folded;
  ASSERT_TRUE(LinkRecords(expanded, {}, &full).ok());
  ASSERT_TRUE(LinkRecords(WeightedInputs(originals, weight), {}, &folded).ok());
  const size_t n = originals.size();
  auto full_best = BestLinks(full, expanded.size(), full.carrier_links);
  auto folded_best = BestLinks(folded, n, folded.carrier_links);
  auto full_org = BestLinks(full, expanded.size(), full.org_links);
  auto folded_org = BestLinks(folded, n, folded.org_links);
  for (size_t i = 0; i < expanded.size(); ++i) {
    const size_t o = original_of[i];
    ASSERT_EQ(full.carrier_cluster[i], folded.carrier_cluster[o]) << i;
    ASSERT_EQ(full.org_cluster[i], folded.org_cluster[o]) << i;
    ASSERT_EQ(full.name_org_cluster[i], folded.name_org_cluster[o]) << i;
    ASSERT_EQ(full_best[i], folded_best[o]) << i;
    ASSERT_EQ(full_org[i], folded_org[o]) << i;
  }
  EXPECT_NE(folded.carrier_cluster[n - 1], folded.carrier_cluster[n - 2]);  // still two carriers
  // Pairs by original input; a copy's relations are its original's again.
  auto pairs = [](const LinkResult& r, const std::vector<fuhua::Link>& links, auto original) {
    std::vector<std::tuple<size_t, size_t, double, std::string>> out;
    for (const fuhua::Link& p : links)
      if (auto a = original(p.a), b = original(p.b); a && b) out.emplace_back(*a, *b, p.score, r.Reason(p));
    std::sort(out.begin(), out.end());
    return out;
  };
  auto from_full = [&](int i) {
    const auto k = static_cast<size_t>(i);
    return is_copy[k] ? std::nullopt : std::optional<size_t>(original_of[k]);
  };
  auto from_folded = [](int i) { return std::optional<size_t>(static_cast<size_t>(i)); };
  EXPECT_EQ(pairs(full, full.review, from_full), pairs(folded, folded.review, from_folded));
  EXPECT_EQ(pairs(full, full.relations, from_full), pairs(folded, folded.relations, from_folded));
  EXPECT_FALSE(folded.relations.empty());
  EXPECT_EQ(full.carrier_joins, full.carrier_links.size());
  EXPECT_EQ(folded.carrier_joins, full.carrier_links.size());
  EXPECT_EQ(folded.pairs_scored, full.pairs_scored);
}

// A pair of names in the review band is listed once per pair of entities,
// however many records each entity holds.
TEST(Linker, ReviewListsEachPairOfEntitiesOnce) {
  Linked l = Link({kChongqing2021});
  ASSERT_FALSE(l.result.review.empty());
  LinkResult r = LinkCopies(l, 3);
  EXPECT_EQ(r.review.size(), l.result.review.size());
  std::set<std::pair<int, int>> entity_pairs;
  for (const fuhua::Link& p : r.review)
    entity_pairs.insert(std::minmax(r.carrier_cluster[static_cast<size_t>(p.a)],
                                    r.carrier_cluster[static_cast<size_t>(p.b)]));
  EXPECT_EQ(entity_pairs.size(), r.review.size());
}

// One name twice in one notice is two carriers: the second record starts a
// cluster of its own, and a record of another notice joins the first.
TEST(Linker, IdenticalRecordsOfOneNoticeStayApart) {
  LinkInput a;
  a.name_key = "梦工场创业孵化基地";
  a.carrier_type = "创业孵化基地";
  a.region_code = "500101";
  std::vector<LinkInput> in(3, a);
  in[0].notice = 1, in[1].notice = 1, in[2].notice = 2;
  in[0].natural_key = "n1|a", in[1].natural_key = "n1|b", in[2].natural_key = "n2|a";
  LinkResult r;
  ASSERT_TRUE(LinkRecords(in, {}, &r).ok());
  EXPECT_NE(r.carrier_cluster[0], r.carrier_cluster[1]);
  EXPECT_EQ(r.carrier_cluster[0], r.carrier_cluster[2]);
  ASSERT_EQ(r.carrier_links.size(), 1u);
  EXPECT_EQ(r.carrier_links[0].score, 1.0);
}

std::vector<YearGrade> YearGrades(const Linked& l) {
  std::vector<YearGrade> rows;
  for (size_t i = 0; i < l.records.size(); ++i)
    rows.push_back({std::to_string(l.result.carrier_cluster[i]), l.years[i], l.records[i]->name,
                    l.records[i]->grade.value_or(""), GradeStatusName(l.records[i]->status), ""});
  return rows;
}

TEST(Compare, SyntheticTransitions) {
  Linked l = Link({kChongqing2021, kSynthetic2022, kSynthetic2023});
  const std::vector<std::string> order = {"优秀", "良好", "合格", "不合格"};
  Comparison c = CompareYears(YearGrades(l), order, 2021, 2022);
  std::map<std::string, const EntityComparison*> by_name;
  for (const EntityComparison& e : c.entities) by_name[e.from ? e.from->name : e.to->name] = &e;
  auto transition = [&](const std::string& name) {
    return by_name.count(name) ? by_name[name]->transition : "(missing)";
  };
  EXPECT_EQ(transition("重庆微企梦工场"), "upgraded");
  EXPECT_EQ(transition("京东云（重庆）创业孵化基地"), "downgraded");
  EXPECT_EQ(transition("吉之汇农贸电商创业孵化基地"), "revoked");
  EXPECT_EQ(transition("芸山创业孵化基地"), "dropped");
  EXPECT_EQ(transition("重庆渝创科技孵化器有限责任公司"), "new");
  EXPECT_EQ(transition("D+M浪尖智造工场"), "unchanged");
  EXPECT_TRUE(by_name["D+M浪尖智造工场"]->renamed);
  EXPECT_TRUE(by_name["重庆大地创业孵化基地"]->renamed);
  EXPECT_TRUE(by_name["京东云（重庆）创业孵化基地"]->renamed);
  EXPECT_FALSE(by_name["重庆微企梦工场"]->renamed);
  EXPECT_EQ(c.counts["upgraded"], 1);
  EXPECT_EQ(c.counts["downgraded"], 1);
  EXPECT_EQ(c.counts["revoked"], 1);
  EXPECT_EQ(c.counts["dropped"], 1);
  EXPECT_EQ(c.counts["new"], 1);
  EXPECT_EQ(c.counts["unchanged"], 53);
  EXPECT_EQ(c.renamed, 3);
  EXPECT_EQ(c.matrix["合格"]["良好"], 1);
  EXPECT_EQ(c.matrix["优秀"]["良好"], 1);
  EXPECT_EQ(c.matrix["不合格"]["revoked"], 1);
  EXPECT_EQ(c.matrix["-"]["合格"], 1);
  EXPECT_EQ(c.matrix["不合格"]["-"], 1);

  Comparison next = CompareYears(YearGrades(l), order, 2022, 2023);
  for (const EntityComparison& e : next.entities)
    if (e.to && e.to->name == "重庆渝创科技孵化器有限公司") {
      EXPECT_EQ(e.transition, "upgraded");
      EXPECT_TRUE(e.renamed);
    }
  EXPECT_EQ(next.counts["dropped"], 1);  // the base revoked in 2022
  EXPECT_EQ(next.counts["upgraded"], 1);
  EXPECT_EQ(next.renamed, 1);
}

}  // namespace
}  // namespace fuhua
