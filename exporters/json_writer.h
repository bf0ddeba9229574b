// JsonWriter: a small streaming JSON writer with deterministic output (keys
// in the order written, UTF-8 passed through, control characters escaped).
// Usage:
//   JsonWriter w(&out, /*pretty=*/true);
//   w.BeginObject(); w.Key("n"); w.Int(3); w.EndObject();
#ifndef FUHUA_EXPORTERS_JSON_WRITER_H_
#define FUHUA_EXPORTERS_JSON_WRITER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fuhua {

class JsonWriter {
 public:
  JsonWriter(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}
  // Continues a document another writer opened: `depth` containers are open
  // and `continues` says whether the innermost already has an item (so the
  // next value is preceded by a comma). Used to stream array items.
  JsonWriter(std::string* out, bool pretty, int depth, bool continues)
      : out_(out), pretty_(pretty), has_items_(static_cast<size_t>(depth), true) {
    if (depth > 0) has_items_.back() = continues;
  }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view k);
  void String(std::string_view s);
  void Int(long long v);
  // A finite number in its shortest round-trip form (14.72, 1200); NaN and
  // infinities are written as null.
  void Double(double v);
  void Bool(bool v);
  // A JSON number printed with `decimals` digits after the point ("6.25").
  void Decimal(double v, int decimals);
  void Null();
  void OptString(const std::optional<std::string>& s) { s ? String(*s) : Null(); }
  void OptInt(const std::optional<int>& v) { v ? Int(*v) : Null(); }
  // Key + value shorthands.
  void Field(std::string_view k, std::string_view v) { Key(k), String(v); }
  void OptField(std::string_view k, const std::optional<std::string>& v) { Key(k), OptString(v); }
  void FieldInt(std::string_view k, long long v) { Key(k), Int(v); }

 private:
  void Open(char c);
  void Close(char c);
  void BeforeValue();
  void Quoted(std::string_view s);
  void Newline();
  std::string* out_;
  bool pretty_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_JSON_WRITER_H_
