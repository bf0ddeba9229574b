// Tests of the notice-metadata stage (pipeline/metadata.h): table-driven unit
// cases on documents built from paragraphs (dates in both numeral styles,
// document-number brackets, run-together issuers, titles over several lines,
// years and periods, jurisdictions, hostile input) and the five seed notices
// in samples/, read with a minimal text-dump reader local to this test.
#include "pipeline/metadata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/notice.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

// A line of a test document that stands for a table block.
const char kTable[] = "<table>";

// Builds a document with one paragraph per entry (kTable inserts a table).
Document MakeDoc(const std::vector<std::string>& lines) {
  Document doc;
  doc.format = "text";
  int line = 0;
  for (const std::string& l : lines) {
    ++line;
    if (l == kTable) {
      Table t;
      t.Finish();
      doc.blocks.emplace_back(std::move(t));
      continue;
    }
    Paragraph p;
    p.raw = l;
    p.text = CleanText(l);
    p.where.line = line;
    doc.blocks.emplace_back(std::move(p));
  }
  return doc;
}

NoticeMetadata Extract(const Document& doc, const std::vector<std::string>& captions = {},
                       std::vector<Diagnostic>* diags = nullptr) {
  NoticeMetadata meta;
  std::vector<Diagnostic> local;
  ExtractMetadata(doc, captions, &meta, diags ? diags : &local);
  return meta;
}

bool HasCode(const std::vector<Diagnostic>& diags, const std::string& code) {
  return std::any_of(diags.begin(), diags.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

// Reads a seed text dump: each non-empty line without a leading TAB is a
// paragraph; each run of TAB lines (table cells) becomes one placeholder table.
Document ReadTextDump(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  Document doc;
  doc.source = path;
  std::string line;
  bool in_table = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == '\t') {
      if (!in_table) doc.blocks.emplace_back(Table());
      in_table = true;
      continue;
    }
    Paragraph p;
    p.text = CleanText(line);
    if (p.text.empty()) continue;
    in_table = false;
    p.raw = line;
    p.where.line = n;
    doc.blocks.emplace_back(std::move(p));
  }
  return doc;
}

// ---------------------------------------------------------------------------
// Publication date.

struct DateCase {
  std::string line;
  std::optional<std::string> published;
};

TEST(MetadataDateTest, ArabicAndChineseNumeralsAndInvalidDates) {
  const std::vector<DateCase> cases = {
      {"2021年11月24日", "2021-11-24"},
      {"2021年11月24日    ", "2021-11-24"},
      {"  2023年8月28日", "2023-08-28"},
      {"２０２２年１０月２８日", "2022-10-28"},
      {"2022 年 10 月 28 日", "2022-10-28"},
      {"二〇二一年十一月二十四日", "2021-11-24"},
      {"二〇二三年八月二十八日", "2023-08-28"},
      {"二零二二年十月二十八日", "2022-10-28"},
      {"二○二二年十二月三十一日", "2022-12-31"},
      {"二〇二〇年二月二十九日", "2020-02-29"},
      {"2024年2月29日", "2024-02-29"},
      {"2023年2月29日", std::nullopt},
      {"2021年13月1日", std::nullopt},
      {"2021年0月5日", std::nullopt},
      {"2021年4月31日", std::nullopt},
      {"2021年11月0日", std::nullopt},
      {"1800年1月1日", std::nullopt},
      {"二〇二一年十三月一日", std::nullopt},
      {"二〇二一年二月三十日", std::nullopt},
      {"二〇二一年十十月一日", std::nullopt},
      {"重庆市万州区人民政府办公室   2023年8月29日印发", std::nullopt},
      {"2023年8月29日印发", std::nullopt},
      {"于2021年11月24日前报送。", std::nullopt},
      {"2021年11月", std::nullopt},
  };
  for (const DateCase& c : cases) {
    SCOPED_TRACE(c.line);
    NoticeMetadata m =
        Extract(MakeDoc({"关于开展绩效评估的通知", "正文。", "重庆市财政局", c.line}));
    EXPECT_EQ(m.published, c.published);
  }
}

TEST(MetadataDateTest, ImpossibleDateWarnsAndLaterDateIsTaken) {
  std::vector<Diagnostic> diags;
  NoticeMetadata m =
      Extract(MakeDoc({"关于开展绩效评估的通知", "2021年2月30日", "重庆市财政局", "2021年3月1日"}),
              {}, &diags);
  EXPECT_EQ(m.published, "2021-03-01");
  ASSERT_TRUE(HasCode(diags, "date_invalid"));
  auto it = std::find_if(diags.begin(), diags.end(),
                         [](const Diagnostic& d) { return d.code == "date_invalid"; });
  EXPECT_EQ(it->severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(it->where.line, 2);
}

TEST(MetadataDateTest, DatesInAnnexesAreNotPublicationDates) {
  for (const char* heading : {"附件", "附件1", " 附件 2 ", "附件三：", "附件１"}) {
    SCOPED_TRACE(heading);
    NoticeMetadata m = Extract(
        MakeDoc({"关于开展绩效评估的通知", "正文。", "重庆市财政局", heading, "2021年11月24日"}));
    EXPECT_FALSE(m.published.has_value());
  }
  // The annex list of the body is not an annex heading.
  NoticeMetadata m = Extract(
      MakeDoc({"关于开展绩效评估的通知", "附件：1.评估结果", "重庆市财政局", "2021年11月24日"}));
  EXPECT_EQ(m.published, "2021-11-24");
}

// ---------------------------------------------------------------------------
// Document number.

struct NumberCase {
  std::string line;
  std::optional<std::string> doc_number;
};

TEST(MetadataDocNumberTest, BracketStylesAndCitedNumbers) {
  const std::vector<NumberCase> cases = {
      {"渝人社〔2021〕415号", "渝人社〔2021〕415号"},
      {"渝人社[2021]415号", "渝人社[2021]415号"},
      {"渝人社［2021］415号", "渝人社［2021］415号"},
      {"渝人社【2021】415号", "渝人社【2021】415号"},
      {"渝人社（2021）415号", "渝人社（2021）415号"},
      {"渝人社(2021)415号", "渝人社(2021)415号"},
      {"渝人社〈2021〉415号", "渝人社〈2021〉415号"},
      {"大渡口府办发〔2022〕98号", "大渡口府办发〔2022〕98号"},
      {"  渝人社 〔2021〕 415 号  ", "渝人社〔2021〕415号"},
      {"渝人社〔２０２１〕４１５号", "渝人社〔２０２１〕４１５号"},
      {"（渝人社发〔2017〕181号）", std::nullopt},
      {"根据《办法》（渝人社发〔2017〕181号）要求，现通知如下。", std::nullopt},
      {"渝人社〔2021〕415号文件", std::nullopt},
      {"〔2021〕415号", std::nullopt},
      {"渝人社〔21〕415号", std::nullopt},
  };
  for (const NumberCase& c : cases) {
    SCOPED_TRACE(c.line);
    NoticeMetadata m = Extract(MakeDoc({c.line, "关于开展绩效评估的通知"}));
    EXPECT_EQ(m.doc_number, c.doc_number);
  }
}

TEST(MetadataDocNumberTest, NumberAfterFirstTableIsIgnored) {
  NoticeMetadata m = Extract(MakeDoc({"关于开展绩效评估的通知", kTable, "渝人社〔2021〕415号"}));
  EXPECT_FALSE(m.doc_number.has_value());
}

// ---------------------------------------------------------------------------
// Issuers.

struct IssuerCase {
  std::string header;
  std::vector<std::string> issuers;
};

TEST(MetadataIssuerTest, RunTogetherHeaderBodiesAreSplit) {
  const std::vector<IssuerCase> cases = {
      {"重庆市人力资源和社会保障局重庆市财政局", {"重庆市人力资源和社会保障局", "重庆市财政局"}},
      {"北京市科学技术委员会北京市财政局北京市人力资源和社会保障局",
       {"北京市科学技术委员会", "北京市财政局", "北京市人力资源和社会保障局"}},
      {"重庆市经济和信息化委员会重庆市财政局", {"重庆市经济和信息化委员会", "重庆市财政局"}},
      {"内蒙古自治区科学技术厅内蒙古自治区财政厅",
       {"内蒙古自治区科学技术厅", "内蒙古自治区财政厅"}},
      {"重庆市科学技术局四川省科学技术厅", {"重庆市科学技术局", "四川省科学技术厅"}},
      {"重庆市 人力资源和社会保障局  重庆市财政局", {"重庆市人力资源和社会保障局", "重庆市财政局"}},
      {"重庆市人民政府办公厅", {"重庆市人民政府办公厅"}},
      {"重庆市万州区人民政府办公室", {"重庆市万州区人民政府办公室"}},
      {"重庆市公安局渝北区分局", {"重庆市公安局渝北区分局"}},
      {"各区县人力社保局：", {}},
      {"特此通知", {}},
  };
  for (const IssuerCase& c : cases) {
    SCOPED_TRACE(c.header);
    NoticeMetadata m = Extract(MakeDoc({c.header, "关于开展绩效评估的通知", "正文。"}));
    EXPECT_EQ(m.issuers, c.issuers);
  }
}

TEST(MetadataIssuerTest, SignatureBeforeDateMergesWithHeader) {
  NoticeMetadata m =
      Extract(MakeDoc({"重庆市人力资源和社会保障局重庆市财政局", "关于公布等级的通知",
                       "各区县人力社保局：", "正文。", "特此通知。", "重庆市人力资源和社会保障局",
                       "重庆市财政局", "重庆市科学技术局", "2021年11月24日", "（此件公开发布）"}));
  EXPECT_EQ(m.issuers, (std::vector<std::string>{"重庆市人力资源和社会保障局", "重庆市财政局",
                                                 "重庆市科学技术局"}));
}

// An issuing body's name is 2 to 60 Han characters (notice_metadata.json's
// name_min_chars and name_max_chars, counted beside the name_shape pattern).
TEST(MetadataIssuerTest, ANameIsTwoToSixtyHanCharacters) {
  auto issuers_of = [](const std::string& signature) {
    return Extract(MakeDoc({"关于公布结果的通知", "正文。", signature, "2021年11月24日"})).issuers;
  };
  std::string sixty;
  for (int i = 0; i < 59; ++i) sixty += "重";
  sixty += "局";
  EXPECT_EQ(issuers_of(sixty), std::vector<std::string>{sixty});
  EXPECT_TRUE(issuers_of("重" + sixty).empty());  // 61
  EXPECT_EQ(issuers_of("市局"), std::vector<std::string>{"市局"});
  EXPECT_TRUE(issuers_of("局").empty());
  EXPECT_TRUE(issuers_of("重庆市财政局2").empty());  // not all Han
}

TEST(MetadataIssuerTest, WithoutDateSignatureIsAboveFirstAnnexOrTable) {
  NoticeMetadata by_annex =
      Extract(MakeDoc({"关于公布结果的通知", "正文。", "内蒙古自治区科学技术厅", "（此件公开发布）",
                       "附件1", kTable}));
  EXPECT_EQ(by_annex.issuers, std::vector<std::string>{"内蒙古自治区科学技术厅"});
  NoticeMetadata by_table =
      Extract(MakeDoc({"关于公布结果的通知", "正文。", "内蒙古自治区科学技术厅", kTable}));
  EXPECT_EQ(by_table.issuers, std::vector<std::string>{"内蒙古自治区科学技术厅"});
  NoticeMetadata none = Extract(MakeDoc({"关于公布结果的通知", "正文。", kTable, "区人力社保局"}));
  EXPECT_TRUE(none.issuers.empty());
}

// ---------------------------------------------------------------------------
// Title.

struct TitleCase {
  std::vector<std::string> lines;
  std::optional<std::string> title;
};

TEST(MetadataTitleTest, LinesAreJoinedUntilDocumentTypeWord) {
  const std::vector<TitleCase> cases = {
      {{"渝人社〔2021〕415号", "关于公布2021年市级创业孵化基地（园区）", "年度绩效评估等级的通知"},
       "关于公布2021年市级创业孵化基地（园区）年度绩效评估等级的通知"},
      {{" 关于公布2021年度自治区科技企业孵化器和", "众创空间绩效评价（考核）结果的通知"},
       "关于公布2021年度自治区科技企业孵化器和众创空间绩效评价（考核）结果的通知"},
      {{"关于印发", "重庆市高质量孵化载体", "建设实施方案的通知"},
       "关于印发重庆市高质量孵化载体建设实施方案的通知"},
      {{"关于印发孵化载体建设实施方案", "的通知", "各区县："},
       "关于印发孵化载体建设实施方案的通知"},
      {{"关于做好孵化基地评估工作的函"}, "关于做好孵化基地评估工作的函"},
      {{"重庆市科学技术局关于公布2022年度评价结果的通知"}, "关于公布2022年度评价结果的通知"},
      {{"关于做好孵化基地评估工作", "各区县：", "现将有关事项通知如下。"}, std::nullopt},
      {{"关于", "做好", "孵化基地", "评估工作的通知"}, std::nullopt},
      {{"根据《关于开展评估的通知》要求，现通知如下。"}, std::nullopt},
      {{"《关于开展评估的通知》"}, std::nullopt},
      {{kTable, "关于开展评估的通知"}, std::nullopt},
      {{"关于开展评估工作", kTable, "的通知"}, std::nullopt},
  };
  for (const TitleCase& c : cases) {
    SCOPED_TRACE(c.lines.front());
    NoticeMetadata m = Extract(MakeDoc(c.lines));
    EXPECT_EQ(m.title, c.title);
  }
}

TEST(MetadataTitleTest, TitleMustBeAmongTheFirstParagraphs) {
  std::vector<std::string> lines(12, "正文。");
  lines.push_back("关于开展评估的通知");
  EXPECT_FALSE(Extract(MakeDoc(lines)).title.has_value());
  lines.erase(lines.begin());
  EXPECT_EQ(Extract(MakeDoc(lines)).title, "关于开展评估的通知");
}

TEST(MetadataTitleTest, IssuersBeforeGuanyuOnTheTitleLineAreIssuers) {
  NoticeMetadata m =
      Extract(MakeDoc({"重庆市科学技术局重庆市财政局关于公布2022年度评价结果的通知"}));
  EXPECT_EQ(m.issuers, (std::vector<std::string>{"重庆市科学技术局", "重庆市财政局"}));
  EXPECT_EQ(m.year, 2022);
}

// ---------------------------------------------------------------------------
// Year and period.

struct YearCase {
  std::string title;
  std::vector<std::string> captions;
  std::optional<int> year;
  std::string source;
  std::optional<int> from, to;
};

TEST(MetadataYearTest, TitleThenCaptionsThenPublished) {
  const std::vector<YearCase> cases = {
      {"关于公布2021年市级基地等级的通知", {}, 2021, "title", {}, {}},
      {"关于公布2021年度评价结果的通知", {"2020年结果"}, 2021, "title", {}, {}},
      {"关于印发实施方案（2023—2025年）的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发实施方案（2023–2025年）的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发2023-2025年实施方案的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发2023~2025年实施方案的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发2023～2025年实施方案的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发2023至2025年实施方案的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发2023年—2025年实施方案的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发２０２３—２０２５年实施方案的通知", {}, 2023, "title", 2023, 2025},
      {"关于印发2025—2023年方案的通知", {}, 2023, "title", {}, {}},
      {"关于印发工作方案的通知", {"", "2022年提质载体清单"}, 2022, "caption", {}, {}},
      {"关于印发工作方案的通知", {"提质发展孵化载体清单"}, 2021, "published", {}, {}},
      {"关于转发国办〔2020〕5号文件的通知", {}, 2021, "published", {}, {}},
  };
  for (const YearCase& c : cases) {
    SCOPED_TRACE(c.title);
    NoticeMetadata m = Extract(MakeDoc({c.title, "重庆市财政局", "2021年11月24日"}), c.captions);
    EXPECT_EQ(m.year, c.year);
    EXPECT_EQ(m.year_source, c.source);
    EXPECT_EQ(m.period_from, c.from);
    EXPECT_EQ(m.period_to, c.to);
  }
}

TEST(MetadataYearTest, NoYearAnywhere) {
  std::vector<Diagnostic> diags;
  NoticeMetadata m = Extract(MakeDoc({"关于印发工作方案的通知"}), {"清单"}, &diags);
  EXPECT_FALSE(m.year.has_value());
  EXPECT_EQ(m.year_source, "");
  EXPECT_TRUE(HasCode(diags, "no_year"));
}

// ---------------------------------------------------------------------------
// Jurisdiction.

struct PlaceCase {
  std::vector<std::string> lines;
  std::optional<std::string> raw, name;
};

TEST(MetadataJurisdictionTest, IssuerPlaceElseDocNumberAbbreviation) {
  const std::vector<PlaceCase> cases = {
      {{"重庆市人力资源和社会保障局", "关于X的通知"}, "重庆市人力资源和社会保障局", "重庆市"},
      {{"内蒙古自治区科学技术厅", "关于X的通知"}, "内蒙古自治区科学技术厅", "内蒙古自治区"},
      {{"重庆市万州区人民政府办公室", "关于X的通知"}, "重庆市万州区人民政府办公室", "重庆市万州区"},
      {{"重庆市大渡口区人民政府办公室", "关于X的通知"},
       "重庆市大渡口区人民政府办公室",
       "重庆市大渡口区"},
      {{"重庆市城市管理局", "关于X的通知"}, "重庆市城市管理局", "重庆市"},
      {{"广西壮族自治区科学技术厅", "关于X的通知"}, "广西壮族自治区科学技术厅", "广西壮族自治区"},
      {{"渝人社〔2021〕415号", "关于X的通知"}, "渝", "重庆市"},
      {{"京科发〔2021〕1号", "关于X的通知"}, "京", "北京市"},
      {{"内科发〔2021〕3号", "关于X的通知"}, "内", "内蒙古自治区"},
      {{"国办发〔2021〕1号", "关于X的通知"}, std::nullopt, std::nullopt},
      {{"关于X的通知"}, std::nullopt, std::nullopt},
  };
  for (const PlaceCase& c : cases) {
    SCOPED_TRACE(c.lines.front());
    NoticeMetadata m = Extract(MakeDoc(c.lines));
    ASSERT_EQ(m.jurisdiction.has_value(), c.name.has_value());
    if (!c.name) continue;
    EXPECT_EQ(m.jurisdiction->source, *c.raw);
    EXPECT_EQ(m.jurisdiction->place.name, *c.name);
  }
}

// ---------------------------------------------------------------------------
// Hostile and empty input: never a crash, missing fields reported.

TEST(MetadataRobustnessTest, EmptyAndTableOnlyDocuments) {
  for (const Document& doc : {Document(), MakeDoc({kTable, kTable})}) {
    std::vector<Diagnostic> diags;
    NoticeMetadata m = Extract(doc, {"", ""}, &diags);
    EXPECT_FALSE(m.title || m.doc_number || m.published || m.year || m.jurisdiction);
    EXPECT_TRUE(m.issuers.empty());
    for (const char* code : {"no_title", "no_doc_number", "no_issuers", "no_publication_date",
                             "no_year", "no_jurisdiction"})
      EXPECT_TRUE(HasCode(diags, code)) << code;
  }
}

TEST(MetadataRobustnessTest, InvalidUtf8AndHugeParagraphs) {
  std::string bad = "\xE5\x85\xB3\xFF\xFE\xE4\xBA";  // 关 + garbage + truncated sequence
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "关于";
  NoticeMetadata m = Extract(MakeDoc({bad, huge, "关于" + bad + "的通知", bad + "局", huge + "日",
                                      "2021年11月24日" + bad}),
                             {bad, huge});
  EXPECT_FALSE(m.published.has_value());
  Document raw_bytes = MakeDoc({"x", "y", "z"});  // text that skipped CleanText
  std::get<Paragraph>(raw_bytes.blocks[0]).text = bad + "局";
  std::get<Paragraph>(raw_bytes.blocks[1]).text = "关于" + bad + "的通知";
  std::get<Paragraph>(raw_bytes.blocks[2]).text = "2021年11月24日" + bad;
  EXPECT_FALSE(Extract(raw_bytes, {bad}).published.has_value());
  NoticeMetadata again;
  ExtractMetadata(MakeDoc({bad}), {}, &again, nullptr);   // null diagnostics tolerated
  ExtractMetadata(MakeDoc({bad}), {}, nullptr, nullptr);  // null output tolerated
}

TEST(MetadataRobustnessTest, PreviousContentOfOutputIsReplaced) {
  NoticeMetadata m;
  m.title = "old";
  m.issuers = {"old"};
  std::vector<Diagnostic> diags;
  ExtractMetadata(MakeDoc({"正文。"}), {}, &m, &diags);
  EXPECT_FALSE(m.title.has_value());
  EXPECT_TRUE(m.issuers.empty());
}

// A broken rule file gives one "rules_invalid" error and no metadata. The
// rules are compiled once per process, so this runs in a re-executed child
// (threadsafe death-test style) that loads them from an override directory.
TEST(MetadataRobustnessTest, BrokenRuleFileIsAnErrorDiagnostic) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "fuhua_metadata_rules";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "notice_metadata.json") << "{ \"title\": { \"start\": \"^(关于\" } }";
  auto run = [&] {
    SetSchemaOverrideDir(dir.string());
    NoticeMetadata m;
    std::vector<Diagnostic> diags;
    ExtractMetadata(MakeDoc({"关于开展评估的通知"}), {}, &m, &diags);
    bool ok = diags.size() == 1 && diags[0].code == "rules_invalid" &&
              diags[0].severity == Diagnostic::Severity::kError && !m.title;
    std::exit(ok ? 0 : 1);
  };
  EXPECT_EXIT(run(), testing::ExitedWithCode(0), "");
}

// ---------------------------------------------------------------------------
// The seed notices.

struct SeedCase {
  std::string file;
  std::vector<std::string> captions;
  std::optional<std::string> title;
  std::optional<std::string> doc_number;
  std::vector<std::string> issuers;
  std::optional<std::string> published;
  std::optional<int> year;
  std::string year_source;
  std::optional<int> period_from, period_to;
  std::optional<std::string> jurisdiction;
};

std::vector<SeedCase> SeedCases() {
  return {
      {"chongqing_2021_municipal_incubation_base_grades.txt",
       {"2021年市级创业孵化基地年度绩效评估优秀等级", "2021年市级创业孵化基地年度绩效评估良好等级",
        "2021年市级创业孵化基地年度绩效评估合格等级",
        "2021年市级创业孵化基地年度绩效评估结果不合格等级"},
       "关于公布2021年市级创业孵化基地（园区）年度绩效评估等级的通知",
       "渝人社〔2021〕415号",
       {"重庆市人力资源和社会保障局", "重庆市财政局"},
       "2021-11-24",
       2021,
       "title",
       {},
       {},
       "重庆市"},
      {"inner_mongolia_2021_incubator_makerspace_results.txt",
       {"2021年度科技企业孵化器绩效评价结果汇总表", "2021年度众创空间绩效考核结果汇总表"},
       "关于公布2021年度自治区科技企业孵化器和众创空间绩效评价（考核）结果的通知",
       std::nullopt,
       {"内蒙古自治区科学技术厅"},
       std::nullopt,
       2021,
       "title",
       {},
       {},
       "内蒙古自治区"},
      {"wanzhou_2023_2025_incubation_carrier_plan.txt",
       {"重庆市万州区孵化载体建设目标任务表（2023—2025年）"},
       "关于印发重庆市万州区高质量孵化载体建设实施方案（2023—2025年）的通知",
       std::nullopt,
       {"重庆市万州区人民政府办公室"},
       "2023-08-28",
       2023,
       "title",
       2023,
       2025,
       "重庆市万州区"},
      {"incubation_base_evaluation_indicators.txt",
       {""},
       std::nullopt,
       std::nullopt,
       {},
       std::nullopt,
       std::nullopt,
       "",
       {},
       {},
       std::nullopt},
      {"dadukou_2022_carrier_upgrade_plan.txt",
       {"提质发展孵化载体清单", "挖掘包装孵化载体清单"},
       "关于印发大渡口区双创载体提质发展工作方案的通知",
       "大渡口府办发〔2022〕98号",
       {"重庆市大渡口区人民政府办公室"},
       "2022-10-28",
       2022,
       "published",
       {},
       {},
       "重庆市大渡口区"},
  };
}

TEST(MetadataSeedTest, SeedNoticesGiveTheExpectedMetadata) {
  for (const SeedCase& c : SeedCases()) {
    SCOPED_TRACE(c.file);
    Document doc = ReadTextDump(std::string(FUHUA_SOURCE_DIR) + "/samples/" + c.file);
    ASSERT_FALSE(doc.blocks.empty());
    std::vector<Diagnostic> diags;
    NoticeMetadata m = Extract(doc, c.captions, &diags);
    EXPECT_EQ(m.title, c.title);
    EXPECT_EQ(m.doc_number, c.doc_number);
    EXPECT_EQ(m.issuers, c.issuers);
    EXPECT_EQ(m.published, c.published);
    EXPECT_EQ(m.year, c.year);
    EXPECT_EQ(m.year_source, c.year_source);
    EXPECT_EQ(m.period_from, c.period_from);
    EXPECT_EQ(m.period_to, c.period_to);
    ASSERT_EQ(m.jurisdiction.has_value(), c.jurisdiction.has_value());
    if (c.jurisdiction) {
      EXPECT_EQ(m.jurisdiction->place.name, *c.jurisdiction);
      EXPECT_EQ(m.jurisdiction->source, c.issuers.front());
    }
    EXPECT_FALSE(HasCode(diags, "rules_invalid"));
    EXPECT_EQ(HasCode(diags, "no_title"), !c.title.has_value());
    EXPECT_EQ(HasCode(diags, "no_publication_date"), !c.published.has_value());
  }
}

}  // namespace
}  // namespace fuhua
