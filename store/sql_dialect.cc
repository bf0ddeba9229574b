// Placeholder rewriting and script splitting (see sql_dialect.h). Both scan
// the text once and track quoting ('text' and "identifier"), so a `?`, `;`
// or `--` inside a literal is left alone.
#include "store/sql_dialect.h"

#include <cctype>

namespace fuhua {
namespace {

// Tracks whether the scan is inside '…' or "…" (a doubled quote inside
// reopens immediately, which this handles for free).
class QuoteState {
 public:
  // Feeds one character; returns true when it is outside any quote.
  bool Outside(char c) {
    if (quote_ == 0) {
      if (c == '\'' || c == '"') quote_ = c;
      return quote_ == 0;
    }
    if (c == quote_) quote_ = 0;
    return false;
  }

 private:
  char quote_ = 0;
};

bool IsBlank(const std::string& s) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

}  // namespace

std::string WithPlaceholders(Dialect dialect, std::string_view sql) {
  if (dialect == Dialect::kSqlite) return std::string(sql);
  std::string out;
  out.reserve(sql.size() + 16);
  QuoteState quotes;
  int n = 0;
  for (char c : sql) {
    if (quotes.Outside(c) && c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string ForDialect(Dialect dialect, std::string statement) {
  if (dialect != Dialect::kSqlite) return statement;
  static constexpr std::string_view kFrom = "BIGINT PRIMARY KEY";
  static constexpr std::string_view kTo = "INTEGER PRIMARY KEY";
  for (size_t at = 0; (at = statement.find(kFrom, at)) != std::string::npos; at += kTo.size())
    statement.replace(at, kFrom.size(), kTo);
  return statement;
}

std::vector<std::string> SplitSqlScript(std::string_view script) {
  std::vector<std::string> out;
  std::string current;
  QuoteState quotes;
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    bool outside = quotes.Outside(c);
    if (outside && c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;  // comment to end of line
      current += '\n';
    } else if (outside && c == ';') {
      if (!IsBlank(current)) out.push_back(Trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!IsBlank(current)) out.push_back(Trim(current));
  return out;
}

}  // namespace fuhua
