// Minimal command-line parsing for the fuhua subcommands: positional
// arguments plus --flag VALUE / --flag=VALUE / -o VALUE options and switches.
#ifndef FUHUA_CLI_ARGS_H_
#define FUHUA_CLI_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace fuhua {

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--format" -> "json"
  std::set<std::string> switches;              // "--quiet"
  std::string error;                           // non-empty on a usage error
  bool Has(const std::string& s) const { return switches.count(s) > 0; }
  std::string Get(const std::string& k, const std::string& dflt) const {
    auto it = options.find(k);
    return it == options.end() ? dflt : it->second;
  }
};

// `with_value`: options that take a value; `flags`: switches without one.
ParsedArgs ParseArgs(int argc, char** argv, int first, const std::set<std::string>& with_value,
                     const std::set<std::string>& flags);

inline constexpr int kMaxJobs = 256;

// The thread count of --jobs N (or -j N), `fallback` when neither is given.
// Returns the usage error ("" when fine): N must be a whole number from 1 to
// kMaxJobs.
std::string ParseJobs(const ParsedArgs& a, int fallback, int* jobs);

}  // namespace fuhua

#endif  // FUHUA_CLI_ARGS_H_
