// Exceptions -> Status at the store's API boundary (see store_guard.h).
#include "store/store_guard.h"

#include <Poco/Exception.h>

#include <exception>

namespace fuhua {

std::string OneLine(const std::string& message) {
  std::string out;
  bool space = false;
  for (char c : message) {
    bool ws = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Status GuardStore(const std::string& target, const std::string& operation,
                  const std::function<Status()>& body) {
  std::string what;
  try {
    return body();
  } catch (const Poco::Exception& e) {
    what = e.displayText();
  } catch (const std::exception& e) {
    what = e.what();
  }
  return Status::IoError(target + ": " + operation + ": " + OneLine(what));
}

}  // namespace fuhua
