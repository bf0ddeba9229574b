// HeldRelations and HeldPlanLinks give back the rows they were given, as the
// store writes them (scores in thousandths), with shared text held once.
#include "store/held_links.h"

#include <gtest/gtest.h>

#include "store/identity_diff.h"

namespace fuhua {
namespace {

TEST(HeldLinksTest, PlanLinksComeBackAsTheyWereAdded) {
  HeldPlanLinks links;
  PlanLinkRow at{41, 2, 7, 3, "ignored", 0.5, "ignored"};
  links.Add(at, "C000012", 0.9374, "same name key");
  links.Add({42, 0, 1, 0, "", 0, ""}, "C000013", 1.0, "brand 爱心惠残 extends 爱心惠");
  ASSERT_EQ(links.size(), 2u);
  const PlanLinkRow a = links[0];
  EXPECT_EQ(a.notice_id, 41);
  EXPECT_EQ(a.table, 2);
  EXPECT_EQ(a.row, 7);
  EXPECT_EQ(a.mention, 3);
  EXPECT_EQ(a.entity_id, "C000012");
  EXPECT_EQ(ScoreMilli(a.score), ScoreMilli(0.9374));  // what the store keeps
  EXPECT_EQ(a.reason, "same name key");
  EXPECT_EQ(links[1].entity_id, "C000013");
  EXPECT_EQ(links[1].reason, "brand 爱心惠残 extends 爱心惠");
  EXPECT_EQ(links[1].score, 1.0);
}

TEST(HeldLinksTest, RelationsComeBackAsTheyWereAdded) {
  HeldRelations relations;
  relations.Add(10, 11, "evaluated_as", "same operator");
  relations.Add(20, 19, "evaluated_as", "");
  ASSERT_EQ(relations.size(), 2u);
  EXPECT_EQ(relations[0], (RelationRow{10, 11, "evaluated_as", "same operator"}));
  EXPECT_EQ(relations[1], (RelationRow{20, 19, "evaluated_as", ""}));
}

}  // namespace
}  // namespace fuhua
