// Notice-metadata stage: finds the title, document number, issuing bodies,
// publication date, evaluation year / plan period and jurisdiction of a
// notice in its paragraphs (the header above the title and the signature
// block above the annexes). Patterns and word lists come from
// schemas/notice_metadata.json and are compiled once, on first use.
#include "pipeline/metadata.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "pipeline/schema_files.h"
#include "pipeline/status.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

constexpr char kRulesFile[] = "notice_metadata.json";
// Paragraphs longer than this are prose: never a number, date or heading.
constexpr size_t kMaxShortBytes = 240;

using RegexPtr = std::unique_ptr<RE2>;
using Severity = Diagnostic::Severity;

// The compiled rule file. `status` says whether it was usable; the other
// members are only meaningful when it is ok (then every regex is non-null).
struct Rules {
  Status status;
  int title_search_paragraphs = 12;
  int title_max_paragraphs = 3;
  RegexPtr title_start, title_continuation;
  std::vector<std::string> document_types;
  RegexPtr doc_number;
  RegexPtr date_arabic, date_chinese;
  std::map<char32_t, int> chinese_digits;
  char32_t chinese_ten = 0;
  int min_year = 0, max_year = 0;
  RegexPtr year_range, year_single;
  RegexPtr issuer_shape, place_unit;
  int issuer_min_chars = 0, issuer_max_chars = 0;  // code points, beside issuer_shape
  std::vector<std::string> issuer_suffixes;
  int max_signature_lines = 6;
  RegexPtr annex_heading, signature_skip;
  RegexPtr place_prefix;
  std::vector<std::pair<std::string, std::string>> abbreviations;  // longest key first
  std::vector<std::string> province_names;
};

// Records `what` as the rule file's error unless an earlier one is kept.
void SetRulesError(Status* status, const std::string& what) {
  if (status->ok())
    *status = Status::InvalidInput(std::string("schemas/") + kRulesFile + ": " + what);
}

// ---------------------------------------------------------------------------
// Reading the rule file. Poco's Var conversions may throw; the reader checks
// types first and BuildRules() catches what is left at this boundary.

// Typed access to one JSON object of the rule file that records the first
// problem in `*status` instead of failing.
class RuleReader {
 public:
  RuleReader(Poco::JSON::Object::Ptr obj, std::string path, Status* status)
      : obj_(std::move(obj)), path_(std::move(path)), status_(status) {}

  RuleReader Child(const std::string& key) {
    Poco::JSON::Object::Ptr child = obj_ ? obj_->getObject(key) : nullptr;
    if (!child) Fail(key, "missing or not an object");
    return RuleReader(child, path_ + key + ".", status_);
  }

  RegexPtr Regex(const std::string& key) {
    std::string pattern = String(key);
    if (!status_->ok()) return nullptr;
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, options);
    if (re->ok()) return re;
    Fail(key, "bad pattern (" + re->error() + "): " + re->error_arg());
    return nullptr;
  }

  std::string String(const std::string& key) {
    if (!obj_ || !obj_->has(key) || !obj_->get(key).isString()) {
      Fail(key, "missing or not a string");
      return "";
    }
    return obj_->get(key).extract<std::string>();
  }

  int Int(const std::string& key, int lo, int hi) {
    if (!obj_ || !obj_->has(key) || !obj_->get(key).isInteger()) {
      Fail(key, "missing or not an integer");
      return lo;
    }
    int v = obj_->get(key).convert<int>();
    if (v < lo || v > hi) Fail(key, "out of range");
    return std::clamp(v, lo, hi);
  }

  std::vector<std::string> Words(const std::string& key);
  std::vector<std::pair<std::string, Poco::Dynamic::Var>> Entries(const std::string& key);

 private:
  void Fail(const std::string& key, const std::string& what) {
    SetRulesError(status_, path_ + key + ": " + what);
  }

  Poco::JSON::Object::Ptr obj_;
  std::string path_;  // dotted path of this object, e.g. "title."
  Status* status_;
};

std::vector<std::string> RuleReader::Words(const std::string& key) {
  std::vector<std::string> out;
  Poco::JSON::Array::Ptr arr = obj_ ? obj_->getArray(key) : nullptr;
  if (!arr) {
    Fail(key, "missing or not an array");
    return out;
  }
  for (size_t i = 0; i < arr->size(); ++i) {
    Poco::Dynamic::Var v = arr->get(static_cast<unsigned>(i));
    if (!v.isString() || v.extract<std::string>().empty()) {
      Fail(key, "entries must be non-empty strings");
      return {};
    }
    out.push_back(v.extract<std::string>());
  }
  if (out.empty()) Fail(key, "empty list");
  return out;
}

std::vector<std::pair<std::string, Poco::Dynamic::Var>> RuleReader::Entries(
    const std::string& key) {
  std::vector<std::pair<std::string, Poco::Dynamic::Var>> out;
  Poco::JSON::Object::Ptr table = obj_ ? obj_->getObject(key) : nullptr;
  if (!table || table->size() == 0) {
    Fail(key, "missing, empty or not an object");
    return out;
  }
  for (auto it = table->begin(); it != table->end(); ++it) out.emplace_back(it->first, it->second);
  return out;
}

// The single code point of `s`, or 0 when `s` is not exactly one.
char32_t SingleCodePoint(const std::string& s) {
  std::u32string u = DecodeUtf8(s);
  return u.size() == 1 ? u[0] : 0;
}

void ReadTitleRules(RuleReader r, Rules* rules) {
  rules->title_search_paragraphs = r.Int("search_paragraphs", 1, 200);
  rules->title_max_paragraphs = r.Int("max_paragraphs", 1, 10);
  rules->title_start = r.Regex("start");
  rules->title_continuation = r.Regex("continuation");
  rules->document_types = r.Words("document_types");
}

void ReadDateRules(RuleReader r, Rules* rules, Status* status) {
  rules->date_arabic = r.Regex("arabic");
  rules->date_chinese = r.Regex("chinese");
  for (const auto& [k, v] : r.Entries("chinese_digits")) {
    char32_t c = SingleCodePoint(k);
    if (c == 0 || !v.isInteger() || v.convert<int>() < 0 || v.convert<int>() > 9) {
      SetRulesError(status, "date.chinese_digits: keys must be one character, values 0-9");
      return;
    }
    rules->chinese_digits[c] = v.convert<int>();
  }
  rules->chinese_ten = SingleCodePoint(r.String("chinese_ten"));
  rules->min_year = r.Int("min_year", 1, 9999);
  rules->max_year = r.Int("max_year", rules->min_year, 9999);
}

void ReadIssuerRules(RuleReader r, Rules* rules) {
  rules->issuer_shape = r.Regex("name_shape");
  rules->issuer_min_chars = r.Int("name_min_chars", 1, 200);
  rules->issuer_max_chars = r.Int("name_max_chars", rules->issuer_min_chars, 200);
  rules->issuer_suffixes = r.Words("suffixes");
  rules->place_unit = r.Regex("place_unit");
  rules->max_signature_lines = r.Int("max_signature_lines", 1, 50);
  rules->annex_heading = r.Regex("annex_heading");
  rules->signature_skip = r.Regex("signature_skip");
}

void ReadJurisdictionRules(RuleReader r, Rules* rules, Status* status) {
  rules->place_prefix = r.Regex("place_prefix");
  for (const auto& [abbr, v] : r.Entries("province_abbreviations")) {
    if (abbr.empty() || !v.isString() || v.extract<std::string>().empty()) {
      SetRulesError(status, "jurisdiction.province_abbreviations: bad entry");
      return;
    }
    rules->abbreviations.emplace_back(abbr, v.extract<std::string>());
    const std::string& name = rules->abbreviations.back().second;
    auto& names = rules->province_names;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::stable_sort(rules->abbreviations.begin(), rules->abbreviations.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

void ReadAllRules(Poco::JSON::Object::Ptr root, Rules* rules) {
  Status* st = &rules->status;
  RuleReader top(root, "", st);
  ReadTitleRules(top.Child("title"), rules);
  rules->doc_number = top.Regex("doc_number");
  ReadDateRules(top.Child("date"), rules, st);
  RuleReader year = top.Child("year");
  rules->year_range = year.Regex("range");
  rules->year_single = year.Regex("single");
  ReadIssuerRules(top.Child("issuer"), rules);
  ReadJurisdictionRules(top.Child("jurisdiction"), rules, st);
  if (rules->chinese_ten == 0) SetRulesError(st, "date.chinese_ten must be one character");
}

Rules BuildRules() {
  Rules rules;
  Poco::JSON::Object::Ptr root;
  rules.status = LoadSchemaJson(kRulesFile, &root);
  if (!rules.status.ok()) return rules;
  try {
    ReadAllRules(root, &rules);
  } catch (const Poco::Exception& e) {
    SetRulesError(&rules.status, e.displayText());
  } catch (const std::exception& e) {
    SetRulesError(&rules.status, e.what());
  }
  return rules;
}

const Rules& GetRules() {
  static const Rules rules = BuildRules();
  return rules;
}

// ---------------------------------------------------------------------------
// Small text helpers.

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool EndsWithAny(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return EndsWith(s, w); });
}

// The match key of a short paragraph, "" for prose-length ones.
std::string ShortKey(const Paragraph& p) {
  return p.text.size() <= kMaxShortBytes ? MatchKey(p.text) : std::string();
}

// Value of a Chinese numeral of up to two digits ("九", "十一", "二十四",
// "〇八"), or -1.
int ChineseNumber(const std::u32string& s, const Rules& r) {
  auto digit = [&](char32_t c) {
    auto it = r.chinese_digits.find(c);
    return it == r.chinese_digits.end() ? -1 : it->second;
  };
  size_t ten = s.find(r.chinese_ten);
  if (ten == std::u32string::npos) {
    if (s.size() == 1) return digit(s[0]);
    if (s.size() == 2 && digit(s[0]) >= 0 && digit(s[1]) >= 0)
      return digit(s[0]) * 10 + digit(s[1]);
    return -1;
  }
  if (ten > 1 || s.size() - ten > 2) return -1;
  int tens = ten == 0 ? 1 : digit(s[0]);
  int units = ten + 1 < s.size() ? digit(s[ten + 1]) : 0;
  if (tens <= 0 || units < 0) return -1;
  return tens * 10 + units;
}

// A year written digit by digit ("二〇二一"), or -1.
int ChineseYear(const std::u32string& s, const Rules& r) {
  int y = 0;
  for (char32_t c : s) {
    auto it = r.chinese_digits.find(c);
    if (it == r.chinese_digits.end()) return -1;
    y = y * 10 + it->second;
  }
  return s.empty() ? -1 : y;
}

bool ValidDate(int y, int m, int d, const Rules& r) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < r.min_year || y > r.max_year || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int days = (m == 2 && !leap) ? 28 : kDays[m - 1];
  return d <= days;
}

enum class DateShape { kNotDate, kInvalid, kValid };

// Reads a paragraph key that is only a date (Arabic or Chinese numerals).
DateShape ParseDate(const std::string& key, const Rules& r, int* y, int* m, int* d) {
  std::string ys, ms, ds;
  if (!RE2::PartialMatch(key, *r.date_arabic, y, m, d)) {
    if (!RE2::PartialMatch(key, *r.date_chinese, &ys, &ms, &ds)) return DateShape::kNotDate;
    *y = ChineseYear(DecodeUtf8(ys), r);
    *m = ChineseNumber(DecodeUtf8(ms), r);
    *d = ChineseNumber(DecodeUtf8(ds), r);
  }
  return ValidDate(*y, *m, *d, r) ? DateShape::kValid : DateShape::kInvalid;
}

std::string IsoDate(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// True when `rest` opens a new issuing body: it starts with the first place
// unit of the whole run (重庆市…重庆市…) or with a provincial-level name.
bool OpensNewIssuer(std::string_view rest, const std::string& unit, const Rules& r) {
  if (!unit.empty() && StartsWith(rest, unit)) return true;
  return std::any_of(r.province_names.begin(), r.province_names.end(),
                     [&](const std::string& n) { return StartsWith(rest, n); });
}

// Splits a paragraph made only of issuing bodies, possibly run together
// ("重庆市人力资源和社会保障局重庆市财政局"), into names. Returns false (and
// leaves `out` alone) when the text is not entirely issuing bodies.
bool SplitIssuers(const std::string& text, const Rules& r, std::vector<std::string>* out) {
  if (text.size() > kMaxShortBytes) return false;
  const size_t chars = CountCodePoints(text);
  if (chars < static_cast<size_t>(r.issuer_min_chars) ||
      chars > static_cast<size_t>(r.issuer_max_chars) || !RE2::PartialMatch(text, *r.issuer_shape))
    return false;
  if (!EndsWithAny(text, r.issuer_suffixes)) return false;
  std::string unit;
  RE2::PartialMatch(text, *r.place_unit, &unit);
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t pos = 1; pos < text.size(); ++pos) {
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) continue;  // inside a character
    std::string_view left(text.data() + start, pos - start);
    std::string_view rest(text.data() + pos, text.size() - pos);
    if (EndsWithAny(left, r.issuer_suffixes) && OpensNewIssuer(rest, unit, r)) {
      parts.emplace_back(left);
      start = pos;
    }
  }
  parts.emplace_back(text.substr(start));
  out->insert(out->end(), parts.begin(), parts.end());
  return true;
}

// ---------------------------------------------------------------------------
// The stage.

// Runs the rules over one document's paragraphs and fills the metadata.
class MetadataExtractor {
 public:
  MetadataExtractor(const Rules& rules, NoticeMetadata* meta, std::vector<Diagnostic>* diags)
      : r_(rules), meta_(meta), diags_(diags) {}

  void Run(const Document& doc, const std::vector<std::string>& captions);

 private:
  void Index(const Document& doc);
  void FindTitle();
  bool JoinTitle(size_t first, std::string text);
  void FindDocNumber();
  void FindPublished();
  void FindHeaderIssuers();
  void FindSignatureIssuers();
  void AddIssuers(const std::vector<std::string>& names);
  void FindYear(const std::vector<std::string>& captions);
  bool YearFrom(const std::string& text);
  void FindJurisdiction();
  void ReportMissing();
  // `at` locates the finding; nullptr for the document as a whole.
  void Note(Severity s, const char* code, std::string message, const Paragraph* at = nullptr);

  const Rules& r_;
  NoticeMetadata* meta_;
  std::vector<Diagnostic>* diags_;
  std::vector<const Paragraph*> paras_;  // every paragraph, in reading order
  size_t before_table_ = 0;              // paragraphs before the first table
  size_t annex_ = 0;                     // first annex heading, or paras_.size()
  std::optional<size_t> title_begin_;    // paragraph range of the title
  size_t title_end_ = 0;
  std::vector<std::string> title_issuers_;  // bodies printed before 关于 on the title line
  std::optional<size_t> published_at_;
  std::optional<int> published_year_;
};

void MetadataExtractor::Run(const Document& doc, const std::vector<std::string>& captions) {
  *meta_ = NoticeMetadata();
  Index(doc);
  FindTitle();
  FindDocNumber();
  FindPublished();
  FindHeaderIssuers();
  FindSignatureIssuers();
  FindYear(captions);
  FindJurisdiction();
  ReportMissing();
}

void MetadataExtractor::Index(const Document& doc) {
  bool seen_table = false;
  for (const Block& b : doc.blocks) {
    const Paragraph* p = std::get_if<Paragraph>(&b);
    if (p == nullptr) {
      seen_table = true;
      continue;
    }
    paras_.push_back(p);
    if (!seen_table) before_table_ = paras_.size();
  }
  annex_ = paras_.size();
  for (size_t i = 0; i < paras_.size(); ++i) {
    if (!StartsWith(paras_[i]->text, "附件")) continue;  // cheap filter before NFKC
    if (RE2::PartialMatch(ShortKey(*paras_[i]), *r_.annex_heading)) {
      annex_ = i;
      break;
    }
  }
}

void MetadataExtractor::FindTitle() {
  size_t limit = std::min(before_table_, static_cast<size_t>(r_.title_search_paragraphs));
  for (size_t i = 0; i < limit; ++i) {
    const std::string& text = paras_[i]->text;
    std::string prefix;
    if (!RE2::PartialMatch(text, *r_.title_start, &prefix)) continue;
    std::vector<std::string> bodies;
    if (!prefix.empty() && !SplitIssuers(prefix, r_, &bodies)) continue;
    if (JoinTitle(i, text.substr(prefix.size()))) {
      title_issuers_ = std::move(bodies);
      return;
    }
  }
}

// Joins paragraph `first` (starting with `text`) with the next ones until the
// title ends with a document-type word; false when it never does.
bool MetadataExtractor::JoinTitle(size_t first, std::string text) {
  size_t limit = std::min(before_table_, first + static_cast<size_t>(r_.title_max_paragraphs));
  size_t next = first + 1;
  bool done = EndsWithAny(text, r_.document_types);
  for (; next < limit; ++next) {
    std::string joined = JoinCellLines({text, paras_[next]->text});
    if (done) {  // complete already: only a 的-continuation may extend it
      if (!RE2::PartialMatch(paras_[next]->text, *r_.title_continuation) ||
          !EndsWithAny(joined, r_.document_types))
        break;
    }
    text = std::move(joined);
    done = EndsWithAny(text, r_.document_types);
  }
  if (!done) return false;
  meta_->title = std::move(text);
  title_begin_ = first;
  title_end_ = next;
  return true;
}

void MetadataExtractor::FindDocNumber() {
  for (size_t i = 0; i < before_table_; ++i) {
    const Paragraph& p = *paras_[i];
    if (p.text.size() > kMaxShortBytes || p.text.find("号") == std::string::npos) continue;
    if (RE2::PartialMatch(ShortKey(p), *r_.doc_number)) {
      meta_->doc_number = p.text;
      return;
    }
  }
}

void MetadataExtractor::FindPublished() {
  for (size_t i = title_end_; i < annex_; ++i) {
    const Paragraph& p = *paras_[i];
    if (p.text.size() > kMaxShortBytes || p.text.find("日") == std::string::npos) continue;
    int y = -1, m = -1, d = -1;
    DateShape shape = ParseDate(ShortKey(p), r_, &y, &m, &d);
    if (shape == DateShape::kInvalid) {
      Note(Severity::kWarning, "date_invalid", "not a calendar date: " + p.text, &p);
    } else if (shape == DateShape::kValid) {
      meta_->published = IsoDate(y, m, d);
      published_at_ = i;
      published_year_ = y;
      return;
    }
  }
}

void MetadataExtractor::FindHeaderIssuers() {
  if (!title_begin_) return;
  for (size_t i = 0; i < *title_begin_; ++i) {
    std::vector<std::string> names;
    if (SplitIssuers(paras_[i]->text, r_, &names)) AddIssuers(names);
  }
  AddIssuers(title_issuers_);
}

// The signature: issuing bodies right above the date or, without a date,
// right above the first annex heading or table ((此件公开发布) lines skipped).
void MetadataExtractor::FindSignatureIssuers() {
  size_t end = published_at_ ? *published_at_ : std::min(before_table_, annex_);
  if (!published_at_) {
    while (end > title_end_ && RE2::PartialMatch(ShortKey(*paras_[end - 1]), *r_.signature_skip))
      --end;
  }
  std::vector<std::string> names;
  size_t begin = end;
  while (begin > title_end_ && end - begin < static_cast<size_t>(r_.max_signature_lines)) {
    std::vector<std::string> line_names;
    if (!SplitIssuers(paras_[begin - 1]->text, r_, &line_names)) break;
    names.insert(names.begin(), line_names.begin(), line_names.end());
    --begin;
  }
  AddIssuers(names);
}

void MetadataExtractor::AddIssuers(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    std::string key = MatchKey(name);
    bool seen = std::any_of(meta_->issuers.begin(), meta_->issuers.end(),
                            [&](const std::string& s) { return MatchKey(s) == key; });
    if (!seen) meta_->issuers.push_back(name);
  }
}

void MetadataExtractor::FindYear(const std::vector<std::string>& captions) {
  if (meta_->title && YearFrom(*meta_->title)) {
    meta_->year_source = "title";
    return;
  }
  for (const std::string& caption : captions) {
    if (caption.size() <= kMaxShortBytes && YearFrom(caption)) {
      meta_->year_source = "caption";
      return;
    }
  }
  if (published_year_) {
    meta_->year = published_year_;
    meta_->year_source = "published";
  }
}

// A plan period (2023—2025年) or a single year (2021年, 2021年度) in `text`.
bool MetadataExtractor::YearFrom(const std::string& text) {
  std::string key = MatchKey(text);
  auto in_range = [&](int y) { return y >= r_.min_year && y <= r_.max_year; };
  int from = 0, to = 0;
  if (RE2::PartialMatch(key, *r_.year_range, &from, &to) && in_range(from) && in_range(to) &&
      from <= to) {
    meta_->year = from;
    meta_->period_from = from;
    meta_->period_to = to;
    return true;
  }
  int year = 0;
  if (RE2::PartialMatch(key, *r_.year_single, &year) && in_range(year)) {
    meta_->year = year;
    return true;
  }
  return false;
}

void MetadataExtractor::FindJurisdiction() {
  for (const std::string& issuer : meta_->issuers) {
    std::string place;
    if (RE2::PartialMatch(issuer, *r_.place_prefix, &place) && !place.empty()) {
      meta_->jurisdiction = Jurisdiction{issuer, Region{place, place, {}, RegionKind::kUnknown, {}, place}};
      return;
    }
  }
  if (!meta_->doc_number) return;
  for (const auto& [abbr, name] : r_.abbreviations) {
    if (StartsWith(*meta_->doc_number, abbr)) {
      meta_->jurisdiction = Jurisdiction{abbr, Region{abbr, name, {}, RegionKind::kUnknown, {}, name}};
      return;
    }
  }
}

void MetadataExtractor::ReportMissing() {
  if (!meta_->title) Note(Severity::kInfo, "no_title", "no title (关于…通知) found");
  if (!meta_->doc_number)
    Note(Severity::kInfo, "no_doc_number", "no document number paragraph found");
  if (meta_->issuers.empty()) Note(Severity::kInfo, "no_issuers", "no issuing body found");
  if (!meta_->published)
    Note(Severity::kInfo, "no_publication_date", "no publication date paragraph found");
  if (!meta_->year)
    Note(Severity::kInfo, "no_year", "no year in the title, the captions or the date");
  if (!meta_->jurisdiction)
    Note(Severity::kInfo, "no_jurisdiction", "no place in the issuers or the document number");
}

void MetadataExtractor::Note(Severity s, const char* code, std::string message,
                             const Paragraph* at) {
  Diagnostic d;
  d.severity = s;
  d.code = code;
  d.message = std::move(message);
  if (at != nullptr) {
    d.where.line = at->where.line;
    d.where.part = at->where.part;
  }
  diags_->push_back(std::move(d));
}

}  // namespace

void PreloadMetadataRules() { (void)GetRules(); }

void ExtractMetadata(const Document& doc, const std::vector<std::string>& table_captions,
                     NoticeMetadata* meta, std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> scratch;
  if (diagnostics == nullptr) diagnostics = &scratch;
  if (meta == nullptr) return;
  const Rules& rules = GetRules();
  if (!rules.status.ok()) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.code = "rules_invalid";
    d.message = rules.status.ToString();
    diagnostics->push_back(std::move(d));
    return;
  }
  MetadataExtractor(rules, meta, diagnostics).Run(doc, table_captions);
}

}  // namespace fuhua
