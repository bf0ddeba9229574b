// JSON string lists for TEXT columns (see json_text.h). Written by hand,
// byte for byte as Poco::JSON::Array::stringify wrote them (control
// characters, '"' and '\\' escaped, \u00XX in upper case; UTF-8 and '/' as
// they are), which cost ten times as much: a quarter of the ingest writer,
// the one serial stage. Read back with Poco::JSON.
#include "store/json_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace fuhua {
namespace {

void AppendJsonString(const std::string& s, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c >= 0 && c < 0x20) {
          const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          out->append(u, sizeof u);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

}  // namespace

std::string ToJsonStrings(const std::vector<std::string>& items, bool empty_as_null) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    if (empty_as_null && items[i].empty())
      out.append("null");
    else
      AppendJsonString(items[i], &out);
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
