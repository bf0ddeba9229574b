// DocxNumbering: numFmt rendering (table-driven over formats and values),
// multi-level lvlText, restart of deeper levels, lvlRestart, isLgl,
// startOverride, nums sharing an abstractNum, bad input.
#include "parsers/docx_numbering.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fuhua {
namespace {

constexpr char kHead[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
constexpr char kTail[] = "</w:numbering>";

std::string Lvl(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" +
         std::to_string(start) + "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text +
         "\"/>" + extra + "</w:lvl>";
}

std::string Abstract(int id, const std::string& levels) {
  return "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">" + levels +
         "</w:abstractNum>";
}

std::string Num(int id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

DocxNumbering LoadOk(const std::string& body) {
  DocxNumbering numbering;
  Status st = numbering.Load(kHead + body + kTail);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return numbering;
}

// The labels of `count` consecutive paragraphs numbered (num_id, ilvl).
std::vector<std::string> Labels(DocxNumbering* n, int num_id, int ilvl, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(n->Next(num_id, ilvl).value_or("<none>"));
  return out;
}

struct FormatCase {
  const char* format;
  int value;
  const char* label;
};

// Each case starts a one-level list at `value` (w:start) and takes one label.
TEST(DocxNumbering, FormatsTable) {
  const FormatCase kCases[] = {
      {"decimal", 1, "1"},
      {"decimal", 100, "100"},
      {"decimalZero", 1, "01"},
      {"decimalZero", 9, "09"},
      {"decimalZero", 10, "10"},
      {"upperRoman", 1, "I"},
      {"upperRoman", 9, "IX"},
      {"upperRoman", 14, "XIV"},
      {"upperRoman", 1994, "MCMXCIV"},
      {"lowerRoman", 4, "iv"},
      {"lowerRoman", 40, "xl"},
      {"upperLetter", 1, "A"},
      {"upperLetter", 26, "Z"},
      {"upperLetter", 27, "AA"},
      {"upperLetter", 28, "BB"},
      {"lowerLetter", 3, "c"},
      {"lowerLetter", 53, "aaa"},
      {"chineseCounting", 1, "一"},
      {"chineseCounting", 9, "九"},
      {"chineseCounting", 10, "十"},
      {"chineseCounting", 11, "十一"},
      {"chineseCounting", 20, "二十"},
      {"chineseCounting", 21, "二十一"},
      {"chineseCounting", 99, "九十九"},
      {"chineseCounting", 100, "一百"},
      {"chineseCounting", 101, "一百零一"},
      {"chineseCounting", 110, "一百一十"},
      {"chineseCountingThousand", 1000, "一千"},
      {"chineseCountingThousand", 1005, "一千零五"},
      {"chineseCountingThousand", 2345, "二千三百四十五"},
      {"chineseCountingThousand", 10010, "一万零一十"},
      {"chineseLegalSimplified", 1, "壹"},
      {"chineseLegalSimplified", 3, "叁"},
      {"chineseLegalSimplified", 10, "壹拾"},
      {"chineseLegalSimplified", 21, "贰拾壹"},
      {"chineseLegalSimplified", 105, "壹佰零伍"},
      {"ideographTraditional", 1, "甲"},
      {"ideographTraditional", 10, "癸"},
      {"ideographTraditional", 11, "甲"},
      {"ideographZodiac", 1, "子"},
      {"ideographZodiac", 3, "寅"},
      {"ideographZodiac", 12, "亥"},
      {"decimalEnclosedCircle", 1, "①"},
      {"decimalEnclosedCircle", 20, "⑳"},
      {"decimalEnclosedCircle", 21, "21"},
      {"decimalEnclosedCircleChinese", 10, "⑩"},
      {"decimalFullWidth", 12, "１２"},
      {"decimalHalfWidth", 7, "7"},
      {"someFutureFormat", 5, "5"},
  };
  for (const FormatCase& c : kCases) {
    DocxNumbering n = LoadOk(Abstract(0, Lvl(0, c.format, "%1", c.value)) + Num(1, 0));
    EXPECT_EQ(n.Next(1, 0).value_or("<none>"), c.label) << c.format << " " << c.value;
  }
}

TEST(DocxNumbering, ChineseCountingSequence) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "chineseCounting", "%1、")) + Num(1, 0));
  std::vector<std::string> labels = Labels(&n, 1, 0, 100);
  EXPECT_EQ(labels[0], "一、");
  EXPECT_EQ(labels[8], "九、");
  EXPECT_EQ(labels[9], "十、");
  EXPECT_EQ(labels[10], "十一、");
  EXPECT_EQ(labels[19], "二十、");
  EXPECT_EQ(labels[20], "二十一、");
  EXPECT_EQ(labels[98], "九十九、");
  EXPECT_EQ(labels[99], "一百、");
}

TEST(DocxNumbering, NoneAndBullet) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "none", "") + Lvl(1, "bullet", "●")) + Num(1, 0));
  EXPECT_EQ(n.Next(1, 0), std::nullopt);
  EXPECT_EQ(n.Next(1, 1), "●");
  EXPECT_EQ(n.Next(1, 1), "●");
}

TEST(DocxNumbering, MultiLevelUsesEachLevelsFormat) {
  DocxNumbering n =
      LoadOk(Abstract(0, Lvl(0, "chineseCounting", "%1、") + Lvl(1, "decimal", "（%1）%2.") +
                             Lvl(2, "lowerLetter", "%1.%2.%3")) +
             Num(1, 0));
  EXPECT_EQ(n.Next(1, 0), "一、");
  EXPECT_EQ(n.Next(1, 1), "（一）1.");
  EXPECT_EQ(n.Next(1, 1), "（一）2.");
  EXPECT_EQ(n.Next(1, 2), "一.2.a");
  EXPECT_EQ(n.Next(1, 2), "一.2.b");
}

TEST(DocxNumbering, DeeperLevelsRestartWhenAShallowerOneAdvances) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1.") + Lvl(1, "decimal", "%1.%2") +
                                           Lvl(2, "decimal", "%1.%2.%3")) +
                           Num(1, 0));
  EXPECT_EQ(Labels(&n, 1, 0, 1), std::vector<std::string>{"1."});
  EXPECT_EQ(Labels(&n, 1, 1, 2), (std::vector<std::string>{"1.1", "1.2"}));
  EXPECT_EQ(Labels(&n, 1, 2, 2), (std::vector<std::string>{"1.2.1", "1.2.2"}));
  EXPECT_EQ(n.Next(1, 1), "1.3");
  EXPECT_EQ(n.Next(1, 2), "1.3.1");  // level 2 restarted by level 1
  EXPECT_EQ(n.Next(1, 0), "2.");
  EXPECT_EQ(n.Next(1, 1), "2.1");  // level 1 restarted by level 0
  EXPECT_EQ(n.Next(1, 2), "2.1.1");
}

TEST(DocxNumbering, LvlRestartZeroNeverRestarts) {
  const std::string never = "<w:lvlRestart w:val=\"0\"/>";
  DocxNumbering n = LoadOk(
      Abstract(0, Lvl(0, "decimal", "%1.") + Lvl(1, "decimal", "%2)", 1, never)) + Num(1, 0));
  n.Next(1, 0);
  EXPECT_EQ(Labels(&n, 1, 1, 2), (std::vector<std::string>{"1)", "2)"}));
  n.Next(1, 0);
  EXPECT_EQ(n.Next(1, 1), "3)");
}

TEST(DocxNumbering, LvlRestartOnlyAfterTheNamedLevel) {
  // Level 2 restarts only after level 1 (1-based = ilvl 0), not after ilvl 1.
  const std::string after_first = "<w:lvlRestart w:val=\"1\"/>";
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1") + Lvl(1, "decimal", "%2") +
                                           Lvl(2, "decimal", "%3", 1, after_first)) +
                           Num(1, 0));
  n.Next(1, 0);
  n.Next(1, 1);
  EXPECT_EQ(n.Next(1, 2), "1");
  n.Next(1, 1);
  EXPECT_EQ(n.Next(1, 2), "2");
  n.Next(1, 0);
  EXPECT_EQ(n.Next(1, 2), "1");
}

TEST(DocxNumbering, IsLglForcesDecimal) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "chineseCounting", "%1、") +
                                           Lvl(1, "lowerRoman", "%1.%2", 1, "<w:isLgl/>")) +
                           Num(1, 0));
  EXPECT_EQ(n.Next(1, 0), "一、");
  EXPECT_EQ(n.Next(1, 1), "1.1");
  EXPECT_EQ(n.Next(1, 1), "1.2");
}

TEST(DocxNumbering, StartValueAndUnusedParentShowsItsStart) {
  DocxNumbering n =
      LoadOk(Abstract(0, Lvl(0, "decimal", "%1.", 3) + Lvl(1, "decimal", "%1.%2", 5)) + Num(1, 0));
  EXPECT_EQ(n.Next(1, 1), "3.5");
  EXPECT_EQ(n.Next(1, 0), "3.");
}

TEST(DocxNumbering, NumsSharingAnAbstractContinueEachOther) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1")) + Num(1, 0) + Num(2, 0));
  EXPECT_EQ(Labels(&n, 1, 0, 3), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(Labels(&n, 2, 0, 2), (std::vector<std::string>{"4", "5"}));
  EXPECT_EQ(n.Next(1, 0), "6");
}

TEST(DocxNumbering, DifferentAbstractsCountSeparately) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1")) +
                           Abstract(1, Lvl(0, "decimal", "%1")) + Num(1, 0) + Num(2, 1));
  n.Next(1, 0);
  n.Next(1, 0);
  EXPECT_EQ(n.Next(2, 0), "1");
}

TEST(DocxNumbering, StartOverrideRestartsTheList) {
  const std::string restart =
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>";
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1")) + Num(1, 0) + Num(2, 0, restart));
  EXPECT_EQ(Labels(&n, 1, 0, 3), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(Labels(&n, 2, 0, 3), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(n.Next(1, 0), "4");  // the shared sequence is untouched
}

TEST(DocxNumbering, StartOverrideValue) {
  const std::string start_at_7 =
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride>";
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1.")) + Num(4, 0, start_at_7));
  EXPECT_EQ(Labels(&n, 4, 0, 2), (std::vector<std::string>{"7.", "8."}));
}

TEST(DocxNumbering, FullLevelOverride) {
  const std::string override_lvl =
      "<w:lvlOverride w:ilvl=\"0\">" + Lvl(0, "upperLetter", "(%1)", 2) + "</w:lvlOverride>";
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1")) + Num(1, 0, override_lvl));
  EXPECT_EQ(Labels(&n, 1, 0, 2), (std::vector<std::string>{"(B)", "(C)"}));
}

TEST(DocxNumbering, UnknownOrZeroNumIdAndBadLevels) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "decimal", "%1")) + Num(1, 0) + Num(2, 99));
  EXPECT_EQ(n.Next(0, 0), std::nullopt);
  EXPECT_EQ(n.Next(7, 0), std::nullopt);
  EXPECT_EQ(n.Next(2, 0), std::nullopt);  // abstractNum 99 does not exist
  EXPECT_EQ(n.Next(1, 1), std::nullopt);  // level 1 is not defined
  EXPECT_EQ(n.Next(1, -1), std::nullopt);
  EXPECT_EQ(n.Next(1, 9), std::nullopt);
  EXPECT_EQ(n.Next(1, 0), "1");
}

TEST(DocxNumbering, GarbageAttributesDoNotCrash) {
  DocxNumbering n = LoadOk(
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"x\"/><w:lvl w:ilvl=\"0\">"
      "<w:start w:val=\"abc\"/><w:numFmt/><w:lvlText w:val=\"%1%9%\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>"
      "<w:lvlOverride w:ilvl=\"42\"/></w:num>");
  EXPECT_EQ(n.Next(1, 0), "1%");
  EXPECT_EQ(n.Next(1, 0), "2%");
}

TEST(DocxNumbering, HugeValuesFallBackToDecimal) {
  DocxNumbering n = LoadOk(Abstract(0, Lvl(0, "upperLetter", "%1", 2147483646)) + Num(1, 0));
  EXPECT_EQ(n.Next(1, 0), "2147483646");
  EXPECT_EQ(n.Next(1, 0), "2147483647");
  EXPECT_EQ(n.Next(1, 0), "2147483647");  // saturates, no overflow
}

TEST(DocxNumbering, EmptyPartIsNoNumbering) {
  DocxNumbering n;
  EXPECT_TRUE(n.Load("").ok());
  EXPECT_EQ(n.Next(1, 0), std::nullopt);
}

TEST(DocxNumbering, MalformedXmlNamesPartAndOffset) {
  DocxNumbering n;
  Status st = n.Load(std::string(kHead) + "<w:abstractNum w:abstractNumId=\"0\">");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("word/numbering.xml: "), std::string::npos) << st.message();
  EXPECT_NE(st.message().find(" at byte "), std::string::npos) << st.message();
  EXPECT_EQ(n.Next(1, 0), std::nullopt);
}

TEST(DocxNumbering, OtherNamespacePrefixAndReload) {
  DocxNumbering n;
  ASSERT_TRUE(n.Load("<x:numbering xmlns:x=\"urn:w\"><x:abstractNum x:abstractNumId=\"3\">"
                     "<x:lvl x:ilvl=\"0\"><x:start x:val=\"2\"/><x:numFmt x:val=\"decimal\"/>"
                     "<x:lvlText x:val=\"%1.\"/></x:lvl></x:abstractNum>"
                     "<x:num x:numId=\"5\"><x:abstractNumId x:val=\"3\"/></x:num></x:numbering>")
                  .ok());
  EXPECT_EQ(n.Next(5, 0), "2.");
  ASSERT_TRUE(n.Load("").ok());  // reloading forgets the previous part
  EXPECT_EQ(n.Next(5, 0), std::nullopt);
}

}  // namespace
}  // namespace fuhua
