// Atomic output: an interrupted export never leaves a half-written file (or
// folder) where a good one was. Everything is written under a temporary name
// in the destination's directory, flushed to disk, then renamed over the
// destination — a rename within one file system is atomic.
#ifndef FUHUA_EXPORTERS_ATOMIC_FILE_H_
#define FUHUA_EXPORTERS_ATOMIC_FILE_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/status.h"

namespace fuhua {

Status WriteFileAtomically(const std::string& path, const std::string& bytes);

// For writers that need a file name (libxlsxwriter): `write` receives a
// temporary path next to `path`; on success the result replaces `path`, on
// failure the temporary file is removed and `path` is untouched.
Status WriteViaTempFile(const std::string& path, const std::function<Status(const std::string&)>& write);

// Writes `files` (name, bytes) into a fresh folder that then replaces `dir`
// in one step (Linux renameat2 RENAME_EXCHANGE when `dir` exists).
Status WriteFolderAtomically(const std::string& dir,
                             const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace fuhua

#endif  // FUHUA_EXPORTERS_ATOMIC_FILE_H_
