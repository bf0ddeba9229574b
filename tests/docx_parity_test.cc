// Every sample .docx (a LibreOffice rendition of the .txt beside it, see
// tools/make_docx_samples.py) must give the same metadata, records and checks
// as the text dump: the docx reader feeds the same pipeline unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "tests/test_support.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;

std::string RecordKey(const GradeRecord& r) {
  auto o = [](const std::optional<std::string>& v) { return v.value_or("∅"); };
  return std::to_string(r.table) + "|" + r.seq_raw + "|" + o(r.carrier_type) + "|" + r.name + "|" +
         o(r.operator_name) + "|" + (r.region ? r.region->raw + ">" + r.region->full_name + ">" + r.region->code.value_or("∅")
                                : "∅") +
         "|" + r.name_key.key + "|" + o(r.grade) + "|" +
         GradeStatusName(r.status) + "|" + o(r.remark) + "|" + o(r.evaluated_as) + "|" +
         o(r.revocation) + "|" + std::to_string(r.deferred_to.value_or(0));
}

std::multiset<std::string> CheckKeys(const Notice& n) {
  std::multiset<std::string> out;
  for (const Check& c : n.checks) out.insert(c.rule + "|" + c.expected + "|" + c.found + "|" + (c.ok ? "ok" : "FAIL"));
  return out;
}

TEST(DocxParity, SamplesGiveTheSameRecordsAndChecksAsTheirTextDumps) {
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(testing::SourcePath("samples"))) {
    if (entry.path().extension() != ".docx") continue;
    fs::path txt = entry.path();
    txt.replace_extension(".txt");
    if (!fs::exists(txt)) continue;
    SCOPED_TRACE(entry.path().filename().string());
    Notice from_docx, from_text;
    Status st = ExtractFile(entry.path().string(), &from_docx);
    ASSERT_TRUE(st.ok()) << st.ToString();
    ASSERT_TRUE(ExtractFile(txt.string(), &from_text).ok());
    EXPECT_EQ(from_docx.format, "docx");
    EXPECT_EQ(from_docx.meta.title, from_text.meta.title);
    EXPECT_EQ(from_docx.meta.doc_number, from_text.meta.doc_number);
    EXPECT_EQ(from_docx.meta.published, from_text.meta.published);
    EXPECT_EQ(from_docx.meta.issuers, from_text.meta.issuers);
    EXPECT_EQ(from_docx.meta.year, from_text.meta.year);
    ASSERT_EQ(from_docx.tables.size(), from_text.tables.size());
    for (size_t i = 0; i < from_text.tables.size(); ++i) {
      EXPECT_EQ(from_docx.tables[i].caption, from_text.tables[i].caption);
      EXPECT_EQ(from_docx.tables[i].header, from_text.tables[i].header);
      EXPECT_EQ(from_docx.tables[i].kind, from_text.tables[i].kind);
    }
    ASSERT_EQ(from_docx.records.size(), from_text.records.size());
    for (size_t i = 0; i < from_text.records.size(); ++i)
      EXPECT_EQ(RecordKey(from_docx.records[i]), RecordKey(from_text.records[i]));
    EXPECT_EQ(CheckKeys(from_docx), CheckKeys(from_text));
    ++compared;
  }
  EXPECT_EQ(compared, 5) << "every sample should have a .docx rendition";
}

}  // namespace
}  // namespace fuhua
