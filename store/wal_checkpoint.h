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

#include <string>
#include <thread>

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

 private:
  bool complete_ = false;  // before thread_: set by it
  std::thread thread_;
};

}  // namespace fuhua

#endif  // FUHUA_STORE_WAL_CHECKPOINT_H_
