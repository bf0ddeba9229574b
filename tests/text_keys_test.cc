// The name key of pipeline/text_keys.h, table-driven: each rule of
// schemas/text_keys.json with the smallest input that shows it.
#include "pipeline/text_keys.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include <unicode/translit.h>
#include <unicode/uniset.h>

#include "pipeline/text_util.h"

namespace fuhua {
namespace {

const TextKeyer& Keyer() {
  Status st;
  const TextKeyer* k = DefaultTextKeyer(&st);
  if (!k) throw std::runtime_error(st.ToString());
  return *k;
}

struct KeyCase {
  const char* rule;
  const char* text;
  const char* key;
};

const KeyCase kKeyCases[] = {
    {"nfkc_fullwidth_to_ascii", "ＡＢＣ１２３众创空间", "abc123众创空间"},
    {"nfkc_compatibility_forms", "㈱创客", "(株)创客"},
    {"no_whitespace_between_cjk", "赤峰市众人合创网络      科技有限公司", "赤峰市众人合创网络科技有限公司"},
    {"no_whitespace_anywhere", "D + M 浪尖\u3000智造工场", "d+m浪尖智造工场"},
    {"latin_case_folded", "青创PARK", "青创park"},
    {"brackets_fullwidth", "微托帮众创空间（原）", "微托帮众创空间(原)"},
    {"brackets_lenticular", "微托帮众创空间【原】", "微托帮众创空间(原)"},
    {"brackets_tortoise_shell", "渝人社〔2021〕415号", "渝人社(2021)415号"},
    {"brackets_square", "京东云[重庆]创业孵化基地", "京东云(重庆)创业孵化基地"},
    {"middle_dots", "牧勒•非遗手工创客部落", "牧勒·非遗手工创客部落"},
    {"katakana_middle_dot", "牧勒・非遗", "牧勒·非遗"},
    {"dashes", "创新—创业", "创新-创业"},
    {"enumeration_comma", "发展改革统计局、就业局", "发展改革统计局,就业局"},
    {"quotes_dropped", "“印象蒙古”民族文化创意专业众创空间", "印象蒙古民族文化创意专业众创空间"},
    {"book_title_marks_dropped", "《创客中国》创业雷达", "创客中国创业雷达"},
    {"traditional_to_simplified", "內蒙古自治區科學技術廳", "内蒙古自治区科学技术厅"},
    {"traditional_with_brackets", "重慶市（萬州）創業孵化中心", "重庆市(万州)创业孵化中心"},
    {"simplified_unchanged", "重庆市万州三都创业孵化中心", "重庆市万州三都创业孵化中心"},
    {"empty", "", ""},
};

TEST(TextKeys, EachRule) {
  for (const KeyCase& c : kKeyCases) EXPECT_EQ(Keyer().Key(c.text), c.key) << c.rule;
}

// A key of a key is the same key: keys can be stored and re-keyed safely.
TEST(TextKeys, Idempotent) {
  for (const KeyCase& c : kKeyCases) {
    std::string once = Keyer().Key(c.text);
    EXPECT_EQ(Keyer().Key(once), once) << c.rule;
  }
}

// Text of printable ASCII and CJK Unified Ideographs is keyed by a scan when
// no step would change it (TextKeyer::FindPlain, and MatchKey's own check):
// every such character must key as it does through ICU's normalisation and
// transliteration, which a leading space (dropped by both keys) forces.
TEST(TextKeys, TextKeyedByAScanKeysAsThroughIcu) {
  std::string text;
  for (char32_t c = 0x21; c <= 0x9FFF; c = c == 0x7E ? 0x4E00 : c + 1) {
    text = EncodeUtf8(std::u32string(1, c));
    ASSERT_EQ(Keyer().Key(text), Keyer().Key(" " + text)) << static_cast<int>(c);
    ASSERT_EQ(MatchKey(text), MatchKey(" " + text)) << static_cast<int>(c);
  }
  EXPECT_EQ(Keyer().Key("重庆市万州三都创业孵化中心"), "重庆市万州三都创业孵化中心");
  EXPECT_EQ(Keyer().Key("乾坤"), Keyer().Key(" 乾坤"));  // 乾 alone may convert
  EXPECT_EQ(MatchKey("１２"), "12");
}

// Display variants of one name meet in one key.
TEST(TextKeys, VariantsMeet) {
  EXPECT_EQ(Keyer().Key("微企梦工场（软件产业孵化园）"), Keyer().Key("微企梦工场 (软件产业孵化园)"));
  EXPECT_EQ(Keyer().Key("內蒙古 儒尚科技"), Keyer().Key("内蒙古儒尚科技"));
}

// The keyer builds Hant-Hans from its rules in ICU's data, not through ICU's
// registry of transforms; both must be the same transliterator: every
// character it reads, alone and all in one text (where its multi-character
// rules such as 于飛 -> 于飞 apply), and a Traditional phrase.
TEST(TextKeys, HantHansFromItsRulesIsIcusOwn) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_own(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, err));
  std::unique_ptr<icu::Transliterator> ours(CreateTransliterator("Hant-Hans", &err));
  ASSERT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  ASSERT_TRUE(icu_own && ours);
  icu::UnicodeSet source;
  icu_own->getSourceSet(source);
  ASSERT_GT(source.size(), 3000);
  icu::UnicodeString all;
  int differ = 0;
  for (int32_t r = 0; r < source.getRangeCount(); ++r)
    for (UChar32 c = source.getRangeStart(r); c <= source.getRangeEnd(r); ++c) {
      icu::UnicodeString a(c), b(c);
      icu_own->transliterate(a);
      ours->transliterate(b);
      differ += a != b;
      all.append(c).append(u"于飛");
    }
  EXPECT_EQ(differ, 0);
  icu::UnicodeString a = all, b = all;
  icu_own->transliterate(a);
  ours->transliterate(b);
  EXPECT_TRUE(a == b);
  icu::UnicodeString phrase = icu::UnicodeString::fromUTF8("內蒙古自治區科學技術廳於飛");
  icu::UnicodeString p2 = phrase;
  ours->transliterate(phrase);
  icu_own->transliterate(p2);
  EXPECT_TRUE(phrase == p2);
  std::string simplified;
  phrase.toUTF8String(simplified);
  EXPECT_EQ(simplified, "内蒙古自治区科学技术厅于飞");
}

// The transliterator keeps state while it runs; threads take turns with it.
TEST(TextKeys, ThreadsAgree) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      std::string last;
      for (int i = 0; i < 2000; ++i) last = Keyer().Key("內蒙古自治區科學技術廳（呼和浩特）");
      results[t] = last;
    });
  for (auto& th : threads) th.join();
  for (const std::string& r : results) EXPECT_EQ(r, "内蒙古自治区科学技术厅(呼和浩特)");
}

}  // namespace
}  // namespace fuhua
