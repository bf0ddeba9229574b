// Implements atomic_file.h with POSIX calls: write + fsync a temporary file,
// rename(2) over the destination, fsync the directory so the rename survives
// a power cut.
#include "exporters/atomic_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fuhua {
namespace {

namespace fs = std::filesystem;

std::string TempName(const std::string& path) {
  return path + ".tmp-" + std::to_string(::getpid());
}

Status Errno(const std::string& what, const std::string& path) {
  return Status::IoError(path + ": " + what + ": " + std::strerror(errno));
}

void SyncDirectoryOf(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) ::fsync(fd), ::close(fd);
}

Status WriteAndSync(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return Errno("cannot create", path);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status st = Errno("write failed", path);
      ::close(fd);
      return st;
    }
    done += static_cast<size_t>(n);
  }
  bool ok = ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  return ok ? Status::Ok() : Errno("cannot flush", path);
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& bytes) {
  return WriteViaTempFile(path, [&](const std::string& temp) { return WriteAndSync(temp, bytes); });
}

Status WriteViaTempFile(const std::string& path, const std::function<Status(const std::string&)>& write) {
  std::string temp = TempName(path);
  Status st = write(temp);
  if (st.ok() && ::rename(temp.c_str(), path.c_str()) != 0) st = Errno("cannot replace", path);
  if (!st.ok()) {
    std::error_code ec;
    fs::remove(temp, ec);
    return st;
  }
  SyncDirectoryOf(path);
  return Status::Ok();
}

Status WriteFolderAtomically(const std::string& dir,
                             const std::vector<std::pair<std::string, std::string>>& files) {
  std::string temp = TempName(dir);
  std::error_code ec;
  fs::remove_all(temp, ec);
  if (!fs::create_directories(temp, ec) || ec) return Status::IoError(temp + ": cannot create folder: " + ec.message());
  for (const auto& [name, bytes] : files) {
    Status st = WriteAndSync(temp + "/" + name, bytes);
    if (!st.ok()) return fs::remove_all(temp, ec), st;
  }
  if (fs::exists(dir)) {
    // Swap the two folders in one step, then drop the old one.
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0) {
      Status st = Errno("cannot replace folder", dir);
      fs::remove_all(temp, ec);
      return st;
    }
    fs::remove_all(temp, ec);
  } else if (::rename(temp.c_str(), dir.c_str()) != 0) {
    Status st = Errno("cannot create folder", dir);
    fs::remove_all(temp, ec);
    return st;
  }
  SyncDirectoryOf(dir);
  return Status::Ok();
}

}  // namespace fuhua
