// JSON string lists for TEXT columns (see json_text.h). Written by hand,
// byte for byte as Poco::JSON::Array::stringify wrote them (control
// characters, '"' and '\\' escaped, \u00XX in upper case; UTF-8 and '/' as
// they are), which cost ten times as much: a quarter of the ingest writer,
// the one serial stage. Read back by FlatJson, or Poco::JSON when it cannot.
#include "store/json_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <utility>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

bool NeedsEscape(char c) { return c == '"' || c == '\\' || (c >= 0 && c < 0x20); }

// JSON's two-character escapes: the character and the letter after '\\'.
constexpr std::pair<char, char> kShortEscapes[] = {
    {'"', '"'}, {'\\', '\\'}, {'\b', 'b'}, {'\f', 'f'}, {'\n', 'n'}, {'\r', 'r'}, {'\t', 't'}};

void AppendEscaped(char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const auto& [plain, letter] : kShortEscapes) {
    if (c != plain) continue;
    const char e[] = {'\\', letter};
    out->append(e, sizeof e);
    return;
  }
  const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out->append(u, sizeof u);
}

// The code point of the four hex digits that open `hex` (after "\\u"),
// appended as UTF-8; false for a surrogate or anything else.
bool AppendBmpEscape(std::string_view hex, std::string* out) {
  if (hex.size() < 4) return false;
  char32_t c = 0;
  for (char h : hex.substr(0, 4)) {
    const int d = h >= '0' && h <= '9'   ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                         : -1;
    if (d < 0) return false;
    c = c * 16 + static_cast<char32_t>(d);
  }
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  out->append(EncodeUtf8(std::u32string_view(&c, 1)));
  return true;
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

void AppendJsonObject(std::initializer_list<JsonTextField> fields, std::string* out) {
  out->push_back('{');
  for (const auto& [key, value] : fields) {
    if (out->back() != '{') out->push_back(',');
    AppendJsonString(key, out);
    out->push_back(':');
    if (value)
      AppendJsonString(*value, out);
    else
      out->append("null");
  }
  out->push_back('}');
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

void FlatJson::SkipSpace() {
  while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
    ++i_;
}

bool FlatJson::Take(char c) {
  SkipSpace();
  if (i_ >= s_.size() || s_[i_] != c) return false;
  ++i_;
  return true;
}

bool FlatJson::AtEnd() {
  SkipSpace();
  return i_ == s_.size();
}

bool FlatJson::Null() {
  SkipSpace();
  if (s_.substr(i_, 4) != "null") return false;
  i_ += 4;
  return true;
}

bool FlatJson::Int(int* out) {
  SkipSpace();
  const char* begin = s_.data() + i_;
  const char* end = s_.data() + s_.size();
  const char* digits = begin < end && *begin == '-' ? begin + 1 : begin;
  // JSON integers have no '+' (from_chars takes none) and no leading zero.
  if (end - digits > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9') return false;
  auto [ptr, ec] = std::from_chars(begin, end, *out);
  if (ec != std::errc() || (ptr < end && (*ptr == '.' || *ptr == 'e' || *ptr == 'E')))
    return false;  // not an int: Poco's
  i_ = static_cast<size_t>(ptr - s_.data());
  return true;
}

bool FlatJson::String(std::string* out) {
  if (!Take('"')) return false;
  out->clear();
  for (size_t run = i_; i_ < s_.size(); ++i_) {
    const char c = s_[i_];
    if (c >= 0 && c < 0x20) return false;  // not JSON
    if (c == '"') {
      out->append(s_.data() + run, i_++ - run);
      return true;
    }
    if (c != '\\') continue;
    out->append(s_.data() + run, i_ - run);
    if (++i_ == s_.size()) return false;
    const char letter = s_[i_];
    const auto* e = std::find_if(std::begin(kShortEscapes), std::end(kShortEscapes),
                                 [&](const auto& p) { return p.second == letter; });
    if (e != std::end(kShortEscapes)) {
      out->push_back(e->first);
    } else if (letter == '/') {
      out->push_back('/');
    } else if (letter != 'u' || !AppendBmpEscape(s_.substr(i_ + 1), out)) {
      return false;  // not JSON, or a surrogate (Poco's)
    } else {
      i_ += 4;
    }
    run = i_ + 1;
  }
  return false;
}

std::vector<std::string> FromJsonStrings(const std::string& json) {
  std::vector<std::string> out;
  if (ReadFlatList(json, [&](FlatJson* j) {
        std::string s;
        if (!j->Null() && !j->String(&s)) return false;
        out.push_back(std::move(s));
        return true;
      }))
    return out;
  out.clear();
  Poco::JSON::Parser parser;
  Poco::JSON::Array::Ptr array = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
  out.reserve(array->size());
  for (size_t i = 0; i < array->size(); ++i) {
    out.push_back(array->isNull(i) ? std::string() : array->getElement<std::string>(i));
  }
  return out;
}

std::vector<int> FromJsonInts(const std::string& json) {
  std::vector<int> out;
  if (ReadFlatList(json, [&](FlatJson* j) {
        int v = 0;
        if (!j->Int(&v)) return false;
        out.push_back(v);
        return true;
      }))
    return out;
  out.clear();
  Poco::JSON::Parser parser;
  Poco::JSON::Array::Ptr a = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
  for (size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<int>(static_cast<unsigned>(i)));
  return out;
}

}  // namespace fuhua
