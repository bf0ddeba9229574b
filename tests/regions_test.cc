// Region resolution (pipeline/regions.h) against the generated gazetteer.
// The first tables list every district value of seeds 000 (Chongqing) and 001
// (Inner Mongolia) with the name, GB/T 2260 code and kind it must resolve to;
// the seed tests then check that the pipeline resolves every record that way.
#include "pipeline/regions.h"

#include <gtest/gtest.h>

#include <map>

#include "tests/test_support.h"

namespace fuhua {
namespace {

const RegionResolver& Resolver() {
  Status st;
  const RegionResolver* r = DefaultRegionResolver(&st);
  if (!r) throw std::runtime_error(st.ToString());
  return *r;
}

int Context(const char* jurisdiction) { return Resolver().Resolve(jurisdiction, -1).place; }

struct RegionCase {
  const char* raw;
  const char* name;
  const char* code;  // nullptr: no code
  RegionKind kind;
  const char* parent_code;
};

constexpr auto D = RegionKind::kDivision;
constexpr auto Z = RegionKind::kFunctionalZone;
constexpr auto U = RegionKind::kUnit;

// Every 区县 value of seed 000, in a notice of 重庆市.
const RegionCase kChongqing[] = {
    {"九龙坡", "九龙坡区", "500107", D, "500000"},
    {"九龙坡区", "九龙坡区", "500107", D, "500000"},
    {"秀山县", "秀山土家族苗族自治县", "500241", D, "500000"},
    {"石柱县", "石柱土家族自治县", "500240", D, "500000"},
    {"高新区", "重庆高新区", nullptr, Z, "500000"},
    {"两江新区", "两江新区", nullptr, Z, "500000"},
    {"万盛经开区", "万盛经开区", nullptr, Z, "500000"},
    {"渝北区", "渝北区", "500112", D, "500000"},
    {"永川区", "永川区", "500118", D, "500000"},
    {"南岸区", "南岸区", "500108", D, "500000"},
    {"大渡口区", "大渡口区", "500104", D, "500000"},
    {"江津区", "江津区", "500116", D, "500000"},
    {"黔江区", "黔江区", "500114", D, "500000"},
    {"北碚区", "北碚区", "500109", D, "500000"},
    {"沙坪坝区", "沙坪坝区", "500106", D, "500000"},
    {"万州区", "万州区", "500101", D, "500000"},
    {"荣昌区", "荣昌区", "500153", D, "500000"},
    {"綦江区", "綦江区", "500110", D, "500000"},
    {"巴南区", "巴南区", "500113", D, "500000"},
    {"大足区", "大足区", "500111", D, "500000"},
    {"渝中区", "渝中区", "500103", D, "500000"},
    {"合川区", "合川区", "500117", D, "500000"},
    {"涪陵区", "涪陵区", "500102", D, "500000"},
    {"璧山区", "璧山区", "500120", D, "500000"},
    {"长寿区", "长寿区", "500115", D, "500000"},
    {"江北区", "江北区", "500105", D, "500000"},
    {"忠县", "忠县", "500233", D, "500000"},
    {"云阳县", "云阳县", "500235", D, "500000"},
    {"潼南区", "潼南区", "500152", D, "500000"},
};

// Every 地区 value of seed 001, in a notice of 内蒙古自治区.
const RegionCase kInnerMongolia[] = {
    {"呼和浩特市", "呼和浩特市", "150100", D, "150000"},
    {"包头市", "包头市", "150200", D, "150000"},
    {"乌海市", "乌海市", "150300", D, "150000"},
    {"赤峰市", "赤峰市", "150400", D, "150000"},
    {"通辽市", "通辽市", "150500", D, "150000"},
    {"鄂尔多斯市", "鄂尔多斯市", "150600", D, "150000"},
    {"呼伦贝尔市", "呼伦贝尔市", "150700", D, "150000"},
    {"巴彦淖尔市", "巴彦淖尔市", "150800", D, "150000"},
    {"乌兰察布市", "乌兰察布市", "150900", D, "150000"},
    {"兴安盟", "兴安盟", "152200", D, "150000"},
    {"锡林郭勒盟", "锡林郭勒盟", "152500", D, "150000"},
    {"阿拉善盟", "阿拉善盟", "152900", D, "150000"},
    {"满洲里", "满洲里市", "150781", D, "150700"},
    {"内蒙古师范大学", "内蒙古师范大学", nullptr, U, nullptr},
    {"内蒙古民族大学", "内蒙古民族大学", nullptr, U, nullptr},
    {"内蒙古农业大学", "内蒙古农业大学", nullptr, U, nullptr},
    {"科研院所", "科研院所", nullptr, U, nullptr},
    {"直属单位", "直属单位", nullptr, U, nullptr},
    {"高校", "高校", nullptr, U, nullptr},
};

void ExpectResolves(const RegionCase& c, const RegionResolution& r) {
  EXPECT_EQ(r.region.raw, c.raw);
  EXPECT_EQ(r.region.name, c.name) << c.raw;
  EXPECT_EQ(r.region.code.value_or("-"), c.code ? c.code : "-") << c.raw;
  EXPECT_EQ(r.region.kind, c.kind) << c.raw;
  EXPECT_EQ(r.region.parent_code.value_or("-"), c.parent_code ? c.parent_code : "-") << c.raw;
  EXPECT_TRUE(r.problem.empty()) << c.raw << ": " << r.problem;
}

TEST(Regions, ChongqingValues) {
  int context = Context("重庆市");
  ASSERT_GE(context, 0);
  for (const RegionCase& c : kChongqing) ExpectResolves(c, Resolver().Resolve(c.raw, context));
}

TEST(Regions, InnerMongoliaValues) {
  int context = Context("内蒙古自治区");
  ASSERT_GE(context, 0);
  for (const RegionCase& c : kInnerMongolia) ExpectResolves(c, Resolver().Resolve(c.raw, context));
}

// The pipeline resolves every record of both seeds as the tables say, with the
// jurisdiction read from the notice itself.
TEST(Regions, SeedRecordsResolve) {
  struct Seed {
    const char* file;
    const RegionCase* cases;
    size_t n;
    const char* jurisdiction_code;
  };
  const Seed seeds[] = {
      {"samples/chongqing_2021_municipal_incubation_base_grades.txt", kChongqing,
       std::size(kChongqing), "500000"},
      {"samples/inner_mongolia_2021_incubator_makerspace_results.txt", kInnerMongolia,
       std::size(kInnerMongolia), "150000"},
  };
  for (const Seed& s : seeds) {
    Notice n;
    ASSERT_TRUE(ExtractFile(testing::SourcePath(s.file), &n).ok());
    ASSERT_TRUE(n.meta.jurisdiction);
    EXPECT_EQ(n.meta.jurisdiction->place.code.value_or("-"), s.jurisdiction_code);
    std::map<std::string, const RegionCase*> by_raw;
    for (size_t i = 0; i < s.n; ++i) by_raw[s.cases[i].raw] = &s.cases[i];
    for (const GradeRecord& rec : n.records) {
      ASSERT_TRUE(rec.region) << rec.name;
      auto it = by_raw.find(rec.region->raw);
      ASSERT_NE(it, by_raw.end()) << "value not in the table: " << rec.region->raw;
      EXPECT_EQ(rec.region->code.value_or("-"), it->second->code ? it->second->code : "-");
      EXPECT_EQ(rec.region->kind, it->second->kind) << rec.region->raw;
    }
    for (const Diagnostic& d : n.diagnostics) EXPECT_NE(d.code, "region_unresolved") << d.message;
  }
}

struct ContextCase {
  const char* rule;
  const char* raw;
  const char* jurisdiction;  // "" for none
  const char* full_name;     // expected; nullptr = must stay unknown
  const char* code;          // nullptr = no code
};

const ContextCase kContextCases[] = {
    {"path_province_county", "重庆市九龙坡区", "", "重庆市九龙坡区", "500107"},
    {"path_three_levels", "内蒙古自治区呼伦贝尔市满洲里市", "", "内蒙古自治区呼伦贝尔市满洲里市", "150781"},
    {"path_short_province", "内蒙古呼和浩特", "", "内蒙古自治区呼和浩特市", "150100"},
    {"province_short_form", "新疆", "", "新疆维吾尔自治区", "650000"},
    {"province_short_form_ethnic", "广西", "", "广西壮族自治区", "450000"},
    {"unique_short_form_anywhere", "满洲里", "", "内蒙古自治区呼伦贝尔市满洲里市", "150781"},
    {"same_name_decided_by_jurisdiction", "朝阳区", "北京市", "北京市朝阳区", "110105"},
    {"same_name_other_jurisdiction", "朝阳区", "吉林省", "吉林省长春市朝阳区", "220104"},
    {"same_name_without_jurisdiction", "朝阳区", "", nullptr, nullptr},
    {"same_short_form_without_jurisdiction", "通州", "", nullptr, nullptr},
    {"same_short_form_by_jurisdiction", "通州", "江苏省", "江苏省南通市通州区", "320612"},
    {"zone_alias_needs_its_scope", "高新区", "内蒙古自治区", nullptr, nullptr},
    {"zone_alias_without_jurisdiction", "高新区", "", nullptr, nullptr},
    {"zone_alias_in_district_notice", "高新区", "重庆市大渡口区", "重庆高新技术产业开发区", nullptr},
    {"statistical_zone_abbreviated", "呼和浩特经开区", "", "呼和浩特经济技术开发区", nullptr},
    {"traditional_characters", "九龍坡區", "重庆市", "重庆市九龙坡区", "500107"},
    {"fullwidth_spaces", "九 龙 坡", "重庆市", "重庆市九龙坡区", "500107"},
    {"not_a_place", "火星区", "重庆市", nullptr, nullptr},
    {"empty", "", "重庆市", nullptr, nullptr},
};

TEST(Regions, ContextAndForms) {
  for (const ContextCase& c : kContextCases) {
    int context = *c.jurisdiction ? Context(c.jurisdiction) : -1;
    RegionResolution r = Resolver().Resolve(c.raw, context);
    if (!c.full_name) {
      EXPECT_EQ(r.region.kind, RegionKind::kUnknown) << c.rule;
      EXPECT_FALSE(r.region.code) << c.rule;
      EXPECT_FALSE(r.problem.empty()) << c.rule;
      continue;
    }
    EXPECT_EQ(r.region.full_name, c.full_name) << c.rule << ": " << r.problem;
    EXPECT_EQ(r.region.code.value_or("-"), c.code ? c.code : "-") << c.rule;
  }
}

// An ambiguous value names its candidates, so a person can settle it.
TEST(Regions, AmbiguityIsExplained) {
  RegionResolution r = Resolver().Resolve("朝阳区", -1);
  EXPECT_NE(r.problem.find("110105"), std::string::npos) << r.problem;
  EXPECT_NE(r.problem.find("220104"), std::string::npos) << r.problem;
}

TEST(Regions, UnresolvedBecomesAWarningAtTheCell) {
  Notice n = testing::ExtractText(
      "重庆市人力资源和社会保障局\n关于公布2021年创业孵化基地评估结果的通知\n"
      "\t序号\n\t区县\n\t基地名称\n\t等级\n\n"
      "\t1\n\t火星区\n\t甲基地\n\t优秀\n\n"
      "\t2\n\t九龙坡\n\t乙基地\n\t合格\n");
  ASSERT_EQ(n.records.size(), 2u);
  EXPECT_EQ(n.records[0].region->kind, RegionKind::kUnknown);
  EXPECT_FALSE(n.records[0].region->code);
  EXPECT_EQ(n.records[1].region->code.value_or("-"), "500107");
  int warnings = 0;
  for (const Diagnostic& d : n.diagnostics)
    if (d.code == "region_unresolved") {
      ++warnings;
      EXPECT_EQ(d.where.col, 1);
      EXPECT_NE(d.message.find("火星区"), std::string::npos);
    }
  EXPECT_EQ(warnings, 1);
}

}  // namespace
}  // namespace fuhua
