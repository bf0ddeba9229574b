// JSON string lists for TEXT columns (see json_text.h), via Poco::JSON.
#include "store/json_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace fuhua {

std::string ToJsonStrings(const std::vector<std::string>& items, bool empty_as_null) {
  Poco::JSON::Array array;
  for (const std::string& item : items) {
    if (empty_as_null && item.empty()) {
      array.add(Poco::Dynamic::Var());
    } else {
      array.add(item);
    }
  }
  std::ostringstream out;
  array.stringify(out);
  return out.str();
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
