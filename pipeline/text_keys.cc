// Implements the name key of schemas/text_keys.json with ICU: Normalizer2
// (NFKC), the Hant-Hans transliterator (run only when the text holds a
// character it changes: most notices are already Simplified and the
// transliterator is the slow step), u_isUWhiteSpace and case folding.
#include "pipeline/text_keys.h"
#include "pipeline/load_once.h"

#include <Poco/JSON/Object.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <mutex>

#include "pipeline/schema_files.h"

namespace fuhua {
namespace {

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Maps every code point of `chars` to `to` (-1: drop).
void AddMapping(std::unordered_map<UChar32, UChar32>* m, const std::string& chars, UChar32 to) {
  icu::UnicodeString u = FromUtf8(chars);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    (*m)[c] = to;
    i += U16_LENGTH(c);
  }
}

Status LoadRules(const Poco::JSON::Object::Ptr& o, int* version, std::string* translit_id,
                 std::unordered_map<UChar32, UChar32>* unify) {
  try {
    *version = o->getValue<int>("key_version");
    *translit_id = o->getValue<std::string>("transliterator");
    auto groups = o->getArray("unify");
    for (size_t i = 0; groups && i < groups->size(); ++i) {
      auto g = groups->getObject(static_cast<unsigned>(i));
      icu::UnicodeString to = FromUtf8(g->getValue<std::string>("to"));
      AddMapping(unify, g->getValue<std::string>("from"), to.char32At(0));
    }
    AddMapping(unify, o->optValue<std::string>("drop", ""), -1);
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/text_keys.json: " + e.displayText());
  }
  return Status::Ok();
}

// The resource tree of ICU's transforms (ICU's own U_ICUDATA_TRANSLIT, not
// exported).
constexpr const char* kTranslitTree = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "translit";

// The rules and direction of a rule-based transform in ICU's data
// (root/RuleBasedTransliteratorIDs/<id>/file), or false when `id` is not one
// there (an alias, a compound, a built-in class).
bool BundledRules(const std::string& id, icu::UnicodeString* rules, UTransDirection* direction) {
  UErrorCode err = U_ZERO_ERROR;
  icu::LocalUResourceBundlePointer root(ures_openDirect(kTranslitTree, "root", &err));
  icu::LocalUResourceBundlePointer ids(
      ures_getByKey(root.getAlias(), "RuleBasedTransliteratorIDs", nullptr, &err));
  icu::LocalUResourceBundlePointer entry(ures_getByKey(ids.getAlias(), id.c_str(), nullptr, &err));
  icu::LocalUResourceBundlePointer file(ures_getByKey(entry.getAlias(), "file", nullptr, &err));
  int32_t rules_length = 0, direction_length = 0;
  const UChar* text = ures_getStringByKey(file.getAlias(), "resource", &rules_length, &err);
  const UChar* dir = ures_getStringByKey(file.getAlias(), "direction", &direction_length, &err);
  if (U_FAILURE(err)) return false;
  rules->setTo(text, rules_length);
  *direction = icu::UnicodeString(dir, direction_length) == u"REVERSE" ? UTRANS_REVERSE
                                                                         : UTRANS_FORWARD;
  return true;
}

}  // namespace

// createInstance first registers every transform ICU has (about 170M
// instructions, 12-45 ms at each start of fuhua); the rules of the one asked
// for are then parsed all the same. Parsing them directly is 35M and 3 ms,
// with the same rules in the same direction: the same transliterator
// (tests/text_keys_test.cc compares the two on every character).
icu::Transliterator* CreateTransliterator(const std::string& id, UErrorCode* err) {
  icu::UnicodeString rules;
  UTransDirection direction = UTRANS_FORWARD;
  if (!BundledRules(id, &rules, &direction))
    return icu::Transliterator::createInstance(FromUtf8(id), UTRANS_FORWARD, *err);
  UParseError where;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createFromRules(FromUtf8(id), rules, direction, where, *err));
  return U_SUCCESS(*err) ? t.release() : nullptr;
}

Status TextKeyer::Create(std::unique_ptr<TextKeyer>* out) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("text_keys.json", &o);
  if (!st.ok()) return st;
  std::unique_ptr<TextKeyer> k(new TextKeyer());
  std::string id;
  st = LoadRules(o, &k->version_, &id, &k->unify_);
  if (!st.ok()) return st;
  UErrorCode err = U_ZERO_ERROR;
  k->prototype_.reset(CreateTransliterator(id, &err));
  if (U_FAILURE(err) || !k->prototype_)
    return Status::Internal("ICU transliterator " + id + ": " + u_errorName(err));
  k->FindConvertible();
  k->FindPlain();
  *out = std::move(k);
  return Status::Ok();
}

// The transliterator's source set also holds characters it leaves alone
// (most Simplified ones); keep only those it changes on their own, so that a
// Simplified key skips the slow rule engine. About 3,500 characters, ~1 ms once.
void TextKeyer::FindConvertible() {
  icu::UnicodeSet source;
  prototype_->getSourceSet(source);
  for (int32_t r = 0; r < source.getRangeCount(); ++r)
    for (UChar32 c = source.getRangeStart(r); c <= source.getRangeEnd(r); ++c) {
      icu::UnicodeString one(c), converted(c);
      prototype_->transliterate(converted);
      if (converted != one) convertible_.add(c);
    }
  convertible_.freeze();
}

// Characters that NFKC, Hant-Hans, the unifications, whitespace removal and
// case folding all leave as they are: printable ASCII but capitals, and the
// CJK Unified Ideographs (all NFKC-stable, none composing with a neighbour)
// that are neither converted nor unified. A key of such characters only is
// the text itself: most names, whose key then costs a scan instead of seven
// thousand instructions of ICU. Kept as bits (bmp_bits.h): the set's holes
// made ICU's span binary-search for most ideographs.
void TextKeyer::FindPlain() {
  icu::UnicodeSet plain(0x21, 0x40);
  plain.add(0x5B, 0x7E);
  plain.add(0x4E00, 0x9FFF);
  plain.removeAll(convertible_);
  for (const auto& [from, to] : unify_) plain.remove(from);
  plain_ = BmpBits(plain);
}

// ICU's rule-based transliterators keep state while they run, so threads
// take turns with the one there is. A clone per thread copied every rule:
// ~6M instructions each, three or four a run, for a path that only text
// with characters Hant-Hans converts takes (rare in notices, which are in
// Simplified characters).
void TextKeyer::Transliterate(icu::UnicodeString* text) const {
  std::lock_guard<std::mutex> lock(transliterating_);
  prototype_->transliterate(*text);
}

std::string TextKeyer::Key(std::string_view text) const {
  if (plain_.Spans(text)) return std::string(text);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString u = FromUtf8(text);
  if (U_SUCCESS(err)) {
    icu::UnicodeString n = nfkc->normalize(u, err);
    if (U_SUCCESS(err)) u = n;  // best effort: a key never fails
  }
  if (!convertible_.containsNone(u)) Transliterate(&u);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) continue;
    auto it = unify_.find(c);
    if (it != unify_.end()) c = it->second;
    if (c >= 0) kept.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

const TextKeyer* DefaultTextKeyer(Status* status) {
  return LoadOnce<TextKeyer>(status, [](std::unique_ptr<TextKeyer>* out) { return TextKeyer::Create(out); });
}

}  // namespace fuhua
