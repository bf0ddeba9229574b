// Automatic numbering of a .docx (ECMA-376 Part 1, §17.9, word/numbering.xml):
// parses w:abstractNum / w:num / w:lvlOverride with pugixml and replays Word's
// list counters to render the label of each numbered paragraph.
//
// Counter model (what Word does for the 序号 columns seen in notices):
// - a num without any w:lvlOverride shares one sequence with every other such
//   num of the same abstractNum (lists of one definition continue each other);
// - a num with a w:lvlOverride owns its counters; a w:startOverride sets the
//   value of the level's first use, later restarts use the level's w:start;
// - when level L is used, each deeper level K restarts unless its
//   w:lvlRestart says otherwise (val = 0: never; val = n: only after a level
//   shallower than n, 1-based);
// - w:lvlText placeholders %1..%9 take each level's current value in that
//   level's own numFmt; w:isLgl on the rendered level forces decimal.
// Elements and attributes are matched by local name, so any prefix bound to
// the WordprocessingML namespace works. Bad values never crash: unparsable
// numbers are ignored, unknown formats render as decimal, out-of-range levels
// give nullopt.
#include "parsers/docx_numbering.h"

#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <pugixml.hpp>
#include <vector>

namespace fuhua {
namespace {

constexpr int kLevels = 9;

struct Level {
  bool defined = false;
  int start = 1;
  std::string format = "decimal";
  std::string text;
  std::optional<int> restart;  // w:lvlRestart, 1-based; 0 = never
  bool is_lgl = false;
};

using Levels = std::array<Level, kLevels>;

struct Num {
  int abstract_id = -1;
  std::array<std::optional<int>, kLevels> start_override;
  std::array<std::optional<Level>, kLevels> level_override;
  bool has_override = false;
  size_t counters = 0;  // index into Impl::counters
};

struct Counters {
  std::array<int, kLevels> value{};
  std::array<bool, kLevels> used{};
  std::array<bool, kLevels> started_once{};
};

// ---- XML helpers (local names, tolerant attribute parsing) ----------------

const char* LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool Is(const pugi::xml_node& node, const char* local) {
  return node.type() == pugi::node_element && std::strcmp(LocalName(node.name()), local) == 0;
}

pugi::xml_node Child(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_node c : node.children()) {
    if (Is(c, local)) return c;
  }
  return pugi::xml_node();
}

pugi::xml_attribute Attr(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (std::strcmp(LocalName(a.name()), local) == 0) return a;
  }
  return pugi::xml_attribute();
}

std::optional<int> IntAttr(const pugi::xml_node& node, const char* local) {
  pugi::xml_attribute a = Attr(node, local);
  if (!a) return std::nullopt;
  std::string_view s = a.value();
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  return v;
}

// The w:val of a child element: std::nullopt when the child is absent.
std::optional<std::string> ChildVal(const pugi::xml_node& node, const char* local) {
  pugi::xml_node c = Child(node, local);
  if (!c) return std::nullopt;
  return std::string(Attr(c, "val").value());
}

// An on/off property (§17.17.4): present without val, or val 1/true/on.
bool OnOff(const pugi::xml_node& node, const char* local) {
  pugi::xml_node c = Child(node, local);
  if (!c) return false;
  std::string_view v = Attr(c, "val").value();
  return v.empty() || v == "1" || v == "true" || v == "on";
}

std::optional<int> Ilvl(const pugi::xml_node& node) {
  std::optional<int> ilvl = IntAttr(node, "ilvl");
  if (!ilvl || *ilvl < 0 || *ilvl >= kLevels) return std::nullopt;
  return ilvl;
}

Level ParseLevel(const pugi::xml_node& lvl) {
  Level level;
  level.defined = true;
  if (pugi::xml_node s = Child(lvl, "start")) level.start = IntAttr(s, "val").value_or(1);
  if (auto f = ChildVal(lvl, "numFmt"); f && !f->empty()) level.format = *f;
  if (auto t = ChildVal(lvl, "lvlText")) level.text = *t;
  if (pugi::xml_node r = Child(lvl, "lvlRestart")) level.restart = IntAttr(r, "val");
  level.is_lgl = OnOff(lvl, "isLgl");
  return level;
}

Levels ParseAbstract(const pugi::xml_node& abstract) {
  Levels levels;
  for (pugi::xml_node lvl : abstract.children()) {
    if (!Is(lvl, "lvl")) continue;
    if (std::optional<int> i = Ilvl(lvl)) levels[*i] = ParseLevel(lvl);
  }
  return levels;
}

void ParseOverride(const pugi::xml_node& override_node, Num* num) {
  std::optional<int> i = Ilvl(override_node);
  if (!i) return;
  num->has_override = true;
  if (pugi::xml_node s = Child(override_node, "startOverride")) {
    num->start_override[*i] = IntAttr(s, "val");
  }
  if (pugi::xml_node lvl = Child(override_node, "lvl")) {
    num->level_override[*i] = ParseLevel(lvl);
  }
}

Num ParseNum(const pugi::xml_node& num_node) {
  Num num;
  if (pugi::xml_node a = Child(num_node, "abstractNumId")) {
    num.abstract_id = IntAttr(a, "val").value_or(-1);
  }
  for (pugi::xml_node c : num_node.children()) {
    if (Is(c, "lvlOverride")) ParseOverride(c, &num);
  }
  return num;
}

// ---- Number formats -------------------------------------------------------

// Appends the UTF-8 encoding of a code point of the BMP.
void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Roman(int n, bool upper) {
  static constexpr std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  if (n <= 0 || n > 3999) return std::to_string(n);
  std::string out;
  for (const auto& [value, digits] : kTable) {
    for (; n >= value; n -= value) out += digits;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Word's letters: A..Z, then AA..ZZ (the letter repeated), AAA..., up to a
// budget of 26 repetitions; beyond that, decimal.
std::string Letters(int n, bool upper) {
  if (n <= 0 || n > 26 * 26) return std::to_string(n);
  char letter = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), letter);
}

struct ChineseDigits {
  const char* digit[10];
  const char* ten;
  const char* hundred;
  const char* thousand;
  const char* ten_thousand;
  bool bare_ten;  // 10..19 written 十.. rather than 一十..
};

constexpr ChineseDigits kCounting = {
    {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}, "十", "百", "千", "万", true};
constexpr ChineseDigits kLegal = {
    {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}, "拾", "佰", "仟", "万", false};

// 1..9999 with units; zeros between non-zero digits become one 零.
std::string ChineseSection(int n, const ChineseDigits& d, bool leading) {
  const char* units[4] = {d.thousand, d.hundred, d.ten, ""};
  const int divisors[4] = {1000, 100, 10, 1};
  std::string out;
  bool zero_pending = false;
  for (int i = 0; i < 4; ++i) {
    int digit = n / divisors[i] % 10;
    if (digit == 0) {
      zero_pending = !out.empty();
      continue;
    }
    if (zero_pending) out += "零";
    zero_pending = false;
    bool bare = leading && out.empty() && i == 2 && digit == 1 && d.bare_ten;
    if (!bare) out += d.digit[digit];
    out += units[i];
  }
  return out;
}

std::string Chinese(int n, const ChineseDigits& d) {
  if (n == 0) return d.digit[0];
  if (n < 0 || n > 99999999) return std::to_string(n);
  if (n < 10000) return ChineseSection(n, d, true);
  int low = n % 10000;
  std::string out = ChineseSection(n / 10000, d, true) + d.ten_thousand;
  if (low == 0) return out;
  if (low < 1000) out += "零";
  return out + ChineseSection(low, d, false);
}

std::string Cycle(int n, const char* const* names, int count) {
  if (n <= 0) return std::to_string(n);
  return names[(n - 1) % count];
}

std::string EnclosedCircle(int n) {
  if (n < 1 || n > 20) return std::to_string(n);
  std::string out;
  AppendUtf8(static_cast<char32_t>(0x2460 + n - 1), &out);
  return out;
}

std::string FullWidth(int n) {
  std::string out;
  for (char c : std::to_string(n)) {
    AppendUtf8(c == '-' ? U'－' : static_cast<char32_t>(0xFF10 + (c - '0')), &out);
  }
  return out;
}

std::string DecimalZero(int n) { return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n); }

constexpr const char* kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
constexpr const char* kBranches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                     "午", "未", "申", "酉", "戌", "亥"};

// The value `n` in numFmt `format`; unknown formats render as decimal.
std::string FormatValue(int n, std::string_view format) {
  if (format == "decimalZero") return DecimalZero(n);
  if (format == "upperRoman") return Roman(n, true);
  if (format == "lowerRoman") return Roman(n, false);
  if (format == "upperLetter") return Letters(n, true);
  if (format == "lowerLetter") return Letters(n, false);
  if (format == "chineseCounting" || format == "chineseCountingThousand") {
    return Chinese(n, kCounting);
  }
  if (format == "chineseLegalSimplified") return Chinese(n, kLegal);
  if (format == "ideographTraditional") return Cycle(n, kStems, 10);
  if (format == "ideographZodiac") return Cycle(n, kBranches, 12);
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") {
    return EnclosedCircle(n);
  }
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") return FullWidth(n);
  if (format == "none") return "";
  return std::to_string(n);
}

}  // namespace

// ---- Impl ---------------------------------------------------------------

struct DocxNumbering::Impl {
  std::map<int, Levels> abstracts;
  std::map<int, Num> nums;
  std::vector<Counters> counters;

  void AssignCounters();
  const Level* LevelOf(const Num& num, int ilvl) const;
  int StartOf(const Num& num, int ilvl, const Counters& c) const;
  void Advance(const Num& num, int ilvl, Counters* c) const;
  std::string Render(const Num& num, int ilvl, const Counters& c) const;
};

// Nums without overrides share their abstractNum's counters; the others get
// their own.
void DocxNumbering::Impl::AssignCounters() {
  std::map<int, size_t> shared;
  for (auto& [id, num] : nums) {
    if (num.has_override) {
      num.counters = counters.size();
      counters.emplace_back();
      continue;
    }
    auto [it, inserted] = shared.emplace(num.abstract_id, counters.size());
    if (inserted) counters.emplace_back();
    num.counters = it->second;
  }
}

const Level* DocxNumbering::Impl::LevelOf(const Num& num, int ilvl) const {
  if (num.level_override[ilvl]) return &*num.level_override[ilvl];
  auto it = abstracts.find(num.abstract_id);
  if (it == abstracts.end() || !it->second[ilvl].defined) return nullptr;
  return &it->second[ilvl];
}

int DocxNumbering::Impl::StartOf(const Num& num, int ilvl, const Counters& c) const {
  if (num.start_override[ilvl] && !c.started_once[ilvl]) return *num.start_override[ilvl];
  const Level* level = LevelOf(num, ilvl);
  return level ? level->start : 1;
}

void DocxNumbering::Impl::Advance(const Num& num, int ilvl, Counters* c) const {
  if (c->used[ilvl]) {
    if (c->value[ilvl] < std::numeric_limits<int>::max()) ++c->value[ilvl];
  } else {
    c->value[ilvl] = StartOf(num, ilvl, *c);
    c->used[ilvl] = true;
    c->started_once[ilvl] = true;
  }
  for (int k = ilvl + 1; k < kLevels; ++k) {
    const Level* deeper = LevelOf(num, k);
    int restart_after = deeper && deeper->restart ? *deeper->restart : k;
    if (ilvl < restart_after) c->used[k] = false;
  }
}

// lvlText with %1..%9 replaced; a level not used yet shows its start value,
// a level deeper than `ilvl` shows nothing.
std::string DocxNumbering::Impl::Render(const Num& num, int ilvl, const Counters& c) const {
  const Level& level = *LevelOf(num, ilvl);
  std::string out;
  const std::string& text = level.text;
  for (size_t i = 0; i < text.size(); ++i) {
    bool placeholder =
        text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9';
    if (!placeholder) {
      out.push_back(text[i]);
      continue;
    }
    int k = text[++i] - '1';
    if (k > ilvl) continue;
    const Level* other = LevelOf(num, k);
    int value = c.used[k] ? c.value[k] : StartOf(num, k, c);
    std::string_view format = "decimal";
    if (!level.is_lgl && other != nullptr) format = other->format;
    out += FormatValue(value, format);
  }
  return out;
}

// ---- Public API -----------------------------------------------------------

DocxNumbering::DocxNumbering() : impl_(std::make_unique<Impl>()) {}
DocxNumbering::~DocxNumbering() = default;
DocxNumbering::DocxNumbering(DocxNumbering&&) noexcept = default;
DocxNumbering& DocxNumbering::operator=(DocxNumbering&&) noexcept = default;

Status DocxNumbering::Load(std::string_view numbering_xml) {
  impl_ = std::make_unique<Impl>();
  if (numbering_xml.empty()) return Status::Ok();
  pugi::xml_document doc;
  pugi::xml_parse_result result = doc.load_buffer(numbering_xml.data(), numbering_xml.size());
  if (!result) {
    return Status::InvalidInput("word/numbering.xml: " + std::string(result.description()) +
                                " at byte " + std::to_string(result.offset));
  }
  pugi::xml_node root = doc.document_element();
  for (pugi::xml_node node : root.children()) {
    std::optional<int> abstract_id = IntAttr(node, "abstractNumId");
    std::optional<int> num_id = IntAttr(node, "numId");
    if (Is(node, "abstractNum") && abstract_id) {
      impl_->abstracts.emplace(*abstract_id, ParseAbstract(node));
    } else if (Is(node, "num") && num_id) {
      impl_->nums.emplace(*num_id, ParseNum(node));
    }
  }
  impl_->AssignCounters();
  return Status::Ok();
}

std::optional<std::string> DocxNumbering::Next(int num_id, int ilvl) {
  if (!impl_ || num_id == 0 || ilvl < 0 || ilvl >= kLevels) return std::nullopt;
  auto it = impl_->nums.find(num_id);
  if (it == impl_->nums.end()) return std::nullopt;
  const Num& num = it->second;
  const Level* level = impl_->LevelOf(num, ilvl);
  if (level == nullptr) return std::nullopt;
  Counters& counters = impl_->counters[num.counters];
  impl_->Advance(num, ilvl, &counters);
  if (level->format == "none") return std::nullopt;
  if (level->format == "bullet") return level->text;
  return impl_->Render(num, ilvl, counters);
}

}  // namespace fuhua
