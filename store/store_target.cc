// Store targets (see store_target.h): file path or PostgreSQL URL, and the
// URL -> libpq conninfo translation (RFC 3986 shape, as libpq documents it in
// "Connection URIs").
#include "store/store_target.h"

#include <cctype>
#include <map>

namespace fuhua {
namespace {

constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

size_t SchemeLength(std::string_view url) {
  for (std::string_view s : kSchemes) {
    if (StartsWith(url, s)) return s.size();
  }
  return 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool PercentDecode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      *out += in[i];
      continue;
    }
    int hi = i + 1 < in.size() ? HexValue(in[i + 1]) : -1;
    int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
    if (hi < 0 || lo < 0) return false;
    *out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

// libpq quoting: single quotes, with \ and ' escaped by a backslash.
std::string Quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

bool IsKey(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    if (!std::islower(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// The parts of a URL, before decoding.
struct UrlParts {
  std::string_view user, password, host, port, dbname, query;
  bool has_password = false;
};

Status SplitHostPort(std::string_view hostport, UrlParts* p) {
  if (!hostport.empty() && hostport.front() == '[') {  // [IPv6]:port
    size_t close = hostport.find(']');
    if (close == std::string_view::npos) return Status::InvalidInput("unclosed '[' in host");
    p->host = hostport.substr(1, close - 1);
    hostport.remove_prefix(close + 1);
    if (!hostport.empty() && hostport.front() != ':') return Status::InvalidInput("junk after ']'");
    if (!hostport.empty()) p->port = hostport.substr(1);
    return Status::Ok();
  }
  if (hostport.find(',') != std::string_view::npos) {
    return Status::Unsupported("several hosts in one URL are not supported");
  }
  size_t colon = hostport.find(':');
  p->host = hostport.substr(0, colon);
  if (colon != std::string_view::npos) p->port = hostport.substr(colon + 1);
  return Status::Ok();
}

Status SplitUrl(std::string_view url, UrlParts* p) {
  url.remove_prefix(SchemeLength(url));
  size_t q = url.find('?');
  if (q != std::string_view::npos) p->query = url.substr(q + 1), url = url.substr(0, q);
  size_t slash = url.find('/');
  if (slash != std::string_view::npos)
    p->dbname = url.substr(slash + 1), url = url.substr(0, slash);
  size_t at = url.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = url.substr(0, at);
    size_t colon = userinfo.find(':');
    p->user = userinfo.substr(0, colon);
    if (colon != std::string_view::npos) p->password = userinfo.substr(colon + 1);
    p->has_password = colon != std::string_view::npos;
    url.remove_prefix(at + 1);
  }
  return SplitHostPort(url, p);
}

bool HasSpace(const std::string& s) {
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

Status AddParam(std::map<std::string, std::string>* params, std::string_view key,
                std::string_view raw) {
  if (raw.empty()) return Status::Ok();
  std::string value;
  if (!PercentDecode(raw, &value)) {
    return Status::InvalidInput("bad %-escape in " + std::string(key));
  }
  // Poco's PostgreSQL session splits the connection string on spaces before
  // libpq sees it, so no quoting can carry one through.
  if (HasSpace(value)) {
    return Status::Unsupported("the " + std::string(key) +
                               " contains a space, which Poco's PostgreSQL connector cannot "
                               "pass; set it through libpq's PG* environment variable instead");
  }
  (*params)[std::string(key)] = value;
  return Status::Ok();
}

Status AddQuery(std::map<std::string, std::string>* params, std::string_view query) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    if (eq == std::string_view::npos || !IsKey(key)) {
      return Status::InvalidInput("bad query parameter '" + std::string(pair) + "'");
    }
    Status st = AddParam(params, key, pair.substr(eq + 1));
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace

Status PostgresUrlToConninfo(std::string_view url, std::string* conninfo) {
  if (SchemeLength(url) == 0) return Status::InvalidInput("not a postgresql:// URL");
  UrlParts p;
  Status st = SplitUrl(url, &p);
  std::map<std::string, std::string> params;
  const std::pair<const char*, std::string_view> fields[] = {{"user", p.user},
                                                             {"password", p.password},
                                                             {"host", p.host},
                                                             {"port", p.port},
                                                             {"dbname", p.dbname}};
  for (const auto& [key, raw] : fields) {
    if (st.ok()) st = AddParam(&params, key, raw);
  }
  if (st.ok()) st = AddQuery(&params, p.query);
  if (!st.ok()) return Status::InvalidInput(RedactPostgresUrl(url) + ": " + st.message());
  params.try_emplace("options", "--client_min_messages=warning");
  params.try_emplace("connect_timeout", "10");
  conninfo->clear();
  for (const auto& [key, value] : params) {
    if (!conninfo->empty()) *conninfo += ' ';
    *conninfo += key + "=" + Quote(value);
  }
  return Status::Ok();
}

std::string RedactPostgresUrl(std::string_view url) {
  UrlParts p;
  if (!SplitUrl(url, &p).ok() || !p.has_password) return std::string(url);
  size_t begin = static_cast<size_t>(p.password.data() - url.data());
  return std::string(url.substr(0, begin)) + "***" +
         std::string(url.substr(begin + p.password.size()));
}

Status ParseStoreTarget(const std::string& target, StoreTarget* out) {
  if (target.empty()) return Status::InvalidInput("empty store target");
  if (SchemeLength(target) == 0) {
    *out = StoreTarget{Dialect::kSqlite, "SQLite", target, target};
    return Status::Ok();
  }
  std::string conninfo;
  Status st = PostgresUrlToConninfo(target, &conninfo);
  if (!st.ok()) return st;
  *out = StoreTarget{Dialect::kPostgres, "PostgreSQL", conninfo, RedactPostgresUrl(target)};
  return Status::Ok();
}

}  // namespace fuhua
