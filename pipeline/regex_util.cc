// RE2 adapter: named-group extraction over RE2::Match.
#include "pipeline/regex_util.h"

#include <algorithm>
#include <vector>

namespace fuhua {
namespace {

bool Run(const RE2& re, std::string_view text, size_t pos, size_t end, RE2::Anchor anchor,
         RegexMatch* m) {
  end = std::min(end, text.size());
  if (pos > end) return false;
  int n = 1 + re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(n));
  re2::StringPiece sp(text.data(), text.size());
  if (!re.Match(sp, pos, end, anchor, sub.data(), n)) return false;
  m->begin = static_cast<size_t>(sub[0].data() - text.data());
  m->end = m->begin + sub[0].size();
  m->groups.clear();
  for (const auto& [name, index] : re.NamedCapturingGroups())
    if (sub[index].data() != nullptr) m->groups[name] = std::string(sub[index]);
  return true;
}

}  // namespace

std::string RegexMatch::Group(const std::string& name) const {
  auto it = groups.find(name);
  return it == groups.end() ? std::string() : it->second;
}

Status CompileRegex(const std::string& pattern, const std::string& origin,
                    std::unique_ptr<RE2>* out) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) return Status::InvalidInput(origin + ": bad pattern: " + re->error());
  *out = std::move(re);
  return Status::Ok();
}

bool FindNext(const RE2& re, std::string_view text, size_t pos, RegexMatch* m, size_t end) {
  return Run(re, text, pos, end, RE2::UNANCHORED, m);
}

bool MatchAt(const RE2& re, std::string_view text, size_t pos, RegexMatch* m) {
  return Run(re, text, pos, text.size(), RE2::ANCHOR_START, m);
}

bool ContainsAll(std::string_view text, const std::vector<std::string>& literals) {
  return std::all_of(literals.begin(), literals.end(),
                     [&](const std::string& l) { return text.find(l) != std::string_view::npos; });
}

}  // namespace fuhua
