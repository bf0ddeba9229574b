// Implements the ingest of ingest.h: a window of extraction jobs ahead of
// the writer, in file order (pipeline/ordered_pool.h), so memory stays
// bounded whatever the number of files, and results are written in the same
// order on every run.
#include "store/ingest.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "parsers/reader.h"
#include "pipeline/ordered_pool.h"

namespace fuhua {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t g_stop = 0;

// Extensions of files that may be notices, taken from folders; the reader
// then decides by content.
const std::set<std::string> kNoticeExtensions = {".txt", ".docx", ".doc", ".docm", ".text", ""};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Absolute and lexically normal, so `samples/x.txt` and `./samples/x.txt`
// (or the same file reached from another working directory) are one path.
fs::path Absolute(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? fs::path(p) : abs).lexically_normal();
}

void CollectFolder(const fs::path& dir, FileList* files, int* skipped,
                   std::vector<IngestFailure>* failures) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().starts_with(".")) {  // hidden files and folders (.git)
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    if (kNoticeExtensions.count(Lower(p.extension().string())))
      files->Add(p.native());
    else
      ++*skipped;
  }
  if (ec) failures->push_back({dir.string(), "io_error: cannot list folder: " + ec.message()});
}

// What the store holds when the run starts, to skip files without parsing.
struct StoredIndex {
  std::unordered_map<std::string, std::string> sha_by_path;  // current versions
  std::unordered_set<std::string> current_shas;
};

Status LoadIndex(Store* store, StoredIndex* index) {
  std::vector<std::pair<std::string, std::string>> current;
  Status st = store->CurrentFiles(&current);
  for (auto& [path, sha256] : current) {
    index->current_shas.insert(sha256);
    index->sha_by_path[std::move(path)] = std::move(sha256);
  }
  return st;
}

enum class Skip {
  kNone,
  kUnchanged,  // this path's current version has this content
  kDuplicate,  // a new path whose content is current at another path
};

// One file's extraction, done by a worker or by the writer (see
// OrderedPool), or by the writer for a duplicate superseded during the run.
struct Job {
  std::string path;
  Status status;
  Notice notice;
  std::string sha256;
  int64_t bytes = 0;
  Skip skip = Skip::kNone;
  bool parsed = false;
};

// The pipeline reports through Status; the catch is the last line of
// defence of "one file, one failure domain": an exception escaping a worker
// thread would otherwise end the whole run.
void Extract(const std::string& bytes, const ExtractOptions& options, Job* job) {
  job->parsed = true;
  try {
    Document doc;
    job->status = ExtractBytes(job->path, bytes, job->sha256, &job->notice, &doc, options);
  } catch (const std::exception& e) {
    job->status = Status::Internal(job->path + ": unexpected error while extracting: " + e.what());
  } catch (...) {
    job->status = Status::Internal(job->path + ": unexpected error while extracting");
  }
}

// Reads one file and, unless the store has its content already, extracts it.
void RunJob(const StoredIndex& index, const ExtractOptions& options, Job* job) {
  std::string bytes;
  job->status = LoadFile(job->path, ReaderOptions().max_file_bytes, &bytes);
  if (!job->status.ok()) return;
  job->bytes = static_cast<int64_t>(bytes.size());
  job->sha256 = Sha256Hex(bytes);
  auto here = index.sha_by_path.find(job->path);
  if (here != index.sha_by_path.end() && here->second == job->sha256) {
    job->skip = Skip::kUnchanged;
  } else if (here == index.sha_by_path.end() && index.current_shas.count(job->sha256)) {
    job->skip = Skip::kDuplicate;  // confirmed by the writer (see StillCurrent)
  } else {
    Extract(bytes, options, job);
  }
}

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A duplicate seen at the start may have been superseded since (by a changed
// file earlier in this run); then it must be extracted and written after all.
bool StillCurrent(Store* store, const std::string& sha256) {
  NoticeRow row;
  return store->FindNoticeBySha(sha256, &row).ok() && !row.superseded_by;
}

void ExtractOnWriter(const ExtractOptions& options, Job* job) {
  std::string bytes;
  job->skip = Skip::kNone;
  job->status = LoadFile(job->path, ReaderOptions().max_file_bytes, &bytes);
  if (!job->status.ok()) return;
  job->sha256 = Sha256Hex(bytes);  // the file may have changed since the worker read it
  Extract(bytes, options, job);
}

void Fail(Store* store, int64_t run, const std::string& path, const std::string& sha256,
          const Status& st, IngestReport* report) {
  ++report->summary.files_failed;
  report->failures.push_back({path, st.ToString()});
  std::optional<std::string> sha;
  if (!sha256.empty()) sha = sha256;
  store->Quarantine(run, path, sha, st.ToString());  // best effort: already in the report
}

// A duplicate that retired an older version at its path changed that path:
// it counts as a new version, like a changed file.
void Tally(const WriteResult& w, IngestReport* report) {
  RunSummary& s = report->summary;
  bool retired = w.superseded.has_value();
  if (w.outcome == WriteResult::Outcome::kInserted || retired) ++s.files_new;
  if (retired) ++report->files_new_version;
  if (w.outcome == WriteResult::Outcome::kUnchanged) ++s.files_unchanged;
  if (w.outcome == WriteResult::Outcome::kDuplicate && !retired) {
    ++s.files_unchanged;
    ++report->files_duplicate;
  }
  s.records_added += w.records_added;
  s.checks_failed += w.checks_failed;
}

// Stores one extracted job, or quarantines it; updates the report.
void WriteJob(Store* store, int64_t run, const ExtractOptions& options, Job& job,
              IngestReport* report) {
  ++report->summary.files_seen;
  report->bytes += job.bytes;
  if (job.skip == Skip::kDuplicate && !StillCurrent(store, job.sha256))
    ExtractOnWriter(options, &job);
  if (job.skip != Skip::kNone) {
    ++report->summary.files_unchanged;
    if (job.skip == Skip::kDuplicate) ++report->files_duplicate;
    return;
  }
  if (job.parsed) ++report->files_parsed;
  Status st = job.status;
  WriteResult w;
  if (st.ok()) st = store->WriteNotice(job.notice, run, &w);
  if (!st.ok()) return Fail(store, run, job.path, job.sha256, st, report);
  Tally(w, report);
}

// The writer commits files in batches (Store::BeginBatch): a commit per
// notice was ~38% of its time. Each notice is still stored or failed alone
// (a savepoint), and a batch is committed after `size` files or once
// kBatchSeconds have passed (checked after each file), so a slow run still
// makes its progress durable; a crash loses at most the open batch, whose
// files a rerun stores.
class Batch {
 public:
  static constexpr double kBatchSeconds = 0.5;

  Batch(Store* store, IngestReport* report, int size)
      : store_(store), report_(report), size_(std::max(1, size)) {}

  // Before a file: opens a batch unless one is open.
  Status Open() {
    if (open_) return Status::Ok();
    Status st = store_->BeginBatch();
    if (!st.ok()) return st;
    open_ = true;
    files_ = 0;
    began_ = Clock::now();
    Keep();
    return st;
  }

  // After a file: commits when the batch is full or old enough.
  Status Done() {
    return ++files_ < size_ && Since(began_) < kBatchSeconds ? Status::Ok() : Commit();
  }

  // Commits the open batch. If that fails (the database lost the batch, or
  // the commit itself failed), its files were not stored: the report goes
  // back to what it was before them, and the error says why.
  Status Commit() {
    if (!open_) return Status::Ok();
    open_ = false;
    Status st = store_->CommitBatch();
    return st.ok() ? st : Lost(st);
  }

 private:
  // The report as the batch opens; failures by count, not copied each time.
  void Keep() {
    std::vector<IngestFailure> failures = std::move(report_->failures);
    kept_ = *report_;
    report_->failures = std::move(failures);
    kept_failures_ = report_->failures.size();
  }

  Status Lost(const Status& st) {
    std::vector<IngestFailure> failures = std::move(report_->failures);
    std::string cause;
    if (failures.size() > kept_failures_) {  // the error that cost the transaction
      const IngestFailure& first = failures[kept_failures_];
      cause = " (after " + first.path + ": " + first.error + ")";
    }
    failures.erase(failures.begin() + static_cast<std::ptrdiff_t>(kept_failures_), failures.end());
    *report_ = std::move(kept_);
    report_->failures = std::move(failures);
    return Status::IoError(st.message() + cause);
  }

  Store* store_;
  IngestReport* report_;
  const int size_;
  bool open_ = false;
  int files_ = 0;
  Clock::time_point began_;
  IngestReport kept_;
  size_t kept_failures_ = 0;
};

// Writes every file in order, in batches; an interrupt (g_stop) ends the
// run after the file being written, its batch committed. A non-ok Status:
// the store failed to begin or commit a batch.
Status WriteAll(Store* store, const FileList& files, const StoredIndex& index,
                const IngestOptions& options, Clock::time_point start, IngestReport* report) {
  OrderedPool<Job> pool(files.size(), options.jobs, [&](size_t i, Job* job) {
    job->path = files[i];
    RunJob(index, options.extract, job);
  });
  Batch batch(store, report, options.batch_files);
  int done = report->summary.files_seen;
  Status st;
  while (st.ok() && !g_stop) {
    std::optional<Job> job = pool.Next();
    if (!job) break;
    st = batch.Open();
    if (!st.ok()) break;
    WriteJob(store, report->run_id, options.extract, *job, report);
    pool.Recycle(std::move(*job));
    if (options.progress) options.progress({++done, report->files_total, Since(start)});
    st = batch.Done();
  }
  if (st.ok()) st = batch.Commit();
  pool.Stop();
  report->interrupted = st.ok() && report->summary.files_seen < report->files_total;
  return st;
}

}  // namespace

void RequestIngestStop() { g_stop = 1; }
void ResetIngestStop() { g_stop = 0; }

void CollectFiles(const std::vector<std::string>& paths, FileList* files, int* skipped,
                  std::vector<IngestFailure>* failures) {
  for (const std::string& given : paths) {
    fs::path p = Absolute(given);
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st))
      failures->push_back({p.string(), "not_found: no such file or folder"});
    else if (fs::is_directory(st))
      CollectFolder(p, files, skipped, failures);
    else
      files->Add(p.native());
  }
  files->SortUnique();
}

Status Ingest(Store* store, const std::vector<std::string>& paths, const IngestOptions& options,
              IngestReport* report) {
  const Clock::time_point start = Clock::now();
  *report = IngestReport();
  FileList files;
  std::vector<IngestFailure> missing;
  CollectFiles(paths, &files, &report->files_skipped, &missing);
  report->files_total = static_cast<int>(files.size() + missing.size());
  Status st = store->BeginRun({options.command, options.fuhua_version}, &report->run_id);
  if (!st.ok()) return st;
  for (const IngestFailure& f : missing) {
    ++report->summary.files_seen;
    ++report->summary.files_failed;
    report->failures.push_back(f);
    store->Quarantine(report->run_id, f.path, std::nullopt, f.error);
  }
  store->KeepWrittenLinkRows();  // the relink after the run need not read them back
  // The writer is the stage the others wait on: with a core to spare, the
  // log is copied into the database beside it, not inside its commits.
  if (options.jobs > 1) store->CheckpointAfterCommitsInBackground();
  StoredIndex index;
  st = LoadIndex(store, &index);
  if (st.ok()) st = WriteAll(store, files, index, options, start, report);
  report->seconds = Since(start);
  Status finished = store->FinishRun(report->run_id, report->summary);
  return st.ok() ? finished : st;
}

}  // namespace fuhua
