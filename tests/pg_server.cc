// PgServer (see pg_server.h): finds the server binaries, runs initdb and
// postgres as a child process (as the postgres user when we are root),
// waits until it accepts connections, hands out fresh databases, and stops
// it at the end of the test process through a gtest Environment.
#include "tests/pg_server.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace fuhua::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr auto kReadyTimeout = std::chrono::seconds(30);
constexpr auto kStopTimeout = std::chrono::seconds(20);

std::unique_ptr<PgServer>& Instance() {
  static std::unique_ptr<PgServer> server;
  return server;
}

bool HasServerBinaries(const fs::path& dir) {
  return fs::exists(dir / "initdb") && fs::exists(dir / "postgres");
}

// FUHUA_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin, else PATH.
std::string FindBindir() {
  if (const char* env = std::getenv("FUHUA_PG_BINDIR")) return HasServerBinaries(env) ? env : "";
  std::error_code ec;
  int best = -1;
  std::string found;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    int version = std::atoi(e.path().filename().c_str());
    if (version > best && HasServerBinaries(e.path() / "bin")) {
      best = version;
      found = e.path() / "bin";
    }
  }
  if (!found.empty()) return found;
  std::stringstream path(std::getenv("PATH") ? std::getenv("PATH") : "");
  for (std::string dir; std::getline(path, dir, ':');) {
    if (!dir.empty() && HasServerBinaries(dir)) return dir;
  }
  return "";
}

// A port number nobody listens on right now. The server only uses it to
// name its socket, but a free number also keeps it clear of real servers.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  if (fd >= 0) close(fd);
  return port > 0 ? port : 55432;
}

std::string PercentEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string Tail(const std::string& path, size_t max_chars = 1500) {
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() > max_chars ? "…" + text.substr(text.size() - max_chars) : text;
}

struct Spawn {
  std::vector<std::string> argv;
  std::string log;  // stdout and stderr go here
  std::string cwd;
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

// In the child, between fork and exec: async-signal-safe calls only.
[[noreturn]] void ExecChild(const Spawn& s, char* const* argv, pid_t parent) {
  int log = open(s.log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  int null = open("/dev/null", O_RDONLY);
  if (log < 0 || null < 0 || dup2(null, 0) < 0 || dup2(log, 1) < 0 || dup2(log, 2) < 0) _exit(126);
  if (chdir(s.cwd.c_str()) != 0) _exit(126);
  if (s.switch_user && (setgroups(1, &s.gid) != 0 || setgid(s.gid) != 0 || setuid(s.uid) != 0)) {
    _exit(126);
  }
  // After setuid, which clears it: die with the test process.
  prctl(PR_SET_PDEATHSIG, SIGQUIT);
  if (getppid() != parent) _exit(1);
  execv(argv[0], argv);
  _exit(127);
}

pid_t Start(const Spawn& s) {
  std::vector<char*> argv;
  for (const std::string& a : s.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) ExecChild(s, argv.data(), parent);
  return pid;
}

// Runs to completion; true on exit status 0.
bool Run(const Spawn& s) {
  pid_t pid = Start(s);
  int status = 0;
  return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
         WEXITSTATUS(status) == 0;
}

bool Exited(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == pid;
}

class PgServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { PgServer::StopIfStarted(); }
};

::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new PgServerEnvironment);

}  // namespace

bool RequirePostgres() {
  const char* v = std::getenv("FUHUA_REQUIRE_POSTGRES");
  return v && std::string(v) == "1";
}

PgServer& PgServer::Get() {
  std::unique_ptr<PgServer>& server = Instance();
  if (!server) {
    server.reset(new PgServer());
    server->Start();
  }
  return *server;
}

void PgServer::StopIfStarted() { Instance().reset(); }

PgServer::~PgServer() { Stop(); }

void PgServer::Start() {
  Clock::time_point t0 = Clock::now();
  bindir_ = FindBindir();
  if (bindir_.empty()) {
    error_ =
        "PostgreSQL server binaries (initdb, postgres) not found; install the postgresql "
        "package (tools/bootstrap.sh does) or set FUHUA_PG_BINDIR";
    return;
  }
  if (!ChooseUser() || !MakeDirectory() || !InitDb() || !Launch()) return;
  startup_seconds_ = std::chrono::duration<double>(Clock::now() - t0).count();
}

// PostgreSQL refuses to run as root: as root, run it as `postgres`.
bool PgServer::ChooseUser() {
  if (geteuid() != 0) return true;
  const passwd* pw = getpwnam("postgres");
  if (!pw) {
    error_ = "running as root and there is no 'postgres' user to run the server as";
    return false;
  }
  switch_user_ = true;
  uid_ = pw->pw_uid;
  gid_ = pw->pw_gid;
  return true;
}

bool PgServer::MakeDirectory() {
  char tmpl[] = "/tmp/fuhua_pg.XXXXXX";  // short: socket paths are limited to ~100 bytes
  if (!mkdtemp(tmpl)) {
    error_ = "cannot create a temporary directory in /tmp";
    return false;
  }
  dir_ = tmpl;
  if (switch_user_ && chown(dir_.c_str(), uid_, gid_) != 0) {
    error_ = "cannot hand " + dir_ + " to the postgres user";
    return false;
  }
  return true;
}

bool PgServer::InitDb() {
  Spawn initdb{{bindir_ + "/initdb", "-D", dir_ + "/data", "-A", "trust", "-U", "postgres", "-E",
                "UTF8", "--locale=C", "--no-sync"},
               dir_ + "/initdb.log",
               dir_,
               switch_user_,
               uid_,
               gid_};
  if (Run(initdb)) return true;
  error_ = "initdb failed: " + Tail(initdb.log);
  return false;
}

// Unix socket only (listen_addresses empty); durability off, the data is
// thrown away.
bool PgServer::Launch() {
  port_ = FreePort();
  Spawn server{{bindir_ + "/postgres", "-D", dir_ + "/data", "-k", dir_, "-p",
                std::to_string(port_), "-c", "listen_addresses=", "-c", "fsync=off", "-c",
                "synchronous_commit=off", "-c", "full_page_writes=off"},
               dir_ + "/server.log",
               dir_,
               switch_user_,
               uid_,
               gid_};
  pid_ = fuhua::testing::Start(server);
  if (pid_ > 0 && WaitUntilReady()) return true;
  error_ = "postgres did not start: " + Tail(server.log);
  return false;
}

bool PgServer::WaitUntilReady() {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  const std::string conninfo =
      "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres dbname=postgres";
  for (Clock::time_point end = Clock::now() + kReadyTimeout; Clock::now() < end;) {
    if (Exited(pid_)) {
      pid_ = -1;
      return false;
    }
    try {
      Poco::Data::Session session("PostgreSQL", conninfo);
      return true;
    } catch (const Poco::Exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return false;
}

bool PgServer::CreateDatabase(std::string* url, std::string* error) {
  const std::string name = "fuhua_test_" + std::to_string(++databases_);
  try {
    Poco::Data::Session admin("PostgreSQL", "host=" + dir_ + " port=" + std::to_string(port_) +
                                                " user=postgres dbname=postgres");
    admin << "CREATE DATABASE " + name, Poco::Data::Keywords::now;
  } catch (const Poco::Exception& e) {
    *error = "CREATE DATABASE " + name + ": " + e.displayText();
    return false;
  }
  *url = "postgresql://postgres@" + PercentEncode(dir_) + ":" + std::to_string(port_) + "/" + name;
  return true;
}

void PgServer::Stop() {
  if (pid_ > 0) {
    kill(pid_, SIGINT);  // fast shutdown: disconnect clients, no checkpoint wait
    bool exited = false;
    for (Clock::time_point end = Clock::now() + kStopTimeout; !exited && Clock::now() < end;) {
      exited = Exited(pid_);
      if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!exited) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    pid_ = -1;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

}  // namespace fuhua::testing
