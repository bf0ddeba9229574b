// BmpBits answers as ICU's span does: for every BMP code point, in and out
// of a set with holes, and for ill-formed UTF-8, which never spans.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/bmp_bits.h"

namespace fuhua {
namespace {

bool IcuSpans(const icu::UnicodeSet& set, const std::string& s) {
  const auto size = static_cast<int32_t>(s.size());
  return set.spanUTF8(s.data(), size, USET_SPAN_CONTAINED) == size;
}

// A set like TextKeyer's plain set: ASCII ranges and ideographs with holes.
icu::UnicodeSet HoledSet() {
  icu::UnicodeSet set(0x21, 0x40);
  set.add(0x5B, 0x7E);
  set.add(0x4E00, 0x9FFF);
  for (UChar32 c = 0x4E00; c <= 0x9FFF; c += 7) set.remove(c);
  set.add(0xE9);
  set.freeze();
  return set;
}

std::string Utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

TEST(BmpBits, EveryCodePointAsIcu) {
  const icu::UnicodeSet set = HoledSet();
  const BmpBits bits(set);
  for (UChar32 c = 1; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // not encodable alone
    const std::string one = Utf8(c), three = "优" + Utf8(c) + "a";
    ASSERT_EQ(bits.Spans(one), IcuSpans(set, one)) << "U+" << std::hex << c;
    ASSERT_EQ(bits.Spans(three), IcuSpans(set, three)) << "U+" << std::hex << c;
  }
  EXPECT_TRUE(bits.Spans(""));
}

TEST(BmpBits, IllFormedNeverSpans) {
  const icu::UnicodeSet set = HoledSet();
  const BmpBits bits(set);
  for (const std::string& bad : {std::string("\xE4\xBC"), std::string("\xE0\x81\x81"),  // cut, overlong 'A'
                                 std::string("\xC1\x81"), std::string("\xED\xA0\x80"),  // overlong, surrogate
                                 std::string("\x80"), std::string("\xF0\x9F\x98\x80"),  // stray, astral
                                 std::string("a\xE4\xBC\x98\xBC")}) {
    EXPECT_FALSE(bits.Spans(bad)) << bad;
    EXPECT_FALSE(IcuSpans(set, bad)) << bad;
  }
}

}  // namespace
}  // namespace fuhua
