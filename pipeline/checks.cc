// Implements the checks stage (see checks.h).
#include "pipeline/checks.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "pipeline/regex_util.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

struct Filter {
  std::optional<std::string> carrier_type;  // nullopt = every type
  std::string measure;
  std::string grade, what, as;
};

bool Counts(const GradeRecord& r, const Filter& f) {
  if (f.carrier_type && r.carrier_type != f.carrier_type) return false;
  if (f.measure == "total") return true;
  if (f.measure == "grade") return r.grade && *r.grade == f.grade;
  if (f.measure == "revoked")
    return r.status == GradeStatus::kRevoked &&
           (f.what.empty() || (r.revocation && r.revocation->rfind(f.what, 0) == 0));
  if (f.measure == "evaluated_as")
    return r.status == GradeStatus::kGraded && r.evaluated_as.has_value();
  if (f.measure == "deferred") return r.status == GradeStatus::kDeferred;
  return false;
}

void AddCheck(Notice* n, Check c) {
  if (!c.ok)
    n->diagnostics.push_back({Diagnostic::Severity::kWarning, "check_failed",
                              c.rule + ": " + c.subject + ": expected " + c.expected + ", found " +
                                  c.found,
                              c.where});
  n->checks.push_back(std::move(c));
}

// The record named inside "确定D+M浪尖智造工场等11家…": its name is contained in the text.
void CheckExample(const RegexMatch& m, const Paragraph& p, Notice* n) {
  std::string example = m.Group("example");
  std::string grade = m.Group("grade");
  if (example.empty() || grade.empty()) return;
  for (const GradeRecord& r : n->records) {
    if (r.name.size() < 6 || example.find(r.name) == std::string::npos) continue;
    AddCheck(n, {"stated_example", r.name + " 为" + grade, grade, r.grade.value_or("(none)"),
                 r.grade == grade, Where{p.where.line, -1, -1, -1, ""}});
    return;
  }
}

bool ResolveFilter(const CountStatement& s, const RegexMatch& m, const Rules& rules, Filter* f) {
  f->measure = s.measure;
  f->grade = m.Group("grade");
  f->what = m.Group("what");
  std::string carrier = m.Group("carrier");
  if (!carrier.empty()) {
    f->carrier_type = rules.CarrierTypeIn(carrier);
    if (!f->carrier_type) return false;  // counts something else (企业, 团队...)
  }
  return s.measure != "total" || f->carrier_type.has_value();
}

void CountOne(const CountStatement& s, const RegexMatch& m, const Paragraph& p,
              const Rules& rules, Notice* n) {
  Filter f;
  if (!ResolveFilter(s, m, rules, &f)) return;
  int found = 0;
  for (const GradeRecord& r : n->records) found += Counts(r, f) ? 1 : 0;
  std::string stated = p.text.substr(m.begin, m.end - m.begin);
  std::optional<int> expected = ParseDigits(m.Group("n"));
  AddCheck(n, {"stated_count", stated, m.Group("n"), std::to_string(found), expected == found,
               Where{p.where.line, -1, -1, -1, ""}});
  if (s.measure == "grade") CheckExample(m, p, n);
}

using Spans = std::vector<std::pair<size_t, size_t>>;

// The matches of `s` in the clauses of `p`; `taken` holds the match starts
// already counted by an earlier pattern. A continuation (`also`, anchored at
// the end of what came before) runs on past the clause: it may start with a
// bound ("、30家众创空间").
void CountsOf(const CountStatement& s, const Paragraph& p, const Spans& clauses,
              const Rules& rules, std::set<size_t>* taken, Notice* n) {
  for (auto [begin, end] : clauses) {
    RegexMatch m;
    for (size_t pos = begin; FindNext(*s.re, p.text, pos, &m, end); pos = m.end) {
      if (!taken->insert(m.begin).second) continue;
      CountOne(s, m, p, rules, n);
      RegexMatch more;
      for (size_t q = m.end; s.also && MatchAt(*s.also, p.text, q, &more); q = more.end) {
        more.groups.insert(m.groups.begin(), m.groups.end());  // adds only missing keys
        CountOne(s, more, p, rules, n);
      }
      if (m.end == m.begin) break;
    }
  }
}

// Only the clauses that hold what every pattern needs are searched: most
// paragraphs hold none, and a statement's clause is a fraction of its
// paragraph (six DFA scans of every paragraph were 6% of an ingest). The
// checks come pattern by pattern, as they would from whole paragraphs.
void StatedCounts(const Document& doc, const Rules& rules, Notice* n) {
  for (const Block& b : doc.blocks) {
    const auto* p = std::get_if<Paragraph>(&b);
    if (!p || !ContainsAll(p->text, rules.statement_literals)) continue;
    const std::string_view text = p->text;
    Spans clauses;
    for (auto [begin, end] : SpansBetween(text, rules.statement_bounds))
      if (ContainsAll(text.substr(begin, end - begin), rules.statement_literals))
        clauses.emplace_back(begin, end);
    std::set<size_t> taken;
    for (const CountStatement& s : rules.statements) CountsOf(s, *p, clauses, rules, &taken, n);
  }
}

std::string Range(const std::vector<int>& seqs) {
  std::string out;
  for (size_t i = 0; i < seqs.size(); ++i) {
    size_t j = i;
    while (j + 1 < seqs.size() && seqs[j + 1] == seqs[j] + 1) ++j;
    out += (out.empty() ? "" : ",") + std::to_string(seqs[i]);
    if (j > i) out += "-" + std::to_string(seqs[j]);
    i = j;
  }
  return out.empty() ? "(none)" : out;
}

void SeqContinuity(Notice* n) {
  for (const TableInfo& info : n->tables) {
    if (info.kind != TableKind::kGradeList || info.Role("seq") < 0) continue;
    std::vector<int> seqs;
    int rows = 0;
    for (const GradeRecord& r : n->records) {
      if (r.table != info.index) continue;
      ++rows;
      if (r.seq) seqs.push_back(*r.seq);
    }
    std::string expected = rows ? "1-" + std::to_string(rows) : "(none)";
    if (rows == 1) expected = "1";
    std::string found = Range(seqs);
    AddCheck(n, {"seq_continuity", "table " + std::to_string(info.index) + " 序号", expected, found,
                 expected == found, info.where});
  }
}

std::optional<double> Number(const std::string& text, int* decimals) {
  std::string key = MatchKey(text);
  std::string digits;
  for (char ch : key)
    if (ch != ',') digits.push_back(ch);
  if (digits.empty() || digits.find_first_not_of("0123456789.-") != std::string::npos)
    return std::nullopt;
  size_t dot = digits.find('.');
  *decimals = dot == std::string::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
  char* end = nullptr;
  double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return std::nullopt;
  return v;
}

std::string Format(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Sums column c over the distinct body cells between `from` and the total row.
void CheckTotalColumn(const Table& t, const TableInfo& info, int total_row, int from, int c,
                      Notice* n) {
  const Cell* stated = t.OriginAt(total_row, c);
  int decimals = 0;
  std::optional<double> want = stated ? Number(stated->text, &decimals) : std::nullopt;
  if (!want) return;
  double sum = 0;
  int max_decimals = decimals;
  std::set<const Cell*> seen;
  for (int r : info.body_rows) {
    const Cell* cell = (r >= from && r < total_row) ? t.CellAt(r, c) : nullptr;
    if (!cell || !seen.insert(cell).second) continue;
    int d = 0;
    if (std::optional<double> v = Number(cell->text, &d)) sum += *v, max_decimals = std::max(max_decimals, d);
  }
  bool ok = std::fabs(sum - *want) <= 0.5 * std::pow(10.0, -decimals) + 1e-9;
  AddCheck(n, {"total_row", "table " + std::to_string(info.index) + " " + t.CellAt(total_row, 0)->text +
                                " " + info.header[c],
               stated->text, Format(sum, max_decimals), ok,
               Where{stated->where.line, info.index, total_row, c, ""}});
}

void TotalRows(const Document& doc, Notice* n) {
  for (const TableInfo& info : n->tables) {
    const Table& t = std::get<Table>(doc.blocks[info.block]);
    int from = info.header_rows;
    for (int total : info.total_rows) {
      const Cell* label = t.CellAt(total, 0);
      for (int c = label->col + label->col_span; c < t.cols(); ++c)
        CheckTotalColumn(t, info, total, from, c, n);
      from = total + 1;
    }
  }
}

}  // namespace

void RunChecks(const Document& doc, const Rules& rules, Notice* notice) {
  if (!notice->records.empty()) StatedCounts(doc, rules, notice);
  SeqContinuity(notice);
  TotalRows(doc, notice);
}

}  // namespace fuhua
