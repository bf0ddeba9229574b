// Implements JsonWriter (RFC 8259 string escaping, two-space indentation).
#include "exporters/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace fuhua {

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_->push_back('\n');
  out_->append(2 * has_items_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back()) out_->push_back(',');
  has_items_.back() = true;
  Newline();
}

void JsonWriter::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  has_items_.push_back(false);
}

void JsonWriter::Close(char c) {
  bool had = has_items_.back();
  has_items_.pop_back();
  if (had) Newline();
  out_->push_back(c);
}

void JsonWriter::Key(std::string_view k) {
  BeforeValue();
  Quoted(k);
  out_->append(pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Quoted(s);
}

// Eight bytes at a time: true when none of them is a control character, '"'
// or '\\' (the bit tricks of "Bit Twiddling Hacks": a zero byte of x ^ c is a
// byte equal to c; x - 0x20.. borrows through a byte below 0x20). Text is
// nearly all such words, and testing them byte by byte was most of writing
// a notice's JSON.
static bool PlainWord(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  uint64_t x;
  std::memcpy(&x, p, sizeof x);
  auto has_zero = [&](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  bool control = ((x - kOnes * 0x20) & ~x & kHigh) != 0;
  return !control && !has_zero(x ^ (kOnes * '"')) && !has_zero(x ^ (kOnes * '\\'));
}

// Runs of characters that need no escape (nearly all of a notice's text)
// are appended whole: a push_back per byte was most of writing a notice.
void JsonWriter::Quoted(std::string_view s) {
  out_->push_back('"');
  size_t run = 0;  // start of the pending unescaped run
  for (size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size() && PlainWord(s.data() + i)) i += 8;
    if (i == s.size()) break;
    const unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out_->append(s.data() + run, i - run);
    run = i + 1;
    switch (u) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        out_->append(buf);
      }
    }
  }
  out_->append(s.data() + run, s.size() - run);
  out_->push_back('"');
}

void JsonWriter::Int(long long v) {
  BeforeValue();
  out_->append(std::to_string(v));
}

void JsonWriter::Decimal(double v, int decimals) {
  if (!std::isfinite(v)) return Null();  // JSON has no NaN or infinity
  BeforeValue();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, v);
  out_->append(buf);
}

void JsonWriter::Double(double v) {
  if (!std::isfinite(v)) return Null();
  BeforeValue();
  char buf[32];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {  // integral: 1200, never 1.2e+03
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    for (int precision = 1; precision <= 17; ++precision) {
      std::snprintf(buf, sizeof buf, "%.*g", precision, v);
      if (std::strtod(buf, nullptr) == v) break;
    }
  }
  out_->append(buf);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace fuhua
