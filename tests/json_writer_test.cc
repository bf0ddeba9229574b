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
