// TextPool (text_pool.h).
#include "pipeline/text_pool.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace fuhua {

namespace {

size_t HashOf(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

TextId TextPool::Intern(std::string_view text) {
  if (2 * (texts_.size() + 1) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t k = HashOf(text) & mask;; k = (k + 1) & mask) {
    const TextId id = slots_[k];
    if (id == kNull) {
      texts_.push_back(text.empty() ? std::string_view() : Hold(text));
      slots_[k] = static_cast<TextId>(texts_.size());
      return slots_[k];
    }
    if (texts_[id - 1] == text) return id;
  }
}

void TextPool::Grow() {
  std::vector<TextId> slots(std::max<size_t>(64, 2 * slots_.size()), kNull);
  const size_t mask = slots.size() - 1;
  for (TextId id = 1; id <= texts_.size(); ++id) {
    size_t k = HashOf(texts_[id - 1]) & mask;
    while (slots[k] != kNull) k = (k + 1) & mask;
    slots[k] = id;
  }
  slots_ = std::move(slots);
}

TextPool& TextPool::operator=(TextPool&& other) noexcept {
  texts_ = std::move(other.texts_);
  slots_ = std::move(other.slots_);
  chunks_ = std::move(other.chunks_);
  next_ = std::exchange(other.next_, nullptr);  // the chunk went with chunks_
  chunk_left_ = std::exchange(other.chunk_left_, 0);
  chunk_size_ = std::exchange(other.chunk_size_, 0);
  return *this;
}

std::string_view TextPool::Hold(std::string_view text) {
  if (text.empty()) return {};
  // Chunks double from 1 KiB to 256 KiB: a pool of a few texts stays small.
  constexpr size_t kFirstChunk = 1024, kLargestChunk = 256 * 1024;
  if (text.size() > chunk_left_) {
    chunk_size_ = std::clamp(2 * chunk_size_, kFirstChunk, kLargestChunk);
    chunk_left_ = std::max(chunk_size_, text.size());
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(chunk_left_));
    next_ = chunks_.back().get();
  }
  std::memcpy(next_, text.data(), text.size());
  std::string_view held(next_, text.size());
  next_ += text.size(), chunk_left_ -= text.size();
  return held;
}

}  // namespace fuhua
