// Tests for ReadDocx: one in-memory .docx per Word quirk (text elements,
// wrappers, fields, tracked changes, AlternateContent, text boxes, table grids,
// joins, headers / footers, automatic numbering) and every error case.
#include "parsers/docx_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "parsers/docx_zip.h"
#include "tests/docx_builder.h"

namespace fuhua {
namespace {

using testing::MakeDocx;
using testing::P;
using testing::R;
using testing::Row;
using testing::Tbl;
using testing::Tc;
using testing::Tr;

Document Read(const std::string& body, const testing::Parts& extra = {},
              const DocxOptions& options = {}) {
  Document doc;
  Status st = ReadDocx(MakeDocx(body, extra), options, &doc);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(doc.format, "docx");
  return doc;
}

std::vector<const Paragraph*> Paragraphs(const Document& doc) {
  std::vector<const Paragraph*> out;
  for (const Block& b : doc.blocks)
    if (const auto* p = std::get_if<Paragraph>(&b)) out.push_back(p);
  return out;
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Paragraph* p : Paragraphs(doc)) out.push_back(p->text);
  return out;
}

std::vector<const Table*> Tables(const Document& doc) {
  std::vector<const Table*> out;
  for (const Block& b : doc.blocks)
    if (const auto* t = std::get_if<Table>(&b)) out.push_back(t);
  return out;
}

std::string CellText(const Table& t, int r, int c) {
  const Cell* cell = t.CellAt(r, c);
  return cell ? cell->text : "<hole>";
}

// ---- text ----------------------------------------------------------------

TEST(DocxReaderTest, SplitRunsJoinAndTabIsKeptInRaw) {
  Document doc = Read(P(R("赤峰") + "<w:r><w:rPr><w:b/></w:rPr><w:t>市众</w:t></w:r>" + R("人")) +
                      P(R("Item") + "<w:r><w:tab/></w:r>" + R("two")));
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0]->text, "赤峰市众人");
  EXPECT_EQ(ps[0]->where.part, "word/document.xml");
  EXPECT_EQ(ps[0]->where.line, 2);
  EXPECT_EQ(ps[0]->origin, "body");
  EXPECT_EQ(ps[1]->raw, "Item\ttwo");
  EXPECT_EQ(ps[1]->text, "Item two");
}

TEST(DocxReaderTest, SpacesInsideTextElementsSurvive) {
  Document doc = Read(P(R("Tech") + R(" ") + R("Park")));
  EXPECT_EQ(Texts(doc), std::vector<std::string>{"Tech Park"});
}

TEST(DocxReaderTest, SymbolsAndHyphens) {
  Document doc = Read(P(R("a") + "<w:r><w:sym w:font=\"Symbol\" w:char=\"F0B4\"/></w:r>" + R("b") +
                        "<w:r><w:noBreakHyphen/></w:r>" + R("c") + "<w:r><w:softHyphen/></w:r>" +
                        R("d") + "<w:r><w:sym w:char=\"2605\"/><w:sym w:char=\"zz\"/></w:r>"));
  EXPECT_EQ(Texts(doc), std::vector<std::string>{"a\u00B4b-cd\u2605"});
}

TEST(DocxReaderTest, BreakInCellKeepsTwoLines) {
  Document doc =
      Read(Tbl(1, Tr("<w:tc><w:p>" + R("12") + "<w:r><w:br/></w:r>" + R("34") + "</w:p></w:tc>")));
  auto ts = Tables(doc);
  ASSERT_EQ(ts.size(), 1u);
  const Cell* c = ts[0]->CellAt(0, 0);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->raw, "12\n34");
  EXPECT_EQ(c->text, "12 34");
}

TEST(DocxReaderTest, BodyBreakAndCarriageReturn) {
  Document doc = Read(P(R("一") + "<w:r><w:cr/></w:r>" + R("二")));
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0]->raw, "一\n二");
  EXPECT_EQ(ps[0]->text, "一二");
}

TEST(DocxReaderTest, InlineWrappers) {
  Document doc = Read(P("<w:hyperlink r:id=\"rId9\">" + R("链接") + "</w:hyperlink>" +
                        "<w:smartTag w:element=\"place\">" + R("标签") + "</w:smartTag>" +
                        "<w:customXml w:element=\"x\">" + R("定制") + "</w:customXml>" +
                        "<w:sdt><w:sdtPr><w:alias w:val=\"hidden\"/></w:sdtPr><w:sdtContent>" +
                        R("控件") + "</w:sdtContent></w:sdt>"));
  EXPECT_EQ(Texts(doc), std::vector<std::string>{"链接标签定制控件"});
}

// Wrappers nested deeper than the walks keep on their own stack (8 levels)
// spill to the heap and still read in order, inline and around blocks.
TEST(DocxReaderTest, DeeplyNestedWrappers) {
  std::string open, close, block_open, block_close;
  for (int i = 0; i < 20; ++i) {
    open += "<w:smartTag w:element=\"x\">";
    close += "</w:smartTag>";
    block_open += "<w:customXml w:element=\"y\">";
    block_close += "</w:customXml>";
  }
  Document doc = Read(block_open + P(R("前") + open + R("中") + close + R("后")) + block_close +
                      P(R("末")));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"前中后", "末"}));
}

TEST(DocxReaderTest, SdtAroundParagraphRowAndCell) {
  std::string row_in_sdt = "<w:sdt><w:sdtContent>" + Row({"a", "b"}) + "</w:sdtContent></w:sdt>";
  std::string cell_in_sdt =
      "<w:tr>" + Tc("c") + "<w:sdt><w:sdtContent>" + Tc("d") + "</w:sdtContent></w:sdt></w:tr>";
  Document doc =
      Read("<w:sdt><w:sdtContent>" + P(R("段落")) + "</w:sdtContent></w:sdt>" +
           "<w:sdt><w:sdtContent>" + Tbl(2, row_in_sdt + cell_in_sdt) + "</w:sdtContent></w:sdt>");
  EXPECT_EQ(Texts(doc), std::vector<std::string>{"段落"});
  auto ts = Tables(doc);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0]->rows(), 2);
  EXPECT_EQ(ts[0]->cols(), 2);
  EXPECT_EQ(CellText(*ts[0], 1, 1), "d");
}

TEST(DocxReaderTest, SimpleAndComplexFieldsShowOnlyTheResult) {
  std::string complex_field =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      R("5") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  std::string nested =  // IF field whose instruction holds a nested MERGEFIELD
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>MERGEFIELD "
      "x</w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      R("inner") +
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
      R("outer") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  Document doc = Read(P("<w:fldSimple w:instr=\" DATE \">" + R("2024年") + "</w:fldSimple>") +
                      P(R("第") + complex_field + R("页")) + P(nested));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"2024年", "第5页", "outer"}));
}

// Regression guard: a field left open in its instruction part (damaged
// file) must not hide the rest of the document.
TEST(DocxReaderTest, UnclosedFieldInstructionDoesNotSwallowTheDocument) {
  Document doc = Read(P(R("前") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
                        "<w:r><w:instrText>HYPERLINK</w:instrText></w:r>") +
                      P(R("后续正文")));
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"前", "后续正文"}));
}

TEST(DocxReaderTest, TrackedChanges) {
  std::string body = P(R("保留") + "<w:ins w:id=\"1\">" + R("插入") + "</w:ins>" +
                       "<w:del w:id=\"2\"><w:r><w:delText>删除</w:delText></w:r></w:del>" +
                       "<w:moveFrom w:id=\"3\">" + R("移出") + "</w:moveFrom>" +
                       "<w:moveTo w:id=\"4\">" + R("移入") + "</w:moveTo>");
  EXPECT_EQ(Texts(Read(body)), std::vector<std::string>{"保留插入移入"});
  DocxOptions other;
  other.include_deletions = true;
  EXPECT_EQ(Texts(Read(body, {}, other)), std::vector<std::string>{"保留插入删除移出移入"});
}

TEST(DocxReaderTest, DeletedTableRowIsDropped) {
  Document doc = Read(Tbl(1, Row({"a"}) + Row({"gone"}, "<w:del w:id=\"1\"/>") + Row({"b"})));
  auto ts = Tables(doc);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0]->rows(), 2);
  EXPECT_EQ(CellText(*ts[0], 1, 0), "b");
}

TEST(DocxReaderTest, AlternateContentReadsOneBranch) {
  auto alt = [](const std::string& requires_prefix) {
    return "<w:r><mc:AlternateContent><mc:Choice Requires=\"" + requires_prefix +
           "\"><w:t>选择</w:t></mc:Choice><mc:Fallback><w:t>后备</w:t></mc:Fallback>"
           "</mc:AlternateContent></w:r>";
  };
  EXPECT_EQ(Texts(Read(P(alt("w14")))), std::vector<std::string>{"选择"});
  EXPECT_EQ(Texts(Read(P(alt("w14 foo")))), std::vector<std::string>{"后备"});
}

TEST(DocxReaderTest, TextBoxIsItsOwnBlockOnce) {
  std::string box = "<w:txbxContent>" + P(R("框内文字")) + "</w:txbxContent>";
  std::string anchor =
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>" + box +
      "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
      "<v:textbox>" +
      box +
      "</v:textbox></v:shape></w:pict></mc:Fallback>"
      "</mc:AlternateContent></w:r>";
  Document doc = Read(P(R("锚点") + anchor) + P(R("之后")));
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0]->text, "锚点");
  EXPECT_EQ(ps[1]->text, "框内文字");
  EXPECT_EQ(ps[1]->origin, "textbox");
  EXPECT_EQ(ps[2]->text, "之后");
  EXPECT_EQ(ps[2]->origin, "body");
}

// ---- tables ----------------------------------------------------------------

TEST(DocxReaderTest, GridSpan) {
  Document doc =
      Read(Tbl(3, Row({"a", "b", "c"}) + Tr(Tc("wide", "<w:gridSpan w:val=\"2\"/>") + Tc("z"))));
  const Table& t = *Tables(doc).at(0);
  EXPECT_EQ(t.rows(), 2);
  EXPECT_EQ(t.cols(), 3);
  EXPECT_EQ(t.CellAt(1, 1), t.CellAt(1, 0));
  EXPECT_EQ(t.CellAt(1, 0)->col_span, 2);
  EXPECT_FALSE(t.CellAt(1, 0)->span_inferred);
  EXPECT_EQ(CellText(t, 1, 2), "z");
  EXPECT_EQ(t.cells().size(), 5u);
}

TEST(DocxReaderTest, VerticalMergeOverThreeRows) {
  const std::string restart = "<w:vMerge w:val=\"restart\"/>";
  const std::string cont = "<w:vMerge/>";
  Document doc =
      Read(Tbl(2, Tr(Tc("合并", restart) + Tc("1")) + Tr(Tc("", cont) + Tc("2")) +
                      Tr(Tc("", "<w:vMerge w:val=\"continue\"/>") + Tc("3")) + Row({"x", "4"})));
  const Table& t = *Tables(doc).at(0);
  EXPECT_EQ(t.rows(), 4);
  const Cell* merged = t.CellAt(2, 0);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->text, "合并");
  EXPECT_EQ(merged->row, 0);
  EXPECT_EQ(merged->row_span, 3);
  EXPECT_EQ(t.CellAt(0, 0), merged);
  EXPECT_EQ(CellText(t, 3, 0), "x");
  EXPECT_EQ(CellText(t, 2, 1), "3");
  int seen = 0;
  for (const Cell& c : t.cells()) seen += c.text == "合并";
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(t.cells().size(), 6u);
}

TEST(DocxReaderTest, GridBeforeAndAfterLeaveHoles) {
  Document doc =
      Read(Tbl(3, Row({"a", "b", "c"}) +
                      Tr(Tc("mid"), "<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/>") +
                      Tr(Tc("l") + Tc("m"), "<w:gridAfter w:val=\"1\"/>")));
  const Table& t = *Tables(doc).at(0);
  EXPECT_EQ(t.cols(), 3);
  EXPECT_EQ(t.CellAt(1, 0), nullptr);
  EXPECT_EQ(CellText(t, 1, 1), "mid");
  EXPECT_EQ(t.CellAt(1, 2), nullptr);
  EXPECT_EQ(CellText(t, 2, 1), "m");
  EXPECT_EQ(t.CellAt(2, 2), nullptr);
}

TEST(DocxReaderTest, LegacyHorizontalMerge) {
  Document doc = Read(
      Tbl(3, Tr(Tc("标题", "<w:hMerge w:val=\"restart\"/>") + Tc("", "<w:hMerge/>") + Tc("c")) +
                 Row({"1", "2", "3"})));
  const Table& t = *Tables(doc).at(0);
  EXPECT_EQ(t.CellAt(0, 0)->col_span, 2);
  EXPECT_EQ(t.CellAt(0, 1), t.CellAt(0, 0));
  EXPECT_EQ(CellText(t, 0, 2), "c");
  EXPECT_EQ(t.cells().size(), 5u);
}

TEST(DocxReaderTest, NestedTableStaysOutOfCellText) {
  std::string inner = Tbl(2, Row({"内1", "内2"}));
  Document doc = Read(Tbl(2, Tr("<w:tc>" + P(R("外")) + inner + P("") + "</w:tc>" + Tc("b"))));
  const Table& t = *Tables(doc).at(0);
  const Cell* c = t.CellAt(0, 0);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->text, "外");
  ASSERT_EQ(c->nested.size(), 1u);
  EXPECT_EQ(c->nested[0].cols(), 2);
  EXPECT_EQ(CellText(c->nested[0], 0, 1), "内2");
  EXPECT_EQ(Tables(doc).size(), 1u);
}

TEST(DocxReaderTest, DeclaredHeaderRows) {
  Document doc = Read(Tbl(2, Row({"序号", "名称"}, "<w:tblHeader/>") +
                                 Row({"", "子"}, "<w:tblHeader w:val=\"true\"/>") +
                                 Row({"1", "甲"}) + Row({"2", "乙"}, "<w:tblHeader/>")));
  EXPECT_EQ(Tables(doc).at(0)->declared_header_rows, 2);
}

TEST(DocxReaderTest, TableSplitInTwoWithRepeatedHeaderIsJoined) {
  Document doc = Read(Tbl(2, Row({"序号", "名称"}) + Row({"1", "甲"})) + P("") + P(R(" ")) +
                      Tbl(2, Row({"序号", "名称"}) + Row({"2", "乙"}) + Row({"3", "丙"})) +
                      P(R("说明")) + Tbl(2, Row({"序号", "名称"}) + Row({"9", "独立"})));
  auto ts = Tables(doc);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0]->rows(), 4);
  EXPECT_EQ(CellText(*ts[0], 3, 1), "丙");
  EXPECT_EQ(ts[1]->rows(), 2);
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<Paragraph>(doc.blocks[1]));
}

TEST(DocxReaderTest, DifferentHeaderOrWidthIsNotJoined) {
  Document doc = Read(Tbl(2, Row({"序号", "名称"}) + Row({"1", "甲"})) +
                      Tbl(2, Row({"编号", "名称"}) + Row({"2", "乙"})) +
                      Tbl(3, Row({"编号", "名称", "x"}) + Row({"2", "乙", "y"})));
  EXPECT_EQ(Tables(doc).size(), 3u);
}

TEST(DocxReaderTest, HeaderRepeatedInsideTableIsDropped) {
  Document doc = Read(
      Tbl(2, Row({"序号", "名称"}) + Row({"1", "甲"}) + Row({"序号", "名称"}) + Row({"2", "乙"})));
  const Table& t = *Tables(doc).at(0);
  EXPECT_EQ(t.rows(), 3);
  EXPECT_EQ(CellText(t, 2, 0), "2");
}

TEST(DocxReaderTest, NumberingColumnIsGenerated) {
  const std::string numbering =
      R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
  const std::string num_p =
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>";
  std::string rows = Row({"序号", "名称"});
  for (const char* name : {"甲", "乙", "丙"})
    rows += "<w:tr><w:tc>" + num_p + "</w:tc>" + Tc(name) + "</w:tr>";
  Document doc = Read(Tbl(2, rows), {{"word/numbering.xml", numbering}});
  const Table& t = *Tables(doc).at(0);
  for (int r = 1; r <= 3; ++r) {
    const Cell* c = t.CellAt(r, 0);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->text, std::to_string(r));
    EXPECT_TRUE(c->generated);
    EXPECT_FALSE(t.CellAt(r, 1)->generated);
  }
  EXPECT_FALSE(t.CellAt(0, 0)->generated);
}

TEST(DocxReaderTest, NumberedBodyParagraphGetsItsLabel) {
  const std::string numbering =
      R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
  const std::string styles =
      std::string("<w:styles") + testing::kNamespaces +
      R"(><w:style w:type="paragraph" w:styleId="List"><w:pPr><w:numPr><w:numId w:val="4"/>)"
      R"(</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Sub">)"
      R"(<w:basedOn w:val="List"/></w:style></w:styles>)";
  Document doc =
      Read("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"4\"/></w:numPr></w:pPr>" +
               R("Intro") + "</w:p><w:p><w:pPr><w:pStyle w:val=\"Sub\"/></w:pPr>" + R("Scope") +
               "</w:p>",
           {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}});
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"1. Intro", "2. Scope"}));
}

// ---- headers and footers ----------------------------------------------------

TEST(DocxReaderTest, HeaderAndFooterBlocksComeFirst) {
  auto story = [](const char* tag, const std::string& text) {
    return std::string("<w:") + tag + testing::kNamespaces + ">" + P(R(text)) + "</w:" + tag + ">";
  };
  const std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="/word/footer1.xml"/>)"
      R"(</Relationships>)";
  Document doc = Read(P(R("正文")), {{"word/_rels/document.xml.rels", rels},
                                     {"word/header1.xml", story("hdr", "赤市科发〔2024〕5号")},
                                     {"word/footer1.xml", story("ftr", "第1页")}});
  auto ps = Paragraphs(doc);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0]->origin, "header");
  EXPECT_EQ(ps[0]->text, "赤市科发〔2024〕5号");
  EXPECT_EQ(ps[0]->where.part, "word/header1.xml");
  EXPECT_EQ(ps[1]->origin, "footer");
  EXPECT_EQ(ps[2]->origin, "body");
}

TEST(DocxReaderTest, HeadersFoundWithoutRelationships) {
  std::string hdr = std::string("<w:hdr") + testing::kNamespaces + ">" + P(R("页眉")) + "</w:hdr>";
  Document doc = Read(P(R("正文")), {{"word/header2.xml", hdr}});
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"页眉", "正文"}));
}

// ---- errors ------------------------------------------------------------------

Status ReadBytes(const std::string& bytes, const DocxOptions& options = {}) {
  Document doc;
  return ReadDocx(bytes, options, &doc);
}

void ExpectError(const Status& st, const std::string& needle) {
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(needle), std::string::npos) << st.ToString();
}

// A part read into a longer buffer (the one the thread's last part left)
// fills its first bytes and leaves the buffer as long as it was; Read gives
// the part exactly; a missing part leaves the buffer empty.
TEST(DocxZipTest, ReadIntoALongerBufferKeepsItsLength) {
  const std::string longer(5000, 'a'), shorter = "<w:p>短</w:p>";
  docx::ZipPackage zip;
  ASSERT_TRUE(zip.Open(testing::Zip({{"long.xml", longer}, {"short.xml", shorter}}), {}).ok());
  std::string buffer(8000, 'x');
  size_t size = 0;
  ASSERT_TRUE(zip.ReadInto("short.xml", &buffer, &size).ok());
  EXPECT_EQ(size, shorter.size());
  EXPECT_EQ(buffer.size(), 8000u);
  EXPECT_EQ(buffer.substr(0, size), shorter);
  std::string small(3, 'x');
  ASSERT_TRUE(zip.ReadInto("long.xml", &small, &size).ok());
  EXPECT_EQ(small.substr(0, size), longer);
  std::string exact(8000, 'x');
  ASSERT_TRUE(zip.Read("short.xml", &exact).ok());
  EXPECT_EQ(exact, shorter);
  EXPECT_EQ(zip.ReadInto("none.xml", &buffer, &size).code(), Status::Code::kNotFound);
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(size, 0u);
}

// Documents read one after another on a thread reuse the buffer of the part
// before: a shorter document after a longer one reads as itself, and its
// error offsets count from its own first byte.
TEST(DocxReaderTest, AShorterDocumentAfterALongerOneReadsAsItself) {
  DocxOptions options;
  Document longer, shorter;
  ASSERT_TRUE(ReadDocx(MakeDocx(P(R(std::string(20000, 'x')))), options, &longer).ok());
  ASSERT_TRUE(ReadDocx(MakeDocx(P(R("短文"))), options, &shorter).ok());
  ASSERT_EQ(shorter.blocks.size(), 1u);
  EXPECT_EQ(std::get<Paragraph>(shorter.blocks[0]).text, "短文");
  ASSERT_TRUE(ReadDocx(MakeDocx(P(R(std::string(20000, 'x')))), options, &longer).ok());
  const std::string bad = "<w:document><w:body><w:p>\xFF</w:p></w:body></w:document>";
  Status st = ReadBytes(testing::Zip(testing::BaseParts(bad)));
  const size_t at = bad.find('\xFF');
  ExpectError(st, "word/document.xml: invalid UTF-8 at byte " + std::to_string(at));
}

TEST(DocxReaderErrorTest, NotAZip) { ExpectError(ReadBytes("hello, world"), "not a zip"); }

TEST(DocxReaderErrorTest, TruncatedZip) {
  std::string bytes = MakeDocx(P(R("正文内容")));
  ExpectError(ReadBytes(bytes.substr(0, bytes.size() / 2)), "truncated");
}

TEST(DocxReaderErrorTest, NoDocumentPart) {
  ExpectError(ReadBytes(testing::Zip({{"[Content_Types].xml", "<Types/>"}})),
              "word/document.xml: missing");
}

TEST(DocxReaderErrorTest, MalformedXml) {
  testing::Parts parts = testing::BaseParts("<w:document><w:body><w:p></w:body></w:document>");
  Status st = ReadBytes(testing::Zip(parts));
  ExpectError(st, "word/document.xml: malformed XML at byte ");
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
}

TEST(DocxReaderErrorTest, MalformedHeaderNamesItsPart) {
  ExpectError(ReadBytes(MakeDocx(P(R("x")), {{"word/header1.xml", "<w:hdr><oops></w:hdr>"}})),
              "word/header1.xml: malformed XML");
}

TEST(DocxReaderErrorTest, ZipBomb) {
  std::string zeros(10u << 20, ' ');
  ExpectError(ReadBytes(MakeDocx(P(R("x")) + zeros)), "word/document.xml: compression ratio");
}

// A header that understates the uncompressed size must not get past the cap.
TEST(DocxReaderErrorTest, LyingSizeHeaderIsCaughtWhileInflating) {
  std::string bytes = MakeDocx(P(R("x")) + std::string(10u << 20, ' '));
  auto patch_size = [&](const std::string& magic, size_t size_offset) {
    for (size_t pos = bytes.find(magic); pos != std::string::npos; pos = bytes.find(magic, pos + 4))
      for (int i = 0; i < 4; ++i) bytes[pos + size_offset + i] = i == 1 ? '\x10' : '\0';
  };
  patch_size(std::string("PK\x03\x04", 4), 22);  // local header: uncompressed size
  patch_size(std::string("PK\x01\x02", 4), 24);  // central directory: uncompressed size
  ExpectError(ReadBytes(bytes), "word/document.xml: inflates past");
}

// Bytes that inflate but do not match the CRC-32 their headers declare are
// not taken as the part: a damaged entry is reported, never read as text.
TEST(DocxReaderErrorTest, WrongChecksumIsAnError) {
  const std::string good = MakeDocx(P(R("正文内容")) + std::string(1000, ' '));
  Document doc;
  ASSERT_TRUE(ReadDocx(good, DocxOptions{}, &doc).ok());
  std::string bytes = good;
  const std::string name = "word/document.xml";
  auto flip_crc = [&](const std::string& magic, size_t crc_offset, size_t name_offset) {
    for (size_t pos = bytes.find(magic); pos != std::string::npos; pos = bytes.find(magic, pos + 4))
      if (bytes.compare(pos + name_offset, name.size(), name) == 0) bytes[pos + crc_offset] ^= 0x5A;
  };
  flip_crc(std::string("PK\x03\x04", 4), 14, 30);  // local header
  flip_crc(std::string("PK\x01\x02", 4), 16, 46);  // central directory
  ASSERT_NE(bytes, good);
  ExpectError(ReadBytes(bytes), "word/document.xml");
}

TEST(DocxReaderErrorTest, PartAndTotalBudgets) {
  std::string bytes = MakeDocx(P(R("正文")));
  DocxOptions small_part;
  small_part.max_part_bytes = 100;
  ExpectError(ReadBytes(bytes, small_part), "word/document.xml: part declares");
  DocxOptions small_total;
  small_total.max_total_bytes = 100;
  ExpectError(ReadBytes(bytes, small_total), "budget");
}

TEST(DocxReaderErrorTest, TooManyCells) {
  DocxOptions options;
  options.max_cells_per_table = 3;
  ExpectError(ReadBytes(MakeDocx(Tbl(2, Row({"a", "b"}) + Row({"c", "d"}))), options),
              "grid cells");
}

TEST(DocxReaderErrorTest, NestingDeeperThanBudget) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "<w:smartTag>";
  deep += R("x");
  for (int i = 0; i < 300; ++i) deep += "</w:smartTag>";
  ExpectError(ReadBytes(MakeDocx(P(deep))), "nested deeper than 256");
}

TEST(DocxReaderErrorTest, EncryptedOleIsPasswordProtected) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.append(500, '\0');
  for (char c : std::string("EncryptedPackage")) ole += {c, '\0'};
  ole.append(100, '\0');
  EXPECT_TRUE(LooksLikeEncryptedOoxml(ole));
  Status st = ReadBytes(ole);
  ExpectError(st, "password-protected");
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  std::string legacy("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  legacy.append(600, '\0');
  EXPECT_FALSE(LooksLikeEncryptedOoxml(legacy));
  ExpectError(ReadBytes(legacy), "legacy OLE");
  EXPECT_FALSE(LooksLikeEncryptedOoxml(MakeDocx(P(R("x")))));
}

// Damaged packages of every kind become a Status, never a crash or a hang.
TEST(DocxReaderErrorTest, CorruptedBytesNeverCrash) {
  const std::string good =
      MakeDocx(P(R("正文")) + Tbl(2, Row({"a", "b"}) + Tr(Tc("c", "<w:vMerge/>") + Tc("d"))));
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = good;
    int flips = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    if (round % 5 == 0) bytes.resize(rng() % bytes.size());
    Document doc;
    (void)ReadDocx(bytes, DocxOptions{}, &doc);
  }
  SUCCEED();
}

}  // namespace
}  // namespace fuhua
