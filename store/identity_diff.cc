// EntityDiff and WriteMembers (identity_diff.h): the identity tables of
// store/migrations/002_identity.sql brought to a new snapshot by difference.
#include "store/identity_diff.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "pipeline/linker.h"
#include "store/row_batch.h"

namespace fuhua {
namespace {

constexpr const char* kEntityColumns =
    "id, kind, canonical_name, name_key, carrier_type, region_code, first_year, last_year, "
    "members, updated_at";
constexpr const char* kMemberColumns =
    "entity_id, record_id, role, score_milli, reason, status";

// Record ids per window of members: at most three member rows per record,
// so a window's stored rows stay a few MB however large the store.
constexpr int64_t kWindow = 5000;
// A window is rewritten whole (one range DELETE, batched INSERTs) when more
// than half of its rows changed and at least this many: one statement per
// row would cost more, above all on PostgreSQL, one round trip each.
constexpr size_t kRewriteAtLeast = 64;

std::vector<SqlValue> EntityValues(const EntityRow& e, const std::string& now) {
  return {e.id,
          e.kind,
          e.canonical_name,
          e.name_key,
          SqlOpt(e.carrier_type),
          SqlOpt(e.region_code),
          SqlOpt(e.first_year),
          SqlOpt(e.last_year),
          int64_t{e.members},
          now};
}

struct StoredMember {
  std::string entity_id, reason, status;
  int64_t score_milli = 0;
};

// The natural key is not compared: it is made from the record, which a
// relink never changes.
bool Same(const StoredMember& s, const MemberRow& m) {
  return s.entity_id == m.entity_id && s.score_milli == ScoreMilli(m.score) &&
         s.reason == m.reason && s.status == m.status;
}

class MemberWriter {
 public:
  MemberWriter(SqlSession* db, const std::function<bool(MemberRow*)>& next)
      : db_(db), next_(next), inserts_(db, "entity_members", kMemberColumns) {
    Pull();
  }

  void Run() {
    constexpr int64_t kNone = std::numeric_limits<int64_t>::max();
    for (int64_t lo = std::numeric_limits<int64_t>::min();;) {
      // The next window starts at the next stored or new member, so gaps in
      // the ids cost nothing. Rows inserted so far all lie below `lo`.
      std::optional<int64_t> stored =
          db_->QueryInt("SELECT MIN(record_id) FROM entity_members WHERE record_id >= ?", {lo});
      if (!stored && !pending_) break;
      lo = std::min(stored.value_or(kNone), pending_ ? pending_->record_id : kNone);
      Window(lo, lo + kWindow);
      lo += kWindow;
    }
    inserts_.Flush();
  }

 private:
  using Key = std::pair<int64_t, std::string>;  // record id, role: the primary key

  void Pull() {
    MemberRow m;
    if (next_(&m)) {
      pending_ = std::move(m);
    } else {
      pending_.reset();
    }
  }

  std::map<Key, StoredMember> Load(int64_t lo, int64_t hi) {
    std::map<Key, StoredMember> stored;
    SqlRows rows = db_->Query(
        "SELECT record_id, role, entity_id, score_milli, reason, status "
        "FROM entity_members WHERE record_id >= ? AND record_id < ?",
        {lo, hi});
    while (rows.Next())
      stored[{rows.Int(0), rows.Text(1)}] = {rows.Text(2), rows.Text(4), rows.Text(5), rows.Int(3)};
    return stored;
  }

  void Window(int64_t lo, int64_t hi) {
    std::map<Key, StoredMember> gone = Load(lo, hi);  // what is left of it at the end
    std::vector<MemberRow> fresh;
    for (; pending_ && pending_->record_id < hi; Pull()) {
      // A member behind the window would be compared with nothing and
      // inserted twice: the stream must come in record order.
      if (pending_->record_id < lo)
        throw Poco::IllegalStateException("identity members out of record order at record " +
                                          std::to_string(pending_->record_id));
      fresh.push_back(std::move(*pending_));
    }
    std::vector<const MemberRow*> updates, inserts;
    for (const MemberRow& m : fresh) {
      auto it = gone.find({m.record_id, m.role});
      if (it == gone.end()) {
        inserts.push_back(&m);
        continue;
      }
      if (!Same(it->second, m)) updates.push_back(&m);
      gone.erase(it);
    }
    const size_t changed = updates.size() + gone.size();
    if (changed >= kRewriteAtLeast && 2 * changed > fresh.size()) {
      db_->Exec("DELETE FROM entity_members WHERE record_id >= ? AND record_id < ?", {lo, hi});
      for (const MemberRow& m : fresh) Insert(m);
      return;
    }
    for (const auto& [key, row] : gone)
      db_->Exec("DELETE FROM entity_members WHERE record_id = ? AND role = ?",
                {key.first, key.second});
    for (const MemberRow* m : updates)
      db_->Exec(
          "UPDATE entity_members SET entity_id = ?, score_milli = ?, reason = ?, status = ? "
          "WHERE record_id = ? AND role = ?",
          {m->entity_id, ScoreMilli(m->score), m->reason, m->status, m->record_id, m->role});
    for (const MemberRow* m : inserts) Insert(*m);
  }

  void Insert(const MemberRow& m) {
    inserts_.Add(
        {m.entity_id, m.record_id, m.role, ScoreMilli(m.score), m.reason, m.status});
  }

  SqlSession* db_;
  const std::function<bool(MemberRow*)>& next_;
  std::optional<MemberRow> pending_;  // the next new member, not yet placed
  RowBatch inserts_;
};

}  // namespace

std::vector<EntityRow> QueryEntities(SqlSession* db) {
  SqlRows rows = db->Query(
      "SELECT id, kind, canonical_name, name_key, carrier_type, region_code, first_year, "
      "last_year, "
      "members FROM entities ORDER BY id");
  std::vector<EntityRow> out;
  while (rows.Next())
    out.push_back({rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3), rows.OptText(4),
                   rows.OptText(5), rows.OptInt(6), rows.OptInt(7), static_cast<int>(rows.Int(8))});
  return out;
}

namespace {

// SQLite, first relink of a store (`table` empty): every row is new, and an
// index on it is made after them by one sort instead of taking their keys
// one by one in no order (the members' entity index: a relink of 10,000
// copied notices 8.1 -> 7.2 s; the entities' name-key index, see
// EntityDiff). Made from its own definition, read back, so the migration
// stays the only one. PostgreSQL keeps it: dropping an index locks the
// table against readers until commit.
class FreshIndex {
 public:
  FreshIndex(SqlSession* db, const std::string& index, const std::string& table) : db_(db) {
    if (db->dialect() != Dialect::kSqlite || db->QueryInt("SELECT 1 FROM " + table + " LIMIT 1"))
      return;
    SqlRows rows =
        db->Query("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", {index});
    if (rows.Next()) definition_ = rows.Text(0);
    if (!definition_.empty()) db->Exec("DROP INDEX " + index);
  }
  void Restore() {
    if (!definition_.empty()) db_->Exec(definition_);
  }

 private:
  SqlSession* db_;
  std::string definition_;
};

// FNV-1a over what a relink sets of an entity (updated_at aside), each field
// with its length or presence, so that no two contents run together.
class Fnv {
 public:
  void Add(std::string_view s) {
    Word(s.size());
    for (unsigned char c : s) Byte(c);
  }
  void AddOpt(const std::optional<std::string>& s) { s ? (Byte(1), Add(*s)) : Byte(0); }
  void AddOpt(const std::optional<int>& v) {
    v ? (Byte(1), Word(static_cast<uint64_t>(*v))) : Byte(0);
  }
  void Word(uint64_t v) {
    for (int k = 0; k < 8; ++k) Byte(static_cast<unsigned char>(v >> (8 * k)));
  }
  uint64_t value() const { return h_; }

 private:
  void Byte(unsigned char c) { h_ = (h_ ^ c) * 1099511628211ULL; }
  uint64_t h_ = 1469598103934665603ULL;
};

uint64_t Digest(const EntityRow& e) {
  Fnv f;
  f.Add(e.id), f.Add(e.kind), f.Add(e.canonical_name), f.Add(e.name_key);
  f.AddOpt(e.carrier_type), f.AddOpt(e.region_code), f.AddOpt(e.first_year), f.AddOpt(e.last_year);
  f.Word(static_cast<uint64_t>(e.members));
  return f.value();
}

// The stored entities as (id, digest), sorted by id; each taken at most once.
class StoredDigests {
 public:
  // Read a window of ids at a time: a query's rows are all held until it is
  // done, and all entities at once were ~360 MB for 477,000 (one notice
  // ingested into a store of 10,000 distinct notices).
  explicit StoredDigests(SqlSession* db) {
    constexpr const char* kColumns =
        "SELECT id, kind, canonical_name, name_key, carrier_type, region_code, first_year, "
        "last_year, members FROM entities ";
    constexpr const char* kWindow = " ORDER BY id LIMIT 5000";
    EntityRow e;
    for (size_t read = 0;; read = ids_.size()) {
      SqlRows rows = ids_.empty() ? db->Query(std::string(kColumns) + kWindow)
                                  : db->Query(std::string(kColumns) + "WHERE id > ?" + kWindow,
                                              {ids_.back().first});
      while (rows.Next()) {
        e = {rows.Text(0),   rows.Text(1),    rows.Text(2),
             rows.Text(3),   rows.OptText(4), rows.OptText(5),
             rows.OptInt(6), rows.OptInt(7),  static_cast<int>(rows.Int(8))};
        ids_.push_back({e.id, Digest(e)});
      }
      if (ids_.size() == read) break;
    }
    std::sort(ids_.begin(), ids_.end());  // the database's order may be a collation's
    taken_.assign(ids_.size(), false);
  }
  // The digest of the stored entity `id`, once; none when not stored.
  std::optional<uint64_t> Take(const std::string& id) {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id,
                               [](const auto& x, const std::string& y) { return x.first < y; });
    if (it == ids_.end() || it->first != id) return std::nullopt;
    const auto k = static_cast<size_t>(it - ids_.begin());
    if (taken_[k]) return std::nullopt;  // the snapshot has it twice: its insert fails
    taken_[k] = true;
    return it->second;
  }
  // The ids never taken, in id order.
  std::vector<std::string> Untaken() {
    std::vector<std::string> out;
    for (size_t k = 0; k < ids_.size(); ++k)
      if (!taken_[k]) out.push_back(std::move(ids_[k].first));
    return out;
  }

 private:
  std::vector<std::pair<std::string, uint64_t>> ids_;
  std::vector<bool> taken_;
};

}  // namespace

EntityDiff::EntityDiff(SqlSession* db, const std::function<bool(EntityRow*)>& next,
                       const std::string& now)
    : db_(db) {
  StoredDigests stored(db);
  FreshIndex name_keys(db, "entities_key", "entities");
  RowBatch inserts(db, "entities", kEntityColumns);
  EntityRow e;
  while (next && next(&e)) {
    const std::optional<uint64_t> digest = stored.Take(e.id);
    if (!digest) {
      inserts.Add(EntityValues(e, now));
    } else if (*digest != Digest(e)) {
      std::vector<SqlValue> v = EntityValues(e, now);
      std::rotate(v.begin(), v.begin() + 1, v.end());  // the id last, for WHERE
      db->Exec(
          "UPDATE entities SET kind = ?, canonical_name = ?, name_key = ?, carrier_type = ?, "
          "region_code = ?, first_year = ?, last_year = ?, members = ?, updated_at = ? WHERE id = "
          "?",
          v);
    }
  }
  inserts.Flush();
  name_keys.Restore();
  stale_ = stored.Untaken();
}

void EntityDiff::RemoveStale() {
  for (const std::string& id : stale_) db_->Exec("DELETE FROM entities WHERE id = ?", {id});
}

namespace {

// The NoticeKey of every notice with an id in [lo, hi]: one range read of
// the notices instead of joining each member row to its notice (that join
// was over half of reading the members back). Records and notices are
// numbered in the order they were stored, so a window of record ids spans
// few notices.
std::unordered_map<int64_t, std::string> NoticeKeys(SqlSession* db, int64_t lo, int64_t hi) {
  std::unordered_map<int64_t, std::string> keys;
  SqlRows rows =
      db->Query("SELECT id, doc_number, title, sha256 FROM notices WHERE id >= ? AND id <= ?", {lo, hi});
  while (rows.Next()) {
    NoticeMetadata meta;
    meta.doc_number = rows.OptText(1);
    meta.title = rows.OptText(2);
    keys.emplace(rows.Int(0), NoticeKey(meta, rows.Text(3)));  // MatchKey is ICU work: once a notice
  }
  return keys;
}

}  // namespace

void ForEachStoredMember(SqlSession* db, int64_t after, int64_t upto,
                         const std::function<void(MemberRow&&)>& fn) {
  SqlRows rows = db->Query(
      "SELECT m.entity_id, m.record_id, m.role, m.score_milli, m.reason, m.status, "
      "r.notice_id, r.carrier_type, r.name_place, r.name_key "
      "FROM entity_members m JOIN records r ON r.id = m.record_id "
      "WHERE m.record_id > ? AND m.record_id <= ? ORDER BY m.record_id, m.role",
      {after, upto});
  int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
  while (rows.Next()) lo = std::min(lo, rows.Int(6)), hi = std::max(hi, rows.Int(6));
  if (lo > hi) return;
  const std::unordered_map<int64_t, std::string> notice_keys = NoticeKeys(db, lo, hi);
  static const std::string kNoKey;  // a record's notice is always stored (foreign key)
  rows.Rewind();
  GradeRecord g;
  while (rows.Next()) {
    auto key = notice_keys.find(rows.Int(6));
    g.carrier_type = rows.OptText(7);
    g.name_key.place = rows.OptText(8);
    g.name_key.key = rows.Text(9);
    fn({rows.Text(0), rows.Int(1), NaturalKey(key == notice_keys.end() ? kNoKey : key->second, g),
        rows.Text(2), FromMilli(rows.Int(3)), rows.Text(4), rows.Text(5)});
  }
}

void WriteMembers(SqlSession* db, const std::function<bool(MemberRow*)>& next,
                  const std::function<void()>& written) {
  FreshIndex index(db, "entity_members_entity", "entity_members");
  MemberWriter(db, next).Run();
  if (written) written();
  index.Restore();
}

}  // namespace fuhua
