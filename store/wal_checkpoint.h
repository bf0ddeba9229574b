// BackgroundCheckpoint: copies a SQLite store's write-ahead log back into
// the database file once, on a thread and connection of its own, while the
// writer's connection goes on reading and writing.
//
// Why: a bulk ingest leaves tens of MiB of log. Copied by the writer, that
// happens inside a later commit (the relink's) or at close, when the run has
// nothing else left to do and the other cores are idle. Started as the
// ingest's writing ends, it overlaps with the relink's reading and linking;
// by the time the relink writes, the log can start over from its beginning.
//   BackgroundCheckpoint c("store.db");   // starts
//   ... the relink ...
//   c.Wait();                             // or the destructor
// The checkpoint is PASSIVE: it never waits for or blocks the writer or a
// reader, and copies what no reader still needs. Best effort: what it could
// not copy is left to the writer's own checkpoints and to the close.
#ifndef FUHUA_STORE_WAL_CHECKPOINT_H_
#define FUHUA_STORE_WAL_CHECKPOINT_H_

#include <atomic>
#include <memory>
#include <string>
#include <thread>

struct sqlite3;

namespace fuhua {

class BackgroundCheckpoint {
 public:
  explicit BackgroundCheckpoint(std::string path);
  ~BackgroundCheckpoint() { Wait(); }
  BackgroundCheckpoint(const BackgroundCheckpoint&) = delete;
  BackgroundCheckpoint& operator=(const BackgroundCheckpoint&) = delete;

  // Returns once the checkpoint has finished. True when it copied the whole
  // log as it was when the checkpoint began.
  bool Wait();
  bool Done() const { return done_; }  // without waiting

 private:
  bool complete_ = false;           // before thread_: set by it
  std::atomic<bool> done_ = false;  // likewise
  std::thread thread_;
};

// Moves most of a connection's automatic checkpoints off its commits: after
// a commit that leaves `pages` or more in the log, a BackgroundCheckpoint
// copies it, where SQLite's own autocheckpoint would copy it inside the
// commit; the first commit after that helper has finished copies what was
// written meanwhile (a batch or two), so that the log can start over. A bulk
// ingest's writer is its slowest stage; a 40 MiB copy in one of its commits
// was ~25 ms that every other thread waited on. Replaces the connection's
// autocheckpoint; the destructor restores it and waits for the helper.
//   CheckpointsAfterCommits c(db, "store.db", 2560);
class CheckpointsAfterCommits {
 public:
  CheckpointsAfterCommits(sqlite3* db, std::string path, int pages);
  ~CheckpointsAfterCommits();
  CheckpointsAfterCommits(const CheckpointsAfterCommits&) = delete;
  CheckpointsAfterCommits& operator=(const CheckpointsAfterCommits&) = delete;

  int started() const { return started_; }  // helpers started so far

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int pages);

  sqlite3* db_;
  const std::string path_;
  const int pages_;
  int started_ = 0;
  std::unique_ptr<BackgroundCheckpoint> running_;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_WAL_CHECKPOINT_H_
