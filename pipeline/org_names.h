// Matching keys of carrier and organisation names (schemas/org_names.json):
//   苏尼特左旗丝梦源孵化器商务有限责任公司 -> key 丝梦源孵化器商务有限公司,
//       place 苏尼特左旗, legal_form limited
//   微托帮众创空间（原）                   -> key 微托帮众创空间, qualifier 原
//   京东云（重庆）创业孵化基地             -> key 京东云创业孵化基地, place 重庆
// The key starts from the text key (pipeline/text_keys.h); places are
// recognised with the gazetteer, so only real division names move out.
#ifndef FUHUA_PIPELINE_ORG_NAMES_H_
#define FUHUA_PIPELINE_ORG_NAMES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/gazetteer.h"
#include "pipeline/notice.h"
#include "pipeline/status.h"

namespace fuhua {

class OrgNamer {
 public:
  static Status Create(const Gazetteer* gazetteer, std::unique_ptr<OrgNamer>* out);

  NameKey Key(std::string_view name) const;

 private:
  struct LegalForm {
    std::string cls;
    std::string key_suffix;  // what every suffix of the class becomes in the key
    std::vector<std::string> suffixes;  // as keys, longest first
  };
  struct Parts;  // the name as it is taken apart
  struct Head {
    int place = -1;
    size_t bytes = 0;
  };

  OrgNamer() = default;
  bool StripLegalForm(Parts* p) const;
  void MoveBracketedPlaces(Parts* p) const;
  bool StripTrailingQualifier(Parts* p) const;
  void StripLeadingPlaces(Parts* p) const;
  Head LeadingPlace(const std::string& key, int under, bool guarded) const;
  bool Acceptable(const PlaceMatch& m, size_t head_chars, int under, bool guarded) const;
  bool IsPlace(const std::string& key) const;

  const Gazetteer* g_ = nullptr;
  std::vector<LegalForm> forms_;
  std::vector<std::string> guard_words_;
  std::vector<std::string> kept_parentheticals_;
  size_t min_key_chars_ = 2;
  size_t max_place_chars_ = 12;
};

// The process-wide namer over DefaultGazetteer(); nullptr and !ok on error.
const OrgNamer* DefaultOrgNamer(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_ORG_NAMES_H_
