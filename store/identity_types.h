// Rows of the identity tables (store/migrations/002_identity.sql): what a
// relink writes (store/identity.cc) and what compare, history and the
// exporters read back.
#ifndef FUHUA_STORE_IDENTITY_TYPES_H_
#define FUHUA_STORE_IDENTITY_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/region.h"

namespace fuhua {

struct EntityRow {
  std::string id;    // C… carrier, O… organisation; stable across relinks
  std::string kind;  // carrier | organisation
  std::string canonical_name;
  std::string name_key;
  std::optional<std::string> carrier_type;
  std::optional<std::string> region_code;
  std::optional<int> first_year;
  std::optional<int> last_year;
  int members = 0;
  bool operator==(const EntityRow&) const = default;
};

struct MemberRow {
  std::string entity_id;
  int64_t record_id = 0;
  std::string natural_key;  // notice key|carrier type|name key (NaturalKey)
  std::string role;         // carrier | operator | named_organisation
  double score = 1;
  std::string reason;
  std::string status;  // auto | accepted | single
  bool operator==(const MemberRow&) const = default;
};

struct ReviewRow {
  int64_t record_a = 0;
  int64_t record_b = 0;
  double score = 0;
  std::string reason;
  bool operator==(const ReviewRow&) const = default;
};

struct RelationRow {
  int64_t record_id = 0;
  int64_t related_record_id = 0;
  std::string kind;  // evaluated_as
  std::string reason;
  bool operator==(const RelationRow&) const = default;
};

// A carrier named in a plan table joined to the graded carrier it is
// (pipeline/plan_links.h). mention is 0 for a plan site (carrier list or
// property), the carrier's position in a target's 主要运营载体 cell otherwise.
struct PlanLinkRow {
  int64_t notice_id = 0;
  int table = 0;
  int row = 0;
  int mention = 0;
  std::string entity_id;
  double score = 0;
  std::string reason;
  bool operator==(const PlanLinkRow&) const = default;
};

// A carrier named in a current notice's plan table, as a relink reads it to
// link (store/plan_identity.cc): where it is, its name key and, for a
// target's carrier, the target's area when it was resolved (its name, code
// and parent only: what the division it lies in is read from).
struct PlanMentionRow {
  PlanLinkRow at;  // the place only: entity, score and reason are the link's
  std::string name_key;
  std::optional<Region> area;
};

struct DecisionRow {
  std::string role = "carrier";
  std::string a_key;  // natural keys of the two records
  std::string b_key;
  bool accept = false;
  std::string decided_by;
  std::string note;
  std::string decided_at;  // set by the store
};

struct IdentitySnapshot {
  std::vector<EntityRow> entities;
  std::vector<MemberRow> members;
  std::vector<ReviewRow> reviews;
  std::vector<RelationRow> relations;
  std::vector<PlanLinkRow> plan_links;  // by notice, table, row, mention
  bool operator==(const IdentitySnapshot&) const = default;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_IDENTITY_TYPES_H_
