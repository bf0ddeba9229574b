// TextPool (text_pool.h).
#include "pipeline/text_pool.h"

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

}  // namespace fuhua
