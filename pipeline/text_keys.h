// Matching keys for names (schemas/text_keys.json): NFKC, Traditional ->
// Simplified (ICU Hant-Hans), no whitespace, Latin case folded, brackets,
// dots, dashes and commas unified, quotation marks dropped. The display value
// keeps the document's characters; only matching uses the key.
// Usage:
//   Status st;
//   const TextKeyer* k = DefaultTextKeyer(&st);
//   k->Key("內蒙古 自治區【呼和浩特】");  // "内蒙古自治区(呼和浩特)"
// Thread-safe: the transliterator is cloned per thread.
#ifndef FUHUA_PIPELINE_TEXT_KEYS_H_
#define FUHUA_PIPELINE_TEXT_KEYS_H_

#include <unicode/translit.h>
#include <unicode/uniset.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pipeline/bmp_bits.h"
#include "pipeline/status.h"

namespace fuhua {

class TextKeyer {
 public:
  // Loads schemas/text_keys.json and creates the transliterator.
  static Status Create(std::unique_ptr<TextKeyer>* out);

  std::string Key(std::string_view text) const;
  int version() const { return version_; }

 private:
  TextKeyer() = default;
  void Transliterate(icu::UnicodeString* text) const;
  void FindConvertible();
  void FindPlain();

  int version_ = 0;
  std::unique_ptr<icu::Transliterator> prototype_;
  mutable std::mutex transliterating_;  // guards prototype_ (Transliterate)
  icu::UnicodeSet convertible_;                 // characters Hant-Hans changes
  std::unordered_map<UChar32, UChar32> unify_;  // -1 drops the character
  BmpBits plain_;  // characters every step leaves alone (FindPlain)
};

// ICU's transliterator `id`: built straight from its rules when ICU keeps
// them as a rule-based transform (Hant-Hans does), else through ICU's
// registry. nullptr and *err set on failure.
icu::Transliterator* CreateTransliterator(const std::string& id, UErrorCode* err);

// The process-wide keyer, loaded once; nullptr and !status->ok() on error.
const TextKeyer* DefaultTextKeyer(Status* status);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_TEXT_KEYS_H_
