// TextPool (text_pool.h).
#include "pipeline/text_pool.h"

#include <algorithm>
#include <cstring>

namespace fuhua {

const std::string TextPool::kEmpty;

TextId TextPool::Intern(std::string_view text) {
  auto found = index_.find(text);
  if (found != index_.end()) return found->second;
  texts_.emplace_back(text);
  TextId id = static_cast<TextId>(texts_.size());
  index_.emplace(texts_.back(), id);
  return id;
}

TextPool& TextPool::operator=(TextPool&& other) noexcept {
  texts_ = std::move(other.texts_);
  index_ = std::move(other.index_);
  chunks_ = std::move(other.chunks_);
  next_ = std::exchange(other.next_, nullptr);  // the chunk went with chunks_
  chunk_left_ = std::exchange(other.chunk_left_, 0);
  return *this;
}

std::string_view TextPool::Hold(std::string_view text) {
  if (text.empty()) return {};
  constexpr size_t kChunk = 256 * 1024;
  if (text.size() > chunk_left_) {
    chunk_left_ = std::max(kChunk, text.size());
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(chunk_left_));
    next_ = chunks_.back().get();
  }
  std::memcpy(next_, text.data(), text.size());
  std::string_view held(next_, text.size());
  next_ += text.size(), chunk_left_ -= text.size();
  return held;
}

}  // namespace fuhua
