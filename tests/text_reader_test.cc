// The text-dump reader: rows, continuation lines, short rows, terminators,
// and the cell-text rules (CJK joining, layout whitespace).
#include "parsers/text_reader.h"

#include <gtest/gtest.h>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

Document Read(const std::string& text, std::vector<std::string> terminators = {"抄送"}) {
  Document doc;
  TextReaderOptions o;
  o.table_terminators = std::move(terminators);
  EXPECT_TRUE(ReadTextDump(text, o, &doc).ok());
  return doc;
}

TEST(TextReader, ParagraphsAndOneTable) {
  Document doc = Read("标题\n\n附件1\n\t序号\n\t评价\n结果\n\n\t1\n\t优秀\n\n后记\n");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[0]).text, "标题");
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[1]).where.line, 3);
  const Table& t = std::get<Table>(doc.blocks[2]);
  ASSERT_EQ(t.rows(), 2);
  ASSERT_EQ(t.cols(), 2);
  EXPECT_EQ(t.CellAt(0, 1)->text, "评价结果");  // continuation line joined, no space
  EXPECT_EQ(t.CellAt(0, 1)->raw, "评价\n结果");
  EXPECT_EQ(t.CellAt(1, 0)->where.line, 8);
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[3]).text, "后记");
}

TEST(TextReader, ShortRowSpansLeadingColumns) {
  Document doc = Read("\tA\n\tB\n\tC\n\tD\n\n\t合计\n\t7.5\n\t600\n");
  const Table& t = std::get<Table>(doc.blocks[0]);
  const Cell* label = t.CellAt(1, 0);
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->text, "合计");
  EXPECT_EQ(label->col_span, 2);
  EXPECT_TRUE(label->span_inferred);
  EXPECT_EQ(t.CellAt(1, 1), label);  // covered, not duplicated
  EXPECT_EQ(t.OriginAt(1, 2)->text, "7.5");
  EXPECT_EQ(t.OriginAt(1, 3)->text, "600");
  EXPECT_EQ(t.cells().size(), 7u);
}

TEST(TextReader, TerminatorEndsTableWithoutBlankLine) {
  Document doc = Read("\t合计面积\n\t33.8\n 抄送：区委办公室，\n区检察院。\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(std::get<Table>(doc.blocks[0]).CellAt(0, 1)->text, "33.8");
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[1]).text, "抄送：区委办公室，");
}

TEST(TextReader, BudgetIsEnforced) {
  Document doc;
  TextReaderOptions o;
  o.max_cells_per_table = 3;
  Status st = ReadTextDump("\ta\n\tb\n\tc\n\td\n", o, &doc);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("line 4"), std::string::npos);
}

TEST(TextReader, CrLfLines) {
  Document doc = Read("标题\r\n\t1\r\n\t优秀\r\n");
  EXPECT_EQ(std::get<Paragraph>(doc.blocks[0]).text, "标题");
  EXPECT_EQ(std::get<Table>(doc.blocks[1]).CellAt(0, 1)->text, "优秀");
}

struct CleanCase {
  std::vector<std::string> lines;
  std::string want;
};

TEST(CellText, JoinAndWhitespaceRules) {
  const CleanCase cases[] = {
      {{"赤峰市众人合创网络      科技有限公司"}, "赤峰市众人合创网络科技有限公司"},
      {{"浙江大学包头工业技术", "研究院"}, "浙江大学包头工业技术研究院"},
      {{"和林格尔云计算大数据创客中心  "}, "和林格尔云计算大数据创客中心"},
      {{"天安T+SPACE众创空间"}, "天安T+SPACE众创空间"},
      {{"Smart   Park", "Phase II"}, "Smart Park Phase II"},
      {{"12", "34"}, "12 34"},  // digits on two lines never fuse
      {{"区科技局", "区人力社保局"}, "区科技局区人力社保局"},
      {{"  ", ""}, ""},
      {{"重庆\u3000市"}, "重庆市"},  // ideographic space is layout too
      {{"E 万州众创空间"}, "E万州众创空间"},
  };
  for (const CleanCase& c : cases) EXPECT_EQ(JoinCellLines(c.lines), c.want) << c.want;
}

TEST(CellText, InvalidUtf8IsFound) {
  EXPECT_EQ(FindInvalidUtf8("abc"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("优秀"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("a\xe4\xbc"), 1u);     // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);      // overlong
  EXPECT_EQ(FindInvalidUtf8("\xed\xa0\x80"), 0u);  // surrogate
}

}  // namespace
}  // namespace fuhua

namespace fuhua {
namespace {

// Seed 004's last row: "合计面积 | 33.8" under a 4-column table; the value
// belongs under 面积 (the first numeric column), not in the last column.
TEST(TextReader, ShortTotalRowAlignsWithFirstNumericColumn) {
  TextReaderOptions o;
  o.total_row_labels = {"合计"};
  Document doc;
  ASSERT_TRUE(ReadTextDump("\t序号\n\t名称\n\t面积\n\t时限\n\n\t1\n\t甲\n\t0.3\n\t2022年\n\n"
                           "\t2\n\t乙\n\t0.8\n\t2023年\n\n\t合计面积\n\t1.1\n",
                           o, &doc)
                  .ok());
  const Table& t = std::get<Table>(doc.blocks[0]);
  EXPECT_EQ(t.CellAt(3, 0)->col_span, 2);
  EXPECT_EQ(t.OriginAt(3, 2)->text, "1.1");
  const Cell* filler = t.OriginAt(3, 3);
  ASSERT_NE(filler, nullptr);
  EXPECT_EQ(filler->text, "");
  EXPECT_TRUE(filler->span_inferred);
}

}  // namespace
}  // namespace fuhua
