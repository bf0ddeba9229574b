// fuhua ingest: stores the notices found in files and folders into the
// consolidated store (a SQLite file or a PostgreSQL database), incrementally
// and in parallel (store/ingest.h), with a progress bar on a terminal, a
// graceful stop on the first Ctrl-C, and a summary of the run on stdout.
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/args.h"
#include "cli/bulk_memory.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_option.h"
#include "store/identity.h"
#include "pipeline/extract.h"
#include "pipeline/rules.h"
#include "pipeline/schema_files.h"
#include "store/ingest.h"
#include "store/store.h"
#include "store/store_target.h"

namespace fuhua {
namespace {

const char kHelp[] =
    "usage: fuhua ingest PATH... [--db PATH|URL] [--jobs N] [--quiet] [--schemas DIR]\n"
    "\n"
    "Stores the notices in PATH (files, and folders searched recursively) into the\n"
    "consolidated store. Incremental: a file whose content is already stored at its path\n"
    "is not parsed again; a changed file becomes a new version of its path and the old one\n"
    "is kept as history. A file that cannot be read or stored is listed with its error\n"
    "(the quarantine list) and the run goes on.\n"
    "\n"
    "Each notice is stored whole or not at all; notices are committed in batches of up to\n"
    "128 files or every 0.5 s. A crash or kill -9 loses at most the last uncommitted batch,\n"
    "which a rerun of the same command stores.\n"
    "\n"
    "  --db PATH|URL    the store: a SQLite file, created on first use, or a\n"
    "                   postgresql://user@host:port/db URL (the database must exist);\n"
    "                   default: $FUHUA_DB, else fuhua.db in the current directory\n"
    "  --jobs N         threads (default: the number of hardware threads): they parse the\n"
    "                   files, and one of them also stores the notices, in file order\n"
    "  --quiet          no progress bar (it is drawn only when stderr is a terminal);\n"
    "                   the summary is still printed\n"
    "  --schemas DIR    read rule files from DIR, falling back to the built-in ones\n"
    "\n"
    "In folders, files named *.txt, *.text, *.docx, *.docm, *.doc or without an extension\n"
    "are read (the format is decided by content); other files are counted as skipped.\n"
    "Files named on the command line are always read. Paths are stored absolute.\n"
    "\n"
    "Ctrl-C (or SIGTERM) stops after the notice being stored and commits; rerun the same\n"
    "command to finish. A second Ctrl-C stops at once (losing the uncommitted batch); the\n"
    "store still holds whole notices only.\n"
    "\n"
    "The summary of the run goes to stdout. Exit codes: 0 every file stored or unchanged,\n"
    "1 some files failed (the others were stored), 2 usage error or the store cannot be\n"
    "opened or written, 130 (143 for SIGTERM) interrupted.\n";

volatile sig_atomic_t g_signal = 0;

// The first SIGINT/SIGTERM asks the ingest to stop after the notice being
// written, and puts the default handlers back so that a second one kills.
void OnStopSignal(int sig) {
  g_signal = sig;
  RequestIngestStop();
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigaction(SIGINT, &dfl, nullptr);
  sigaction(SIGTERM, &dfl, nullptr);
}

void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sa.sa_flags = SA_RESTART;  // the writer's I/O carries on; only the flag matters
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db;
  int jobs = 1;
  bool quiet = false;
  std::string schemas;
};

int DefaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Fills `out` from the parsed arguments; returns the usage error, if any.
std::string ToIngestArgs(const ParsedArgs& a, IngestArgs* out) {
  out->paths = a.positional;
  out->db = a.Get("--db", DefaultStoreTarget());
  out->quiet = a.Has("--quiet") || a.Has("-q");
  out->schemas = a.Get("--schemas", "");
  std::string error = ParseJobs(a, DefaultJobs(), &out->jobs);
  if (!error.empty()) return error;
  if (out->db.empty()) return "--db must not be empty";
  if (out->paths.empty()) return "no files or folders to ingest";
  return "";
}

// A store URL's password never reaches the run record or a message.
std::string Redact(const std::string& arg) {
  if (arg.rfind("--db=", 0) == 0) return "--db=" + Redact(arg.substr(5));
  return arg.rfind("postgres", 0) == 0 ? RedactPostgresUrl(arg) : arg;
}

// The command as run, recorded with the run.
std::string CommandLine(int argc, char** argv) {
  std::string line = "fuhua";
  for (int i = 1; i < argc; ++i) line += " " + Redact(argv[i]);
  return line;
}

std::string Plural(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The last line of the summary: what the run amounts to.
std::string Verdict(const IngestReport& r) {
  const RunSummary& s = r.summary;
  if (r.interrupted) {
    std::string by = g_signal == SIGTERM ? "SIGTERM" : "Ctrl-C";
    return "interrupted by " + by + ": " + std::to_string(s.files_seen) + " of " +
           Plural(r.files_total, "file", "files") +
           " done, each stored notice is complete; rerun the same command to finish";
  }
  if (s.files_seen == 0) return "nothing to ingest: no notice files found";
  if (s.files_failed > 0)
    return Plural(s.files_failed, "file", "files") + " of " + std::to_string(s.files_seen) +
           " failed (listed above); the others are in the store";
  if (s.files_new == 0)
    return "nothing changed: all " + Plural(s.files_seen, "file", "files") + " already stored";
  return "stored " + Plural(s.files_new, "new notice", "new notices");
}

std::string Line(const std::string& label, int64_t n, const std::string& note = "") {
  std::string line = "  " + label + ":";
  line.resize(20, ' ');
  return line + std::to_string(n) + (note.empty() ? "" : " (" + note + ")") + "\n";
}

std::string Rate(const IngestReport& r) {
  char buf[64];
  double rate = r.seconds > 0 ? r.summary.files_seen / r.seconds : 0;
  std::snprintf(buf, sizeof buf, "  wall time:        %.2f s (%.1f files/s)\n", r.seconds, rate);
  return buf;
}

void PrintSummary(std::ostream& out, const IngestReport& r, const std::string& target) {
  const RunSummary& s = r.summary;
  out << "fuhua ingest: run " << r.run_id << ", store " << target << "\n"
      << Line("files seen", s.files_seen)
      << Line("files new", s.files_new,
              r.files_new_version ? Plural(r.files_new_version, "new version", "new versions") : "")
      << Line("files unchanged", s.files_unchanged,
              r.files_duplicate ? Plural(r.files_duplicate, "duplicate", "duplicates") : "")
      << Line("files failed", s.files_failed)
      << Line("files skipped", r.files_skipped, r.files_skipped ? "not notices" : "")
      << Line("files parsed", r.files_parsed) << Line("records added", s.records_added)
      << Line("checks failed", s.checks_failed) << Rate(r);
  if (!r.failures.empty()) out << "failed files (quarantine list of run " << r.run_id << "):\n";
  for (const IngestFailure& f : r.failures) out << "  " << f.path << ": " << f.error << "\n";
  out << Verdict(r) << "\n";
}

int IngestInto(Store* store, const IngestArgs& args, const std::string& command) {
  ProgressBar bar(&std::cerr, ProgressBar::ShouldDraw(STDERR_FILENO, args.quiet),
                  ProgressBar::TerminalWidth(STDERR_FILENO));
  IngestOptions options;
  options.jobs = args.jobs;
  options.command = command;
  options.progress = [&bar](const IngestProgress& p) { bar.Update(p.done, p.total, p.seconds); };
  InstallStopHandlers();
  IngestReport report;
  Status st = Ingest(store, args.paths, options, &report);
  bar.Clear();
  // Relink after every run that stored something, also an interrupted one:
  // the notices stored are whole, and entities should reflect them.
  RelinkReport relink;
  if (st.ok() && report.summary.files_new > 0) {
    // The log of what was stored is copied into the database while the
    // relink reads and links, on the core the extraction no longer uses.
    if (args.jobs > 1) store->CheckpointInBackground();
    st = RelinkStore(store, &relink, args.jobs);
  }
  if (report.run_id > 0) PrintSummary(std::cout, report, store->target());
  if (st.ok() && report.summary.files_new > 0) std::cout << FormatRelink(relink) << "\n";
  std::cout.flush();
  if (!st.ok()) {
    std::cerr << "fuhua ingest: store error: " << st.ToString() << "\n";
    return kExitUsage;
  }
  if (report.interrupted) return 128 + (g_signal ? g_signal : SIGINT);
  return report.summary.files_failed > 0 ? kExitInputErrors : kExitOk;
}

}  // namespace

int RunIngest(int argc, char** argv) {
  ParsedArgs a = ParseArgs(argc, argv, 2, {"--db", "--jobs", "-j", "--schemas"},
                           {"--help", "-h", "--quiet", "-q"});
  if (a.Has("--help") || a.Has("-h")) {
    std::cout << kHelp;
    return kExitOk;
  }
  IngestArgs args;
  if (a.error.empty()) a.error = ToIngestArgs(a, &args);
  if (!a.error.empty()) {
    std::cerr << "fuhua ingest: " << a.error << "\n\n" << kHelp;
    return kExitUsage;
  }
  if (!args.schemas.empty()) SetSchemaOverrideDir(args.schemas);
  KeepFreedMemoryForReuse();
  PreloadPipeline();
  Status st;
  if (!DefaultRules(&st)) {  // every file would fail the same way: say it once
    std::cerr << "fuhua ingest: cannot load the rule files: " << st.ToString() << "\n";
    return kExitUsage;
  }
  std::unique_ptr<Store> store;
  st = OpenStore(args.db, &store);
  if (!st.ok()) {
    std::cerr << "fuhua ingest: cannot open the store " << Redact(args.db) << ": " << st.ToString()
              << "\n";
    return kExitUsage;
  }
  return IngestInto(store.get(), args, CommandLine(argc, argv));
}

}  // namespace fuhua
