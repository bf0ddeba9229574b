// Lists stored as JSON text in a column (issuers, table headers, roles,
// notes): JSON is readable in both SQLite and PostgreSQL and by any client,
// where a side table per list would cost a join for nothing.
#ifndef FUHUA_STORE_JSON_TEXT_H_
#define FUHUA_STORE_JSON_TEXT_H_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuhua {

// ["a","b"], UTF-8 kept as is. With `empty_as_null`, "" items become null
// (roles: null is "unknown", as in the JSON output).
std::string ToJsonStrings(const std::vector<std::string>& items, bool empty_as_null = false);

// The same list from `n` items given by `item(i)`, without copying them
// into a vector first (the cells of a data row).
template <typename Item>
std::string ToJsonStrings(size_t n, const Item& item, bool empty_as_null = false);

// One JSON string, "..." with its escapes, appended to `out`.
void AppendJsonString(std::string_view s, std::string* out);

// {"a":"x","b":null}: string fields, null when absent, keys in the order
// given, as Poco::JSON::Object (keys kept in order) stringifies them;
// appended to `out`.
using JsonTextField = std::pair<std::string_view, std::optional<std::string_view>>;
void AppendJsonObject(std::initializer_list<JsonTextField> fields, std::string* out);

// [1,2,3], as Poco::JSON::Array::stringify writes a list of ints.
std::string ToJsonInts(const std::vector<int>& values);

// The inverse; null items become "". Throws Poco::Exception on bad JSON
// (only the store writes these columns).
std::vector<std::string> FromJsonStrings(const std::string& json);
// The inverse of ToJsonInts; throws as FromJsonStrings.
std::vector<int> FromJsonInts(const std::string& json);

// Reads the JSON the store writes: arrays and objects of strings, nulls and
// integers, strings with JSON's escapes (\u of a surrogate aside).
// Every method skips whitespace first and returns false, having read
// nothing it can be trusted for, on anything else; its callers then read
// the whole text with Poco::JSON, which decides what it means or throws.
// Poco built a Dynamic::Var tree for each list: most of what reading plan
// sites back for a relink cost.
class FlatJson {
 public:
  explicit FlatJson(std::string_view text) : s_(text) {}
  bool Take(char c);  // the next character is `c`: read it
  bool String(std::string* out);
  bool Null();
  bool Int(int* out);
  bool AtEnd();  // nothing but whitespace is left

 private:
  void SkipSpace();
  std::string_view s_;
  size_t i_ = 0;
};

// Reads `json` as [item, …], each item read by `item(FlatJson*)`; false
// when it is not flat JSON (see FlatJson).
template <typename Item>
bool ReadFlatList(std::string_view json, const Item& item) {
  FlatJson j(json);
  if (!j.Take('[')) return false;
  if (j.Take(']')) return j.AtEnd();
  do {
    if (!item(&j)) return false;
  } while (j.Take(','));
  return j.Take(']') && j.AtEnd();
}

template <typename Item>
std::string ToJsonStrings(size_t n, const Item& item, bool empty_as_null) {
  std::string out = "[";
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out.push_back(',');
    std::string_view s = item(i);
    if (empty_as_null && s.empty())
      out.append("null");
    else
      AppendJsonString(s, &out);
  }
  out.push_back(']');
  return out;
}

}  // namespace fuhua

#endif  // FUHUA_STORE_JSON_TEXT_H_
