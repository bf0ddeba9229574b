// TextPool: interned text. Each distinct string is held once and named by a
// TextId, or viewed through Keep; views and ids stay valid as long as the
// pool (the text lies in chunks that never move, also when the pool does).
// The store's relink holds every record's linking fields this way
// (store/link_rows.h), and the linker's inputs view their text here
// (pipeline/linker.h): names, keys, types and codes recur across notices and
// years, but in a store of distinct notices most are one of a kind, so a
// text costs its bytes and ~24 more (a view and its index slots), not a
// std::string, its heap block and a hash node (~110 bytes more: 10,000
// synthetic notices of distinct carriers held ~160 MB of such overhead).
//   TextPool pool;
//   TextId id = pool.Intern("创业孵化基地");
//   std::string_view v = pool.Keep(some_temporary_string);  // outlives it
//   std::string_view k = pool.Hold(a_natural_key);  // not interned: one of a kind
#ifndef FUHUA_PIPELINE_TEXT_POOL_H_
#define FUHUA_PIPELINE_TEXT_POOL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fuhua {

// kNull stands for NULL (none), which Str reads as "".
using TextId = uint32_t;

class TextPool {
 public:
  static constexpr TextId kNull = 0;
  TextPool() = default;
  TextPool(const TextPool&) = delete;  // views point into chunks_
  TextPool& operator=(const TextPool&) = delete;
  // The chunks move as owners: the text stays where it is.
  TextPool(TextPool&& other) noexcept { *this = std::move(other); }
  TextPool& operator=(TextPool&& other) noexcept;

  TextId Intern(std::string_view text);
  TextId Intern(const std::string& text) { return Intern(std::string_view(text)); }
  TextId Intern(const char* text) { return Intern(std::string_view(text)); }
  TextId Intern(const std::optional<std::string>& text) { return text ? Intern(*text) : kNull; }
  std::string_view Str(TextId id) const {
    return id == kNull ? std::string_view() : texts_[id - 1];
  }
  std::optional<std::string> Opt(TextId id) const {
    return id == kNull ? std::nullopt : std::optional<std::string>(texts_[id - 1]);
  }
  // `text`, held here: the view lives as long as the pool.
  std::string_view Keep(std::string_view text) {
    return text.empty() ? std::string_view() : Str(Intern(text));
  }
  // `text`, held here without an index entry: for texts that rarely recur
  // (a record's natural key). Never moves; lives as long as the pool.
  std::string_view Hold(std::string_view text);

 private:
  void Grow();                           // doubles the index
  std::vector<std::string_view> texts_;  // by id - 1, into chunks_
  // Open addressing, linear probing: ids (kNull: free), at most half full.
  std::vector<TextId> slots_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;  // free space of the last chunk
  size_t chunk_left_ = 0;
  size_t chunk_size_ = 0;  // of the last chunk
};

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_TEXT_POOL_H_
