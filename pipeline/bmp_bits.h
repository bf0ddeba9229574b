// BmpBits: membership of the Basic Multilingual Plane's code points in a
// set, one bit each (8 KiB), and whether a UTF-8 text holds only members.
// A frozen icu::UnicodeSet answers the same question, but for a set with
// holes inside a block of 64 code points (TextKeyer's plain set: the CJK
// ideographs minus the ~3,500 that Hant-Hans converts) it binary-searches
// its ranges for every such character; this is one bit test.
//   BmpBits plain(set);
//   plain.Spans("优秀");  // == (set.spanUTF8(...) == size)
#ifndef FUHUA_PIPELINE_BMP_BITS_H_
#define FUHUA_PIPELINE_BMP_BITS_H_

#include <unicode/uniset.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace fuhua {

class BmpBits {
 public:
  BmpBits() = default;
  // The BMP members of `set`; code points beyond U+FFFF never count.
  explicit BmpBits(const icu::UnicodeSet& set);

  // True when `text` is well-formed UTF-8 of members only (as
  // set.spanUTF8(text, USET_SPAN_CONTAINED) == size for a BMP-only set).
  bool Spans(std::string_view text) const;

 private:
  bool Has(uint32_t c) const { return (bits_[c >> 6] >> (c & 63)) & 1; }
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_BMP_BITS_H_
