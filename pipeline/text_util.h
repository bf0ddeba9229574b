// Text helpers shared by readers and stages: UTF-8 validation, the cell and
// paragraph cleaning rules (layout whitespace inside CJK text is dropped,
// Latin words keep one space), and a matching key for vocabulary lookups.
// Character classes come from ICU properties, not hand-written ranges.
#ifndef FUHUA_PIPELINE_TEXT_UTIL_H_
#define FUHUA_PIPELINE_TEXT_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuhua {

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when
// `s` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view s);

// True for East Asian wide or fullwidth code points (Han, kana, CJK and
// fullwidth punctuation): text in which spaces are layout, not content.
bool IsWide(char32_t c);

// Terminal / spreadsheet columns of the widest line of `text`: 2 per wide or
// fullwidth character, else 1. For padding console tables and sizing columns.
int DisplayWidth(std::string_view text);

// Decodes UTF-8 (input must be valid) into code points.
std::u32string DecodeUtf8(std::string_view s);
// Where the code point at s[i] ends, stepping as DecodeUtf8 does; and how
// many code points DecodeUtf8(s) gives, without decoding into a buffer.
size_t NextCodePointEnd(std::string_view s, size_t i);
size_t CountCodePoints(std::string_view s);
std::string EncodeUtf8(std::u32string_view s);

// Cleans one line of text: trims, removes whitespace runs that touch a wide
// character, and collapses other whitespace runs to one ASCII space.
// "赤峰市众人合创网络      科技有限公司" -> "赤峰市众人合创网络科技有限公司".
std::string CleanText(std::string_view line);

// True when CleanText(line) is empty (the line is whitespace only), without
// building it.
bool IsBlank(std::string_view line);

// Joins the lines of one cell: no separator where either side is wide,
// one space between Latin words or numbers ("12" + "34" never fuse to "1234").
// Each line is cleaned with CleanText first; empty lines are skipped.
std::string JoinCellLines(const std::vector<std::string>& lines);

// A key for exact vocabulary matching: NFKC, no whitespace at all. Used for
// header synonyms and grade words; organisation keys live in the normaliser.
std::string MatchKey(std::string_view text);

// The value of a run of ASCII digits; nullopt when empty, not all digits, or
// beyond int (a stated count of 99999999999家 is a bad number, not a crash).
std::optional<int> ParseDigits(std::string_view digits);

// A 序号 cell as a number: its match key must be 1-6 digits ("１２" -> 12).
std::optional<int> ParseSeq(std::string_view cell);

// Strips a trailing bracketed unit or note: "面积（万m2）" -> "面积".
std::string StripBracketSuffix(std::string_view text);

// Splits on '\n'.
std::vector<std::string> SplitLines(std::string_view text);

// The [begin, end) byte ranges of `text` between occurrences of any of
// `bounds` (non-empty strings), in order; empty ranges included. No bounds:
// the whole text.
std::vector<std::pair<size_t, size_t>> SpansBetween(std::string_view text,
                                                    const std::vector<std::string>& bounds);

// <0, 0, >0 as the text a1 + a2 compares with b1 + b2, without joining them.
int CompareJoined(std::string_view a1, std::string_view a2, std::string_view b1,
                  std::string_view b2);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_TEXT_UTIL_H_
