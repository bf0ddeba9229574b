// Implements BackgroundCheckpoint (wal_checkpoint.h).
#include "store/wal_checkpoint.h"

#include <sqlite3.h>

namespace fuhua {
namespace {

// True when the whole log was copied. The schema read opens the file and
// its log: before it, the connection does not know the database is in WAL
// mode and its checkpoint does nothing (and reports -1 pages).
bool Checkpoint(const std::string& path) {
  sqlite3* db = nullptr;
  bool complete = false;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) ==
          SQLITE_OK &&
      sqlite3_exec(db, "PRAGMA schema_version", nullptr, nullptr, nullptr) == SQLITE_OK) {
    int in_log = -1, copied = -1;
    int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &in_log, &copied);
    complete = rc == SQLITE_OK && in_log >= 0 && in_log == copied;
  }
  sqlite3_close(db);  // also after a failed open, which still returns a handle
  return complete;
}

}  // namespace

BackgroundCheckpoint::BackgroundCheckpoint(std::string path)
    : thread_([this, path = std::move(path)] {
        complete_ = Checkpoint(path);
        done_ = true;
      }) {}

bool BackgroundCheckpoint::Wait() {
  if (thread_.joinable()) thread_.join();
  return complete_;
}

CheckpointsAfterCommits::CheckpointsAfterCommits(sqlite3* db, std::string path, int pages)
    : db_(db), path_(std::move(path)), pages_(pages) {
  sqlite3_wal_hook(db_, &CheckpointsAfterCommits::OnCommit, this);
}

CheckpointsAfterCommits::~CheckpointsAfterCommits() {
  sqlite3_wal_autocheckpoint(db_, pages_);  // also removes the hook
  running_.reset();
}

// Called by SQLite after each commit, its write lock released. The log
// starts over only at a transaction that began with all of it copied, and
// the writer begins its next one as soon as it has committed: a helper alone
// is always a commit behind. So it copies the bulk, and the next commit
// after it has finished copies the little written since, itself.
int CheckpointsAfterCommits::OnCommit(void* self, sqlite3* db, const char* schema, int pages) {
  auto* c = static_cast<CheckpointsAfterCommits*>(self);
  if (c->running_ && !c->running_->Done()) return SQLITE_OK;
  if (c->running_) {
    c->running_.reset();
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (pages >= c->pages_) {
    c->running_ = std::make_unique<BackgroundCheckpoint>(c->path_);
    ++c->started_;
  }
  return SQLITE_OK;
}

}  // namespace fuhua
