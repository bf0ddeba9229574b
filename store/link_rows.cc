// LinkRows and PreviousIds (link_rows.h): Store::LoadLinkRows and
// Store::LoadPreviousIds read them in windows of ids, the linker's inputs are
// made from them.
#include "store/link_rows.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <unordered_set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

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
    "r.region_code, r.region_parent_code, r.evaluated_as, r.grade";

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
    if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
    return std::string_view(std::get<std::string>(v));  // the link columns are TEXT
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

// Merged [first, last] record ids of the rows (by id), notice by notice:
// a notice's records have a block of ids of their own (ReserveIds).
std::vector<std::pair<int64_t, int64_t>> Covered(const std::vector<LinkRow>& rows) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const LinkRow& r : rows) {
    if (!out.empty() && out.back().second + 1 >= r.id)
      out.back().second = std::max(out.back().second, r.id);
    else
      out.emplace_back(r.id, r.id);
  }
  return out;
}

// Drops the rows of notices that are no longer current (superseded since).
void KeepCurrent(SqlSession* db, std::vector<LinkRow>* rows) {
  if (rows->empty()) return;
  std::unordered_set<int64_t> current;
  SqlRows n = db->Query("SELECT id FROM notices WHERE superseded_by IS NULL");
  while (n.Next()) current.insert(n.Int(0));
  std::erase_if(*rows, [&](const LinkRow& r) { return !current.count(r.notice_id); });
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
    h = (h ^ id) * 0x100000001b3ULL;
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

RowInputs::RowInputs(const LinkRows& rows,
                     const std::unordered_map<int64_t, std::string>& notice_keys,
                     const std::unordered_set<std::string_view>& decided)
    : rows_(rows) {
  if (decided.empty()) return;
  static const std::string kNoKey;
  GradeRecord g;
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const LinkRow& r = rows.rows[i];
    auto key = notice_keys.find(r.notice_id);
    LinkFields(rows, r, &g);
    std::string natural = NaturalKey(key == notice_keys.end() ? kNoKey : key->second, g);
    if (decided.count(natural)) natural_.emplace(i, std::move(natural));
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
                         const std::unordered_map<int64_t, std::string>& notice_keys) {
  parts_.reserve(rows.rows.size());
  GradeRecord g;
  std::optional<int64_t> notice;  // rows come notice by notice: a lookup each
  TextId head = TextPool::kNull;
  for (const LinkRow& r : rows.rows) {
    if (r.notice_id != notice) {
      auto key = notice_keys.find(r.notice_id);
      head = heads_.Intern(key == notice_keys.end() ? std::string_view() : key->second);
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

namespace {

// FNV-1a, fed piece by piece, so a key held in parts hashes as its text.
constexpr uint64_t kFnvBasis = 14695981039346656037ull;
uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

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

const std::string& PreviousIds::Of(std::string_view natural_key, std::string_view role) const {
  return IdOf(Find(natural_key), role);
}

const std::string& PreviousIds::Of(size_t row, std::string_view role) const {
  return IdOf(table_.empty() ? int64_t{-1} : int64_t{first_[row]}, role);
}

const std::string& PreviousIds::IdOf(int64_t first, std::string_view role) const {
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
  explicit Interner(LinkRows* rows) : text(&rows->text), profiles(&rows->profiles) {}
  RowInterner text;
  ProfileInterner profiles;
};

WrittenLinkRows::WrittenLinkRows() : interner_(std::make_unique<Interner>(&rows_)) {}
WrittenLinkRows::~WrittenLinkRows() = default;

void WrittenLinkRows::Add(std::span<const SqlValue> record, std::string_view record_columns,
                          std::span<const SqlValue> notice, std::string_view notice_columns) {
  const WrittenRow rows[2] = {{record, record_columns}, {notice, notice_columns}};
  if (places_.empty()) places_ = LinkColumnPlaces(rows);
  WrittenCursor c(rows, places_);
  rows_.rows.push_back(ReadLinkRow(c, &interner_->text, &interner_->profiles));
}

void WrittenLinkRows::Truncate(size_t n) {
  if (n < rows_.rows.size()) rows_.rows.resize(n);
}

LinkRows WrittenLinkRows::Take() {
  LinkRows out = std::move(rows_);
  rows_ = LinkRows();
  interner_ = std::make_unique<Interner>(&rows_);
  return out;
}

Status Store::LoadLinkNotices(LinkNotices* out) {
  return GuardStore(target_, "load notices to link", [&] {
    *out = LinkNotices();
    ForEachIdWindow(db_.get(), "notices", "id", kWindow, [&](int64_t after, int64_t upto) {
      SqlRows rows = db_->Query(
          "SELECT id, doc_number, title, sha256, jurisdiction_source, jurisdiction_raw, "
          "jurisdiction_code, jurisdiction_parent_code FROM notices "
          "WHERE id > ? AND id <= ? AND superseded_by IS NULL",
          {after, upto});
      NoticeMetadata meta;
      while (rows.Next()) {
        const int64_t id = rows.Int(0);
        meta.doc_number = rows.OptText(1);
        meta.title = rows.OptText(2);
        out->key.emplace(id, NoticeKey(meta, rows.Text(3)));  // MatchKey is ICU work: once a notice
        if (rows.IsNull(4) || rows.IsNull(5)) continue;  // no jurisdiction (ReadJurisdiction)
        Region place;
        place.code = rows.OptText(6);
        place.parent_code = rows.OptText(7);
        out->division.emplace(id, DivisionOf(place));
      }
    });
    return Status::Ok();
  });
}

void Store::KeepWrittenLinkRows() {
  if (!written_) written_ = std::make_unique<WrittenLinkRows>();
}

// The rows this connection wrote (WrittenLinkRows), of the notices still
// current, and then every other current record read from the store: the
// windows of ids skip the blocks the written rows cover.
Status Store::LoadLinkRows(LinkRows* out) {
  return GuardStore(target_, "load records to link", [&] {
    *out = written_ ? written_->Take() : LinkRows();
    std::sort(out->rows.begin(), out->rows.end(),
              [](const LinkRow& a, const LinkRow& b) { return a.id < b.id; });
    const std::vector<std::pair<int64_t, int64_t>> covered = Covered(out->rows);
    KeepCurrent(db_.get(), &out->rows);
    const size_t written = out->rows.size();
    // Room for every record id handed out (superseded versions' too: a few
    // more than needed, given back below). Grown by doubling, the rows of a
    // store took up to three times their size while they were copied: the
    // peak of a relink.
    const std::optional<int64_t> lo = db_->QueryInt("SELECT MIN(id) FROM records"),
                                 hi = db_->QueryInt("SELECT MAX(id) FROM records");
    if (lo && hi) out->rows.reserve(std::max(written, static_cast<size_t>(*hi - *lo + 1)));
    RowInterner interner(&out->text);
    ProfileInterner profiles(&out->profiles);  // over the written rows' profiles
    const std::string select = std::string("SELECT ") + kLinkColumns +
                               " FROM records r JOIN notices n ON n.id = r.notice_id"
                               " WHERE r.id > ? AND r.id <= ? AND n.superseded_by IS NULL "
                               "ORDER BY r.id";
    auto read = [&](int64_t after, int64_t upto) {
      SqlRows rows = db_->Query(select, {after, upto});
      while (rows.Next()) {
        SqlCursor c(rows);
        out->rows.push_back(ReadLinkRow(c, &interner, &profiles));
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
    std::inplace_merge(out->rows.begin(), out->rows.begin() + static_cast<std::ptrdiff_t>(written),
                       out->rows.end(),
                       [](const LinkRow& a, const LinkRow& b) { return a.id < b.id; });
    out->rows.shrink_to_fit();  // held through the whole relink
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
  const std::vector<LinkRow>& rows = current.rows;  // by id (LoadLinkRows)
  return GuardStore(target_, "load previous entity ids", [&] {
    ForEachIdWindow(db_.get(), "entity_members", "record_id", kWindow, [&](int64_t after, int64_t upto) {
      SqlRows m = db_->Query(
          "SELECT record_id, role, entity_id FROM entity_members "
          "WHERE record_id > ? AND record_id <= ? ORDER BY record_id, role",
          {after, upto});
      auto by_id = [](const LinkRow& r, int64_t id) { return r.id < id; };
      auto row = std::lower_bound(rows.begin(), rows.end(), after + 1, by_id);
      std::vector<size_t> at;  // each member's row
      while (m.Next()) {
        row = std::lower_bound(row, rows.end(), m.Int(0), by_id);
        if (row == rows.end() || row->id != m.Int(0)) {
          ForEachStoredMember(db_.get(), after, upto, [&](MemberRow&& s) {
            ids->Add(s.natural_key, s.role, s.entity_id);
          });
          return;
        }
        at.push_back(static_cast<size_t>(row - rows.begin()));
      }
      m.Rewind();
      for (size_t k = 0; m.Next(); ++k) ids->Add(at[k], m.Text(1), m.Text(2));
    });
    return Status::Ok();
  });
}

}  // namespace fuhua
