// Writing an identity snapshot as the difference from the one stored
// (Store::ReplaceIdentity, identity_store.cc): rows that a relink leaves as
// they were are not touched. Deleting every entity and member row and
// inserting them again was most of a relink — row by row, since SQLite
// cannot truncate a table under foreign keys — and grew with the store on
// every ingest, however few notices it added. Internal to store/; throws
// Poco::Exception like SqlSession, inside the caller's transaction.
//   EntityDiff entities(db, snapshot.entities, NowUtc());  // new and changed
//   WriteMembers(db, next);                                // members move
//   entities.RemoveStale();                                // now memberless
// Also the one reader of the stored members (ForEachStoredMember), since
// their natural key is made here from the record, not read from the table.
#ifndef FUHUA_STORE_IDENTITY_DIFF_H_
#define FUHUA_STORE_IDENTITY_DIFF_H_

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/identity_types.h"
#include "store/sql_session.h"

namespace fuhua {

// Scores are stored as integers, x 1000.
inline int64_t ScoreMilli(double score) { return static_cast<int64_t>(std::lround(score * 1000)); }
inline double FromMilli(int64_t milli) { return static_cast<double>(milli) / 1000; }

// The stored entities, by id.
std::vector<EntityRow> QueryEntities(SqlSession* db);

// Entities: the constructor inserts those not stored and updates those whose
// content changed (updated_at is then the time of that change), reading
// `next` (see IdentityWrite) to its end; RemoveStale deletes the stored ones
// the snapshot no longer has — after the members have moved, since deleting
// an entity deletes its members. The stored entities are held as their id
// and a 64-bit digest of their content (~40 bytes, not a row of strings:
// a relink of a store of 477,000 entities held 210 MB of them); a changed
// entity whose digest collides with its stored one (odds 2^-64) would keep
// its stored content until it changes again.
class EntityDiff {
 public:
  EntityDiff(SqlSession* db, const std::function<bool(EntityRow*)>& next, const std::string& now);
  void RemoveStale();

 private:
  SqlSession* db_;
  std::vector<std::string> stale_;
};

// Calls `fn` with every stored member whose record id is in (after, upto],
// in record id and role order. A member's natural key is not stored: it is
// made from its record and notice as the relink made it (NoticeKey,
// NaturalKey in pipeline/linker.h), so the table holds no copy of the
// record's name key (it was a third of every member row).
void ForEachStoredMember(SqlSession* db, int64_t after, int64_t upto,
                         const std::function<void(MemberRow&&)>& fn);

// Brings entity_members to exactly the rows `next` yields (in record id
// order, as Members in link_views.h streams them), one window of record ids
// at a time: unchanged rows stay, changed ones are updated, the rest deleted
// or inserted; a window where most rows changed is rewritten whole.
// `written`, when given, runs after the last row and before the members'
// entity index is made again (a first relink drops it: see FreshIndex), so
// that what made the rows can go before SQLite sorts the index in memory.
void WriteMembers(SqlSession* db, const std::function<bool(MemberRow*)>& next,
                  const std::function<void()>& written = nullptr);

}  // namespace fuhua

#endif  // FUHUA_STORE_IDENTITY_DIFF_H_
