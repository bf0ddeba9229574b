// BmpBits (bmp_bits.h).
#include "pipeline/bmp_bits.h"

#include <algorithm>

namespace fuhua {
namespace {

bool Continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

BmpBits::BmpBits(const icu::UnicodeSet& set) {
  for (int32_t r = 0; r < set.getRangeCount(); ++r) {
    const UChar32 end = std::min<UChar32>(set.getRangeEnd(r), 0xFFFF);
    for (UChar32 c = set.getRangeStart(r); c <= end; ++c)
      bits_[static_cast<uint32_t>(c) >> 6] |= uint64_t{1} << (c & 63);
  }
}

// Decodes one, two and three byte sequences only (members are BMP code
// points); an overlong form, a surrogate, a stray or missing continuation
// byte or a four-byte sequence ends the span, as it does ICU's.
bool BmpBits::Spans(std::string_view text) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    uint32_t c = *p;
    if (c < 0x80) {
      ++p;
    } else if (c >= 0xC2 && c < 0xE0 && end - p >= 2 && Continuation(p[1])) {
      c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
    } else if (c >= 0xE0 && c < 0xF0 && end - p >= 3 && Continuation(p[1]) &&
               Continuation(p[2])) {
      c = ((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return false;
      p += 3;
    } else {
      return false;
    }
    if (!Has(c)) return false;
  }
  return true;
}

}  // namespace fuhua
