// The child-process runner of the end-to-end benchmark (see child_run.h):
// fork/exec of the measured program and wait4() for its wall time, CPU time
// and peak RSS, with its output captured in files so a chatty child cannot
// block on a pipe while it is being timed.
#include "bench/child_run.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fuhua::bench {
namespace {

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double Seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

size_t ArgBytes(const std::vector<std::string>& argv) {
  size_t n = 0;
  for (const std::string& a : argv) n += a.size() + 1 + sizeof(char*);
  return n;
}

// In the child, between fork and exec: only async-signal-safe calls. A long
// argument list (100k file names) needs a larger stack limit: the kernel
// allows argv up to a quarter of it (and 6 MiB at most).
[[noreturn]] void ExecChild(char* const* argv, const char* cwd, const char* out, const char* err,
                            bool big_args) {
  int o = ::open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int e = ::open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int null_in = ::open("/dev/null", O_RDONLY);
  if (o < 0 || e < 0 || null_in < 0 || ::dup2(o, 1) < 0 || ::dup2(e, 2) < 0 ||
      ::dup2(null_in, 0) < 0 || (cwd[0] && ::chdir(cwd) != 0))
    ::_exit(127);
  if (big_args) {
    rlimit r{};
    if (::getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur != RLIM_INFINITY) {
      r.rlim_cur = std::min<rlim_t>(r.rlim_max, rlim_t{64} << 20);
      ::setrlimit(RLIMIT_STACK, &r);
    }
  }
  ::execvp(argv[0], argv);
  ::_exit(127);
}

}  // namespace

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

Status RunChild(const std::vector<std::string>& argv, const std::string& cwd,
                const std::string& scratch, ChildResult* r) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::string out = scratch + "/child.out", err = scratch + "/child.err";
  bool big_args = ArgBytes(argv) > (1u << 20);
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid < 0) return Status::IoError(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) ExecChild(args.data(), cwd.c_str(), out.c_str(), err.c_str(), big_args);
  int status = 0;
  rusage ru{};
  if (::wait4(pid, &status, 0, &ru) < 0)
    return Status::IoError(std::string("wait4: ") + std::strerror(errno));
  r->wall_s = Since(t0);
  r->cpu_s = Seconds(ru.ru_utime) + Seconds(ru.ru_stime);
  r->max_rss_kb = ru.ru_maxrss;
  r->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r->out = ReadAll(out);
  r->err = ReadAll(err);
  if (r->exit_code == 127 && r->out.empty() && r->err.empty())
    return Status::NotFound("cannot run " + argv[0]);
  return Status::Ok();
}

}  // namespace fuhua::bench
