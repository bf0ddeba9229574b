// Blocking, scoring and constrained clustering of grade records (see
// linker.h); thresholds and weights come from schemas/linking.json.
#include "pipeline/linker.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "pipeline/extract.h"
#include "pipeline/load_once.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

struct Weights {
  double auto_link = 0.9, review = 0.75;
  double region_conflict = 0.3, type_penalty = 0.15, place_conflict = 0.3;
  double same_operator = 0.1, different_operator = 0.05, same_region = 0;
  size_t brand_chars = 2;
};

struct LinkRules {
  size_t gram_chars = 2;
  size_t max_postings = 200;
  size_t exact_window = 64;
  int min_shared = 2;
  Weights carrier, org;
};

Status LoadLinkRules(LinkRules* r) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("linking.json", &o);
  if (!st.ok()) return st;
  try {
    auto b = o->getObject("blocking");
    r->gram_chars = b->getValue<size_t>("gram_chars");
    r->max_postings = b->getValue<size_t>("max_postings");
    r->min_shared = b->getValue<int>("min_shared_grams");
    r->exact_window = b->getValue<size_t>("exact_window");
    auto c = o->getObject("carrier");
    r->carrier = {c->getValue<double>("auto_link"),         c->getValue<double>("review"),
                  c->getValue<double>("region_conflict_penalty"),
                  c->getValue<double>("carrier_type_penalty"),
                  c->getValue<double>("place_conflict_penalty"),
                  c->getValue<double>("same_operator_bonus"),
                  c->getValue<double>("different_operator_penalty"), 0};
    r->carrier.brand_chars = c->getValue<size_t>("different_brand_chars");
    auto g = o->getObject("organisation");
    r->org.auto_link = g->getValue<double>("auto_link");
    r->org.review = g->getValue<double>("review");
    r->org.same_region = g->getValue<double>("same_region_bonus");
    r->org.region_conflict = g->getValue<double>("region_conflict_penalty");
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/linking.json: " + e.displayText());
  }
  return Status::Ok();
}

const LinkRules* Rules(Status* status) {
  return LoadOnce<LinkRules>(status, LoadFresh<LinkRules, LoadLinkRules>);
}

// Each record's distinct character n-grams as ids (ascending), and the
// records holding each n-gram (ascending).
// Lists of ints one after another (compressed rows): a vector per record
// and per n-gram was 24 bytes and a heap block each, most of the blocking's
// memory for a store of distinct names.
struct Lists {
  std::vector<int> items;
  std::vector<size_t> start{0};  // list k is items[start[k], start[k + 1])
  size_t size() const { return start.size() - 1; }
  std::span<const int> operator[](size_t k) const {
    return std::span<const int>(items).subspan(start[k], start[k + 1] - start[k]);
  }
};

struct GramIndex {
  Lists grams;     // per record, ascending
  Lists postings;  // per n-gram id, ascending records
};

GramIndex IndexGrams(const std::vector<std::u32string_view>& texts, size_t gram_chars) {
  GramIndex ix;
  std::unordered_map<std::u32string_view, int> ids;  // views into texts
  std::vector<size_t> held;                          // records holding each n-gram
  for (std::u32string_view t : texts) {
    const size_t from = ix.grams.items.size();
    auto add = [&](std::u32string_view gram) {
      ix.grams.items.push_back(ids.emplace(gram, static_cast<int>(ids.size())).first->second);
    };
    for (size_t k = 0; k + gram_chars <= t.size(); ++k) add(t.substr(k, gram_chars));
    if (t.size() < gram_chars && !t.empty()) add(t);
    auto g = ix.grams.items.begin() + static_cast<std::ptrdiff_t>(from);
    std::sort(g, ix.grams.items.end());
    ix.grams.items.erase(std::unique(g, ix.grams.items.end()), ix.grams.items.end());
    ix.grams.start.push_back(ix.grams.items.size());
    held.resize(ids.size(), 0);
    for (auto k = g; k != ix.grams.items.end(); ++k) ++held[static_cast<size_t>(*k)];
  }
  // Postings by counting: each n-gram's records, ascending.
  ix.postings.start.assign(ids.size() + 1, 0);
  for (size_t g = 0; g < ids.size(); ++g) ix.postings.start[g + 1] = ix.postings.start[g] + held[g];
  ix.postings.items.resize(ix.grams.items.size());
  std::vector<size_t> next(ix.postings.start.begin(), ix.postings.start.end() - 1);
  for (size_t i = 0; i < ix.grams.size(); ++i)
    for (int id : ix.grams[i])
      ix.postings.items[next[static_cast<size_t>(id)]++] = static_cast<int>(i);
  return ix;
}

// Candidate pairs (i < j) of records whose blocking strings share at least
// min_shared character n-grams, ignoring n-grams held by too many records.
// Shared n-grams are counted record by record in a dense counter (no hash of
// pairs): the cost is the sum of the usable posting lists' squared sizes, the
// memory one int per record. Pairs come out sorted.
// Profiles with the same blocking text are always candidates, whatever their
// bigrams: a name made only of common words (大学生创新创业园) has no bigram
// rare enough to block on, yet recurs year after year. Each profile pairs with
// the next exact_window profiles of its group, which keeps a huge group (one
// name in thousands of notices) linear while union-find still joins it.
void AddExactPairs(const std::vector<std::u32string_view>& texts, const LinkRules& r,
                   std::vector<std::pair<int, int>>* out) {
  std::unordered_map<std::u32string_view, std::vector<int>> groups;
  for (size_t i = 0; i < texts.size(); ++i)
    if (!texts[i].empty()) groups[texts[i]].push_back(static_cast<int>(i));
  for (const auto& [text, ids] : groups)
    for (size_t a = 0; a < ids.size(); ++a)
      for (size_t b = a + 1; b < ids.size() && b <= a + r.exact_window; ++b) out->emplace_back(ids[a], ids[b]);
}

std::vector<std::pair<int, int>> CandidatePairs(const std::vector<std::u32string_view>& texts,
                                                const std::vector<size_t>& weight,
                                                const LinkRules& r) {
  GramIndex ix = IndexGrams(texts, r.gram_chars);
  std::vector<size_t> held(ix.postings.size(), 0);  // records holding each n-gram
  for (size_t g = 0; g < ix.postings.size(); ++g)
    for (int i : ix.postings[g]) held[g] += weight[static_cast<size_t>(i)];
  std::vector<int> shared(texts.size(), 0), touched;
  std::vector<std::pair<int, int>> out;
  for (size_t i = 0; i < texts.size(); ++i) {
    touched.clear();
    for (int id : ix.grams[i]) {
      const std::span<const int> ids = ix.postings[static_cast<size_t>(id)];
      if (ids.size() <= 1 || held[static_cast<size_t>(id)] > r.max_postings) continue;
      auto after_i = std::upper_bound(ids.begin(), ids.end(), static_cast<int>(i));
      for (auto j = after_i; j != ids.end(); ++j)
        if (shared[static_cast<size_t>(*j)]++ == 0) touched.push_back(*j);
    }
    std::sort(touched.begin(), touched.end());
    for (int j : touched) {
      size_t shortest = std::min(texts[i].size(), texts[static_cast<size_t>(j)].size());
      if (shared[static_cast<size_t>(j)] >= r.min_shared || shortest <= r.gram_chars + 1)
        out.emplace_back(static_cast<int>(i), j);
      shared[static_cast<size_t>(j)] = 0;
    }
  }
  AddExactPairs(texts, r, &out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Levenshtein distance is unchanged by a common prefix or suffix (names share
// places and suffixes such as 众创空间), so only the middles go through the
// dynamic programme, on a per-thread row.
double Similarity(std::u32string_view a, std::u32string_view b) {
  if (a.empty() && b.empty()) return 1;
  size_t shorter = std::min(a.size(), b.size()), p = 0, s = 0;
  while (p < shorter && a[p] == b[p]) ++p;
  while (s < shorter - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  std::u32string_view x = a.substr(p, a.size() - p - s), y = b.substr(p, b.size() - p - s);
  thread_local std::vector<size_t> row;
  row.resize(y.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  double longer = static_cast<double>(std::max(a.size(), b.size()));
  return 1.0 - static_cast<double>(row[y.size()]) / longer;
}

// GB/T 2260 codes nest by prefix: 150000 ⊃ 150700 ⊃ 150781.
bool CodeWithin(std::string_view inner, std::string_view outer) {
  if (outer.ends_with("0000")) return inner.compare(0, 2, outer, 0, 2) == 0;
  if (outer.ends_with("00")) return inner.compare(0, 4, outer, 0, 4) == 0;
  return inner == outer;
}

bool RegionsConflict(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && !CodeWithin(a, b) && !CodeWithin(b, a);
}

// Leading places agree when one extends the other: 重庆 / 重庆市 / 重庆市万州.
bool PlacesConflict(std::string_view a, std::string_view b) {
  return !a.empty() && !b.empty() && !a.starts_with(b) && !b.starts_with(a);
}

std::string Fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// The parts (text, or single characters) one after another.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string out;
  ((out += parts), ...);
  return out;
}

// What the scorers read of one input, decoded once into a KeyText: the full
// forms (place + key), each key viewed as the end of its full form. Four
// strings a profile (a heap block each) were ~320 bytes of a relink's
// memory per distinct name.
struct Keys {
  std::u32string_view name, full, op, op_full;
};

// UTF-32 text in chunks that never move, for the views of Keys.
class KeyText {
 public:
  std::u32string_view Keep(const std::u32string& s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      size_ = std::clamp<size_t>(2 * size_, 256, 64 * 1024);
      left_ = std::max(size_, s.size());
      chunks_.push_back(std::make_unique_for_overwrite<char32_t[]>(left_));
      next_ = chunks_.back().get();
    }
    std::copy(s.begin(), s.end(), next_);
    std::u32string_view kept(next_, s.size());
    next_ += s.size(), left_ -= s.size();
    return kept;
  }

 private:
  std::vector<std::unique_ptr<char32_t[]>> chunks_;
  char32_t* next_ = nullptr;
  size_t left_ = 0, size_ = 0;
};

// A key and its full form (place + key): the key is the full form's end
// (decoding a concatenation of valid UTF-8 is the concatenation), held once.
std::pair<std::u32string_view, std::u32string_view> KeepKey(std::string_view place,
                                                            std::string_view key, KeyText* text) {
  const std::u32string full = DecodeUtf8(Cat(place, key)), tail = DecodeUtf8(key);
  const std::u32string_view kept = text->Keep(full);
  if (kept.ends_with(tail)) return {kept.substr(kept.size() - tail.size()), kept};
  return {text->Keep(tail), kept};
}

Keys MakeKeys(const LinkInput& in, KeyText* text) {
  Keys k;
  std::tie(k.name, k.full) = KeepKey(in.name_place, in.name_key, text);
  std::tie(k.op, k.op_full) = KeepKey(in.operator_place, in.operator_key, text);
  return k;
}

// Names compare by their keys; only when exactly one of them had a leading
// place moved out (苏尼特左期… kept its misspelt place) do the full forms
// compare too. Comparing full forms always would let a long shared place
// (江城哈尼族彝族自治县…) outweigh different brands.
double NameSimilarity(std::u32string_view key_a, std::u32string_view full_a,
                      std::u32string_view key_b, std::u32string_view full_b) {
  double by_key = Similarity(key_a, key_b);
  bool place_a = key_a.size() != full_a.size(), place_b = key_b.size() != full_b.size();
  return place_a == place_b ? by_key : std::max(by_key, Similarity(full_a, full_b));
}

// True when the parts of two names that differ (after their common start and
// end) are both at least `min_chars` long and share no character: 智酷创业孵化
// 基地 and 金渠创业孵化基地 are two brands, however much suffix they share;
// 丝梦源 and 丝梦缘 differ in one character and stay comparable.
bool DifferentBrands(std::u32string_view a, std::u32string_view b, size_t min_chars) {
  size_t shorter = std::min(a.size(), b.size()), p = 0, s = 0;
  while (p < shorter && a[p] == b[p]) ++p;
  while (s < shorter - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  std::u32string_view x = a.substr(p, a.size() - p - s), y = b.substr(p, b.size() - p - s);
  if (x.size() < min_chars || y.size() < min_chars) return false;
  for (char32_t c : x)
    if (y.find(c) != std::u32string_view::npos) return false;
  return true;
}

// Appends the parts to *reason, if a reason is wanted (reason != null).
template <typename... Parts>
void Say(std::string* reason, const Parts&... parts) {
  if (reason) ((*reason += parts), ...);
}

// The scorers return the score and, when `reason` is given, say why in it.
// Only the pairs that end up linked or for review need a reason: building
// one for every pair scored (most of them duplicates of one name) took more
// time than the scoring, and a string per pair of memory.
double ScoreCarriers(const LinkInput& a, const LinkInput& b, const Keys& ka, const Keys& kb,
                     const Weights& w, std::string* reason) {
  if (DifferentBrands(ka.name, kb.name, w.brand_chars)) return 0;  // below review: never kept
  double score = NameSimilarity(ka.name, ka.full, kb.name, kb.full);
  if (reason) *reason = "name " + Fixed(score);
  if (RegionsConflict(a.region_code, b.region_code)) {
    score -= w.region_conflict;
    Say(reason, ", regions differ (", a.region_code, "/", b.region_code, ")");
  } else if (!a.region_code.empty() && a.region_code == b.region_code) {
    Say(reason, ", region ", a.region_code);
  }
  if (PlacesConflict(a.name_place, b.name_place)) {
    score -= w.place_conflict;
    Say(reason, ", places differ (", a.name_place, "/", b.name_place, ")");
  }
  if (a.carrier_type != b.carrier_type) {
    score -= w.type_penalty;
    Say(reason, ", carrier types differ");
  }
  if (!ka.op_full.empty() && !kb.op_full.empty()) {
    double op = NameSimilarity(ka.op, ka.op_full, kb.op, kb.op_full);
    if (op >= w.auto_link) {
      score += w.same_operator;
      Say(reason, ", same operator");
    } else if (op < w.review) {
      score -= w.different_operator;
      Say(reason, ", different operators");
    }
  }
  return std::clamp(score, 0.0, 1.0);
}

// Two organisation names (key and full form) of records in regions a and b.
double ScoreOrgs(std::string_view region_a, std::string_view region_b, std::u32string_view key_a,
                 std::u32string_view full_a, std::u32string_view key_b, std::u32string_view full_b,
                 const Weights& w, std::string* reason) {
  double score = NameSimilarity(key_a, full_a, key_b, full_b);
  if (reason) *reason = "organisation name " + Fixed(score);
  // An organisation runs carriers in several counties: only another province
  // counts against it.
  if (!region_a.empty() && !region_b.empty() && region_a.compare(0, 2, region_b, 0, 2) != 0) {
    score -= w.region_conflict;
    Say(reason, ", provinces differ");
  } else if (!region_a.empty() && region_a == region_b) {
    score += w.same_region;
    Say(reason, ", same region ", region_a);
  }
  return std::clamp(score, 0.0, 1.0);
}

// The notices of one cluster: open addressing over notice ids. A std::set
// per record (a node and a header each) was the largest part of a relink's
// linking memory.
class NoticeSet {
 public:
  size_t size() const { return size_; }
  bool Contains(int64_t n) const {
    if (slots_.empty()) return false;
    for (size_t i = Home(n);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == n) return true;
      if (slots_[i] == kEmpty) return false;
    }
  }
  void Insert(int64_t n) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    size_t i = Home(n);
    while (slots_[i] != kEmpty && slots_[i] != n) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i] == kEmpty) slots_[i] = n, ++size_;
  }
  template <typename F>
  void ForEach(F f) const {
    for (int64_t n : slots_)
      if (n != kEmpty) f(n);
  }

 private:
  static constexpr int64_t kEmpty = INT64_MIN;
  size_t Home(int64_t n) const {
    return static_cast<size_t>(static_cast<uint64_t>(n) * 0x9E3779B97F4A7C15ull >> 20) & (slots_.size() - 1);
  }
  void Grow() {
    std::vector<int64_t> old(std::max<size_t>(8, slots_.size() * 2), kEmpty);
    old.swap(slots_);
    size_ = 0;
    for (int64_t n : old)
      if (n != kEmpty) Insert(n);
  }
  std::vector<int64_t> slots_;
  size_t size_ = 0;
};

// Union-find over items. With `notices` (one per item), a cluster keeps the
// notices of its members and never takes two items of one notice; a single
// item's is its own notice, so only clusters of several hold a set.
class Clusters {
 public:
  Clusters(size_t n, std::vector<int64_t> notices)
      : parent_(n), notice_(std::move(notices)), set_of_(notice_.empty() ? 0 : n, 0) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  size_t size() const { return parent_.size(); }
  int Find(int x) {
    while (parent_[static_cast<size_t>(x)] != x)
      x = parent_[static_cast<size_t>(x)] = parent_[static_cast<size_t>(parent_[static_cast<size_t>(x)])];
    return x;
  }
  void Forbid(int a, int b) { forbidden_.push_back({a, b}); }
  // Joins the clusters of a and b unless a constraint forbids it.
  bool Join(int a, int b) {
    int ra = Find(a), rb = Find(b);
    if (ra == rb) return false;
    if (!notice_.empty() && ShareANotice(ra, rb)) return false;
    for (const auto& [x, y] : forbidden_) {
      int rx = Find(x), ry = Find(y);
      if ((rx == ra && ry == rb) || (rx == rb && ry == ra)) return false;
    }
    if (!notice_.empty()) {
      if (Notices(ra) < Notices(rb)) std::swap(ra, rb);
      MergeNotices(ra, rb);
    }
    parent_[static_cast<size_t>(rb)] = ra;
    return true;
  }
  // Dense cluster numbers in order of first member.
  std::vector<int> Numbered() {
    std::vector<int> out(parent_.size(), -1);
    std::unordered_map<int, int> ids;
    for (size_t i = 0; i < parent_.size(); ++i)
      out[i] = ids.emplace(Find(static_cast<int>(i)), static_cast<int>(ids.size())).first->second;
    return out;
  }

 private:
  NoticeSet* SetOf(int root) {
    uint32_t s = set_of_[static_cast<size_t>(root)];
    return s ? &sets_[s - 1] : nullptr;
  }
  size_t Notices(int root) {
    NoticeSet* s = SetOf(root);
    return s ? s->size() : 1;
  }
  template <typename F>
  void ForEachNotice(int root, F f) {
    if (NoticeSet* s = SetOf(root)) s->ForEach(f);
    else f(notice_[static_cast<size_t>(root)]);
  }
  bool Holds(int root, int64_t n) {
    NoticeSet* s = SetOf(root);
    return s ? s->Contains(n) : notice_[static_cast<size_t>(root)] == n;
  }
  bool ShareANotice(int ra, int rb) {
    if (Notices(ra) > Notices(rb)) std::swap(ra, rb);
    bool shared = false;
    ForEachNotice(ra, [&](int64_t n) { shared = shared || Holds(rb, n); });
    return shared;
  }
  // rb's notices join ra's (ra the larger); rb's set, if any, is freed.
  void MergeNotices(int ra, int rb) {
    if (!SetOf(ra)) {
      sets_.emplace_back();
      set_of_[static_cast<size_t>(ra)] = static_cast<uint32_t>(sets_.size());
      sets_.back().Insert(notice_[static_cast<size_t>(ra)]);
    }
    NoticeSet* into = SetOf(ra);
    ForEachNotice(rb, [&](int64_t n) { into->Insert(n); });
    if (NoticeSet* from = SetOf(rb)) *from = NoticeSet();
  }

  std::vector<int> parent_;
  std::vector<int64_t> notice_;    // per item; empty: no notice constraint
  std::vector<uint32_t> set_of_;   // per root: 1 + index into sets_, 0 for a single item
  std::vector<NoticeSet> sets_;    // never shrinks: indices stay valid
  std::vector<std::pair<int, int>> forbidden_;
};

// Decisions by natural key -> pairs of input indices. A key may name several
// records (one notice stored as .txt and .docx): the decision holds for each.
std::vector<std::pair<std::pair<int, int>, bool>> DecisionPairs(
    const LinkInputs& in, const std::vector<LinkDecision>& decisions) {
  std::unordered_map<std::string_view, std::vector<int>> by_key;  // the decisions' keys only
  for (const LinkDecision& d : decisions) {
    by_key[d.a];
    by_key[d.b];
  }
  if (!by_key.empty())
    for (size_t i = 0; i < in.size(); ++i)
      if (auto k = by_key.find(in[i].natural_key); k != by_key.end()) k->second.push_back(static_cast<int>(i));
  std::vector<std::pair<std::pair<int, int>, bool>> out;
  for (const LinkDecision& d : decisions)
    for (int x : by_key[d.a])
      for (int y : by_key[d.b]) out.push_back({{x, y}, d.same});
  return out;
}

}  // namespace

NoticeKeySource KeySourceOf(const std::optional<std::string>& doc_number,
                            const std::optional<std::string>& title, std::string_view sha256) {
  if (doc_number) return {'d', *doc_number};
  if (title) return {'t', *title};
  return {'s', sha256};
}

std::string NoticeKey(const NoticeMetadata& meta, const std::string& sha256) {
  const NoticeKeySource source = KeySourceOf(meta.doc_number, meta.title, sha256);
  return source.kind == 's' ? std::string(source.text) : MatchKey(source.text);
}

std::string NaturalKeyTail(const GradeRecord& r) {
  return "|" + r.carrier_type.value_or("") + "|" + r.name_key.place.value_or("") + r.name_key.key;
}

std::string NaturalKey(const std::string& notice_key, const GradeRecord& r) {
  return notice_key + NaturalKeyTail(r);
}

LinkInput MakeLinkInput(const std::string& notice_key, const GradeRecord& r, int64_t notice,
                        TextPool* text) {
  LinkInput in;
  in.natural_key = text->Hold(NaturalKey(notice_key, r));
  in.notice = notice;
  in.name_key = text->Keep(r.name_key.key);
  in.name_place = text->Keep(r.name_key.place.value_or(""));
  in.name_is_org = r.name_key.legal_form.has_value();
  in.carrier_type = text->Keep(r.carrier_type.value_or(""));
  if (r.region && r.region->kind == RegionKind::kDivision)
    in.region_code = text->Keep(r.region->code.value_or(""));
  if (r.operator_key) {
    in.operator_key = text->Keep(r.operator_key->key);
    in.operator_place = text->Keep(r.operator_key->place.value_or(""));
  }
  in.evaluated_as = text->Keep(r.evaluated_as.value_or(""));
  in.grade = text->Keep(r.grade.value_or(""));
  return in;
}

double KeySimilarity(const std::string& a, const std::string& b) {
  return Similarity(DecodeUtf8(a), DecodeUtf8(b));
}

namespace {

// A candidate pair of profiles kept for clustering (a == b: the records of one
// profile with each other). Its reason is only written when it ends up linked
// or for review (see Say).
struct Scored {
  int a = -1;
  int b = -1;
  double score = 0;
};

// Items (records, or organisation mentions) that agree on everything the
// scorer reads are one profile: they score alike against everyone, so pairs
// are scored once per pair of profiles, not per pair of items. A name listed
// in 200 notices is one profile and one self-pair, not 20,000 pairs. Blocking
// still counts the records that hold an n-gram (the threshold is tuned on
// records; counting distinct names found more variants but merged more
// organisations wrongly on the synthetic benchmark).
struct Profiles {
  std::vector<int> of;                    // per item: its profile
  std::vector<std::vector<int>> members;  // per profile: its items, ascending
  std::vector<size_t> records;            // per profile: the records its items stand for
  std::vector<uint32_t> weight;           // per item (LinkInputs::Weight); empty: 1 each
  uint32_t Weight(int item) const { return weight.empty() ? 1 : weight[static_cast<size_t>(item)]; }
};

template <typename KeyOf, typename WeightOf>
Profiles GroupProfiles(size_t items, KeyOf key, WeightOf weight) {
  Profiles p;
  p.of.resize(items);
  std::unordered_map<std::string, int> ids;
  for (size_t i = 0; i < items; ++i) {
    auto [it, added] = ids.emplace(key(i), static_cast<int>(p.members.size()));
    if (added) p.members.emplace_back(), p.records.push_back(0);
    p.of[i] = it->second;
    p.members[static_cast<size_t>(it->second)].push_back(static_cast<int>(i));
    const uint32_t w = weight(i);
    p.records[static_cast<size_t>(it->second)] += w;
    if (w != 1 && p.weight.empty()) p.weight.assign(items, 1);
    if (!p.weight.empty()) p.weight[i] = w;
  }
  return p;
}

// Scores the candidate pairs of profiles (blocking on text(item)) and each
// profile with more than one item against itself, with score(item, item);
// keeps those at or above w.review, best first, a profile's own pair before
// others of the same score (identical records join first).
template <typename TextOf, typename ScoreOf>
std::vector<Scored> ScorePairs(const Profiles& p, TextOf text, ScoreOf score, const LinkRules& r,
                               const Weights& w, size_t* compared) {
  auto first = [&](int profile) { return static_cast<size_t>(p.members[static_cast<size_t>(profile)][0]); };
  std::vector<std::u32string_view> texts;  // views of the scorers' keys
  std::vector<size_t> weight;
  texts.reserve(p.members.size());
  for (size_t k = 0; k < p.members.size(); ++k) {
    texts.push_back(text(first(static_cast<int>(k))));
    weight.push_back(p.records[k]);
  }
  std::vector<std::pair<int, int>> pairs = CandidatePairs(texts, weight, r);
  for (size_t k = 0; k < p.members.size(); ++k)
    if (p.records[k] > 1) pairs.emplace_back(static_cast<int>(k), static_cast<int>(k));
  *compared += pairs.size();
  std::vector<Scored> out;
  for (const auto& [x, y] : pairs) {
    double s = score(first(x), first(y));
    if (s >= w.review) out.push_back({x, y, s});
  }
  std::stable_sort(out.begin(), out.end(), [](const Scored& x, const Scored& y) {
    return x.score != y.score ? x.score > y.score : (x.a == x.b) > (y.a == y.b);
  });
  return out;
}

// One item of each cluster the items are in, in item order.
std::vector<int> OnePerCluster(Clusters* c, const std::vector<int>& items) {
  std::vector<std::pair<int, int>> by_root;  // (root, item)
  by_root.reserve(items.size());
  for (int i : items) by_root.emplace_back(c->Find(i), i);
  std::sort(by_root.begin(), by_root.end());
  std::vector<int> out;
  for (size_t k = 0; k < by_root.size(); ++k)
    if (k == 0 || by_root[k].first != by_root[k - 1].first) out.push_back(by_root[k].second);
  std::sort(out.begin(), out.end());
  return out;
}

// Joins the items of a scored pair of profiles; appends each join that
// happened as (item, item). A profile's own items join the first cluster that
// takes them (a notice lists a carrier once, so a name twice in one notice
// starts a second cluster); two profiles join cluster by cluster. An item
// with copies gets a link to itself: its copies join its cluster, each with
// the profile's own link, which is also the best its item has (see LinkInputs).
template <typename OnJoin>
void JoinProfiles(Clusters* c, const Profiles& p, const Scored& s, OnJoin joined) {
  const std::vector<int>& a = p.members[static_cast<size_t>(s.a)];
  if (s.a == s.b) {
    std::vector<int> anchors;
    for (int m : a) {
      bool placed = false;
      for (int x : anchors) {
        if (c->Find(x) == c->Find(m)) { placed = true; break; }
        if (c->Join(x, m)) { joined(x, m); placed = true; break; }
      }
      if (!placed) anchors.push_back(m);
      if (p.Weight(m) > 1) joined(m, m);
    }
    return;
  }
  std::vector<int> ours = OnePerCluster(c, a), theirs = OnePerCluster(c, p.members[static_cast<size_t>(s.b)]);
  for (int x : ours)
    for (int y : theirs)
      if (c->Join(x, y)) joined(x, y);
}

// Decided pairs first (accepted join, rejected never), then scored pairs at or
// above auto_link; pairs of clusters left apart in the review band go to
// *review, one per pair of clusters. explain(a, b) says why two items scored
// as they did; the items of a pair of profiles all agree on what the scorer
// reads, so each scored pair is explained once, its text interned in
// `reasons` (a link per record, each with its own string, was the largest
// part of linking a store's memory).
template <typename Explain>
std::vector<Link> JoinPairs(Clusters* c, const Profiles& p, const std::vector<Scored>& scored,
                            const std::vector<std::pair<std::pair<int, int>, bool>>& decided,
                            const Weights& w, Explain explain, TextPool* reasons,
                            std::vector<Link>* review) {
  // A join per item at most (n items, n - 1 joins): reserved, not regrown
  // by doubling, which held two copies at the peak of a store's relink.
  std::vector<Link> joined;
  joined.reserve(c->size());
  for (const auto& [pair, same] : decided)
    if (!same) c->Forbid(pair.first, pair.second);
  for (const auto& [pair, same] : decided)
    if (same && c->Join(pair.first, pair.second))
      joined.push_back({pair.first, pair.second, 1.0, reasons->Intern("accepted by a person")});
  auto link = [&](int x, int y, const Scored& s, TextId* why) {
    if (*why == TextPool::kNull) *why = reasons->Intern(explain(x, y));
    return Link{x, y, s.score, *why};
  };
  for (const Scored& s : scored) {
    TextId why = TextPool::kNull;
    if (s.score >= w.auto_link)
      JoinProfiles(c, p, s, [&](int x, int y) { joined.push_back(link(x, y, s, &why)); });
  }
  if (!review) return joined;
  for (const Scored& s : scored) {
    if (s.score >= w.auto_link || s.a == s.b) continue;
    TextId why = TextPool::kNull;
    for (int x : OnePerCluster(c, p.members[static_cast<size_t>(s.a)]))
      for (int y : OnePerCluster(c, p.members[static_cast<size_t>(s.b)]))
        if (c->Find(x) != c->Find(y)) review->push_back(link(x, y, s, &why));
  }
  return joined;
}

// Everything ScoreCarriers reads of a record, as one string.
std::string CarrierProfileKey(const LinkInput& in) {
  const char sep = '\x1f';
  return Cat(in.name_key, sep, in.name_place, sep, in.carrier_type, sep, in.region_code, sep,
             in.operator_key, sep, in.operator_place);
}

void LinkCarriers(const LinkInputs& in, const Profiles& p, const std::vector<Keys>& keys,
                  const std::vector<std::pair<std::pair<int, int>, bool>>& decided,
                  const LinkRules& r, LinkResult* out) {
  auto key = [&](size_t i) -> const Keys& { return keys[static_cast<size_t>(p.of[i])]; };
  auto score = [&](size_t a, size_t b, std::string* reason) {
    return ScoreCarriers(in[a], in[b], key(a), key(b), r.carrier, reason);
  };
  std::vector<Scored> scored = ScorePairs(
      p, [&](size_t i) { return key(i).full; },
      [&](size_t a, size_t b) { return score(a, b, nullptr); }, r, r.carrier, &out->pairs_scored);
  auto explain = [&](int a, int b) {
    std::string reason;
    score(static_cast<size_t>(a), static_cast<size_t>(b), &reason);
    return reason;
  };
  std::vector<int64_t> notices(in.size());
  for (size_t i = 0; i < in.size(); ++i) notices[i] = in[i].notice;
  Clusters c(in.size(), std::move(notices));
  out->carrier_links = JoinPairs(&c, p, scored, decided, r.carrier, explain, &out->reasons, &out->review);
  out->carrier_cluster = c.Numbered();
  // Each join leaves one cluster fewer, and each copy joins its item's.
  size_t records = 0;
  for (size_t n : p.records) records += n;
  const int clusters = out->carrier_cluster.empty()
                           ? 0
                           : *std::max_element(out->carrier_cluster.begin(), out->carrier_cluster.end()) + 1;
  out->carrier_joins = records - static_cast<size_t>(clusters);
}

// An organisation mention: a record's operator, or its name when the name is
// an organisation's.
struct OrgMention {
  int input = -1;
  bool is_name = false;
};

std::vector<OrgMention> OrgMentions(const LinkInputs& in) {
  std::vector<OrgMention> m;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].operator_key.empty()) m.push_back({static_cast<int>(i), false});
    if (in[i].name_is_org) m.push_back({static_cast<int>(i), true});
  }
  return m;
}

void LinkOrganisations(const LinkInputs& in, const Profiles& carriers,
                       const std::vector<Keys>& keys, const LinkRules& r, LinkResult* out) {
  std::vector<OrgMention> m = OrgMentions(in);
  // The mention's name (key and full form) as the scorer reads it.
  auto names = [&](size_t k) {
    const Keys& ks = keys[static_cast<size_t>(carriers.of[static_cast<size_t>(m[k].input)])];
    return m[k].is_name ? std::pair{&ks.name, &ks.full} : std::pair{&ks.op, &ks.op_full};
  };
  auto region = [&](size_t k) { return in[static_cast<size_t>(m[k].input)].region_code; };
  Profiles p = GroupProfiles(
      m.size(),
      [&](size_t k) {
        const LinkInput& x = in[static_cast<size_t>(m[k].input)];
        const char sep = '\x1f';
        return m[k].is_name ? Cat(x.name_place, sep, x.name_key, sep, x.region_code)
                            : Cat(x.operator_place, sep, x.operator_key, sep, x.region_code);
      },
      [&](size_t k) { return in.Weight(static_cast<size_t>(m[k].input)); });
  auto score = [&](size_t a, size_t b, std::string* reason) {
    auto [ka, fa] = names(a);
    auto [kb, fb] = names(b);
    return ScoreOrgs(region(a), region(b), *ka, *fa, *kb, *fb, r.org, reason);
  };
  std::vector<Scored> scored = ScorePairs(
      p, [&](size_t k) { return *names(k).second; },
      [&](size_t a, size_t b) { return score(a, b, nullptr); }, r, r.org, &out->pairs_scored);
  auto explain = [&](int a, int b) {
    std::string reason;
    score(static_cast<size_t>(a), static_cast<size_t>(b), &reason);
    return reason;
  };
  Clusters c(m.size(), {});  // organisations recur within a notice
  std::vector<Link> joined = JoinPairs(&c, p, scored, {}, r.org, explain, &out->reasons, nullptr);
  std::vector<int> cluster = c.Numbered();
  out->org_cluster.assign(in.size(), -1);
  out->name_org_cluster.assign(in.size(), -1);
  for (size_t k = 0; k < m.size(); ++k)
    (m[k].is_name ? out->name_org_cluster : out->org_cluster)[static_cast<size_t>(m[k].input)] = cluster[k];
  out->org_links.reserve(joined.size());
  for (Link& l : joined) {  // report links between records, not mentions
    l.a = m[static_cast<size_t>(l.a)].input;
    l.b = m[static_cast<size_t>(l.b)].input;
    out->org_links.push_back(std::move(l));
  }
}

// 浙江大学包头工业技术研究院众创空间 (evaluated as an incubator) -> the incubator
// record of the same notice run by the same organisation, or whose name key
// starts its name key; one with the same grade is preferred.
void FindRelations(const LinkInputs& in, LinkResult* out) {
  std::map<int64_t, std::vector<size_t>> by_notice;
  for (size_t i = 0; i < in.size(); ++i) by_notice[in[i].notice].push_back(i);
  for (size_t i = 0; i < in.size(); ++i) {
    const LinkInput& a = in[i];
    if (a.evaluated_as.empty()) continue;
    int best = -1, best_rank = -1;
    std::string why;
    for (size_t j : by_notice[a.notice]) {
      const LinkInput& b = in[j];
      if (j == i || b.carrier_type != a.evaluated_as) continue;
      bool same_org = out->org_cluster[i] >= 0 && out->org_cluster[i] == out->org_cluster[j];
      bool named = !b.name_key.empty() && a.name_key.starts_with(b.name_key);
      if (!same_org && !named) continue;
      int rank = (same_org ? 2 : 0) + (named ? 2 : 0) + (a.grade == b.grade ? 1 : 0);
      if (rank <= best_rank) continue;
      best = static_cast<int>(j), best_rank = rank;
      why = same_org ? "same operating organisation" : "name contains the carrier's name";
    }
    if (best >= 0)
      out->relations.push_back({static_cast<int>(i), best, 1.0,
                                out->reasons.Intern(Cat("evaluated as ", a.evaluated_as, ": ", why))});
  }
}

// The inputs of the vector form of LinkRecords (tests, benchmarks).
class VectorInputs : public LinkInputs {
 public:
  explicit VectorInputs(const std::vector<LinkInput>& v) : v_(v) {}
  size_t size() const override { return v_.size(); }
  LinkInput operator[](size_t i) const override { return v_[i]; }

 private:
  const std::vector<LinkInput>& v_;
};

// The members of the vector form of AssignEntityIds (tests).
class VectorMembers : public EntityMembers {
 public:
  VectorMembers(const std::vector<int>& cluster, const std::vector<MemberKey>& keys,
                const std::vector<std::string_view>& previous)
      : cluster_(cluster), keys_(keys), previous_(previous) {}
  size_t size() const override { return cluster_.size(); }
  int Cluster(size_t i) const override { return cluster_[i]; }
  MemberKey Key(size_t i) const override { return keys_[i]; }
  std::string_view Previous(size_t i) const override { return previous_[i]; }

 private:
  const std::vector<int>& cluster_;
  const std::vector<MemberKey>& keys_;
  const std::vector<std::string_view>& previous_;
};

}  // namespace

Status LinkRecords(const std::vector<LinkInput>& inputs, const std::vector<LinkDecision>& decisions,
                   LinkResult* out) {
  return LinkRecords(VectorInputs(inputs), decisions, out);
}

Status LinkRecords(const LinkInputs& inputs, const std::vector<LinkDecision>& decisions,
                   LinkResult* out) {
  Status st;
  const LinkRules* r = Rules(&st);
  if (!r) return st;
  *out = LinkResult();
  Profiles carriers = GroupProfiles(
      inputs.size(), [&](size_t i) { return CarrierProfileKey(inputs[i]); },
      [&](size_t i) { return inputs.Weight(i); });
  KeyText key_text;
  std::vector<Keys> keys;  // per carrier profile, viewing key_text
  keys.reserve(carriers.members.size());
  for (const std::vector<int>& members : carriers.members)
    keys.push_back(MakeKeys(inputs[static_cast<size_t>(members[0])], &key_text));
  LinkCarriers(inputs, carriers, keys, DecisionPairs(inputs, decisions), *r, out);
  LinkOrganisations(inputs, carriers, keys, *r, out);
  FindRelations(inputs, out);
  return Status::Ok();
}


std::string MemberKey::Text() const {
  return role.empty() ? Cat(natural, natural_tail) : Cat(natural, natural_tail, '#', role);
}

bool operator<(const MemberKey& x, const MemberKey& y) {
  // Keys held in parts mostly share their head (a notice's records) or
  // differ within it: then the tails, or the heads, decide.
  if (!x.natural_tail.empty() || !y.natural_tail.empty()) {
    if (x.natural.data() == y.natural.data() && x.natural.size() == y.natural.size())
      return MemberKey{x.natural_tail, x.role, {}} < MemberKey{y.natural_tail, y.role, {}};
    const size_t h = std::min(x.natural.size(), y.natural.size());
    if (int c = x.natural.substr(0, h).compare(y.natural.substr(0, h)); c != 0) return c < 0;
  }
  // The natural keys first, up to the shorter's length, as their texts.
  auto prefix = [](std::string_view head, std::string_view tail, size_t n) {
    return n <= head.size() ? std::pair{head.substr(0, n), std::string_view()}
                            : std::pair{head, tail.substr(0, n - head.size())};
  };
  const size_t n = std::min(x.natural.size() + x.natural_tail.size(),
                            y.natural.size() + y.natural_tail.size());
  auto [x1, x2] = prefix(x.natural, x.natural_tail, n);
  auto [y1, y2] = prefix(y.natural, y.natural_tail, n);
  if (int c = CompareJoined(x1, x2, y1, y2); c != 0) return c < 0;
  return x.Text() < y.Text();  // one natural key starts the other: rare
}

std::vector<std::string> AssignEntityIds(const std::vector<int>& cluster, const std::vector<MemberKey>& keys,
                                         const std::vector<std::string_view>& previous,
                                         const std::string& prefix) {
  return AssignEntityIds(VectorMembers(cluster, keys, previous), prefix);
}

std::vector<std::string> AssignEntityIds(const EntityMembers& members, const std::string& prefix) {
  int n = 0;
  for (size_t i = 0; i < members.size(); ++i) n = std::max(n, members.Cluster(i) + 1);
  std::vector<std::map<std::string_view, int>> votes(static_cast<size_t>(n));
  std::vector<std::optional<MemberKey>> smallest(static_cast<size_t>(n));  // each cluster's smallest key
  std::vector<int> size(static_cast<size_t>(n), 0);
  for (size_t i = 0; i < members.size(); ++i) {
    const int cluster = members.Cluster(i);
    if (cluster < 0) continue;
    auto c = static_cast<size_t>(cluster);
    const uint32_t weight = members.Weight(i);  // a copy's previous id is its original's
    size[c] += static_cast<int>(weight);
    std::string_view previous = members.Previous(i);
    if (!previous.empty()) votes[c][previous] += static_cast<int>(weight);
    MemberKey key = members.Key(i);
    if (!smallest[c] || key < *smallest[c]) smallest[c] = key;
  }
  // Larger clusters choose first, so a split keeps the old id on its bigger part.
  std::vector<size_t> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return size[a] != size[b] ? size[a] > size[b] : *smallest[a] < *smallest[b];
  });
  std::vector<std::string> ids(static_cast<size_t>(n));
  std::set<std::string, std::less<>> taken;
  for (size_t c : order) {
    std::vector<std::pair<std::string_view, int>> ranked(votes[c].begin(), votes[c].end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [id, count] : ranked)
      if (!taken.count(id)) {
        ids[c] = id;
        break;
      }
    // Two clusters can share a smallest key (one name twice in a notice): the
    // later one, in size order, takes the next free hash.
    std::string key = smallest[c]->Text();
    for (int salt = 0; ids[c].empty() || taken.count(ids[c]); ++salt)
      ids[c] = prefix + Sha256Hex(key + (salt ? "#" + std::to_string(salt) : "")).substr(0, 12);
    taken.insert(ids[c]);
  }
  return ids;
}

}  // namespace fuhua
