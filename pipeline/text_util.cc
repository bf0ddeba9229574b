// Implements the whitespace and joining rules for CJK notice text with ICU
// character properties (East Asian Width, White_Space) and ICU NFKC.
#include "pipeline/text_util.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

namespace fuhua {
namespace {

// Length of the UTF-8 sequence starting with lead byte `b`, 0 if invalid.
int SequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

// White_Space ends at U+3000: the CJK text that dominates notices is
// answered without asking ICU.
bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return c <= 0x3000 && u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Decodes the code point at s[*i] and moves *i past it, as DecodeUtf8 does:
// U+FFFD for a bad lead byte or a cut sequence (advancing one byte), and
// continuation bytes taken as they are (the input was validated upstream).
char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char b = static_cast<unsigned char>(s[*i]);
  if (b < 0x80) {
    ++*i;
    return b;
  }
  int n = SequenceLength(b);
  if (n == 0 || *i + n > s.size()) {  // defensive: replace, never loop forever
    ++*i;
    return 0xFFFD;
  }
  char32_t c = b & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += n;
  return c;
}

// The last code point of `s`, which EncodeUtf8 (or CleanText) wrote.
char32_t LastCodePoint(std::string_view s) {
  size_t start = s.size() - 1;
  while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  return NextCodePoint(s, &start);
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    const char b[] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    out->append(b, 2);
  } else if (c < 0x10000) {
    const char b[] = {static_cast<char>(0xE0 | (c >> 12)),
                      static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (c & 0x3F))};
    out->append(b, 3);
  } else {
    const char b[] = {
        static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    out->append(b, 4);
  }
}

// Decodes the valid multi-byte sequence at s[*i] into *c and moves *i past
// it; false, *i unmoved, for a bad lead byte, a cut sequence, a bad
// continuation byte, an overlong form, a surrogate or a value past U+10FFFF.
[[gnu::always_inline]] inline bool NextValid(std::string_view s, size_t* i, char32_t* c) {
  unsigned char b = static_cast<unsigned char>(s[*i]);
  int n = SequenceLength(b);
  if (n < 2 || *i + n > s.size()) return false;
  char32_t v = b & (0xFF >> (n + 1));
  for (int k = 1; k < n; ++k) {
    unsigned char t = static_cast<unsigned char>(s[*i + k]);
    if ((t & 0xC0) != 0x80) return false;
    v = (v << 6) | (t & 0x3F);
  }
  if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
      (v >= 0xD800 && v <= 0xDFFF))
    return false;
  *i += n;
  *c = v;
  return true;
}

// True when CleanText(line) is `line` itself: valid UTF-8 (decoding and
// re-encoding gives the same bytes) without whitespace. Most cells and
// paragraphs are such, and copying them instead of re-encoding them code
// point by code point took a third of the cost of cleaning text.
bool AlreadyClean(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c = b;
    if (b < 0x80)
      ++i;
    else if (!NextValid(s, &i, &c))
      return false;
    if (IsSpace(c)) return false;
  }
  return true;
}

// Bytes from `i` up to the first one with its high bit set (or the end),
// eight at a time: XML markup and digits are ASCII.
size_t SkipAscii(std::string_view s, size_t i) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  for (uint64_t word; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (word & kHighBits) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// True when s[i, i + 3) is a valid three-byte sequence: U+0800..U+FFFF
// without the surrogates, where CJK text lives. Tested on the raw bytes
// before the general decoder: half the cost of validating a part's text.
bool ValidThreeByte(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
             b2 = static_cast<unsigned char>(s[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  return (b0 != 0xE0 || b1 >= 0xA0) && (b0 != 0xED || b1 < 0xA0);
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  char32_t c;
  while ((i = SkipAscii(s, i)) < s.size()) {
    while (ValidThreeByte(s, i)) i += 3;
    if (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80 && !NextValid(s, &i, &c))
      return i;
  }
  return std::string_view::npos;
}

size_t NextCodePointEnd(std::string_view s, size_t i) {
  NextCodePoint(s, &i);
  return i;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) i = NextCodePointEnd(s, i);
  return n;
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, &i));
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

bool IsWide(char32_t c) {
  if (c < 0x1100) return false;  // fast path: nothing below is wide
  int w = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

int DisplayWidth(std::string_view text) {
  int best = 0, line = 0;
  for (char32_t c : DecodeUtf8(text)) {
    if (c == U'\n') {
      best = std::max(best, line);
      line = 0;
      continue;
    }
    line += IsWide(c) ? 2 : 1;
  }
  return std::max(best, line);
}

// Works on the UTF-8 directly, a code point at a time (the output is
// EncodeUtf8 of the code points kept, exactly as when this went through
// u32strings, at a fraction of the allocations).
std::string CleanText(std::string_view line) {
  if (AlreadyClean(line)) return std::string(line);
  std::string out;
  out.reserve(line.size());
  char32_t last = 0;  // the last code point written
  size_t i = 0;
  while (i < line.size()) {
    char32_t c = NextCodePoint(line, &i);
    if (!IsSpace(c)) {
      AppendUtf8(c, &out);
      last = c;
      continue;
    }
    char32_t next = 0;  // the code point after the whitespace run, if any
    size_t after = i;
    while (i < line.size() && IsSpace(next = NextCodePoint(line, &after))) i = after;
    bool edge = out.empty() || i == line.size();
    if (!edge && !IsWide(last) && !IsWide(next)) out.push_back(' ');
  }
  return out;
}

bool IsBlank(std::string_view line) {
  for (size_t i = 0; i < line.size();)
    if (!IsSpace(NextCodePoint(line, &i))) return false;
  return true;
}

// CleanText's output decodes to the code points it encoded, so joining its
// bytes equals joining code points: only the two at each seam are decoded.
std::string JoinCellLines(const std::vector<std::string>& lines) {
  std::string out;
  char32_t last = 0;
  for (const std::string& line : lines) {
    std::string part = CleanText(line);
    if (part.empty()) continue;
    size_t first_end = 0;
    char32_t first = NextCodePoint(part, &first_end);
    if (!out.empty() && !IsWide(last) && !IsWide(first)) out.push_back(' ');
    out += part;
    last = LastCodePoint(part);
  }
  return out;
}

namespace {

// True when NFKC and whitespace removal leave `s` as it is because it holds
// printable ASCII and CJK Unified Ideographs (U+4E00..U+9FFF, NFKC-stable and
// never composing) only: most cells ("优秀", "序号", "12"), whose MatchKey
// is then a scan instead of two conversions and a normalisation. The same
// test as TextKeyer's plain set (text_keys.cc), without its exclusions.
bool PlainForMatchKey(std::string_view s) {
  static const icu::UnicodeSet* const plain = [] {
    auto* set = new icu::UnicodeSet(0x21, 0x7E);
    set->add(0x4E00, 0x9FFF);
    set->freeze();
    return set;
  }();
  const auto size = static_cast<int32_t>(s.size());
  return plain->spanUTF8(s.data(), size, USET_SPAN_CONTAINED) == size;
}

}  // namespace

std::string MatchKey(std::string_view text) {
  if (PlainForMatchKey(text)) return std::string(text);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString n = U_SUCCESS(err) ? nfkc->normalize(u, err) : u;
  if (U_FAILURE(err)) n = u;  // normalisation is best effort for a key
  icu::UnicodeString kept;
  for (int32_t i = 0; i < n.length();) {
    UChar32 c = n.char32At(i);
    if (!u_isUWhiteSpace(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::optional<int> ParseDigits(std::string_view digits) {
  int value = 0;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (err != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<int> ParseSeq(std::string_view cell) {
  std::string key = MatchKey(cell);
  return key.size() > 6 ? std::nullopt : ParseDigits(key);
}

std::string StripBracketSuffix(std::string_view text) {
  std::u32string s = DecodeUtf8(text);
  while (!s.empty() && IsSpace(s.back())) s.pop_back();
  if (s.empty() || (s.back() != U'）' && s.back() != U')')) return EncodeUtf8(s);
  size_t open = s.find_last_of(U"（(");
  if (open == std::u32string::npos || open == 0) return EncodeUtf8(s);
  return EncodeUtf8(s.substr(0, open));
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> SpansBetween(std::string_view text,
                                                    const std::vector<std::string>& bounds) {
  bool first[256] = {};  // first bytes of the bounds: most positions are ruled out by one load
  for (const std::string& b : bounds)
    if (!b.empty()) first[static_cast<unsigned char>(b[0])] = true;
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!first[static_cast<unsigned char>(text[i])]) continue;
    for (const std::string& b : bounds) {
      if (b.empty() || text.compare(i, b.size(), b) != 0) continue;
      out.emplace_back(begin, i);
      begin = i + b.size();
      i = begin - 1;
      break;
    }
  }
  out.emplace_back(begin, text.size());
  return out;
}

int CompareJoined(std::string_view a1, std::string_view a2, std::string_view b1,
                  std::string_view b2) {
  // Walk both texts by the pieces their parts leave, comparing each run.
  for (;;) {
    if (a1.empty()) std::swap(a1, a2);
    if (b1.empty()) std::swap(b1, b2);
    if (a1.empty() || b1.empty()) break;  // one text has ended
    const size_t n = std::min(a1.size(), b1.size());
    if (int c = a1.substr(0, n).compare(b1.substr(0, n)); c != 0) return c;
    a1.remove_prefix(n), b1.remove_prefix(n);
  }
  const size_t a = a1.size() + a2.size(), b = b1.size() + b2.size();
  return a < b ? -1 : a > b ? 1 : 0;
}

}  // namespace fuhua
