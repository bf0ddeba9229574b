// Bulk ingest: files and folders -> extraction on N threads -> one writer
// storing each notice all or nothing (store/store.h), committing them in
// batches of up to 128 files or 0.5 s. The writer is one of the N: it
// extracts files itself whenever the next one to store is not ready yet
// (with one job it extracts them all).
//   IngestReport report;
//   Status st = Ingest(store.get(), {"notices/"}, options, &report);
// Files come in a stable order (absolute paths, sorted), so two runs over the
// same tree store the same thing, whatever the working directory. A file
// whose path and sha256 are already current in the store is not even parsed,
// nor is a new path whose content is already current at another path (a
// duplicate). A file that cannot be read or stored is quarantined with its
// error and the run goes on. An interrupt (see RequestIngestStop) lets the
// notice being written finish, commits, then stops: every notice is either
// fully stored or not at all, and a rerun completes the job (also after a
// crash, which loses the files of the uncommitted batch).
#ifndef FUHUA_STORE_INGEST_H_
#define FUHUA_STORE_INGEST_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "store/file_list.h"
#include "store/store.h"

namespace fuhua {

struct IngestProgress {
  int done = 0;  // files finished (stored, unchanged or failed)
  int total = 0;
  double seconds = 0;  // since the run started
};

struct IngestOptions {
  int jobs = 1;         // threads in all: N - 1 workers extract ahead of the writer (the
                        // calling thread), which extracts too while it has nothing to store
  std::string command;  // recorded with the run
  std::string fuhua_version = FUHUA_VERSION;
  ExtractOptions extract;
  std::function<void(const IngestProgress&)> progress;  // called after each file
  // Files per commit at most (tests compare with 1). Every commit writes
  // each index page the batch touched to the WAL, and a batch's records
  // touch most pages of the name indexes: an ingest of 1,000 .docx made
  // 76,400 writes at 32 files, 63,800 at 128. The 0.5 s bound keeps what a
  // crash can lose as small as before.
  int batch_files = 128;
};

struct IngestFailure {
  std::string path;
  std::string error;  // Status::ToString(): "invalid_input: empty file"
};

struct IngestReport {
  int64_t run_id = 0;
  RunSummary summary;                   // as recorded with the run
  int files_total = 0;                  // files found (summary.files_seen is those finished)
  int files_skipped = 0;                // in folders, files whose extension is not a notice's
  int files_parsed = 0;                 // extracted in this run (the others were unchanged)
  int files_duplicate = 0;              // of files_unchanged: content current at another path
  int files_new_version = 0;            // of files_new: a changed file, the old version superseded
  std::vector<IngestFailure> failures;  // the quarantine list of this run
  bool interrupted = false;             // stopped by RequestIngestStop before the last file
  double seconds = 0;
  int64_t bytes = 0;  // of the files read
};

// Expands files and folders (recursively) into the files to ingest: absolute,
// lexically normal paths, sorted, without repeats. Named files are always
// taken; in folders, files with a notice extension (see kNoticeExtensions in
// ingest.cc) or none, hidden files and folders excepted. Missing paths and
// folders that cannot be listed become failures.
void CollectFiles(const std::vector<std::string>& paths, FileList* files, int* skipped,
                  std::vector<IngestFailure>* failures);

// Ingests `paths` into `store` as one run (BeginRun … FinishRun). Bad files
// are failures in the report, not errors: a non-ok Status means the store
// itself failed (begin, list current notices, commit a batch, finish), and
// the report holds what was stored until then.
Status Ingest(Store* store, const std::vector<std::string>& paths, const IngestOptions& options,
              IngestReport* report);

// Async-signal-safe: asks a running (or the next) Ingest to stop after the
// notice it is writing (for a SIGINT/SIGTERM handler). The request stays
// until ResetIngestStop, so one arriving just before Ingest starts is not lost.
void RequestIngestStop();
void ResetIngestStop();

}  // namespace fuhua

#endif  // FUHUA_STORE_INGEST_H_
