// fuhua inspect: shows a person what the reader and the table stages saw:
// the blocks in order and every table as a grid with spans, header roles,
// row classes (H header, B body, S spacer, T total) and the table kind.
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "parsers/reader.h"
#include "pipeline/extract.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua inspect FILE\n"
    "\n"
    "Prints the notice metadata, then every block: paragraphs as 'P line: text' and tables\n"
    "as grids. Each grid row starts with its class (H header, B body, S spacer, T total)\n"
    "and each cell shows its text; spans are marked ↓N (rows) and →N (columns), '*' when\n"
    "the span was inferred from a text layout; '^' is a position covered by a cell above.\n";

std::string Clip(const std::string& s, size_t max_chars) {
  std::u32string u = DecodeUtf8(s);
  if (u.size() <= max_chars) return s;
  return EncodeUtf8(u.substr(0, max_chars)) + "…";
}

char RowClass(const TableInfo& info, int r) {
  if (r < info.header_rows) return 'H';
  for (int s : info.spacer_rows) if (s == r) return 'S';
  for (int t : info.total_rows) if (t == r) return 'T';
  return 'B';
}

std::string CellLabel(const Table& t, int r, int c) {
  const Cell* cell = t.CellAt(r, c);
  if (!cell) return "∅";
  if (cell->row != r) return "^";
  if (cell->col != c) return "";
  std::string s = Clip(cell->text, 24);
  if (s.empty()) s = "·";
  if (cell->row_span > 1) s += " ↓" + std::to_string(cell->row_span);
  if (cell->col_span > 1) s += " →" + std::to_string(cell->col_span);
  if (cell->span_inferred) s += "*";
  return s;
}

void PrintTable(const Table& t, const TableInfo& info, std::ostream& out) {
  out << "T line " << info.where.line << ": table " << info.index << " kind="
      << TableKindName(info.kind) << " carrier_type=" << info.carrier_type.value_or("-")
      << " grid=" << t.rows() << "x" << t.cols() << "\n";
  if (info.annex) out << "    annex:   " << *info.annex << "\n";
  if (info.caption) out << "    caption: " << *info.caption << "\n";
  for (const std::string& n : info.notes) out << "    note:    " << n << "\n";
  out << "    columns:";
  for (size_t c = 0; c < info.header.size(); ++c)
    out << " [" << c << "] " << info.header[c] << " <" << (info.roles[c].empty() ? "?" : info.roles[c])
        << ">";
  out << "\n";
  for (int r = 0; r < t.rows(); ++r) {
    out << "    " << RowClass(info, r) << " " << r << ":";
    for (int c = 0; c < t.cols(); ++c) {
      std::string label = CellLabel(t, r, c);
      if (!label.empty()) out << " | " << label;
    }
    out << "\n";
  }
}

void PrintNotice(const Notice& n, const Document& doc, std::ostream& out) {
  const NoticeMetadata& m = n.meta;
  out << "source:      " << n.source << " (" << n.format << ", sha256 " << n.sha256.substr(0, 12)
      << "…)\n"
      << "title:       " << m.title.value_or("-") << "\n"
      << "doc_number:  " << m.doc_number.value_or("-") << "\n"
      << "published:   " << m.published.value_or("-") << "\n"
      << "year:        " << (m.year ? std::to_string(*m.year) + " (" + m.year_source + ")" : "-")
      << "\n";
  out << "issuers:    ";
  for (const std::string& i : m.issuers) out << " " << i;
  out << "\njurisdiction: " << (m.jurisdiction ? m.jurisdiction->name : "-") << "\n"
      << "records: " << n.records.size() << ", checks: " << n.checks.size()
      << ", diagnostics: " << n.diagnostics.size() << "\n\n";
  size_t table = 0;
  for (const Block& b : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      out << "P line " << p->where.line << ": " << Clip(p->text, 60) << "\n";
    } else {
      PrintTable(std::get<Table>(b), n.tables[table++], out);
    }
  }
  for (const Diagnostic& d : n.diagnostics)
    out << SeverityName(d.severity) << ": " << d.code << ": " << d.message << "\n";
}

}  // namespace

int RunInspect(int argc, char** argv) {
  ParsedArgs a = ParseArgs(argc, argv, 2, {}, {"--help", "-h"});
  if (a.Has("--help") || a.Has("-h")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (a.error.empty() && a.positional.size() != 1) a.error = "expects exactly one FILE";
  if (!a.error.empty()) {
    std::cerr << "fuhua inspect: " << a.error << "\n\n" << kHelp;
    return kExitUsage;
  }
  const std::string& path = a.positional[0];
  std::string bytes;
  Notice notice;
  Document doc;
  Status st = LoadFile(path, ReaderOptions().max_file_bytes, &bytes);
  if (st.ok()) st = ExtractBytes(path, bytes, &notice, &doc);
  if (!st.ok()) {
    std::cerr << "fuhua: error: " << path << ": " << st.message() << "\n";
    return kExitInputErrors;
  }
  PrintNotice(notice, doc, std::cout);
  return kExitOk;
}

}  // namespace fuhua
