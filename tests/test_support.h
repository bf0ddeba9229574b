// Helpers shared by the tests: the repo root and one-call extraction.
#ifndef FUHUA_TESTS_TEST_SUPPORT_H_
#define FUHUA_TESTS_TEST_SUPPORT_H_

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/reader.h"
#include "pipeline/extract.h"
#include "pipeline/rules.h"

namespace fuhua::testing {

inline std::string SourcePath(const std::string& rel) { return std::string(FUHUA_SOURCE_DIR) + "/" + rel; }

// A file's bytes, and writing bytes to a file (its folder created).
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline const Rules& TestRules() {
  Status st;
  const Rules* r = DefaultRules(&st);
  if (!r) throw std::runtime_error(st.ToString());
  return *r;
}

// Runs the pipeline on text given inline.
inline Notice ExtractText(const std::string& text, Document* doc_out = nullptr) {
  Notice n;
  Document doc;
  Status st = ExtractBytes("inline.txt", text, &n, &doc);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  if (doc_out) *doc_out = std::move(doc);
  return n;
}

// The fuhua binary as a user runs it.
struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout, and stderr when asked for
};

// Runs `fuhua ARGS` through the shell (quote paths with spaces yourself).
inline CliRun Fuhua(const std::string& args, bool with_stderr = false) {
  std::string cmd = std::string(FUHUA_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace fuhua::testing

#endif  // FUHUA_TESTS_TEST_SUPPORT_H_
