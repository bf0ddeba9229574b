// The stated-count check's prefilter must never skip a paragraph that a
// pattern matches: the literals count_statements.json declares required are
// proven so by RE2's prefilter (RequiredLiterals, here), and no pattern
// matches across the clause bounds it declares.
#include "pipeline/regex_util.h"

#include <gtest/gtest.h>
#include <re2/filtered_re2.h>

#include <algorithm>

#include <filesystem>
#include <utility>

#include "parsers/reader.h"
#include "pipeline/rules.h"
#include "pipeline/text_util.h"
#include "tests/test_support.h"

namespace fuhua {
namespace {

using Literals = std::vector<std::string>;

// The literal strings that every one of `patterns` needs in a text to match
// it, by RE2's prefilter (FilteredRE2): an atom is required when, with every
// other atom found and it not, no pattern passes the filter. Only atoms
// without ASCII letters, since the prefilter lowercases them and the
// patterns are case sensitive. Empty when a pattern fails to compile.
Literals RequiredLiterals(const std::vector<std::string>& patterns) {
  re2::FilteredRE2 filter(1);
  RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& p : patterns) {
    int id = 0;
    if (filter.Add(p, options, &id) != RE2::NoError) return {};
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<std::string> required;
  std::vector<int> others, passed;
  for (size_t a = 0; a < atoms.size(); ++a) {
    // Required: with every other atom found and this one not, no pattern
    // passes the filter.
    others.clear();
    for (size_t b = 0; b < atoms.size(); ++b)
      if (b != a) others.push_back(static_cast<int>(b));
    filter.AllPotentials(others, &passed);
    bool letters = std::any_of(atoms[a].begin(), atoms[a].end(),
                               [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
    if (passed.empty() && !letters) required.push_back(atoms[a]);
  }
  return required;
}


TEST(RequiredLiterals, AreWhatEveryPatternNeeds) {
  EXPECT_EQ(RequiredLiterals({"(\\d+)家", "共(\\d+)家"}), Literals{"家"});
  // Conservative: each pattern's literal is one atom, and neither atom is
  // in both (that one contains the other is not looked at).
  EXPECT_TRUE(RequiredLiterals({"被取消资格", "取消"}).empty());
  // One pattern needs no literal at all: nothing can be skipped.
  EXPECT_TRUE(RequiredLiterals({"(\\d+)家", "\\d+"}).empty());
  // Alternatives: neither side is needed by itself.
  EXPECT_TRUE(RequiredLiterals({"优秀|良好"}).empty());
  // ASCII letters are lowercased by RE2's prefilter; a case-sensitive
  // pattern must not be filtered by them (here the one atom is "abc家").
  EXPECT_TRUE(RequiredLiterals({"ABC家"}).empty());
  EXPECT_EQ(RequiredLiterals({"ABC.家"}), Literals{"家"});
  EXPECT_TRUE(RequiredLiterals({"(unclosed"}).empty());
}

TEST(RequiredLiterals, TheSchemaDeclaresOnlyWhatEveryPatternNeeds) {
  Status st;
  const Rules* rules = DefaultRules(&st);
  ASSERT_TRUE(rules) << st.ToString();
  ASSERT_FALSE(rules->statement_literals.empty());  // else the filter does nothing
  Literals patterns;
  for (const CountStatement& s : rules->statements) patterns.push_back(s.re->pattern());
  const Literals needed = RequiredLiterals(patterns);
  for (const std::string& literal : rules->statement_literals)
    EXPECT_NE(std::find(needed.begin(), needed.end(), literal), needed.end())
        << "count_statements.json requires \"" << literal << "\", which a pattern can match without";
}

TEST(RequiredLiterals, NeverSkipAParagraphACountStatementMatches) {
  Status st;
  const Rules* rules = DefaultRules(&st);
  ASSERT_TRUE(rules) << st.ToString();
  const char* stated[] = {
      "全市共有15家市级创业孵化基地",
      "其中，重庆两江半导体等6家评价结果为优秀",
      "3家众创空间被取消备案资格",
      "被取消资格的1家科技企业孵化器和30家众创空间",
      "2家孵化器以众创空间评价结果作为其评价结果",
      "1家众创空间于2022年按孵化器参加评价",
  };
  for (const char* text : stated) {
    bool matched = false;
    for (const CountStatement& s : rules->statements) {
      RegexMatch m;
      matched |= FindNext(*s.re, text, 0, &m);
    }
    EXPECT_TRUE(matched) << text;  // the examples are statements
    EXPECT_TRUE(ContainsAll(text, rules->statement_literals)) << text;
  }
  EXPECT_FALSE(ContainsAll("各区县人力社保局：", rules->statement_literals));
}

using Matches = std::vector<std::pair<size_t, size_t>>;

Matches AllMatches(const RE2& re, std::string_view text, size_t begin, size_t end) {
  Matches out;
  RegexMatch m;
  for (size_t pos = begin; FindNext(re, text, pos, &m, end); pos = m.end) {
    out.emplace_back(m.begin, m.end);
    if (m.end == m.begin) break;
  }
  return out;
}

// The stated-count check searches clause by clause between the schema's
// bounds: on every paragraph of every sample, each pattern must find there
// exactly the matches it finds in the whole paragraph.
TEST(StatementBounds, NoPatternMatchesAcrossABoundInTheSamples) {
  Status st;
  const Rules* rules = DefaultRules(&st);
  ASSERT_TRUE(rules) << st.ToString();
  ASSERT_FALSE(rules->statement_bounds.empty());
  int paragraphs = 0, matches = 0;
  for (const auto& e : std::filesystem::directory_iterator(testing::SourcePath("samples"))) {
    if (e.path().extension() != ".docx" && e.path().extension() != ".txt") continue;
    Document doc;
    ASSERT_TRUE(ReadDocument(testing::ReadBytes(e.path().string()), ReaderOptions(), &doc).ok());
    for (const Block& b : doc.blocks) {
      const auto* p = std::get_if<Paragraph>(&b);
      if (!p) continue;
      ++paragraphs;
      const auto clauses = SpansBetween(p->text, rules->statement_bounds);
      for (const CountStatement& s : rules->statements) {
        Matches whole = AllMatches(*s.re, p->text, 0, p->text.size()), split;
        for (auto [begin, end] : clauses) {
          Matches in = AllMatches(*s.re, p->text, begin, end);
          split.insert(split.end(), in.begin(), in.end());
        }
        EXPECT_EQ(whole, split) << s.id << " in " << e.path() << ": " << p->text;
        matches += static_cast<int>(whole.size());
      }
    }
  }
  EXPECT_GT(paragraphs, 100);
  EXPECT_GT(matches, 10);  // the samples do state counts
}

TEST(SpansBetween, SplitsAtEveryBound) {
  using Spans = std::vector<std::pair<size_t, size_t>>;
  EXPECT_EQ(SpansBetween("a，b。", {"，", "。"}), (Spans{{0, 1}, {4, 5}, {8, 8}}));
  EXPECT_EQ(SpansBetween("abc", {}), (Spans{{0, 3}}));
  EXPECT_EQ(SpansBetween("", {","}), (Spans{{0, 0}}));
  EXPECT_EQ(SpansBetween(",,", {","}), (Spans{{0, 0}, {1, 1}, {2, 2}}));
}

}  // namespace
}  // namespace fuhua
