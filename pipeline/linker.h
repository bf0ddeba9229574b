// Links grade records into carrier entities and their operators into
// organisation entities, across notices and years (schemas/linking.json).
//   0. Profiles: records that agree on every field the scorer reads (the same
//      name in many notices and years) are scored as one, so the work grows
//      with the distinct names, not with how often each recurs.
//   1. Blocking: character bigrams of each record's place + name key, with
//      bigrams that too many records share dropped; only records sharing at
//      least two bigrams are compared. Sub-quadratic in the number of records.
//   2. Scoring: edit distance on the keys, then region compatibility, carrier
//      type, leading place and operator agreement (each with its reason).
//   3. Clustering: pairs in score order join with union-find, never two
//      records of one notice (a notice lists a carrier once) and never a pair a
//      person rejected; accepted pairs join first. Pairs between the review and
//      auto-link thresholds that end apart form the review list, one pair per
//      pair of clusters.
// Organisations are the operators, and carriers whose name is itself an
// organisation's (苏尼特左旗丝梦源孵化器商务有限责任公司 runs itself).
// Relations: a record whose result was borrowed from another carrier type
// (evaluated_as) points at the record of that type, in the same notice, run by
// the same organisation.
// Usage:
//   LinkResult r;
//   Status st = LinkRecords(inputs, decisions, &r);
//   r.carrier_cluster[i]  // cluster of inputs[i]
#ifndef FUHUA_PIPELINE_LINKER_H_
#define FUHUA_PIPELINE_LINKER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/notice.h"
#include "pipeline/status.h"
#include "pipeline/text_pool.h"

namespace fuhua {

// A record as the linker reads it. The text is viewed, not held: a store's
// relink links every record it has, and nine strings a record were most of
// its memory. Whoever makes the inputs keeps the text they view alive until
// LinkRecords returns (MakeLinkInput keeps it in a TextPool).
struct LinkInput {
  std::string_view natural_key;  // stable across re-ingest: see NaturalKey; "" when
                                 // not needed (the linker reads it only to find the
                                 // records a person decided on: RowInputs)
  int64_t notice = 0;            // records of one notice are different carriers
  std::string_view name_key;
  std::string_view name_place;  // NameKey::place, "" when none
  bool name_is_org = false;     // the name itself is an organisation's (有限公司…)
  std::string_view carrier_type;
  std::string_view region_code;   // division code, "" when not a resolved division
  std::string_view operator_key;  // "" when no operator
  std::string_view operator_place;
  std::string_view evaluated_as;  // carrier type the result was borrowed from, ""
  std::string_view grade;
};

// A person's decision on a pair, by natural keys.
struct LinkDecision {
  std::string a;
  std::string b;
  bool same = false;
};

struct Link {
  int a = -1;  // indices into the inputs
  int b = -1;
  double score = 0;
  TextId reason = TextPool::kNull;  // in LinkResult::reasons
};

struct LinkResult {
  std::vector<int> carrier_cluster;  // per input; clusters numbered from 0
  std::vector<int> org_cluster;      // per input: its operator's; -1 without one
  std::vector<int> name_org_cluster; // per input: its name's, when the name is an
                                     // organisation's (a carrier called …有限公司); else -1
  std::vector<Link> carrier_links;   // the pairs that joined clusters
  std::vector<Link> org_links;
  std::vector<Link> review;          // uncertain carrier pairs left apart
  std::vector<Link> relations;       // a borrowed its result from b
  size_t carrier_joins = 0;          // records that joined a carrier, copies too
  size_t pairs_scored = 0;           // for the benchmark: far below n²/2
  TextPool reasons;                  // why each link was made: a few hundred texts
  std::string_view Reason(const Link& l) const { return reasons.Str(l.reason); }
};

// What a notice's identity is made of: its document number (kind 'd'), else
// its title ('t'), else the sha256 of its bytes ('s'). `text` views the one chosen.
struct NoticeKeySource {
  char kind = 's';
  std::string_view text;
};
NoticeKeySource KeySourceOf(const std::optional<std::string>& doc_number,
                            const std::optional<std::string>& title, std::string_view sha256);

// A notice's identity for natural keys: its key source, matched (MatchKey)
// unless it is the sha256. The same notice as .txt and .docx, or re-saved
// with a fix, keeps its identity.
std::string NoticeKey(const NoticeMetadata& meta, const std::string& sha256);

// A record's natural key: notice key | carrier type | place + name key. It survives
// re-ingest, new versions of the file, moves and other renditions, which is
// what person decisions and entity ids are keyed by. NaturalKeyTail is what
// follows the notice key ("|carrier type|place + name key").
std::string NaturalKey(const std::string& notice_key, const GradeRecord& r);
std::string NaturalKeyTail(const GradeRecord& r);

// The linking view of a record (notice id `notice`); its text is kept in
// `text`, which must outlive the input.
LinkInput MakeLinkInput(const std::string& notice_key, const GradeRecord& r, int64_t notice,
                        TextPool* text);

// Where LinkRecords reads the records: each one's LinkInput, made when asked
// (its text views outlive it). A store's relink makes them from its compact
// link rows (store/link_rows.h RowInputs): a vector of them, 160 bytes of
// views a record, was the largest part of a relink's peak.
// An input may stand for several records: itself and its copies, the same
// record of notices that copy its notice (store/link_rows.h NoticeBlock),
// each in a notice of its own. The copies link as the full set of records
// would: each joins the cluster of the input it copies (so a cluster and its
// copies never share a notice unless the cluster does), blocking counts them,
// and each input with copies gets the self link of its profile, as each of
// them does.
class LinkInputs {
 public:
  virtual ~LinkInputs() = default;
  virtual size_t size() const = 0;
  virtual LinkInput operator[](size_t i) const = 0;
  virtual uint32_t Weight(size_t) const { return 1; }  // records it stands for
};

// Links `inputs`. Fails only when schemas/linking.json is broken.
Status LinkRecords(const LinkInputs& inputs, const std::vector<LinkDecision>& decisions,
                   LinkResult* out);
Status LinkRecords(const std::vector<LinkInput>& inputs, const std::vector<LinkDecision>& decisions,
                   LinkResult* out);

// A member's key for entity ids: its natural key, then '#' and its role
// when it has one (a record is a carrier's member and an organisation's).
// Viewed, not held: a relink orders every record's. The natural key may be
// viewed in two parts, natural + natural_tail (a relink holds each key as
// its notice's part and the rest: store/link_rows.h NaturalKeys).
struct MemberKey {
  std::string_view natural;
  std::string_view role;          // "" for none
  std::string_view natural_tail;  // follows `natural`; "" when it is whole
  std::string Text() const;
};
// As their texts order.
bool operator<(const MemberKey& x, const MemberKey& y);

// Stable entity ids, one per cluster (clusters numbered 0..n-1 in `cluster`,
// -1 = none): a cluster keeps the id most of its members had before
// (`previous`, "" for new records) unless a larger cluster took it first;
// otherwise it gets prefix + 12 hex digits of the SHA-256 of its smallest
// member key. Re-linking the same records gives the same ids.
std::vector<std::string> AssignEntityIds(const std::vector<int>& cluster, const std::vector<MemberKey>& keys,
                                         const std::vector<std::string_view>& previous,
                                         const std::string& prefix);

// The members AssignEntityIds reads, each made when asked: a relink's three
// vectors of them (~70 bytes a membership) were the largest part of its peak.
class EntityMembers {
 public:
  virtual ~EntityMembers() = default;
  virtual size_t size() const = 0;
  virtual int Cluster(size_t i) const = 0;
  virtual MemberKey Key(size_t i) const = 0;  // its views live as long as this
  virtual std::string_view Previous(size_t i) const = 0;
  virtual uint32_t Weight(size_t) const { return 1; }  // members it stands for (LinkInputs)
};
std::vector<std::string> AssignEntityIds(const EntityMembers& members, const std::string& prefix);

// Levenshtein similarity of two UTF-8 strings by code points: 1 - d / max(len).
double KeySimilarity(const std::string& a, const std::string& b);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_LINKER_H_
