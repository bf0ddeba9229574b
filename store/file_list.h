// The files an ingest will read (CollectFiles, ingest.h), in path order and
// without repeats, held as each one's folder (once a folder) and name: ~25
// bytes a file instead of a std::string's ~80, which was the part of an
// ingest's memory that grew most with the files (8 MB of 100,000).
//   FileList files;
//   files.Add("/data/2024/通知.docx");
//   files.SortUnique();
//   std::string first = files[0];
#ifndef FUHUA_STORE_FILE_LIST_H_
#define FUHUA_STORE_FILE_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text_pool.h"

namespace fuhua {

class FileList {
 public:
  // An absolute path; a path without a '/' is held whole as its name.
  void Add(std::string_view path);
  // Orders the paths as their whole text orders (byte by byte) and drops repeats.
  void SortUnique();
  size_t size() const { return files_.size(); }
  bool empty() const { return files_.empty(); }
  std::string operator[](size_t i) const;

 private:
  struct File {
    TextId folder = TextPool::kNull;  // with its trailing '/'
    uint32_t name_at = 0;             // in names_ (4 GiB of names: ~100 million files)
    uint32_t name_bytes = 0;
  };
  std::string_view Folder(const File& f) const { return folders_.Str(f.folder); }
  std::string_view Name(const File& f) const {
    return std::string_view(names_).substr(f.name_at, f.name_bytes);
  }
  int Compare(const File& a, const File& b) const;  // as the whole paths compare
  TextPool folders_;
  std::string names_;
  std::vector<File> files_;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_FILE_LIST_H_
