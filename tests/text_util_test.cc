// Text cleaning and UTF-8 validation (pipeline/text_util.h): the whitespace
// rules of CleanText, its copy of text that needs no cleaning, and the byte
// offsets FindInvalidUtf8 reports.
#include "pipeline/text_util.h"

#include <gtest/gtest.h>

#include <string>

namespace fuhua {
namespace {

TEST(CleanText, CollapsesWhitespaceBetweenNarrowTextAndDropsItBetweenWide) {
  EXPECT_EQ(CleanText("  D+M  浪尖 智造\t工场 "), "D+M浪尖智造工场");
  EXPECT_EQ(CleanText("Tech \t Park"), "Tech Park");
  EXPECT_EQ(CleanText("重庆\u3000市"), "重庆市");          // ideographic space
  EXPECT_EQ(CleanText("A\u00A0B"), "A B");                 // no-break space
  EXPECT_EQ(CleanText("第1 批"), "第1批");
  EXPECT_EQ(CleanText(" \t\u3000 "), "");
}

TEST(CleanText, TextWithoutWhitespaceComesBackAsItIs) {
  for (const std::string s : {"", "重庆翼空间创业孵化基地", "D+M浪尖智造工场（一期）", "x", "𠀀𠀁"})
    EXPECT_EQ(CleanText(s), s);
}

// Invalid bytes are never copied through: each bad lead byte or cut
// sequence becomes U+FFFD, as the code-point path always made it.
TEST(CleanText, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(CleanText("a\xFF"
                      "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(CleanText("重\xE5\xBA"), "重\uFFFD\uFFFD");
  EXPECT_EQ(CleanText("\xC0\xAF"), "\uFFFD\uFFFD");  // C0 never leads a sequence
}

TEST(FindInvalidUtf8, ReportsTheOffsetOfTheFirstBadSequence) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text, longer than eight bytes"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("重庆市𠀀"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("\xE0\xA0\x80\xED\x9F\xBF\xEF\xBF\xBF"), std::string::npos);  // U+0800, U+D7FF, U+FFFF
  EXPECT_EQ(FindInvalidUtf8("\xC2\xA0x\xE4\xB8\x80\xF0\x9F\x98\x80"), std::string::npos);
  EXPECT_EQ(FindInvalidUtf8("abcdefgh\xFF"), 8u);                // bad lead byte
  EXPECT_EQ(FindInvalidUtf8("重\xE5\xBA"), 3u);                  // cut sequence
  EXPECT_EQ(FindInvalidUtf8("ab\xE5(x"), 2u);                   // bad continuation
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);               // overlong
  EXPECT_EQ(FindInvalidUtf8("ok\xED\xA0\x80"), 2u);             // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);           // past U+10FFFF
}

}  // namespace
}  // namespace fuhua
