// Name keys (pipeline/org_names.h), table-driven: one row per rule of
// schemas/org_names.json, then the seed pairs that must meet in one key and
// the pairs that must not.
#include "pipeline/org_names.h"

#include <gtest/gtest.h>

namespace fuhua {
namespace {

const OrgNamer& Namer() {
  Status st;
  const OrgNamer* n = DefaultOrgNamer(&st);
  if (!n) throw std::runtime_error(st.ToString());
  return *n;
}

struct NameCase {
  const char* rule;
  const char* name;
  const char* key;
  const char* place;      // nullptr: none
  const char* qualifier;  // nullptr: none
  const char* legal_form;  // nullptr: none
};

const NameCase kCases[] = {
    {"limited_liability_folds", "苏尼特左旗丝梦源孵化器商务有限责任公司", "丝梦源孵化器商务有限公司",
     "苏尼特左旗", nullptr, "limited"},
    {"limited", "呼伦贝尔森龙源科技企业孵化器有限公司", "呼伦贝尔森龙源科技企业孵化器有限公司", nullptr,
     nullptr, "limited"},
    {"joint_stock_stays_distinct", "内蒙古云猫科技股份有限公司", "云猫科技股份有限公司", "内蒙古", nullptr,
     "joint_stock"},
    {"partnership", "重庆某某创业投资合伙企业（有限合伙）", "某某创业投资合伙企业", "重庆", nullptr,
     "partnership"},
    {"leading_municipality", "重庆市精密智能制造孵化园", "精密智能制造孵化园", "重庆市", nullptr, nullptr},
    {"leading_province_short_form", "内蒙古儒尚科技发展有限公司", "儒尚科技发展有限公司", "内蒙古", nullptr,
     "limited"},
    {"leading_place_then_child", "重庆市万州三都创业孵化中心", "三都创业孵化中心", "重庆市万州", nullptr,
     nullptr},
    {"leading_place_then_child_full", "重庆市大足区聚足创业孵化基地", "聚足创业孵化基地", "重庆市大足区",
     nullptr, nullptr},
    {"leading_prefecture_full_name", "包头市鹿客电商众创空间", "鹿客电商众创空间", "包头市", nullptr, nullptr},
    {"leading_prefecture_short_form_kept", "赤峰昭乌达羊绒制品有限责任公司", "赤峰昭乌达羊绒制品有限公司",
     nullptr, nullptr, "limited"},
    {"bracketed_place", "京东云（重庆）创业孵化基地", "京东云创业孵化基地", "重庆", nullptr, nullptr},
    {"bracketed_place_before_suffix", "北斗芯（内蒙古）科技有限公司", "北斗芯科技有限公司", "内蒙古", nullptr,
     "limited"},
    {"qualifier_former", "微托帮众创空间（原）", "微托帮众创空间", nullptr, "原", nullptr},
    {"qualifier_descriptive", "微企梦工场（软件产业孵化园）", "微企梦工场", nullptr, "软件产业孵化园", nullptr},
    {"qualifier_other_brackets", "微托帮众创空间【原】", "微托帮众创空间", nullptr, "原", nullptr},
    {"group_parenthetical_kept", "内蒙古闽融翔实业（集团）有限公司", "闽融翔实业(集团)有限公司", "内蒙古",
     nullptr, "limited"},
    {"institution_keeps_its_place", "浙江大学包头工业技术研究院众创空间", "浙江大学包头工业技术研究院众创空间",
     nullptr, nullptr, nullptr},
    {"common_word_county_kept", "城区创业孵化基地", "城区创业孵化基地", nullptr, nullptr, nullptr},
    {"place_alone_is_the_key", "重庆市", "重庆市", nullptr, nullptr, nullptr},
    {"traditional_and_spaces", "重慶市 精密智能製造孵化園", "精密智能制造孵化园", "重庆市", nullptr, nullptr},
    {"latin_folded", "青创PARK", "青创park", nullptr, nullptr, nullptr},
};

TEST(OrgNames, EachRule) {
  for (const NameCase& c : kCases) {
    NameKey k = Namer().Key(c.name);
    EXPECT_EQ(k.key, c.key) << c.rule;
    EXPECT_EQ(k.place.value_or("-"), c.place ? c.place : "-") << c.rule;
    EXPECT_EQ(k.qualifier.value_or("-"), c.qualifier ? c.qualifier : "-") << c.rule;
    EXPECT_EQ(k.legal_form.value_or("-"), c.legal_form ? c.legal_form : "-") << c.rule;
  }
}

// Same organisation or carrier written differently (seed 001, and the
// variants the brief lists): one key.
TEST(OrgNames, VariantsMeet) {
  const std::pair<const char*, const char*> same[] = {
      {"呼伦贝尔森龙源科技企业孵化器有限责任公司", "呼伦贝尔森龙源科技企业孵化器有限公司"},
      {"重庆市精密智能制造孵化园", "重庆精密智能制造孵化园"},
      {"微企梦工场（软件产业孵化园）", "微企梦工场"},
      {"京东云（重庆）创业孵化基地", "京东云 (重庆) 创业孵化基地"},
  };
  for (const auto& [a, b] : same) EXPECT_EQ(Namer().Key(a).key, Namer().Key(b).key) << a << " / " << b;
}

// Different carriers whose names share words stay apart (seed 001).
TEST(OrgNames, DifferentCarriersStayApart) {
  const std::pair<const char*, const char*> apart[] = {
      {"万达孵化器A座", "万达企业孵化器B座"},
      {"乌兰察布爱创空间", "爱创众创空间"},
      {"内蒙古云猫科技股份有限公司", "内蒙古云猫科技有限公司"},
  };
  for (const auto& [a, b] : apart) EXPECT_NE(Namer().Key(a).key, Namer().Key(b).key) << a << " / " << b;
}

// Keys are a function of the name alone: the same in every run and thread.
TEST(OrgNames, Stable) {
  for (const NameCase& c : kCases) EXPECT_EQ(Namer().Key(c.name).key, Namer().Key(c.name).key);
}

}  // namespace
}  // namespace fuhua
