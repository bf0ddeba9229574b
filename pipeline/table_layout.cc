// Implements the table layout stage (see table_layout.h).
#include "pipeline/table_layout.h"

#include <algorithm>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

bool EndsWithAny(const std::string& s, std::initializer_list<std::string_view> ends) {
  for (std::string_view e : ends)
    if (s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0) return true;
  return false;
}

int CharCount(const std::string& s) { return static_cast<int>(DecodeUtf8(s).size()); }

// Walks up from the table over at most caption_max_paragraphs paragraphs.
// With an annex label (附件1) above, every non-note line between it and the
// table is caption; without one, only the nearest short line is.
void FindCaption(const Document& doc, int block, const Rules& rules, TableInfo* info) {
  std::vector<std::string> parts;  // nearest first
  for (int b = block - 1, seen = 0; b >= 0 && seen < rules.caption_max_paragraphs; --b, ++seen) {
    const auto* p = std::get_if<Paragraph>(&doc.blocks[b]);
    if (!p) break;
    const std::string& t = p->text;
    if (RE2::FullMatch(t, *rules.annex_label)) {
      info->annex = t;
      break;
    }
    if (rules.IsCaptionNote(t)) {
      info->notes.insert(info->notes.begin(), t);
      continue;
    }
    if (CharCount(t) > rules.caption_max_chars || EndsWithAny(t, {"。", "：", ":", "；"})) break;
    parts.push_back(t);
  }
  if (!info->annex && parts.size() > 1) parts.resize(1);
  std::reverse(parts.begin(), parts.end());
  if (!parts.empty()) info->caption = JoinCellLines(parts);
}

bool RowIsEmpty(const Table& t, int r) {
  for (int c = 0; c < t.cols(); ++c) {
    const Cell* cell = t.OriginAt(r, c);
    if (cell && !cell->text.empty()) return false;
  }
  return true;
}

// A further header row: every non-empty cell names a known role.
bool LooksLikeHeaderRow(const Table& t, int r, const Rules& rules) {
  int named = 0;
  for (int c = 0; c < t.cols(); ++c) {
    const Cell* cell = t.OriginAt(r, c);
    if (!cell || cell->text.empty()) continue;
    if (rules.RoleOf(cell->text).empty()) return false;
    ++named;
  }
  return named > 0;
}

void ReadHeader(const Table& t, const Rules& rules, TableInfo* info) {
  info->header_rows = std::max(t.declared_header_rows, t.rows() > 1 ? 1 : 0);
  while (info->header_rows > 0 && info->header_rows < t.rows() - 1 &&
         LooksLikeHeaderRow(t, info->header_rows, rules))
    ++info->header_rows;
  info->header.assign(t.cols(), "");
  info->roles.assign(t.cols(), "");
  for (int c = 0; c < t.cols(); ++c) {
    std::vector<std::string> lines;
    const Cell* last = nullptr;
    for (int r = 0; r < info->header_rows; ++r) {
      const Cell* cell = t.CellAt(r, c);
      if (cell && cell != last && !cell->text.empty()) lines.push_back(cell->text);
      last = cell;
    }
    info->header[c] = JoinCellLines(lines);
    info->roles[c] = rules.RoleOf(info->header[c]);
  }
}

}  // namespace

void ClassifyRows(const Table& t, const Rules& rules, TableInfo* info) {
  info->spacer_rows.clear();
  info->total_rows.clear();
  info->body_rows.clear();
  for (int r = info->header_rows; r < t.rows(); ++r) {
    const Cell* first = t.CellAt(r, 0);
    if (RowIsEmpty(t, r) && (!first || first->row == r)) {
      info->spacer_rows.push_back(r);
    } else if (first && first->row == r && rules.IsTotalLabel(first->text)) {
      info->total_rows.push_back(r);
    } else {
      info->body_rows.push_back(r);
    }
  }
}

std::vector<TableInfo> AnalyzeTableLayout(const Document& doc, const Rules& rules) {
  std::vector<TableInfo> out;
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const auto* t = std::get_if<Table>(&doc.blocks[b]);
    if (!t) continue;
    TableInfo info;
    info.index = static_cast<int>(out.size());
    info.block = static_cast<int>(b);
    info.where.line = t->where.line;
    info.where.table = info.index;
    info.where.part = t->where.part;
    FindCaption(doc, static_cast<int>(b), rules, &info);
    ReadHeader(*t, rules, &info);
    ClassifyRows(*t, rules, &info);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace fuhua
