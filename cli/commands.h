// The fuhua subcommands. Each returns the process exit code:
// 0 success, 1 some inputs had errors (the rest were processed), 2 usage error.
#ifndef FUHUA_CLI_COMMANDS_H_
#define FUHUA_CLI_COMMANDS_H_

namespace fuhua {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;

int RunExtract(int argc, char** argv);  // argv[1] == "extract"
int RunInspect(int argc, char** argv);  // argv[1] == "inspect"
int RunIngest(int argc, char** argv);   // argv[1] == "ingest"
int RunLink(int argc, char** argv);     // argv[1] == "link"
int RunCompare(int argc, char** argv);  // argv[1] == "compare"
int RunHistory(int argc, char** argv);  // argv[1] == "history"
int RunExport(int argc, char** argv);   // argv[1] == "export"

}  // namespace fuhua

#endif  // FUHUA_CLI_COMMANDS_H_
