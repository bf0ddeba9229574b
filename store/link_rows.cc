// LinkRows and PreviousIds (link_rows.h): Store::LoadLinkRows and
// Store::LoadPreviousIds read them in windows of ids, the linker's inputs are
// made from them.
#include "store/link_rows.h"

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "store/identity_diff.h"
#include "store/sql_cursor.h"
#include "store/sql_session.h"
#include "store/store.h"
#include "store/store_guard.h"

namespace fuhua {

namespace {

// Ids per query window. Poco's RecordSet holds a whole result in memory:
// a window bounds it (entity_members: at most three rows per record id).
constexpr int64_t kWindow = 5000;

const char* const kLinkColumns =
    "r.id, r.notice_id, n.year, r.carrier_type, r.name, r.name_key, r.name_place, "
    "r.name_legal_form, r.operator, r.operator_key, r.operator_place, r.region_kind, "
    "r.region_code, r.region_parent_code, r.evaluated_as, r.grade";

// Calls `read` on every row of `select`, whose WHERE starts with
// "`id` > ? AND `id` <= ?", one window of ids of `table` after another. MIN
// and MAX come from the primary key's index.
// Calls `fn` with consecutive windows (after, upto] of `id` values that
// cover every row of `table`.
void ForEachWindow(SqlSession* db, const std::string& table, const std::string& id,
                   const std::function<void(int64_t, int64_t)>& fn) {
  std::optional<int64_t> first = db->QueryInt("SELECT MIN(" + id + ") FROM " + table);
  std::optional<int64_t> last = db->QueryInt("SELECT MAX(" + id + ") FROM " + table);
  if (!first || !last) return;
  for (int64_t after = *first - 1; after < *last; after += kWindow) fn(after, after + kWindow);
}

void ForEachRow(SqlSession* db, const std::string& table, const std::string& id,
                const std::string& select, const std::function<void(const SqlRows&)>& read) {
  ForEachWindow(db, table, id, [&](int64_t after, int64_t upto) {
    SqlRows rows = db->Query(select, {after, upto});
    while (rows.Next()) read(rows);
  });
}

// Interns a row's text columns, each against the same column of the row
// before: most repeat from row to row (a notice's carrier type, grade,
// region and legal forms), and a repeat then costs a compare instead of a
// copy, a hash and a lookup (those were 60% of reading the rows).
class RowInterner {
 public:
  explicit RowInterner(TextPool* text) : text_(text) {}

  TextId Next(SqlCursor* c) {
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
  void Key(SqlCursor* c, TextId* key, std::initializer_list<TextId*> parts) {
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

LinkRow ReadLinkRow(const SqlRows& rows, RowInterner* text) {
  SqlCursor c(rows);
  LinkRow r;
  r.id = c.Int();
  r.notice_id = c.Int();
  r.year = c.IntOr(0);
  r.carrier_type = text->Next(&c);
  r.name = text->Next(&c);  // NOT NULL
  text->Key(&c, &r.name_key, {&r.name_place, &r.name_legal_form});
  r.operator_name = text->Next(&c);
  text->Key(&c, &r.operator_key, {&r.operator_place});
  r.has_region = !c.NextIsNull();  // the kind is written for every region
  r.region_kind = ParseRegionKind(c.Text());
  r.region_code = text->Next(&c);
  r.region_parent = text->Next(&c);
  r.evaluated_as = text->Next(&c);
  r.grade = text->Next(&c);
  return r;
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
void LinkFields(const LinkRows& rows, const LinkRow& r, GradeRecord* g) {
  const TextPool& t = rows.text;
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

int RoleIndex(const std::string& role) {
  if (role == "carrier") return 0;
  if (role == "operator") return 1;
  return role == "named_organisation" ? 2 : -1;
}

}  // namespace

std::optional<Region> RegionOf(const LinkRows& rows, const LinkRow& r) {
  if (!r.has_region) return std::nullopt;
  Region region;
  region.code = rows.text.Opt(r.region_code);
  region.kind = r.region_kind;
  region.parent_code = rows.text.Opt(r.region_parent);
  return region;
}

std::vector<LinkInput> MakeLinkInputs(const LinkRows& rows,
                                      const std::unordered_map<int64_t, std::string>& notice_keys,
                                      TextPool* text) {
  static const std::string kNoKey;
  std::vector<LinkInput> inputs;
  inputs.reserve(rows.rows.size());
  GradeRecord g;
  for (const LinkRow& r : rows.rows) {
    auto key = notice_keys.find(r.notice_id);
    LinkFields(rows, r, &g);
    inputs.push_back(
        MakeLinkInput(key == notice_keys.end() ? kNoKey : key->second, g, r.notice_id, text));
  }
  return inputs;
}

PreviousIds::PreviousIds(const std::vector<std::string>& natural) {
  for (const std::string& key : natural) {
    uint32_t next = static_cast<uint32_t>(slot_.size());
    slot_.emplace(key, next);
  }
  ids_.assign(slot_.size(), {});
}

void PreviousIds::Add(const std::string& natural_key, const std::string& role,
                      const std::string& entity_id) {
  auto slot = slot_.find(natural_key);
  int r = RoleIndex(role);
  if (slot == slot_.end() || r < 0) return;  // no current record has it: never asked for
  ids_[slot->second][static_cast<size_t>(r)] = entity_ids_.Intern(entity_id);
}

const std::string& PreviousIds::Of(const std::string& natural_key, const std::string& role) const {
  auto slot = slot_.find(natural_key);
  int r = RoleIndex(role);
  if (slot == slot_.end() || r < 0) return entity_ids_.Str(TextPool::kNull);
  return entity_ids_.Str(ids_[slot->second][static_cast<size_t>(r)]);
}

Status Store::LoadLinkRows(LinkRows* out) {
  return GuardStore(target_, "load records to link", [&] {
    out->rows.clear();
    RowInterner interner(&out->text);
    ForEachRow(db_.get(), "records", "id",
               std::string("SELECT ") + kLinkColumns +
                   " FROM records r JOIN notices n ON n.id = r.notice_id"
                   " WHERE r.id > ? AND r.id <= ? AND n.superseded_by IS NULL ORDER BY r.id",
               [&](const SqlRows& rows) { out->rows.push_back(ReadLinkRow(rows, &interner)); });
    out->rows.shrink_to_fit();  // held through the whole relink
    return Status::Ok();
  });
}

Status Store::LoadPreviousIds(PreviousIds* ids) {
  return GuardStore(target_, "load previous entity ids", [&] {
    ForEachWindow(db_.get(), "entity_members", "record_id", [&](int64_t after, int64_t upto) {
      ForEachStoredMember(db_.get(), after, upto, [&](MemberRow&& m) {
        ids->Add(m.natural_key, m.role, m.entity_id);
      });
    });
    return Status::Ok();
  });
}

}  // namespace fuhua
