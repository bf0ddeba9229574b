// TextPool: interned text. Each distinct string is held once and named by a
// TextId, or viewed through Keep; views and ids stay valid as long as the
// pool (a deque: growing it never moves a string). The store's relink holds
// every record's linking fields this way (store/link_rows.h), and the
// linker's inputs view their text here (pipeline/linker.h): names, keys,
// types and codes recur across notices and years.
//   TextPool pool;
//   TextId id = pool.Intern("创业孵化基地");
//   std::string_view v = pool.Keep(some_temporary_string);  // outlives it
//   std::string_view k = pool.Hold(a_natural_key);  // not interned: one of a kind
#ifndef FUHUA_PIPELINE_TEXT_POOL_H_
#define FUHUA_PIPELINE_TEXT_POOL_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace fuhua {

// kNull stands for NULL (none), which Str reads as "".
using TextId = uint32_t;

class TextPool {
 public:
  static constexpr TextId kNull = 0;
  TextPool() = default;
  TextPool(const TextPool&) = delete;  // the index points into texts_
  TextPool& operator=(const TextPool&) = delete;
  // A deque's move keeps its elements in place, so the index stays valid.
  TextPool(TextPool&& other) noexcept { *this = std::move(other); }
  TextPool& operator=(TextPool&& other) noexcept;

  TextId Intern(std::string_view text);
  TextId Intern(const std::string& text) { return Intern(std::string_view(text)); }
  TextId Intern(const char* text) { return Intern(std::string_view(text)); }
  TextId Intern(const std::optional<std::string>& text) { return text ? Intern(*text) : kNull; }
  const std::string& Str(TextId id) const { return id == kNull ? kEmpty : texts_[id - 1]; }
  std::optional<std::string> Opt(TextId id) const {
    return id == kNull ? std::nullopt : std::optional<std::string>(texts_[id - 1]);
  }
  // `text`, held here: the view lives as long as the pool.
  std::string_view Keep(std::string_view text) {
    return text.empty() ? std::string_view() : Str(Intern(text));
  }
  // `text`, held here without an index entry: for texts that rarely recur
  // (a record's natural key), where a std::string and a hash node each
  // would cost twice the text. Never moves; lives as long as the pool.
  std::string_view Hold(std::string_view text);

 private:
  static const std::string kEmpty;
  std::deque<std::string> texts_;
  std::unordered_map<std::string_view, TextId> index_;
  std::vector<std::unique_ptr<char[]>> chunks_;  // what Hold keeps
  char* next_ = nullptr;  // free space of the last chunk
  size_t chunk_left_ = 0;
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_TEXT_POOL_H_
