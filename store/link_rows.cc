// LinkRows and PreviousIds (link_rows.h): Store::LoadLinkRows and
// Store::LoadPreviousIds read them in windows of ids, the linker's inputs are
// made from them.
#include "store/link_rows.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <unordered_set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "pipeline/text_util.h"
#include "store/identity_diff.h"
#include "store/sql_cursor.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_guard.h"

namespace fuhua {

namespace {

// Ids per query window (ForEachIdWindow; entity_members: at most three rows
// per record id).
constexpr int64_t kWindow = 5000;

const char* const kLinkColumns =
    "r.id, r.notice_id, n.year, r.carrier_type, r.name, r.name_key, r.name_place, "
    "r.name_legal_form, r.operator, r.operator_key, r.operator_place, r.region_kind, "
    "r.region_code, r.region_parent_code, r.evaluated_as, r.grade, "
    "n.doc_number, n.title, n.sha256";  // the notice's identity (ReadIdentity)

// Interns a row's text columns, each against the same column of the row
// before: most repeat from row to row (a notice's carrier type, grade,
// region and legal forms), and a repeat then costs a compare instead of a
// copy, a hash and a lookup (those were 60% of reading the rows).
class RowInterner {
 public:
  explicit RowInterner(TextPool* text) : text_(text) {}

  template <class Cursor>
  TextId Next(Cursor* c) {
    size_t col = c->column();
    std::optional<std::string_view> v = c->OptView();
    if (col >= last_.size()) last_.resize(col + 1);
    Last& last = last_[col];
    if (last.seen && last.null == !v && (!v || last.text == *v)) return last.id;
    last.seen = true, last.null = !v;
    last.id = v ? text_->Intern(*v) : TextPool::kNull;
    last.text = text_->Str(last.id);  // the pool's copy: no allocation here
    return last.id;
  }

  // A key column, then the columns of its parts, which count only when the
  // key is there (as ReadNameKey in notice_read.cc reads them).
  template <class Cursor>
  void Key(Cursor* c, TextId* key, std::initializer_list<TextId*> parts) {
    bool keyed = !c->NextIsNull();
    *key = Next(c);
    for (TextId* part : parts) {
      TextId value = Next(c);
      if (keyed) *part = value;
    }
  }

 private:
  struct Last {
    bool seen = false, null = false;
    std::string_view text;  // in the pool
    TextId id = TextPool::kNull;
  };
  TextPool* text_;
  std::vector<Last> last_;  // by column
};

// The columns of kLinkColumns, in order, from a row read back (SqlCursor) or
// from the values a record was written with (WrittenCursor).
template <class Cursor>
LinkRow ReadLinkRow(Cursor& c, RowInterner* text, ProfileInterner* profiles) {
  LinkRow r;
  r.id = c.Int();
  r.notice_id = c.Int();
  r.year = c.IntOr(0);
  LinkProfile p;
  p.carrier_type = text->Next(&c);
  p.name = text->Next(&c);  // NOT NULL
  text->Key(&c, &p.name_key, {&p.name_place, &p.name_legal_form});
  p.operator_name = text->Next(&c);
  text->Key(&c, &p.operator_key, {&p.operator_place});
  p.has_region = !c.NextIsNull();  // the kind is written for every region
  p.region_kind = ParseRegionKind(c.Text());
  p.region_code = text->Next(&c);
  p.region_parent = text->Next(&c);
  p.evaluated_as = text->Next(&c);
  p.grade = text->Next(&c);
  r.profile = profiles->Intern(p);
  return r;
}

// The notice identity that follows a row's link columns (kLinkColumns).
template <class Cursor>
std::string ReadIdentity(Cursor& c) {
  // Each copied as it is read: on PostgreSQL a view lasts until the next.
  auto next = [&]() -> std::optional<std::string> {
    std::optional<std::string_view> v = c.OptView();
    return v ? std::optional<std::string>(*v) : std::nullopt;
  };
  std::optional<std::string> doc_number = next(), title = next(), sha256 = next();
  return NoticeIdentity(doc_number, title, sha256.value_or(""));
}

// A written row: its values in the order of its table's column list.
struct WrittenRow {
  std::span<const SqlValue> values;
  std::string_view columns;
};

// kLinkColumns over the values a record and its notice were written with
// (see WrittenLinkRows): NULL and text read as SqlRows reads them.
class WrittenCursor {
 public:
  // `at`: per link column, its row (0 the record, 1 the notice) and index.
  WrittenCursor(const WrittenRow (&rows)[2], const std::vector<std::pair<int, size_t>>& at)
      : rows_(rows), at_(at) {}
  size_t column() const { return col_; }
  bool NextIsNull() const { return std::holds_alternative<std::monostate>(At(col_)); }
  int64_t Int() {
    const SqlValue& v = At(col_++);
    return std::holds_alternative<int64_t>(v) ? std::get<int64_t>(v) : 0;
  }
  int IntOr(int fallback) {
    const SqlValue& v = At(col_++);
    return std::holds_alternative<int64_t>(v) ? static_cast<int>(std::get<int64_t>(v)) : fallback;
  }
  std::optional<std::string_view> OptView() {
    const SqlValue& v = At(col_++);
    return SqlTextOf(v);  // the link columns are TEXT (NULL: nullopt)
  }
  std::string Text() { return std::string(OptView().value_or("")); }

 private:
  const SqlValue& At(size_t col) const {
    const auto& [row, index] = at_[col];
    return rows_[row].values[index];
  }
  const WrittenRow (&rows_)[2];
  const std::vector<std::pair<int, size_t>>& at_;
  size_t col_ = 0;
};

// The names of a column list ("a, b, c").
std::vector<std::string_view> ColumnNames(std::string_view list) {
  std::vector<std::string_view> names;
  for (size_t at = 0; at <= list.size();) {
    size_t comma = std::min(list.find(',', at), list.size());
    std::string_view name = list.substr(at, comma - at);
    while (name.starts_with(' ')) name.remove_prefix(1);
    names.push_back(name);
    at = comma + 1;
  }
  return names;
}

// Per column of kLinkColumns (r.* of the record, n.* of its notice), where
// it is among the written rows' columns.
std::vector<std::pair<int, size_t>> LinkColumnPlaces(const WrittenRow (&rows)[2]) {
  const std::vector<std::string_view> names[2] = {ColumnNames(rows[0].columns),
                                                  ColumnNames(rows[1].columns)};
  std::vector<std::pair<int, size_t>> out;
  for (std::string_view link : ColumnNames(kLinkColumns)) {
    const int row = link.starts_with("n.") ? 1 : 0;
    const std::vector<std::string_view>& in = names[row];
    auto it = std::find(in.begin(), in.end(), link.substr(2));
    if (it == in.end() || static_cast<size_t>(it - in.begin()) >= rows[row].values.size())
      throw std::logic_error("link column " + std::string(link) + " is not a written column");
    out.emplace_back(row, static_cast<size_t>(it - in.begin()));
  }
  return out;
}

// Merged [first, last] record ids of the notices (by record id): a
// notice's records have a block of ids of their own (ReserveIds).
std::vector<std::pair<int64_t, int64_t>> Covered(const LinkRows& rows) {
  std::vector<std::pair<int64_t, int64_t>> out;
  ForEachRecord(rows, [&](const LinkRow& r, const NoticeBlock&, size_t) {
    if (!out.empty() && out.back().second + 1 >= r.id)
      out.back().second = std::max(out.back().second, r.id);
    else
      out.emplace_back(r.id, r.id);
  });
  return out;
}

// The ids of the current notices (none superseded since).
std::unordered_set<int64_t> CurrentNoticeIds(SqlSession* db) {
  std::unordered_set<int64_t> current;
  SqlRows n = db->Query("SELECT id FROM notices WHERE superseded_by IS NULL");
  while (n.Next()) current.insert(n.Int(0));
  return current;
}

// FNV-1a: a step over a number, and over text fed piece by piece (so a
// natural key held in parts hashes as its text).
constexpr uint64_t kFnvBasis = 14695981039346656037ull;
uint64_t FnvStep(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ULL; }
uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = FnvStep(h, c);
  return h;
}

// A notice's signature for folding: its identity, then each record's year
// and profile, the high bits folded down (the map takes the low ones).
uint64_t Signature(TextId identity, std::span<const LinkRow> rows) {
  uint64_t h = FnvStep(kFnvBasis, identity);
  for (const LinkRow& r : rows) h = FnvStep(FnvStep(h, r.profile), static_cast<uint32_t>(r.year));
  return h ^ (h >> 29);
}

// Each row's weight: one, and one more for every copy of its notice.
void SetWeights(LinkRows* rows) {
  rows->weight.clear();
  for (const NoticeBlock& b : rows->notices) {
    if (!b.copy) continue;
    if (rows->weight.empty()) rows->weight.assign(rows->rows.size(), 1);
    for (uint32_t k = 0; k < b.count; ++k) ++rows->weight[b.row + k];
  }
}

// Sets `to` to text `id`, reusing the buffer it has.
void Set(const TextPool& t, TextId id, std::optional<std::string>* to) {
  if (id == TextPool::kNull) {
    to->reset();
  } else if (*to) {
    (*to)->assign(t.Str(id));
  } else {
    to->emplace(t.Str(id));
  }
}

// Engages `to` when `present`, else resets it; an engaged value keeps its buffers.
template <class T>
T* Keep(bool present, std::optional<T>* to) {
  if (!present) to->reset();
  if (present && !*to) to->emplace();
  return present ? &**to : nullptr;
}

// Fills in the GradeRecord fields MakeLinkInput and NaturalKey read (the
// equivalence is tested: tests/link_rows_test.cc). `g` is reused from row to
// row, so its strings are rarely allocated again.
void LinkFields(const LinkRows& rows, const LinkRow& row, GradeRecord* g) {
  const TextPool& t = rows.text;
  const LinkProfile& r = rows.Of(row);
  Set(t, r.carrier_type, &g->carrier_type);
  g->name_key.key.assign(t.Str(r.name_key));
  Set(t, r.name_place, &g->name_key.place);
  Set(t, r.name_legal_form, &g->name_key.legal_form);
  if (NameKey* k = Keep(r.operator_key != TextPool::kNull, &g->operator_key)) {
    k->key.assign(t.Str(r.operator_key));
    Set(t, r.operator_place, &k->place);
  }
  if (Region* region = Keep(r.has_region, &g->region)) {
    Set(t, r.region_code, &region->code);
    region->kind = r.region_kind;
  }
  Set(t, r.evaluated_as, &g->evaluated_as);
  Set(t, r.grade, &g->grade);
}

// A profile's hash: FNV-1a over its ids, the high bits folded down (the
// table takes the low ones).
size_t HashOf(const LinkProfile& p) {
  size_t h = static_cast<size_t>(p.has_region) * 31 + static_cast<size_t>(p.region_kind);
  for (TextId id : {p.carrier_type, p.name, p.name_key, p.name_place, p.name_legal_form,
                    p.operator_name, p.operator_key, p.operator_place, p.region_code,
                    p.region_parent, p.evaluated_as, p.grade})
    h = FnvStep(h, id);
  return h ^ (h >> 29);
}

int RoleIndex(std::string_view role) {
  if (role == "carrier") return 0;
  if (role == "operator") return 1;
  return role == "named_organisation" ? 2 : -1;
}

}  // namespace

std::optional<Region> RegionOf(const LinkRows& rows, const LinkRow& row) {
  const LinkProfile& r = rows.Of(row);
  if (!r.has_region) return std::nullopt;
  Region region;
  region.code = rows.text.Opt(r.region_code);
  region.kind = r.region_kind;
  region.parent_code = rows.text.Opt(r.region_parent);
  return region;
}

std::string DivisionOf(const Region& r) {
  if (r.code) return *r.code;
  return r.parent_code.value_or("");
}

size_t LinkRows::records() const {
  size_t n = 0;
  for (const NoticeBlock& b : notices) n += b.count;
  return n;
}

int64_t LinkRows::RowOf(int64_t record_id) const {
  auto b = std::upper_bound(notices.begin(), notices.end(), record_id,
                            [](int64_t id, const NoticeBlock& x) { return id < x.first_record; });
  if (b == notices.begin()) return -1;
  --b;
  if (b->copy) {
    const int64_t k = record_id - b->first_record;
    return k < b->count ? static_cast<int64_t>(b->row) + k : -1;
  }
  auto first = rows.begin() + b->row, last = first + b->count;
  auto r = std::lower_bound(first, last, record_id, [](const LinkRow& x, int64_t id) { return x.id < id; });
  return r != last && r->id == record_id ? r - rows.begin() : -1;
}

std::string NoticeIdentity(const std::optional<std::string>& doc_number,
                           const std::optional<std::string>& title, std::string_view sha256) {
  const NoticeKeySource source = KeySourceOf(doc_number, title, sha256);
  std::string out(1, source.kind);
  out.append(source.text);
  return out;
}

NoticeFolder::NoticeFolder(LinkRows* out, bool fold)
    : out_(out), fold_(fold), pending_(out->rows.size()) {}

bool NoticeFolder::IsCopy(const NoticeBlock& original, size_t first) const {
  const std::vector<LinkRow>& rows = out_->rows;
  for (uint32_t k = 0; k < original.count; ++k) {
    const LinkRow &a = rows[original.row + k], &c = rows[first + k];
    if (a.profile != c.profile || a.year != c.year || c.id != rows[first].id + k) return false;
  }
  return true;
}

void NoticeFolder::EndNotice(std::string_view identity) {
  std::vector<LinkRow>& rows = out_->rows;
  const size_t first = pending_, n = rows.size() - first;
  pending_ = rows.size();
  if (n == 0) return;  // no records: nothing to link
  NoticeBlock b{rows[first].notice_id, rows[first].id, static_cast<uint32_t>(first),
                static_cast<uint32_t>(n), out_->text.Intern(identity), false};
  if (fold_) {
    const uint64_t sig = Signature(b.identity, std::span(rows).subspan(first));
    auto [lo, hi] = originals_.equal_range(sig);
    for (auto it = lo; it != hi; ++it) {
      const NoticeBlock& o = out_->notices[it->second];
      if (o.identity != b.identity || o.count != n || !IsCopy(o, first)) continue;
      b.row = o.row, b.copy = true;
      rows.resize(first);
      pending_ = first;
      out_->notices.push_back(b);
      return;
    }
    originals_.emplace(sig, static_cast<uint32_t>(out_->notices.size()));
  }
  out_->notices.push_back(b);
}

void NoticeFolder::Truncate(size_t n) {
  std::vector<NoticeBlock>& blocks = out_->notices;
  size_t keep_rows = pending_;  // the rows of the first original dropped go, and all after
  for (size_t i = n; i < blocks.size(); ++i)
    if (!blocks[i].copy) {
      keep_rows = blocks[i].row;
      break;
    }
  if (n < blocks.size()) blocks.resize(n);
  out_->rows.resize(keep_rows);
  pending_ = keep_rows;
  std::erase_if(originals_, [&](const auto& e) { return e.second >= n; });
}

RowInputs::RowInputs(const LinkRows& rows,
                     const LinkNotices& notices,
                     const std::unordered_set<std::string_view>& decided)
    : rows_(rows) {
  if (decided.empty()) return;
  GradeRecord g;
  std::optional<int64_t> notice;  // rows come notice by notice: a lookup each
  std::string key;
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const LinkRow& r = rows.rows[i];
    if (r.notice_id != notice) {
      key = notices.Key(r.notice_id).value_or(std::string_view());
      notice = r.notice_id;
    }
    LinkFields(rows, r, &g);
    std::string natural = NaturalKey(key, g);
    if (!decided.count(natural)) continue;
    natural_.emplace(i, std::move(natural));
    decided_copies_ = decided_copies_ || rows.Weight(i) > 1;
  }
}

// MakeLinkInput's reading of a record, from the row's interned text: what
// LinkFields would put in a GradeRecord, viewed where it is held.
LinkInput RowInputs::operator[](size_t i) const {
  const LinkRow& row = rows_.rows[i];
  const LinkProfile& r = rows_.Of(row);
  const TextPool& t = rows_.text;
  LinkInput in;
  if (auto k = natural_.find(i); k != natural_.end()) in.natural_key = k->second;
  in.notice = row.notice_id;
  in.name_key = t.Str(r.name_key);
  in.name_place = t.Str(r.name_place);
  in.name_is_org = r.name_legal_form != TextPool::kNull;
  in.carrier_type = t.Str(r.carrier_type);
  if (r.has_region && r.region_kind == RegionKind::kDivision) in.region_code = t.Str(r.region_code);
  if (r.operator_key != TextPool::kNull) {
    in.operator_key = t.Str(r.operator_key);
    in.operator_place = t.Str(r.operator_place);
  }
  in.evaluated_as = t.Str(r.evaluated_as);
  in.grade = t.Str(r.grade);
  return in;
}

NaturalKeys::NaturalKeys(const LinkRows& rows,
                         const LinkNotices& notices) {
  parts_.reserve(rows.rows.size());
  GradeRecord g;
  std::optional<int64_t> notice;  // rows come notice by notice: a lookup each
  TextId head = TextPool::kNull;
  for (const LinkRow& r : rows.rows) {
    if (r.notice_id != notice) {
      head = heads_.Intern(notices.Key(r.notice_id).value_or(std::string_view()));
      notice = r.notice_id;
    }
    LinkFields(rows, r, &g);
    parts_.emplace_back(head, tails_.Intern(NaturalKeyTail(g)));
  }
}

void NaturalKeys::Add(std::string_view head, std::string_view tail) {
  parts_.emplace_back(heads_.Intern(head), tails_.Intern(tail));
}

std::string NaturalKeys::Text(size_t row) const {
  std::string text(Head(row));
  text += Tail(row);
  return text;
}

bool NaturalKeys::Same(size_t a, size_t b) const {
  return parts_[a] == parts_[b] || CompareJoined(Head(a), Tail(a), Head(b), Tail(b)) == 0;
}

bool NaturalKeys::Same(size_t row, std::string_view key) const {
  std::string_view head = Head(row), tail = Tail(row);
  return key.size() == head.size() + tail.size() && key.starts_with(head) && key.ends_with(tail);
}

size_t NaturalKeys::Hash(size_t row) const {
  return static_cast<size_t>(Fnv(Fnv(kFnvBasis, Head(row)), Tail(row)));
}

size_t NaturalKeys::Hash(std::string_view key) { return static_cast<size_t>(Fnv(kFnvBasis, key)); }

PreviousIds::PreviousIds(const NaturalKeys& natural) : natural_(natural) {}

// Made at the first previous id: a store's first relink has none, and the
// index of its records' keys (24 bytes a record) would only be hashed and held.
void PreviousIds::Index() {
  const size_t n = natural_.size();
  first_.resize(n), ids_.resize(n);
  size_t slots = 16;
  while (slots < n * 2) slots *= 2;
  table_.assign(slots, 0);
  for (size_t row = 0; row < n; ++row) {
    size_t i = natural_.Hash(row) & (slots - 1);
    while (table_[i] && !natural_.Same(table_[i] - 1, row)) i = (i + 1) & (slots - 1);
    if (!table_[i]) table_[i] = static_cast<uint32_t>(row + 1);
    first_[row] = table_[i] - 1;
  }
}

int64_t PreviousIds::Find(std::string_view natural_key) const {
  if (table_.empty()) return -1;
  for (size_t i = NaturalKeys::Hash(natural_key) & (table_.size() - 1);;
       i = (i + 1) & (table_.size() - 1)) {
    if (!table_[i]) return -1;
    if (natural_.Same(table_[i] - 1, natural_key)) return table_[i] - 1;
  }
}

void PreviousIds::Add(std::string_view natural_key, std::string_view role, const std::string& entity_id) {
  if (table_.empty()) Index();
  int64_t row = Find(natural_key);
  int r = RoleIndex(role);
  if (row < 0 || r < 0) return;  // no current record has it: never asked for
  ids_[static_cast<size_t>(row)][static_cast<size_t>(r)] = entity_ids_.Intern(entity_id);
}

void PreviousIds::Add(size_t row, std::string_view role, const std::string& entity_id) {
  if (table_.empty()) Index();
  int r = RoleIndex(role);
  if (r < 0) return;
  ids_[first_[row]][static_cast<size_t>(r)] = entity_ids_.Intern(entity_id);
}

std::string_view PreviousIds::Of(std::string_view natural_key, std::string_view role) const {
  return IdOf(Find(natural_key), role);
}

std::string_view PreviousIds::Of(size_t row, std::string_view role) const {
  return IdOf(table_.empty() ? int64_t{-1} : int64_t{first_[row]}, role);
}

std::string_view PreviousIds::IdOf(int64_t first, std::string_view role) const {
  int r = RoleIndex(role);
  if (first < 0 || r < 0) return entity_ids_.Str(TextPool::kNull);
  return entity_ids_.Str(ids_[static_cast<size_t>(first)][static_cast<size_t>(r)]);
}

ProfileInterner::ProfileInterner(std::vector<LinkProfile>* profiles) : profiles_(profiles) {
  Grow();
}

uint32_t ProfileInterner::Intern(const LinkProfile& p) {
  if (2 * (profiles_->size() + 1) > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  for (size_t i = HashOf(p) & mask;; i = (i + 1) & mask) {
    if (!table_[i]) {
      profiles_->push_back(p);
      table_[i] = static_cast<uint32_t>(profiles_->size());
      return table_[i] - 1;
    }
    if ((*profiles_)[table_[i] - 1] == p) return table_[i] - 1;
  }
}

// Four slots a profile at least (Intern grows it past half full), each
// profile placed again.
void ProfileInterner::Grow() {
  size_t slots = 16;
  while (slots < 4 * (profiles_->size() + 1)) slots *= 2;
  table_.assign(slots, 0);
  for (size_t k = 0; k < profiles_->size(); ++k) {
    size_t i = HashOf((*profiles_)[k]) & (slots - 1);
    while (table_[i]) i = (i + 1) & (slots - 1);
    table_[i] = static_cast<uint32_t>(k + 1);
  }
}

struct WrittenLinkRows::Interner {
  explicit Interner(LinkRows* rows)
      : text(&rows->text), profiles(&rows->profiles), folder(rows, true) {}
  RowInterner text;
  ProfileInterner profiles;
  NoticeFolder folder;
};

WrittenLinkRows::WrittenLinkRows() : interner_(std::make_unique<Interner>(&rows_)) {}
WrittenLinkRows::~WrittenLinkRows() = default;

void WrittenLinkRows::Add(std::span<const SqlValue> record, std::string_view record_columns,
                          std::span<const SqlValue> notice, std::string_view notice_columns) {
  const WrittenRow rows[2] = {{record, record_columns}, {notice, notice_columns}};
  if (places_.empty()) places_ = LinkColumnPlaces(rows);
  WrittenCursor c(rows, places_);
  interner_->folder.Add(ReadLinkRow(c, &interner_->text, &interner_->profiles));
  if (identity_.empty()) identity_ = ReadIdentity(c);  // the notice's first record
}

void WrittenLinkRows::EndNotice() {
  interner_->folder.EndNotice(identity_);
  identity_.clear();
}

void WrittenLinkRows::Truncate(size_t n) {
  interner_->folder.Truncate(n);
  identity_.clear();
}

LinkRows WrittenLinkRows::Take() {
  LinkRows out = std::move(rows_);
  rows_ = LinkRows();
  interner_ = std::make_unique<Interner>(&rows_);
  return out;
}

void LinkNotices::Add(int64_t id, std::string_view key, std::optional<std::string_view> division) {
  ids_.push_back(id);
  values_.emplace_back(text_.Intern(key), division ? text_.Intern(*division) : TextPool::kNull);
}

void LinkNotices::Reserve(size_t n) {
  ids_.reserve(n);
  values_.reserve(n);
}

const std::pair<TextId, TextId>* LinkNotices::Find(int64_t id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  return it != ids_.end() && *it == id ? &values_[static_cast<size_t>(it - ids_.begin())] : nullptr;
}

std::optional<std::string_view> LinkNotices::Key(int64_t id) const {
  const auto* v = Find(id);
  return v ? std::optional(text_.Str(v->first)) : std::nullopt;
}

std::optional<std::string_view> LinkNotices::Division(int64_t id) const {
  const auto* v = Find(id);
  return v && v->second != TextPool::kNull ? std::optional(text_.Str(v->second)) : std::nullopt;
}

Status Store::LoadLinkNotices(LinkNotices* out) {
  return GuardStore(target_, "load notices to link", [&] {
    *out = LinkNotices();
    out->Reserve(static_cast<size_t>(
        db_->QueryInt("SELECT COUNT(*) FROM notices WHERE superseded_by IS NULL").value_or(0)));
    ForEachIdWindow(db_.get(), "notices", "id", kWindow, [&](int64_t after, int64_t upto) {
      SqlRows rows = db_->Query(
          "SELECT id, doc_number, title, sha256, jurisdiction_source, jurisdiction_raw, "
          "jurisdiction_code, jurisdiction_parent_code FROM notices "
          "WHERE id > ? AND id <= ? AND superseded_by IS NULL ORDER BY id",
          {after, upto});
      NoticeMetadata meta;
      while (rows.Next()) {
        meta.doc_number = rows.OptText(1);
        meta.title = rows.OptText(2);
        const std::string key = NoticeKey(meta, rows.Text(3));  // MatchKey is ICU work: once a notice
        std::optional<std::string> division;
        if (!rows.IsNull(4) && !rows.IsNull(5)) {  // a jurisdiction (ReadJurisdiction)
          Region place;
          place.code = rows.OptText(6);
          place.parent_code = rows.OptText(7);
          division = DivisionOf(place);
        }
        out->Add(rows.Int(0), key, division);
      }
    });
    return Status::Ok();
  });
}

void Store::KeepWrittenLinkRows() {
  if (!written_) written_ = std::make_unique<WrittenLinkRows>();
}

// The rows this connection wrote (WrittenLinkRows), of the notices still
// current, and every other current record read from the store, folded
// notice by notice in record id order (NoticeFolder): the windows of ids
// skip the blocks the written rows cover, and each written notice is fed in
// before the first stored record that comes after it.
Status Store::LoadLinkRows(LinkRows* out, bool fold) {
  return GuardStore(target_, "load records to link", [&] {
    LinkRows written = written_ ? written_->Take() : LinkRows();
    const std::vector<std::pair<int64_t, int64_t>> covered = Covered(written);
    const std::unordered_set<int64_t> current =
        written.notices.empty() ? std::unordered_set<int64_t>() : CurrentNoticeIds(db_.get());
    *out = LinkRows();
    out->text = std::move(written.text);  // what the written rows' profiles name
    out->profiles = std::move(written.profiles);
    // Room for a row per record id handed out: grown by doubling, the rows
    // of a store took up to three times their size while they were copied.
    // Only the pages the rows fill become resident (copies add none); the
    // rest is given back below.
    const std::optional<int64_t> lo = db_->QueryInt("SELECT MIN(id) FROM records"),
                                 hi = db_->QueryInt("SELECT MAX(id) FROM records");
    if (lo && hi) out->rows.reserve(static_cast<size_t>(*hi - *lo + 1));
    NoticeFolder folder(out, fold);
    RowInterner interner(&out->text);
    ProfileInterner profiles(&out->profiles);  // over the written rows' profiles
    size_t next_written = 0;
    auto written_before = [&](int64_t record_id) {
      for (; next_written < written.notices.size(); ++next_written) {
        const NoticeBlock& b = written.notices[next_written];
        if (b.first_record >= record_id) return;
        if (!current.count(b.notice_id)) continue;  // superseded since it was written
        for (uint32_t k = 0; k < b.count; ++k) folder.Add(RecordOf(written, b, k));
        folder.EndNotice(std::string(out->text.Str(b.identity)));  // a copy: interning may grow the pool
      }
    };
    const std::string select = std::string("SELECT ") + kLinkColumns +
                               " FROM records r JOIN notices n ON n.id = r.notice_id"
                               " WHERE r.id > ? AND r.id <= ? AND n.superseded_by IS NULL "
                               "ORDER BY r.id";
    std::optional<int64_t> notice;  // the stored notice being read, and its identity
    std::string identity;
    auto read = [&](int64_t after, int64_t upto) {
      SqlRows rows = db_->Query(select, {after, upto});
      while (rows.Next()) {
        SqlCursor c(rows);
        LinkRow r = ReadLinkRow(c, &interner, &profiles);
        if (r.notice_id != notice) {
          if (notice) folder.EndNotice(identity);
          written_before(r.id);
          notice = r.notice_id;
          identity = ReadIdentity(c);
        }
        folder.Add(r);
      }
    };
    ForEachIdWindow(db_.get(), "records", "id", kWindow, [&](int64_t after, int64_t upto) {
      auto block = std::lower_bound(covered.begin(), covered.end(), after + 1,
                                    [](const auto& b, int64_t id) { return b.second < id; });
      for (; block != covered.end() && block->first <= upto; ++block) {  // the gaps of (after, upto]
        if (block->first - 1 > after) read(after, block->first - 1);
        after = std::max(after, block->second);
      }
      if (after < upto) read(after, upto);
    });
    if (notice) folder.EndNotice(identity);
    written_before(std::numeric_limits<int64_t>::max());
    SetWeights(out);
    out->rows.shrink_to_fit();  // held through the whole relink
    out->notices.shrink_to_fit();
    return Status::Ok();
  });
}

// Window by window, in the order of the members' key, as the ids they set
// must come (the last one of a natural key wins). A window whose members are
// all of current records takes their keys from `current` by record id;
// joining every member to its record and notice to make its natural key was
// a third of relinking a store that has its identity (fuhua link, or an
// ingest into a store of 10,000 notices). A window with a member of a
// record no longer current (its notice superseded since the last relink)
// makes them all.
Status Store::LoadPreviousIds(const LinkRows& current, PreviousIds* ids) {
  return GuardStore(target_, "load previous entity ids", [&] {
    ForEachIdWindow(db_.get(), "entity_members", "record_id", kWindow, [&](int64_t after, int64_t upto) {
      SqlRows m = db_->Query(
          "SELECT record_id, role, entity_id FROM entity_members "
          "WHERE record_id > ? AND record_id <= ? ORDER BY record_id, role",
          {after, upto});
      std::vector<size_t> at;  // each member's row (a copy's record: its original's)
      while (m.Next()) {
        const int64_t row = current.RowOf(m.Int(0));
        if (row < 0) {
          ForEachStoredMember(db_.get(), after, upto, [&](MemberRow&& s) {
            ids->Add(s.natural_key, s.role, s.entity_id);
          });
          return;
        }
        at.push_back(static_cast<size_t>(row));
      }
      m.Rewind();
      for (size_t k = 0; m.Next(); ++k) ids->Add(at[k], m.Text(1), m.Text(2));
    });
    return Status::Ok();
  });
}

}  // namespace fuhua
