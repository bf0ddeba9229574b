// FileList (file_list.h).
#include "store/file_list.h"

#include <algorithm>

#include "pipeline/text_util.h"

namespace fuhua {

void FileList::Add(std::string_view path) {
  const size_t slash = path.rfind('/');
  const size_t cut = slash == std::string_view::npos ? 0 : slash + 1;
  File f;
  f.folder = cut ? folders_.Intern(path.substr(0, cut)) : TextPool::kNull;
  f.name_at = static_cast<uint32_t>(names_.size());
  f.name_bytes = static_cast<uint32_t>(path.size() - cut);
  names_.append(path.substr(cut));
  files_.push_back(f);
}

int FileList::Compare(const File& a, const File& b) const {
  if (a.folder == b.folder) return Name(a).compare(Name(b));  // the common case
  return CompareJoined(Folder(a), Name(a), Folder(b), Name(b));
}

void FileList::SortUnique() {
  std::sort(files_.begin(), files_.end(),
            [this](const File& a, const File& b) { return Compare(a, b) < 0; });
  files_.erase(std::unique(files_.begin(), files_.end(),
                           [this](const File& a, const File& b) { return Compare(a, b) == 0; }),
               files_.end());
  files_.shrink_to_fit();
}

std::string FileList::operator[](size_t i) const {
  const File& f = files_[i];
  std::string path(Folder(f));
  path += Name(f);
  return path;
}

}  // namespace fuhua
