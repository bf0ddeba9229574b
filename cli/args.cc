// Implements ParseArgs and ParseJobs (see args.h).
#include "cli/args.h"

#include <charconv>

namespace fuhua {

std::string ParseJobs(const ParsedArgs& a, int fallback, int* jobs) {
  *jobs = fallback;
  std::string text = a.Get("--jobs", a.Get("-j", ""));
  if (text.empty()) return "";
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *jobs);
  if (ec != std::errc() || end != text.data() + text.size() || *jobs < 1 || *jobs > kMaxJobs)
    return "--jobs must be a whole number from 1 to " + std::to_string(kMaxJobs) + ", not '" +
           text + "'";
  return "";
}

ParsedArgs ParseArgs(int argc, char** argv, int first, const std::set<std::string>& with_value,
                     const std::set<std::string>& flags) {
  ParsedArgs a;
  bool only_positional = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_positional || arg.empty() || arg[0] != '-' || arg == "-") {
      a.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string value;
    size_t eq = arg.find('=');
    bool inline_value = eq != std::string::npos;
    if (inline_value) value = arg.substr(eq + 1), arg = arg.substr(0, eq);
    if (flags.count(arg) && !inline_value) {
      a.switches.insert(arg);
    } else if (with_value.count(arg)) {
      if (!inline_value && i + 1 >= argc) {
        a.error = "option " + arg + " needs a value";
        return a;
      }
      a.options[arg] = inline_value ? value : argv[++i];
    } else {
      a.error = "unknown option " + arg;
      return a;
    }
  }
  return a;
}

}  // namespace fuhua
