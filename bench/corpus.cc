// Writing and checking the benchmark corpus (see corpus.h): each copy of a
// sample is tagged so its bytes (and sha256) differ while every reader sees
// the same document, and the first copy of each sample is extracted beside
// the sample to prove it.
#include "bench/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "bench/child_run.h"
#include "parsers/reader.h"

namespace fuhua::bench {
namespace {

namespace fs = std::filesystem;

// The zip with its end-of-central-directory comment set to `tag`: the
// entries and the central directory are untouched, so every reader sees the
// same package, but the file's bytes (and sha256) differ.
Status TagDocx(const std::string& zip, const std::string& tag, std::string* out) {
  constexpr size_t kEndRecord = 22;
  size_t pos = zip.size() < kEndRecord
                   ? std::string::npos
                   : zip.rfind(std::string("PK\x05\x06", 4), zip.size() - kEndRecord);
  if (pos == std::string::npos) return Status::InvalidInput("no end of central directory record");
  *out = zip.substr(0, pos + kEndRecord - 2);
  out->push_back(static_cast<char>(tag.size() & 0xFF));
  out->push_back(static_cast<char>(tag.size() >> 8));
  *out += tag;
  return Status::Ok();
}

// The text with trailing whitespace-only lines spelling `copy` (one line of
// d + 1 spaces per decimal digit d): blank lines to the reader, distinct bytes.
std::string TagText(const std::string& text, size_t copy) {
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  for (char d : std::to_string(copy))
    out += std::string(static_cast<size_t>(d - '0') + 1, ' ') + "\n";
  return out;
}

Status ListSamples(const std::string& dir, const std::string& format,
                   std::vector<std::string>* out) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == "." + format)
      out->push_back(fs::absolute(e.path()).string());
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(out->begin(), out->end());
  if (out->empty()) return Status::NotFound(dir + ": no *." + format + " samples");
  return Status::Ok();
}

// One JSONL notice with what legitimately differs between two files of the
// same document blanked: the path (wherever it is quoted) and sha256.
std::string Masked(std::string line, const std::string& path) {
  for (size_t at; (at = line.find(path)) != std::string::npos;)
    line.replace(at, path.size(), "<source>");
  const std::string kSha = "\"sha256\":\"";
  for (size_t at = line.find(kSha); at != std::string::npos; at = line.find(kSha, at + 1))
    line.replace(at + kSha.size(), std::min<size_t>(64, line.size() - at - kSha.size()), "<sha>");
  return line;
}

}  // namespace

Status TagCopy(const std::string& original, const std::string& format, size_t copy,
               std::string* bytes) {
  if (format == "docx") return TagDocx(original, "fuhua-bench copy " + std::to_string(copy), bytes);
  *bytes = TagText(original, copy);
  return Status::Ok();
}

Status StartCorpus(const std::string& samples_dir, const std::string& format,
                   const std::string& dir, Corpus* c, std::vector<std::string>* originals) {
  c->format = format;
  c->dir = fs::absolute(dir).string();
  Status st = ListSamples(samples_dir, format, &c->samples);
  if (!st.ok()) return st;
  originals->resize(c->samples.size());
  for (size_t k = 0; k < originals->size() && st.ok(); ++k)
    st = LoadFile(c->samples[k], 256u << 20, &(*originals)[k]);
  std::error_code ec;
  fs::remove_all(c->dir, ec);
  if (!st.ok() || !fs::create_directories(c->dir, ec)) return st.ok() ? Status::IoError(dir) : st;
  return Status::Ok();
}

std::string CopyName(size_t i, size_t n, const std::string& format) {
  std::string digits = std::to_string(i);
  size_t width = std::max<size_t>(6, std::to_string(n > 0 ? n - 1 : 0).size());
  return std::string(width - std::min(width, digits.size()), '0') + digits + "." + format;
}

Status AddFile(Corpus* c, const std::string& name, const std::string& bytes) {
  Status st = WriteFile(c->dir + "/" + name, bytes);
  if (!st.ok()) return st;
  c->names.push_back(name);
  c->sizes.push_back(bytes.size());
  c->bytes += bytes.size();
  return Status::Ok();
}

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  return f ? Status::Ok() : Status::IoError(path + ": cannot write");
}

Status BuildCorpus(const std::string& samples_dir, const std::string& format, size_t n,
                   const std::string& dir, Corpus* c) {
  std::vector<std::string> originals;
  Status st = StartCorpus(samples_dir, format, dir, c, &originals);
  for (size_t i = 0; i < n && st.ok(); ++i) {
    size_t k = i % originals.size();
    std::string bytes;
    st = TagCopy(originals[k], format, i / originals.size(), &bytes);
    if (st.ok()) st = AddFile(c, CopyName(i, n, format), bytes);
    if (!st.ok()) return Status::IoError(c->samples[k] + ": " + st.message());
  }
  return st;
}

Status VerifyCopies(const std::string& fuhua, const Corpus& c, const std::string& scratch) {
  for (size_t k = 0; k < c.samples.size() && k < c.names.size(); ++k) {
    std::string copy = c.dir + "/" + c.names[k], out = scratch + "/verify.jsonl";
    ChildResult r;
    Status st =
        RunChild({fuhua, "extract", c.samples[k], copy, "--format", "jsonl", "-o", out, "--quiet"},
                 "", scratch, &r);
    if (!st.ok()) return st;
    std::istringstream lines(ReadAll(out));
    std::string a, b;
    std::getline(lines, a), std::getline(lines, b);
    if (r.exit_code != 0 || a.empty() || Masked(a, c.samples[k]) != Masked(b, copy))
      return Status::Internal(copy + " (a copy of " + c.samples[k] +
                              ") does not extract the same notice (exit " +
                              std::to_string(r.exit_code) + "): the corpus would be invalid");
  }
  return Status::Ok();
}

}  // namespace fuhua::bench
