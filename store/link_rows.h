// What a relink (store/identity.cc, store/plan_identity.cc) reads from the
// store: the linking slice of every current record (LinkRows) and the entity
// ids of the previous snapshot (PreviousIds). Whole RecordRows carried every
// record's raw cells, provenance and notice paths, which linking never reads;
// a LinkRow is 24 bytes and its profile, its text interned (the same names,
// keys, types and codes recur across notices and years), is held once for
// all the records that share it.
//   LinkRows rows;
//   Status st = store->LoadLinkRows(&rows);
//   const std::string& name = rows.text.Str(rows.Of(rows.rows[0]).name);
#ifndef FUHUA_STORE_LINK_ROWS_H_
#define FUHUA_STORE_LINK_ROWS_H_

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pipeline/linker.h"
#include "pipeline/notice.h"
#include "pipeline/text_pool.h"
#include "store/sql_session.h"

namespace fuhua {

// What a current record says that linking and the identity snapshot read:
// its text fields, TextIds into LinkRows::text (the name's place and legal
// form are kNull when the record has no name key, the operator's place when
// it has no operator key, as in a GradeRecord read back), and its region.
// The records of a carrier in several notices mostly say the same, so
// LinkRows holds each distinct profile once.
struct LinkProfile {
  bool has_region = false;
  RegionKind region_kind = RegionKind::kUnknown;
  TextId carrier_type = 0, name = 0, name_key = 0, name_place = 0, name_legal_form = 0;
  TextId operator_name = 0, operator_key = 0, operator_place = 0;
  TextId region_code = 0, region_parent = 0, evaluated_as = 0, grade = 0;
  bool operator==(const LinkProfile&) const = default;
};

// A current record: 24 bytes (a relink holds one for every record of the
// store; with its 56 bytes of profile in each, they were its largest part).
struct LinkRow {
  int64_t id = 0;
  int64_t notice_id = 0;
  int year = 0;          // the notice's year; 0 when unknown (what entity years take)
  uint32_t profile = 0;  // index into LinkRows::profiles
};
static_assert(sizeof(LinkRow) == 24, "a relink holds one for every record of the store");

// One current notice's records: its own rows, or, for a copy of an earlier
// notice (the bench's replicas, one notice downloaded twice, a .txt beside
// its .docx that reads the same), the rows of that earlier one, its first
// record's id then standing for first_record, the next for first_record + 1...
// A copy's records link exactly as its original's (linker.h Weight): so the
// relink holds 32 bytes a copied notice instead of a row a record.
struct NoticeBlock {
  int64_t notice_id = 0;
  int64_t first_record = 0;  // its records' ids: first_record .. + count - 1 (a copy's)
  uint32_t row = 0;          // its first row in LinkRows::rows (the original's for a copy)
  uint32_t count = 0;
  TextId identity = 0;       // in LinkRows::text: what its NoticeKey is made of
  bool copy = false;
};

struct LinkRows {
  TextPool text;
  std::vector<LinkProfile> profiles;  // distinct
  std::vector<LinkRow> rows;          // by record id: the records of the notices that are no copy
  std::vector<NoticeBlock> notices;   // every notice with records, by record id
  // Per row: how many records it stands for (itself and its copies'); empty
  // when there is no copy (then 1 each).
  std::vector<uint32_t> weight;
  const LinkProfile& Of(const LinkRow& r) const { return profiles[r.profile]; }
  uint32_t Weight(size_t row) const { return weight.empty() ? 1 : weight[row]; }
  size_t records() const;  // rows and their copies
  // The row a current record id reads, with the id its copy has; -1 if none.
  int64_t RowOf(int64_t record_id) const;
};

// Record k of notice b: its row, with a copy's own id and notice.
inline LinkRow RecordOf(const LinkRows& rows, const NoticeBlock& b, uint32_t k) {
  LinkRow r = rows.rows[b.row + k];
  if (b.copy) r.id = b.first_record + k, r.notice_id = b.notice_id;
  return r;
}

// Every record of `rows`, in record id order (RecordOf):
// f(const LinkRow&, const NoticeBlock&, size_t row).
template <class F>
void ForEachRecord(const LinkRows& rows, F f) {
  for (const NoticeBlock& b : rows.notices)
    for (uint32_t k = 0; k < b.count; ++k) f(RecordOf(rows, b, k), b, static_cast<size_t>(b.row + k));
}

// A notice's key source (linker.h KeySourceOf), tagged with its kind, as
// text: two notices whose identities are equal have the same NoticeKey (the
// reverse need not hold), without the ICU work of matching it.
std::string NoticeIdentity(const std::optional<std::string>& doc_number,
                           const std::optional<std::string>& title, std::string_view sha256);

// Builds LinkRows notice by notice, in record id order: a notice whose
// identity, year and profiles (record by record) are an earlier notice's,
// and whose records' ids are one block, becomes a copy of it (fold = true).
class NoticeFolder {
 public:
  NoticeFolder(LinkRows* out, bool fold);
  void Add(const LinkRow& r) { out_->rows.push_back(r); }  // a record of the notice being added
  void EndNotice(std::string_view identity);               // the notice's records are all added
  // Back to when there were `notices` blocks (a rolled-back write): drops
  // the blocks after them, their rows, and the rows of a notice not ended.
  void Truncate(size_t notices);

 private:
  bool IsCopy(const NoticeBlock& original, size_t first) const;
  LinkRows* out_;
  bool fold_;
  size_t pending_ = 0;  // the first row of the notice being added
  std::unordered_multimap<uint64_t, uint32_t> originals_;  // signature -> block
};

// Appends profiles to a LinkRows, each distinct one once (open addressing
// over their indices). Made over the profiles it already has.
class ProfileInterner {
 public:
  explicit ProfileInterner(std::vector<LinkProfile>* profiles);
  uint32_t Intern(const LinkProfile& p);

 private:
  void Grow();
  std::vector<LinkProfile>* profiles_;
  std::vector<uint32_t> table_;  // 1 + profile index, 0 empty
};

// The link rows of the records written on one connection, made from the
// values they were written with (store/notice_insert.cc), so that a relink
// after an ingest reads back only the records others wrote
// (Store::KeepWrittenLinkRows): reading back the records just stored was
// ~2.5% of an ingest, and serial.
class WrittenLinkRows {
 public:
  WrittenLinkRows();
  ~WrittenLinkRows();
  // One record and its notice, each as the values it was written with in
  // the order of its column list (which must hold the link columns).
  void Add(std::span<const SqlValue> record, std::string_view record_columns,
           std::span<const SqlValue> notice, std::string_view notice_columns);
  void EndNotice();  // after the records of a notice
  size_t size() const { return rows_.notices.size(); }  // notices ended
  void Truncate(size_t n);  // drops the notices added after the first n
  LinkRows Take();          // hands the rows over and starts empty

 private:
  struct Interner;
  std::vector<std::pair<int, size_t>> places_;  // per link column: record (0) or notice (1), index
  LinkRows rows_;
  std::string identity_;  // of the notice being added
  std::unique_ptr<Interner> interner_;
};

// What a relink needs of the current notices: each one's NoticeKey (for
// natural keys) and, for those with a jurisdiction, the division it stands
// for (where a plan mention without an area lies). Whole NoticeRows carry
// every field of the metadata, ~1 KB a notice held through the relink
// (100 MB at 100,000 notices); two maps of strings by id were ~170 bytes a
// notice, most of what a relink held that grew with the notices. Here a
// notice is 16 bytes and each distinct key or division is held once.
class LinkNotices {
 public:
  // Notices are added in ascending id order.
  void Add(int64_t id, std::string_view key, std::optional<std::string_view> division);
  void Reserve(size_t n);
  // The notice's key or division; none for a notice it does not have (or
  // one without a jurisdiction).
  std::optional<std::string_view> Key(int64_t id) const;
  std::optional<std::string_view> Division(int64_t id) const;
  size_t size() const { return ids_.size(); }

 private:
  const std::pair<TextId, TextId>* Find(int64_t id) const;
  TextPool text_;
  std::vector<int64_t> ids_;                      // ascending
  std::vector<std::pair<TextId, TextId>> values_;  // key, division (kNull: none)
};

// The division a region stands for: its code, or for a zone (or a street
// below the gazetteer) the division it lies in.
std::string DivisionOf(const Region& r);

// The region of `r` (code, kind and parent; no raw or display names), none
// when the record has none.
std::optional<Region> RegionOf(const LinkRows& rows, const LinkRow& r);

// The linker's inputs for `rows`, made when the linker asks for one from the
// row's interned text, as MakeLinkInput (pipeline/linker.h) makes them from a
// whole record (the equivalence is tested: tests/link_rows_test.cc); a
// vector of them was 160 bytes of views a record, the largest part of a
// relink's peak. notices: the NoticeKey of every notice id. Only the
// records whose natural key is in `decided` (the keys of the pairs a person
// decided on) carry it: the linker reads no other. `rows` must outlive this.
class RowInputs : public LinkInputs {
 public:
  RowInputs(const LinkRows& rows, const LinkNotices& notices,
            const std::unordered_set<std::string_view>& decided);
  size_t size() const override { return rows_.rows.size(); }
  LinkInput operator[](size_t i) const override;
  uint32_t Weight(size_t i) const override { return rows_.Weight(i); }
  // Whether a decided row stands for copies too: a decision holds for each
  // record of its natural key, and joins them one by one, which folded
  // copies cannot (the relink then reads the rows unfolded).
  bool decided_copies() const { return decided_copies_; }

 private:
  const LinkRows& rows_;
  std::unordered_map<size_t, std::string> natural_;  // of the decided rows: few
  bool decided_copies_ = false;
};

// Every row's natural key (NaturalKey), in row order, held in two parts:
// its notice's key, shared by the notice's rows, and the rest
// (NaturalKeyTail: carrier type, place and name key), interned, since a
// carrier's recurs in every notice that lists it. Whole, a key a record was
// the largest part of a relink's memory once linked (~124 bytes a record);
// in parts it is 8. Made after linking, when the linker's inputs are gone.
class NaturalKeys {
 public:
  NaturalKeys() = default;
  NaturalKeys(const LinkRows& rows, const LinkNotices& notices);
  // Appends a key whose text is head + tail (the constructor adds each
  // row's as notice key + tail).
  void Add(std::string_view head, std::string_view tail);
  size_t size() const { return parts_.size(); }
  std::string_view Head(size_t row) const { return heads_.Str(parts_[row].first); }
  std::string_view Tail(size_t row) const { return tails_.Str(parts_[row].second); }
  std::string Text(size_t row) const;
  // Whether the rows' texts, or a row's and `key`, are the same.
  bool Same(size_t a, size_t b) const;
  bool Same(size_t row, std::string_view key) const;
  // A hash of the text: the same for a row as for its text whole.
  size_t Hash(size_t row) const;
  static size_t Hash(std::string_view key);

 private:
  TextPool heads_, tails_;
  std::vector<std::pair<TextId, TextId>> parts_;
};

// The previous snapshot's entity ids by (natural key, role), for the natural
// keys of the current records only: what AssignEntityIds carries over. When
// several previous members share a key and role, the last added wins (the
// store adds them by record id).
class PreviousIds {
 public:
  // `natural`: the current records' natural keys; it must outlive this.
  explicit PreviousIds(const NaturalKeys& natural);
  void Add(std::string_view natural_key, std::string_view role, const std::string& entity_id);
  // The same for the key of `row` of the natural keys.
  void Add(size_t row, std::string_view role, const std::string& entity_id);
  // The entity id, "" when there was none; it lives as long as this. By
  // key, or by the row of `natural` whose key it is.
  std::string_view Of(std::string_view natural_key, std::string_view role) const;
  std::string_view Of(size_t row, std::string_view role) const;

 private:
  // The first row of `natural_key`'s, or -1. Open addressing over row
  // indices: a hash node per record was ~50 bytes of a relink's memory.
  int64_t Find(std::string_view natural_key) const;
  std::string_view IdOf(int64_t first, std::string_view role) const;
  void Index();
  const NaturalKeys& natural_;
  std::vector<uint32_t> table_;            // 1 + row index, 0 empty; none until an Add
  std::vector<uint32_t> first_;            // per row: the first row of its key
  std::vector<std::array<TextId, 3>> ids_;  // per row: carrier, operator, named_organisation
  TextPool entity_ids_;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_LINK_ROWS_H_
