// Linking benchmark (issues 5 and 8): how carrier/organisation linking
// (pipeline/linker.cc) scales with the number of records, and that the speed
// is not bought with wrong links.
//
// It generates N SYNTHETIC grade records deterministically (std::mt19937, fixed
// seed): carriers named from real divisions of schemas/divisions.json, brand
// syllables drawn from a pool of common characters and the usual suffixes
// (众创空间, 科技企业孵化器, 创业孵化基地, …有限责任公司), run by operators that
// may run several carriers, listed in notices of ~100 records over five years.
// Carriers appear and disappear; one that recurs may carry a typo of one
// character, drop or shorten its place prefix, or change its legal suffix
// (有限责任公司 <-> 有限公司). Keys are built on the real path (DefaultOrgNamer).
// For each N it prints the seconds for key building and for LinkRecords, the
// pairs scored (against N²/2), peak RSS (VmHWM, reset per size where the kernel
// allows), and pairwise precision/recall of the carrier and organisation
// clusters against the generator's truth; then the exponent of time and of
// pairs between consecutive sizes (2 would be quadratic).
//
// Run (built with the project, not run by CTest):
//   cmake --build build -j2 --target fuhua_link_bench
//   build/bench/fuhua_link_bench --sizes 1000,10000,30000,100000
// Options: --sizes N,N,...  --seed S  --per-notice K  --years Y
//          --repeat R (timed runs per size, median reported; default 3)
//          --explain K (print K missed and K wrong links per size, to stderr)
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/linker.h"
#include "pipeline/org_names.h"
#include "pipeline/schema_files.h"
#include "pipeline/text_util.h"

namespace fuhua {
namespace {

struct Options {
  std::vector<size_t> sizes = {1000, 10000, 30000, 100000};
  uint32_t seed = 20240601;
  size_t per_notice = 100;
  int years = 5;
  size_t explain = 0;  // examples of missed and wrong links to print per size
  int repeat = 3;      // timed runs per size; the median is reported
};

// --- Vocabulary -----------------------------------------------------------

struct Division {
  std::string code, name;
  int prefecture = -1;  // index of the prefecture (or municipality) above, or itself
};

struct Vocabulary {
  std::vector<Division> places;  // prefectures and counties
  std::vector<std::string> brand_chars;
};

// Common characters of carrier and company brands. Characters that read as
// place suffixes or carrier-type words (市 县 区 旗 孵 化 基 地 空 间…) are left
// out so a brand never turns into a place or a type by accident.
const char kBrandPool[] =
    "新智慧星火云海天恒泰华瑞博远鼎盛宏达信诚德润源丰嘉和兴隆金银龙凤祥鹏飞翔辉煌明"
    "晨阳春秋朗青蓝绿紫红橙黄白雪松柏梅兰竹菊桃李杏榆杨柳枫桐川湖泉溪峰岭林森田园"
    "农牧草原沙北南东西正大高远长久安宁平康乐福禄寿喜庆吉利合同心聚力汇通联技文艺"
    "术数字网络物芯谷港湾岛邦都坊街巷村塔桥亭阁楼台殿堂宇宙辰月日光影风雷雨雾霞虹"
    "彩锦绣章韵律诗书画印墨砚笔纸卓越精英优秀睿哲思维梦想希望未启航领扬帆逐追筑圆"
    "益民惠为富强振崛起腾跃升拓进取务实求真厚载物自息勤勉敏捷灵动巧匠工坊铸鑫淼森"
    "焱垚磊犇骏驰骋奔腾越峻岳嵩泰衡恒华夏炎黄神州赤橙碧翠琳琅瑶瑾瑜璟珂玥琪瑛璐"
    "菲芳芬芝蕙茵莉莎萱薇蓉荷莲苑圃庭轩斋舍宸宏伟佳俊杰豪迈英才贤能聪颖慧敏捷锐"
    "钧铭锋锐钢铁铜锡镇澜涛波浪潮汐洋滨沁淳澄清泓涵润泽沛霖露霏霄穹昊旻晟昕晔暄"
    "曦旭昇晶炜烨煜熠燊焕灿烁耀辉坤乾艮巽坎离震兑元亨贞吉祥如意顺遂宜嘉和美善雅";

std::vector<std::string> BrandChars() {
  std::vector<std::string> out;
  std::set<char32_t> seen;
  for (char32_t c : DecodeUtf8(kBrandPool))
    if (seen.insert(c).second) out.push_back(EncodeUtf8(std::u32string(1, c)));
  return out;
}

// Prefectures and counties of schemas/divisions.json ([code, name, parent]).
Status LoadVocabulary(Vocabulary* v) {
  Poco::JSON::Object::Ptr o;
  Status st = LoadSchemaJson("divisions.json", &o);
  if (!st.ok()) return st;
  std::unordered_map<std::string, int> index;  // code -> places index
  std::unordered_map<std::string, std::string> parent_of;
  try {
    auto rows = o->getArray("divisions");
    for (size_t i = 0; i < rows->size(); ++i) {
      auto row = rows->getArray(static_cast<unsigned>(i));
      std::string code = row->getElement<std::string>(0);
      std::string name = row->getElement<std::string>(1);
      if (row->isNull(2)) {  // a province: a municipality stands for its districts' prefecture
        if (name.ends_with("市"))
          index[code] = static_cast<int>(v->places.size()), v->places.push_back({code, name, -1});
        continue;
      }
      parent_of[code] = row->getElement<std::string>(2);
      index[code] = static_cast<int>(v->places.size());
      v->places.push_back({code, name, -1});
    }
  } catch (const Poco::Exception& e) {
    return Status::InvalidInput("schemas/divisions.json: " + e.displayText());
  }
  for (size_t i = 0; i < v->places.size(); ++i) {
    auto p = parent_of.find(v->places[i].code);
    bool county = p != parent_of.end() && index.count(p->second) && !p->second.ends_with("0000");
    bool under_municipality =
        p != parent_of.end() && index.count(p->second) && p->second.ends_with("0000");
    v->places[i].prefecture =
        (county || under_municipality) ? index[p->second] : static_cast<int>(i);
  }
  v->brand_chars = BrandChars();
  return Status::Ok();
}

// --- Deterministic randomness (mt19937 is fully specified) ---------------

class Rng {
 public:
  explicit Rng(uint32_t seed) : g_(seed) {}
  size_t Pick(size_t n) { return static_cast<size_t>(g_() % n); }
  bool Chance(double p) { return g_() < p * 4294967296.0; }
  template <typename T>
  const T& Of(const std::vector<T>& v) {
    return v[Pick(v.size())];
  }

 private:
  std::mt19937 g_;
};

// --- The synthetic world --------------------------------------------------

struct Operator {
  std::string prefix, brand, trade, legal;  // 包头市 + 儒尚 + 科技发展 + 有限公司
};

struct Carrier {
  int place = -1;
  std::string brand, middle, core, legal;  // legal "" unless named as a company
  std::string type;
  int op = -1;  // -1: no operator
  int first_year = 0, last_year = 0;
};

// How a carrier's name currently reads; renames persist into later years.
struct NameState {
  bool place_shown = true, short_place = false, alt_legal = false;
};

struct RawRecord {
  int year = 0;
  int carrier = -1, op = -1;  // truth
  std::string name, op_name, region_code, type, evaluated_as, grade;
};

struct Corpus {
  std::vector<RawRecord> records;
  std::vector<int64_t> notice;  // per record
  size_t carriers = 0, operators = 0, notices = 0;
};

const std::vector<std::string> kMiddles = {"",         "",       "",         "科技",     "创新",
                                           "青年",     "大学生", "电子商务", "文化创意", "数字经济",
                                           "智能制造", "农牧业", "返乡",     "互联网"};
const std::vector<std::string> kTrades = {"科技发展", "企业管理",   "投资管理", "信息技术",
                                          "文化传媒", "孵化器管理", "创业服务", "商务服务",
                                          "科技服务", "产业园管理"};
const std::vector<std::string> kGrades = {"优秀", "良好", "良好", "合格", "合格", "合格", "不合格"};

struct TypeSuffix {
  std::string type, core;
};
const std::vector<TypeSuffix> kSuffixes = {{"众创空间", "众创空间"},
                                           {"众创空间", "众创空间"},
                                           {"众创空间", "创客空间众创空间"},
                                           {"科技企业孵化器", "科技企业孵化器"},
                                           {"科技企业孵化器", "孵化器"},
                                           {"科技企业孵化器", "科技孵化器"},
                                           {"创业孵化基地", "创业孵化基地"},
                                           {"创业孵化基地", "孵化园"},
                                           {"创业孵化基地", "就业创业孵化基地"}};

std::string AltLegal(const std::string& legal) {
  return legal == "有限公司" ? "有限责任公司" : "有限公司";
}

std::string Brand(Rng* rng, const Vocabulary& v) {
  std::string b;
  for (size_t k = 0, n = 2 + rng->Pick(2); k < n; ++k) b += rng->Of(v.brand_chars);
  return b;
}

// One character of the brand replaced by another of the pool.
std::string Typo(Rng* rng, const Vocabulary& v, const std::string& brand) {
  std::u32string b = DecodeUtf8(brand);
  std::u32string c = DecodeUtf8(rng->Of(v.brand_chars));
  size_t k = rng->Pick(b.size());
  if (b[k] == c[0]) return brand;
  b[k] = c[0];
  return EncodeUtf8(b);
}

class World {
 public:
  World(const Vocabulary& v, const Options& o) : v_(v), o_(o), rng_(o.seed) {}
  Corpus Generate(size_t n);

 private:
  int NewOperator(int prefecture);
  Carrier NewCarrier();
  void Emit(int id, const Carrier& c, Corpus* out);
  std::string CarrierName(const Carrier& c, const NameState& s, bool typo);
  std::string OperatorName(int op, bool alt_legal, bool typo);
  void AssignNotices(Corpus* c) const;

  const Vocabulary& v_;
  const Options& o_;
  Rng rng_;
  std::vector<Operator> ops_;
  std::unordered_map<int, std::vector<int>> ops_by_prefecture_;
};

int World::NewOperator(int prefecture) {
  Operator op{v_.places[static_cast<size_t>(prefecture)].name, Brand(&rng_, v_), rng_.Of(kTrades),
              rng_.Chance(0.5) ? "有限公司" : "有限责任公司"};
  ops_.push_back(op);
  ops_by_prefecture_[prefecture].push_back(static_cast<int>(ops_.size() - 1));
  return static_cast<int>(ops_.size() - 1);
}

// A new carrier: where, what, run by whom, and the years it is listed.
Carrier World::NewCarrier() {
  Carrier c;
  c.place = static_cast<int>(rng_.Pick(v_.places.size()));
  c.brand = Brand(&rng_, v_);
  c.middle = rng_.Of(kMiddles);
  const TypeSuffix& s = rng_.Of(kSuffixes);
  c.type = s.type, c.core = s.core;
  if (c.core.starts_with(c.middle)) c.middle = "";  // not 科技科技孵化器
  if (rng_.Chance(0.15)) {  // named as its company: 丝梦源孵化器商务有限责任公司
    c.middle = "";
    c.core += rng_.Chance(0.5) ? "管理" : "商务";
    c.legal = rng_.Chance(0.5) ? "有限公司" : "有限责任公司";
  }
  int prefecture = v_.places[static_cast<size_t>(c.place)].prefecture;
  const auto& local = ops_by_prefecture_[prefecture];
  if (rng_.Chance(0.08))
    c.op = -1;
  else if (!local.empty() && rng_.Chance(0.25))
    c.op = rng_.Of(local);  // runs several carriers
  else
    c.op = NewOperator(prefecture);
  c.first_year =
      rng_.Chance(0.6) ? 0 : static_cast<int>(1 + rng_.Pick(static_cast<size_t>(o_.years - 1)));
  c.last_year = c.first_year;
  while (c.last_year + 1 < o_.years && !rng_.Chance(0.12)) ++c.last_year;  // dropped from the list
  return c;
}

std::string World::CarrierName(const Carrier& c, const NameState& s, bool typo) {
  const std::string& place = v_.places[static_cast<size_t>(c.place)].name;
  std::string head;
  if (s.place_shown)
    head = s.short_place ? place.substr(0, place.size() - std::string("市").size()) : place;
  std::string brand = typo ? Typo(&rng_, v_, c.brand) : c.brand;
  std::string legal = c.legal.empty() ? "" : s.alt_legal ? AltLegal(c.legal) : c.legal;
  return head + brand + c.middle + c.core + legal;
}

std::string World::OperatorName(int op, bool alt_legal, bool typo) {
  const Operator& o = ops_[static_cast<size_t>(op)];
  std::string brand = typo ? Typo(&rng_, v_, o.brand) : o.brand;
  return o.prefix + brand + o.trade + (alt_legal ? AltLegal(o.legal) : o.legal);
}

// The carrier's records, one per year it is listed, with realistic changes.
void World::Emit(int id, const Carrier& c, Corpus* out) {
  NameState s;
  bool op_alt = false;
  const std::string& place = v_.places[static_cast<size_t>(c.place)].name;
  for (int y = c.first_year; y <= c.last_year; ++y) {
    if (y > c.first_year) {  // renames that stay
      if (rng_.Chance(0.06)) s.place_shown = !s.place_shown;
      if (rng_.Chance(0.04) && place.ends_with("市")) s.short_place = !s.short_place;
      if (rng_.Chance(0.08) && !c.legal.empty()) s.alt_legal = !s.alt_legal;
      if (rng_.Chance(0.05)) op_alt = !op_alt;
    }
    RawRecord r;
    r.year = y, r.carrier = id, r.type = c.type, r.grade = rng_.Of(kGrades);
    r.name = CarrierName(c, s, y > c.first_year && rng_.Chance(0.05));  // a one-off typo
    if (c.op >= 0 && !rng_.Chance(0.03)) {
      r.op = c.op;
      r.op_name = OperatorName(c.op, op_alt, rng_.Chance(0.02));
    }
    if (!rng_.Chance(0.03)) r.region_code = v_.places[static_cast<size_t>(c.place)].code;
    if (c.type == "众创空间" && rng_.Chance(0.02)) r.evaluated_as = "科技企业孵化器";
    out->records.push_back(std::move(r));
  }
}

// Each year's list, ordered by region, cut into notices of per_notice records.
void World::AssignNotices(Corpus* c) const {
  std::vector<size_t> order(c->records.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const RawRecord &x = c->records[a], &y = c->records[b];
    if (x.year != y.year) return x.year < y.year;
    return std::string_view(x.region_code).substr(0, 2) <
           std::string_view(y.region_code).substr(0, 2);
  });
  c->notice.assign(order.size(), -1);
  int64_t notice = -1;
  size_t in_notice = o_.per_notice;
  int year = -1;
  for (size_t i : order) {
    if (c->records[i].year != year || in_notice == o_.per_notice) ++notice, in_notice = 0;
    year = c->records[i].year;
    c->notice[i] = notice, ++in_notice;
  }
  c->notices = static_cast<size_t>(notice + 1);
}

Corpus World::Generate(size_t n) {
  Corpus out;
  for (int id = 0; out.records.size() < n; ++id) {
    Emit(id, NewCarrier(), &out);
    out.carriers = static_cast<size_t>(id + 1);
  }
  out.records.resize(n);
  out.operators = ops_.size();
  AssignNotices(&out);
  return out;
}

// --- Keys, linking, measurement ------------------------------------------

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The linking view of each record, keys by the real namer (pipeline/org_names).
// Their text is kept in `text`.
std::vector<LinkInput> BuildInputs(const Corpus& c, const OrgNamer& namer, TextPool* text) {
  std::vector<LinkInput> out(c.records.size());
  for (size_t i = 0; i < c.records.size(); ++i) {
    const RawRecord& r = c.records[i];
    LinkInput& in = out[i];
    in.natural_key = text->Keep("synthetic:" + std::to_string(c.notice[i]) + ":" + std::to_string(i));
    in.notice = c.notice[i];
    NameKey k = namer.Key(r.name);
    in.name_key = text->Keep(k.key);
    in.name_place = text->Keep(k.place.value_or(""));
    in.name_is_org = k.legal_form.has_value();
    in.carrier_type = text->Keep(r.type);
    in.region_code = text->Keep(r.region_code);
    if (!r.op_name.empty()) {
      NameKey o = namer.Key(r.op_name);
      in.operator_key = text->Keep(o.key);
      in.operator_place = text->Keep(o.place.value_or(""));
    }
    in.evaluated_as = text->Keep(r.evaluated_as);
    in.grade = text->Keep(r.grade);
  }
  return out;
}

// FNV-1a over everything LinkRecords decided (clusters, links with scores and
// reasons, review, relations): equal digests mean an optimisation of the
// linker changed no result.
class Digest {
 public:
  void Add(const void* p, size_t n) {
    for (size_t k = 0; k < n; ++k)
      h_ = (h_ ^ static_cast<const unsigned char*>(p)[k]) * 1099511628211ULL;
  }
  void Add(const std::vector<int>& v) { Add(v.data(), v.size() * sizeof(int)); }
  void Add(const std::vector<Link>& links, const LinkResult& r) {
    for (const Link& l : links) {
      int64_t score = std::llround(l.score * 1e9);
      Add(&l.a, sizeof l.a), Add(&l.b, sizeof l.b), Add(&score, sizeof score);
      const std::string_view reason = r.Reason(l);
      const char end = 0;  // as a C string: digests stay comparable with earlier runs
      Add(reason.data(), reason.size()), Add(&end, 1);
    }
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 1469598103934665603ULL;
};

uint64_t ResultDigest(const LinkResult& r) {
  Digest d;
  d.Add(r.carrier_cluster), d.Add(r.org_cluster), d.Add(r.name_org_cluster);
  d.Add(r.carrier_links, r), d.Add(r.org_links, r), d.Add(r.review, r), d.Add(r.relations, r);
  d.Add(&r.pairs_scored, sizeof r.pairs_scored);
  return d.value();
}

struct PairScore {
  double precision = 1, recall = 1;
};

// Pairwise precision/recall of `found` against `truth` over items where both
// are >= 0: pairs placed together by both / by found, / by truth.
PairScore Pairwise(const std::vector<int>& found, const std::vector<int>& truth) {
  std::unordered_map<int64_t, int64_t> both, by_found, by_truth;
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i] < 0 || truth[i] < 0) continue;
    ++both[static_cast<int64_t>(found[i]) << 32 | static_cast<uint32_t>(truth[i])];
    ++by_found[found[i]], ++by_truth[truth[i]];
  }
  auto pairs = [](const std::unordered_map<int64_t, int64_t>& m) {
    double s = 0;
    for (const auto& [k, n] : m) s += static_cast<double>(n) * static_cast<double>(n - 1) / 2;
    return s;
  };
  double tp = pairs(both), f = pairs(by_found), t = pairs(by_truth);
  return {f > 0 ? tp / f : 1, t > 0 ? tp / t : 1};
}

long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with(field)) return std::atol(line.c_str() + std::string(field).size());
  return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0); false when not allowed.
bool ResetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return out.good();
}

// Up to k pairs the linker split (same truth) and k it joined (different
// truth), with the names as generated, to stderr.
void Explain(const char* what, const std::vector<int>& found, const std::vector<int>& truth,
             const std::vector<std::string>& names, size_t k) {
  std::unordered_map<int, size_t> first_by_truth, first_by_found;
  size_t missed = 0, wrong = 0;
  for (size_t i = 0; i < found.size() && (missed < k || wrong < k); ++i) {
    if (found[i] < 0 || truth[i] < 0) continue;
    auto [t, t_new] = first_by_truth.emplace(truth[i], i);
    auto [f, f_new] = first_by_found.emplace(found[i], i);
    if (!t_new && found[t->second] != found[i] && missed < k && ++missed)
      std::fprintf(stderr, "%s missed: %s | %s\n", what, names[t->second].c_str(),
                   names[i].c_str());
    if (!f_new && truth[f->second] != truth[i] && wrong < k && ++wrong)
      std::fprintf(stderr, "%s wrong:  %s | %s\n", what, names[f->second].c_str(),
                   names[i].c_str());
  }
}

struct Row {
  size_t n = 0, notices = 0, carriers = 0, operators = 0;
  double gen_s = 0, keys_s = 0, link_s = 0;
  size_t pairs = 0, review = 0;
  long peak_kb = 0;
  PairScore carrier, org;
  uint64_t digest = 0;
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Key building and LinkRecords, each timed `repeat` times (median: these
// machines are shared and noisy); the last run's inputs and result are kept.
Status TimeKeysAndLink(const Corpus& c, const OrgNamer& namer, int repeat, TextPool* text,
                       std::vector<LinkInput>* inputs, LinkResult* r, Row* row) {
  std::vector<double> keys_s, link_s;
  for (int k = 0; k < repeat; ++k) {
    auto t0 = std::chrono::steady_clock::now();
    *inputs = BuildInputs(c, namer, text);
    keys_s.push_back(Seconds(t0));
    t0 = std::chrono::steady_clock::now();
    Status st = LinkRecords(*inputs, {}, r);
    link_s.push_back(Seconds(t0));
    if (!st.ok()) return st;
  }
  row->keys_s = Median(keys_s), row->link_s = Median(link_s);
  return Status::Ok();
}

Status Measure(const Vocabulary& v, const Options& o, const OrgNamer& namer, size_t n, Row* row) {
  bool reset = ResetPeakRss();
  auto t0 = std::chrono::steady_clock::now();
  Corpus c = World(v, o).Generate(n);
  row->gen_s = Seconds(t0);
  TextPool text;  // what the inputs view
  std::vector<LinkInput> inputs;
  LinkResult r;
  if (Status st = TimeKeysAndLink(c, namer, o.repeat, &text, &inputs, &r, row); !st.ok()) return st;
  row->n = n, row->notices = c.notices, row->carriers = c.carriers, row->operators = c.operators;
  row->pairs = r.pairs_scored, row->review = r.review.size(), row->digest = ResultDigest(r);
  row->peak_kb = reset ? StatusKb("VmHWM:") : -StatusKb("VmHWM:");
  std::vector<int> carrier_truth(n), op_truth(n);
  for (size_t i = 0; i < n; ++i)
    carrier_truth[i] = c.records[i].carrier, op_truth[i] = c.records[i].op;
  row->carrier = Pairwise(r.carrier_cluster, carrier_truth);
  row->org = Pairwise(r.org_cluster, op_truth);
  if (o.explain > 0) {
    std::vector<std::string> names(n), ops(n);
    for (size_t i = 0; i < n; ++i)
      names[i] = c.records[i].name + " [" + c.records[i].region_code + " n" +
                 std::to_string(c.notice[i]) + " " + std::string(inputs[i].name_place) + "/" +
                 std::string(inputs[i].name_key) + "]",
      ops[i] = c.records[i].op_name + " [" + c.records[i].region_code + " " +
               std::string(inputs[i].operator_place) + "/" + std::string(inputs[i].operator_key) + "]";
    Explain("carrier", r.carrier_cluster, carrier_truth, names, o.explain);
    Explain("organisation", r.org_cluster, op_truth, ops, o.explain);
  }
  return Status::Ok();
}

void PrintHeader() {
  std::printf("%8s %7s %8s %7s %7s %7s %11s %7s %9s %8s %8s %7s %7s %7s %7s  %s\n", "N", "notices",
              "carriers", "gen_s", "keys_s", "link_s", "pairs", "pairs/N", "/(N²/2)", "review",
              "peak_MB", "c_prec", "c_rec", "o_prec", "o_rec", "result digest");
}

void PrintRow(const Row& r) {
  double n = static_cast<double>(r.n);
  std::printf(
      "%8zu %7zu %8zu %7.2f %7.2f %7.2f %11zu %7.1f %9.2e %8zu %8.1f %7.4f %7.4f %7.4f %7.4f  "
      "%016llx\n",
      r.n, r.notices, r.carriers, r.gen_s, r.keys_s, r.link_s, r.pairs,
      static_cast<double>(r.pairs) / n, static_cast<double>(r.pairs) / (n * n / 2), r.review,
      static_cast<double>(std::labs(r.peak_kb)) / 1024.0, r.carrier.precision, r.carrier.recall,
      r.org.precision, r.org.recall, static_cast<unsigned long long>(r.digest));
  std::fflush(stdout);
}

void PrintExponents(const std::vector<Row>& rows) {
  std::printf(
      "\nscaling exponents between consecutive sizes (log ratio; 1 = linear, 2 = quadratic):\n");
  for (size_t i = 1; i < rows.size(); ++i) {
    const Row &a = rows[i - 1], &b = rows[i];
    double dn = std::log(static_cast<double>(b.n) / static_cast<double>(a.n));
    auto exp = [&](double x, double y) { return x > 0 && y > 0 ? std::log(y / x) / dn : NAN; };
    std::printf("  %zu -> %zu: link time %.2f, key time %.2f, pairs scored %.2f\n", a.n, b.n,
                exp(a.link_s, b.link_s), exp(a.keys_s, b.keys_s),
                exp(static_cast<double>(a.pairs), static_cast<double>(b.pairs)));
  }
}

bool ParseSizes(const std::string& s, std::vector<size_t>* out) {
  out->clear();
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = std::min(s.find(',', start), s.size());
    std::string part = s.substr(start, comma - start);
    if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) return false;
    out->push_back(std::stoul(part));
    if (out->back() == 0) return false;
    start = comma + 1;
  }
  return !out->empty();
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--sizes" && has_value) {
      if (!ParseSizes(argv[++i], &o->sizes)) return false;
    } else if (a == "--seed" && has_value) {
      o->seed = static_cast<uint32_t>(std::stoul(argv[++i]));
    } else if (a == "--per-notice" && has_value) {
      o->per_notice = std::max<size_t>(1, std::stoul(argv[++i]));
    } else if (a == "--repeat" && has_value) {
      o->repeat = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--explain" && has_value) {
      o->explain = std::stoul(argv[++i]);
    } else if (a == "--years" && has_value) {
      o->years = std::max(2, std::stoi(argv[++i]));
    } else {
      return false;
    }
  }
  return true;
}

int Run(const Options& o) {
  Vocabulary v;
  Status st = LoadVocabulary(&v);
  const OrgNamer* namer = st.ok() ? DefaultOrgNamer(&st) : nullptr;
  if (!namer) {
    std::fprintf(stderr, "fuhua_link_bench: %s\n", st.ToString().c_str());
    return 1;
  }
  std::printf(
      "fuhua_link_bench: SYNTHETIC records, seed %u, %zu places, %zu brand characters, "
      "%d years, %zu records per notice\n\n",
      o.seed, v.places.size(), v.brand_chars.size(), o.years, o.per_notice);
  PrintHeader();
  std::vector<Row> rows;
  for (size_t n : o.sizes) {
    Row row;
    if (Status s = Measure(v, o, *namer, n, &row); !s.ok()) {
      std::fprintf(stderr, "fuhua_link_bench: %s\n", s.ToString().c_str());
      return 1;
    }
    PrintRow(row);
    rows.push_back(row);
  }
  PrintExponents(rows);
  std::printf(
      "\ntimes are wall seconds on one thread, median of %d runs; c_/o_ = carrier/organisation"
      " clusters, pairwise"
      " against the generator's truth; peak_MB = VmHWM%s\n",
      o.repeat,
      rows.empty() || rows.back().peak_kb >= 0 ? " since the size started"
                                               : " of the process (reset refused)");
  return 0;
}

}  // namespace
}  // namespace fuhua

int main(int argc, char** argv) {
  fuhua::Options o;
  bool ok = false;
  try {
    ok = fuhua::ParseArgs(argc, argv, &o);
  } catch (const std::exception&) {  // std::stoul on a non-number
  }
  if (!ok) {
    std::fprintf(stderr,
                 "usage: fuhua_link_bench [--sizes 1000,10000,30000,100000] [--seed N] "
                 "[--per-notice K] [--years Y] [--repeat R] [--explain K]\n");
    return 2;
  }
  return fuhua::Run(o);
}
