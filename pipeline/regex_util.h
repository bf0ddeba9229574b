// Small adapter over RE2: compile with a Status naming the rule file, and
// iterate over matches with their named groups.
#ifndef FUHUA_PIPELINE_REGEX_UTIL_H_
#define FUHUA_PIPELINE_REGEX_UTIL_H_

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace fuhua {

struct RegexMatch {
  size_t begin = 0;  // byte offsets of the whole match in the searched text
  size_t end = 0;
  std::map<std::string, std::string> groups;  // named groups that took part
  std::string Group(const std::string& name) const;
};

// Compiles `pattern`; `origin` (e.g. "schemas/grades.json cell_rules[2]")
// goes into the error message.
Status CompileRegex(const std::string& pattern, const std::string& origin,
                    std::unique_ptr<RE2>* out);

// Finds the first match at or after byte `pos` and ending by byte `end`
// (the text's end by default). Returns false when none.
bool FindNext(const RE2& re, std::string_view text, size_t pos, RegexMatch* m,
              size_t end = std::string_view::npos);

// Anchored at `pos`: the match must start exactly there.
bool MatchAt(const RE2& re, std::string_view text, size_t pos, RegexMatch* m);

// True when `text` contains every one of `literals`.
bool ContainsAll(std::string_view text, const std::vector<std::string>& literals);

}  // namespace fuhua

#endif  // FUHUA_PIPELINE_REGEX_UTIL_H_
