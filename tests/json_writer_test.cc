// JsonWriter's strings: what RFC 8259 requires escaped is escaped (quote,
// backslash, control characters; \n \r \t in their short forms), everything
// else, UTF-8 included, passes through byte for byte. Table-driven, with the
// escapes at the start, middle and end of a string (the writer copies the
// runs between them whole).
#include "exporters/json_writer.h"

#include <gtest/gtest.h>

namespace fuhua {
namespace {

std::string Written(std::string_view s) {
  std::string out;
  JsonWriter w(&out, /*pretty=*/false);
  w.String(s);
  return out;
}

TEST(JsonWriter, EscapesWhatJsonRequiresAndNothingElse) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", R"("")"},
      {"重庆市九龙坡区", R"("重庆市九龙坡区")"},
      {"a\"b", R"("a\"b")"},
      {"\\", R"("\\")"},
      {"line\nbreak\r\n", R"("line\nbreak\r\n")"},
      {"\tcell", R"("\tcell")"},
      {std::string("\x01x\x1f", 3), R"("\u0001x\u001f")"},
      {std::string("nul\0end", 7), R"("nul\u0000end")"},
      {"del\x7f and /", "\"del\x7f and /\""},
      {"（注：\"优秀\"）\\", R"("（注：\"优秀\"）\\")"},
  };
  for (const Case& c : cases) EXPECT_EQ(Written(c.in), c.out) << c.in;
}

// The writer skips eight plain bytes at a time: every character that needs an
// escape, at every offset of a long string (each position within a word, the
// tail shorter than a word), and the bytes next to it, come out as a
// byte-by-byte writer would write them.
TEST(JsonWriter, EscapesAtEveryOffsetOfALongString) {
  const std::string plain = "孵化基地abcdefgh0123456789";  // UTF-8 and ASCII
  const std::pair<char, std::string> specials[] = {
      {'"', "\\\""}, {'\\', "\\\\"}, {'\n', "\\n"}, {'\x1f', "\\u001f"}, {'\0', "\\u0000"}};
  for (const auto& [c, escaped] : specials) {
    for (size_t at = 0; at <= plain.size(); ++at) {
      std::string in = plain;
      in.insert(at, 1, c);
      std::string expected = "\"" + plain.substr(0, at) + escaped + plain.substr(at) + "\"";
      EXPECT_EQ(Written(in), expected) << "escape " << static_cast<int>(c) << " at " << at;
    }
  }
}

TEST(JsonWriter, KeysAreEscapedLikeStrings) {
  std::string out;
  JsonWriter w(&out, /*pretty=*/false);
  w.BeginObject();
  w.Field("a\"k", "v\n");
  w.EndObject();
  EXPECT_EQ(out, R"({"a\"k":"v\n"})");
}

}  // namespace
}  // namespace fuhua
