// JSON string lists for TEXT columns (see json_text.h). Written by hand,
// byte for byte as Poco::JSON::Array::stringify wrote them (control
// characters, '"' and '\\' escaped, \u00XX in upper case; UTF-8 and '/' as
// they are), which cost ten times as much: a quarter of the ingest writer,
// the one serial stage. Read back with Poco::JSON.
#include "store/json_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <charconv>

namespace fuhua {
namespace {

bool NeedsEscape(char c) { return c == '"' || c == '\\' || (c >= 0 && c < 0x20); }

void AppendEscaped(char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  switch (c) {
    case '"': out->append("\\\""); break;
    case '\\': out->append("\\\\"); break;
    case '\b': out->append("\\b"); break;
    case '\f': out->append("\\f"); break;
    case '\n': out->append("\\n"); break;
    case '\r': out->append("\\r"); break;
    case '\t': out->append("\\t"); break;
    default: {
      const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out->append(u, sizeof u);
    }
  }
}

}  // namespace

// Runs of bytes that need no escape (nearly all of a cell) are appended
// whole: a push_back a byte was most of the cost of a data row's JSON.
void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!NeedsEscape(s[i])) continue;
    out->append(s.data() + run, i - run);
    AppendEscaped(s[i], out);
    run = i + 1;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

std::string ToJsonStrings(const std::vector<std::string>& items, bool empty_as_null) {
  return ToJsonStrings(items.size(), [&](size_t i) -> std::string_view { return items[i]; },
                       empty_as_null);
}

std::string ToJsonInts(const std::vector<int>& values) {
  std::string out = "[";
  char digits[16];
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(',');
    auto end = std::to_chars(digits, digits + sizeof digits, values[i]).ptr;
    out.append(digits, end);
  }
  out.push_back(']');
  return out;
}

std::vector<std::string> FromJsonStrings(const std::string& json) {
  Poco::JSON::Parser parser;
  Poco::JSON::Array::Ptr array = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
  std::vector<std::string> out;
  out.reserve(array->size());
  for (size_t i = 0; i < array->size(); ++i) {
    out.push_back(array->isNull(i) ? std::string() : array->getElement<std::string>(i));
  }
  return out;
}

}  // namespace fuhua
