// PgServer: a throwaway PostgreSQL server for the store tests, so the same
// suite runs against SQLite and PostgreSQL on any machine with the server
// binaries (Debian: the postgresql package; tools/bootstrap.sh installs it).
//
// Started on first use, once per test process: initdb into a fresh
// /tmp/fuhua_pg.XXXXXX (trust auth, superuser "postgres"), then postgres
// listening only on a unix socket in that directory (no TCP) on a free port
// number, with fsync off — the data is thrown away. As root the server runs
// as the `postgres` OS user (PostgreSQL refuses root). Stopped, and the
// directory removed, by the gtest Environment at the end of the process; if
// the process dies first, the server gets SIGQUIT from the kernel
// (PR_SET_PDEATHSIG) and stops by itself.
//
// FUHUA_PG_BINDIR overrides where initdb/postgres are looked for (default:
// the newest /usr/lib/postgresql/*/bin, then PATH).
#ifndef FUHUA_TESTS_PG_SERVER_H_
#define FUHUA_TESTS_PG_SERVER_H_

#include <sys/types.h>

#include <memory>
#include <string>

namespace fuhua::testing {

class PgServer {
 public:
  // The process-wide server, started on the first call (~1 s).
  static PgServer& Get();
  // Stops the server if it was started (the gtest Environment calls this).
  static void StopIfStarted();

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }  // why it did not start
  double startup_seconds() const { return startup_seconds_; }

  // Creates a new, empty database; *url is its postgresql:// URL (the host
  // is the socket directory, percent-encoded). False with *error on failure.
  bool CreateDatabase(std::string* url, std::string* error);

  ~PgServer();

 private:
  PgServer() = default;
  void Start();  // sets error_ on failure
  bool ChooseUser();
  bool MakeDirectory();
  bool InitDb();
  bool Launch();
  bool WaitUntilReady();
  void Stop();

  std::string error_;
  std::string bindir_;
  std::string dir_;  // data dir and socket live here
  int port_ = 0;
  pid_t pid_ = -1;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  bool switch_user_ = false;
  int databases_ = 0;
  double startup_seconds_ = 0;
};

// True when FUHUA_REQUIRE_POSTGRES=1: PostgreSQL cases fail instead of
// skipping when the server cannot start (for CI, where it must).
bool RequirePostgres();

}  // namespace fuhua::testing

#endif  // FUHUA_TESTS_PG_SERVER_H_
